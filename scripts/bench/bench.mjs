// Benchmarks: node scripts/bench/bench.mjs [--json] [--quick]. Ratios are measured side by side in
// one run on the same text, because these machines are noisy.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launch, openPage, chooseOperation, typeInEditor, fixtures, site, root } from '../../tests/browser/harness.mjs';
import { pageBodies } from '../../tests/seed-pages.mjs';
import { coreFiles, createSiteCore } from '../../tests/site-core.mjs';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const quick = args.includes('--quick');
const OP = 'securityConfigurationTask.create';
const benchDir = join(root, 'build', 'bench');
const log = (...parts) => { if (!asJson) console.error(...parts); };

// ---- the bodies ----------------------------------------------------------------------------
const [small] = pageBodies(readFileSync(join(fixtures, 'seeds', '001_ec43082713dfce17.txt'), 'utf8'));
const largeValue = JSON.parse(small);
const entries = quick ? 1600 : 16000;
largeValue.intendedSettings = Array.from({ length: entries }, (_, i) => ({ '@odata.type': '#microsoft.graph.keyValuePair', name: `setting${i}`, value: `value of setting number ${i}` }));
const large = JSON.stringify(largeValue, null, 2);
// The same body as docs examples often write it: every item's "@odata.type" without its '#', so
// every item is warned (the first kMaxDiagnostics listed, the rest counted).
const findings = large.replaceAll('"#microsoft.graph.keyValuePair"', '"microsoft.graph.keyValuePair"');
log(`bodies: small ${small.length} bytes, large ${large.length} bytes, findings ${findings.length} bytes`);

const { loadGpb } = await import(join(site, 'gpb.js'));
const gpb = await loadGpb(coreFiles());
const { requestSchema } = await import('./schema.mjs');
const schema = requestSchema(gpb.describe(OP));

// ---- 1. validate vs JSON.parse + ajv in Chromium -------------------------------------------
rmSync(benchDir, { recursive: true, force: true });
mkdirSync(benchDir, { recursive: true });
cpSync(site, benchDir, { recursive: true });
writeFileSync(join(benchDir, 'bench-entry.js'), `
import Ajv from 'ajv';
export function makeAjv(schema) { return new Ajv({ allErrors: true, strict: false }).compile(schema); }
`);
await build({ entryPoints: [join(benchDir, 'bench-entry.js')], bundle: true, format: 'esm', outfile: join(benchDir, 'bench-ajv.js'), logLevel: 'error', nodePaths: [join(root, 'node_modules')] });
writeFileSync(join(benchDir, 'bench.html'), '<!doctype html><title>bench</title><body></body>');

const benchServer = await (async () => {
  const { spawn } = await import('node:child_process');
  const port = 18000 + Math.floor(Math.random() * 2000);
  const child = spawn(process.execPath, [join(root, 'scripts', 'static-server.mjs'), benchDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ready) => child.stdout.once('data', ready));
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
})();
const browser = await launch();
const results = {};
try {
  const { page } = await openPage(browser, `${benchServer.origin}/bench.html`, { app: false });
  const timing = await page.evaluate(async ({ op, small, large, findings, schema, rounds }) => {
    const { loadGpb } = await import('./gpb.js');
    const { makeAjv } = await import('./bench-ajv.js');
    const gpb = await loadGpb();
    const validateSchema = makeAjv(schema);
    // The whole-text call in its two parts, on a core of its own: the copy of the text into the
    // module's memory (what gpb.validate does first, with TextEncoder.encodeInto), and the core's
    // check of text already there (the C export gpb.validate then calls).
    const { default: createGpbCore } = await import('./gpb-core.js');
    const restBytes = new Uint8Array(await (await fetch('./gpb-core.deferred.wasm')).arrayBuffer());
    let rest = null;
    const core = await createGpbCore({ loadSplitModule: (file, imports) => {
      if (!rest) { const module = new WebAssembly.Module(restBytes); rest = [new WebAssembly.Instance(module, imports), module]; }
      return rest;
    } });
    const encoder = new TextEncoder();
    const opBytes = encoder.encode(op);
    const copyAndCheck = (text) => {
      const room = opBytes.length + text.length * 3;
      const address = core._gpb_input(room);
      core.HEAPU8.set(opBytes, address);
      // The view is taken again only when the module's memory has grown (as gpb.validate does).
      let into = null;
      let written = 0;
      const copy = () => {
        if (into?.buffer !== core.HEAPU8.buffer) into = core.HEAPU8.subarray(address + opBytes.length, address + room);
        written = encoder.encodeInto(text, into).written;
      };
      copy();
      const bytes = written;
      const check = () => core._gpb_validate_input(opBytes.length, written, 0);
      // Timed only as long as each copy writes the whole text: a short copy would time less work.
      const whole = () => { if (written !== bytes) throw new Error(`the copy wrote ${written} of ${bytes} bytes`); };
      return { copy, check, whole };
    };
    const time = (fn, minMs) => {
      for (let i = 0; i < 3; i += 1) fn();
      let n = 0;
      const start = performance.now();
      let now = start;
      while (now - start < minMs) { fn(); n += 1; now = performance.now(); }
      return (now - start) / n;
    };
    const out = {};
    for (const [name, text] of [['small', small], ['large', large], ['findings', findings]]) {
      const minMs = name === 'small' ? rounds : rounds * 4;
      // Each contender first runs untimed, long enough for the JIT (and wasm's tier-up from its
      // baseline compiler) to finish; then the two alternate so that both see the same machine state.
      time(() => gpb.validate(op, text), 300);
      time(() => validateSchema(JSON.parse(text)), 300);
      let gpbMs = 0, ajvMs = 0;
      for (let r = 0; r < 3; r += 1) {
        gpbMs += time(() => gpb.validate(op, text), minMs / 3);
        ajvMs += time(() => validateSchema(JSON.parse(text)), minMs / 3);
      }
      out[name] = { gpbMs: gpbMs / 3, ajvMs: ajvMs / 3, bytes: new TextEncoder().encode(text).length };
      const { copy, check, whole } = copyAndCheck(text);
      time(check, 300);
      let copyMs = 0, checkMs = 0, ajvAgainMs = 0;
      for (let r = 0; r < 3; r += 1) {
        copyMs += time(copy, minMs / 3);
        whole();
        checkMs += time(check, minMs / 3);
        ajvAgainMs += time(() => validateSchema(JSON.parse(text)), minMs / 3);
      }
      Object.assign(out[name], { copyMs: copyMs / 3, checkMs: checkMs / 3, ajvAgainMs: ajvAgainMs / 3 });
      // As the page checks a keystroke: one character of the display name changed in a held body
      // (gpb.openBody), against JSON.parse + ajv of the whole changed text (made beforehand).
      const at = text.indexOf('Display Name value');
      const texts = ['d', 'D'].map((c) => text.slice(0, at) + c + text.slice(at + 1));
      const body = gpb.openBody();
      body.setText(text);
      let turn = 0;
      const editGpb = () => { turn ^= 1; body.replace(at, at + 1, turn ? 'd' : 'D'); return body.validate(op); };
      const editAjv = () => { turn ^= 1; return validateSchema(JSON.parse(texts[turn])); };
      time(editGpb, 300);
      time(editAjv, 300);
      let editGpbMs = 0, editAjvMs = 0;
      for (let r = 0; r < 3; r += 1) {
        editGpbMs += time(editGpb, minMs / 3);
        editAjvMs += time(editAjv, minMs / 3);
      }
      body.close();
      Object.assign(out[name], { editGpbMs: editGpbMs / 3, editAjvMs: editAjvMs / 3 });
    }
    return out;
  }, { op: OP, small, large, findings, schema, rounds: quick ? 150 : 1500 });
  results.validate_small_ratio = timing.small.gpbMs / timing.small.ajvMs;
  results.validate_large_ratio = timing.large.gpbMs / timing.large.ajvMs;
  results.validate_findings_ratio = timing.findings.gpbMs / timing.findings.ajvMs;
  results.validate_small_ms = timing.small.gpbMs;
  results.validate_findings_ms = timing.findings.gpbMs;
  results.ajv_findings_ms = timing.findings.ajvMs;
  results.validate_large_ms = timing.large.gpbMs;
  results.ajv_small_ms = timing.small.ajvMs;
  results.ajv_large_ms = timing.large.ajvMs;
  for (const name of ['small', 'large', 'findings']) {
    results[`edit_${name}_ratio`] = timing[name].editGpbMs / timing[name].editAjvMs;
    results[`edit_${name}_ms`] = timing[name].editGpbMs;
    results[`edit_ajv_${name}_ms`] = timing[name].editAjvMs;
  }
  // The whole-text ratio's two parts, each against ajv timed beside it: their sum is what the
  // whole-text call cannot go under (the wrapper's own work comes on top).
  for (const name of ['small', 'large', 'findings']) {
    results[`copy_${name}_ratio`] = timing[name].copyMs / timing[name].ajvAgainMs;
    results[`check_${name}_ratio`] = timing[name].checkMs / timing[name].ajvAgainMs;
    results[`copy_${name}_ms`] = timing[name].copyMs;
    results[`check_${name}_ms`] = timing[name].checkMs;
  }
  results.validate_large_mbps = timing.large.bytes / 1e6 / (timing.large.gpbMs / 1000);
  results.ajv_large_mbps = timing.large.bytes / 1e6 / (timing.large.ajvMs / 1000);

  // ---- 4. cold start: navigation start -> first diagnostics rendered --------------------------
  // Also what the page fetched before its first diagnostics (the document, then its resources).
  const loads = [];
  for (let i = 0; i < (quick ? 3 : 10); i += 1) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${benchServer.origin}/index.html`);
    await p.waitForFunction(() => performance.getEntriesByName('gpb-first-diagnostics').length > 0);
    const load = await p.evaluate(() => {
      const at = performance.getEntriesByName('gpb-first-diagnostics')[0].startTime;
      const fetched = performance.getEntriesByType('resource').filter((e) => e.startTime < at).map((e) => new URL(e.name).pathname.slice(1));
      return { at, fetched };
    });
    loads.push(load.at);
    results.first_path_files = ['index.html', ...load.fetched];
    await context.close();
  }
  loads.sort((a, b) => a - b);
  results.first_diagnostics_ms = loads[Math.floor(loads.length / 2)];

  // ---- 4b. a version's model pack in the page: fetched from the site, read by the core ---------
  {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${benchServer.origin}/index.html`);
    await p.waitForSelector('body[data-ready=true]');
    const packs = await p.evaluate(async () => {
      const { loadGpb } = await import('./gpb.js');
      const gpb = await loadGpb();
      const out = {};
      for (const version of ['beta', 'v1.0']) {
        const start = performance.now();
        const bytes = await (await fetch(`models/${version}.gpbm`)).arrayBuffer();  // as the page fetches it
        const fetched = performance.now();
        gpb.loadPack(version, bytes);
        out[version] = { fetch: fetched - start, load: performance.now() - fetched };
      }
      return out;
    });
    results.pack_load_ms = Object.fromEntries(Object.entries(packs).map(([v, t]) => [v, t.load]));
    results.pack_fetch_ms = Object.fromEntries(Object.entries(packs).map(([v, t]) => [v, t.fetch]));
    await context.close();
  }

  // ---- 4c. a v1.0 operation opened by METHOD + URL in a fresh page: the longest task ----------
  // Its pack and the permissions reference load first, then its form and editor.
  {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${benchServer.origin}/index.html`);
    await p.waitForSelector('body[data-ready=true]');
    await p.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask' });
    });
    await p.fill('#operation-search', 'PATCH https://graph.microsoft.com/v1.0/users/42');
    await p.press('#operation-search', 'Enter');
    await p.waitForFunction(() => (document.body.dataset.operation || '').startsWith('v1.0 '), null, { timeout: 30000 });
    await p.waitForTimeout(1500);
    const opening = await p.evaluate(() => window.longTasks);
    results.max_long_task_first_open_ms = opening.length ? Math.max(...opening) : 0;
    results.long_tasks_first_open_ms = opening;
    await context.close();
  }

  // ---- 5. typing with the large body loaded: the longest main-thread task ----------------------
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${benchServer.origin}/index.html`);
  await p.waitForSelector('body[data-ready=true]');
  await chooseOperation(p, OP);
  await typeInEditor(p, large);
  await p.waitForTimeout(1500);
  await p.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask' });
  });
  await p.locator('#body-editor .cm-content').click();
  await p.keyboard.press('Control+Home');
  await p.keyboard.press('ArrowDown');
  await p.keyboard.press('End');
  for (const ch of ' "x"') { await p.keyboard.type(ch); await p.waitForTimeout(40); }
  await p.waitForTimeout(1500);
  const tasks = await p.evaluate(() => window.longTasks);
  results.max_long_task_ms = tasks.length ? Math.max(...tasks) : 0;
  results.long_tasks_ms = tasks;

  // ---- 5b. digits typed into a number of the same body, valid again, a pause after each --------
  // The body stays valid, so after each pause the page also reads it for the form and renders it.
  for (let i = 0; i < 4; i += 1) await p.keyboard.press('Backspace');
  await p.waitForTimeout(1500);
  await p.locator('#body-editor .cm-line', { hasText: '"managedDeviceCount"' }).first().click();
  await p.keyboard.press('End');
  await p.keyboard.press('ArrowLeft');
  await p.evaluate(() => { window.longTasks = []; });
  for (const key of ['1', '2', 'Backspace', 'Backspace']) { await p.keyboard.press(key); await p.waitForTimeout(800); }
  const typingNumber = await p.evaluate(() => window.longTasks);
  results.max_long_task_number_ms = typingNumber.length ? Math.max(...typingNumber) : 0;
  results.valid_after_number = /No problems/.test(await p.locator('#diagnostics-summary').innerText());

  // ---- 6. a keystroke with the completion list open, in the same 2 MB body --------------------
  await p.keyboard.press('Control+Home');
  await p.keyboard.press('ArrowDown');
  await p.keyboard.press('Home');
  await p.keyboard.type('"d');
  await p.waitForSelector('#body-editor .cm-tooltip-autocomplete', { timeout: 10000 }).catch(() => {});
  await p.waitForTimeout(500);
  await p.evaluate(() => { window.longTasks = []; });
  for (const ch of 'ue') { await p.keyboard.type(ch); await p.waitForTimeout(150); }
  await p.waitForTimeout(500);
  const completing = await p.evaluate(() => window.longTasks);
  results.max_long_task_completing_ms = completing.length ? Math.max(...completing) : 0;
  await context.close();

  // ---- 7. completion and hover at the end of a 100 KB body ------------------------------------
  {
    const { page: q, context: c7 } = await openPage(browser, `${benchServer.origin}/bench.html`, { app: false });
    const count = Math.round(largeValue.intendedSettings.length * 100000 / large.length);
    const body = JSON.stringify({ ...largeValue, intendedSettings: largeValue.intendedSettings.slice(0, count) }, null, 2);
    const open = `${body.slice(0, body.lastIndexOf('}'))},\n  "`;
    const assist = await q.evaluate(async ({ op, text, rounds }) => {
      const { loadGpb } = await import('./gpb.js');
      const gpb = await loadGpb();
      const time = (fn) => {
        for (let i = 0; i < 5; i += 1) fn();
        const start = performance.now();
        for (let i = 0; i < rounds; i += 1) fn();
        return (performance.now() - start) / rounds;
      };
      const key = text.lastIndexOf('"name"') + 2;
      return {
        bytes: text.length,
        items: gpb.complete(op, text, text.length).items.length,
        complete: time(() => gpb.complete(op, text, text.length)),
        hover: time(() => gpb.hover(op, text, key)),
      };
    }, { op: OP, text: open, rounds: quick ? 10 : 50 });
    results.complete_ms = assist.complete;
    results.hover_ms = assist.hover;
    results.assist_body_bytes = assist.bytes;
    await c7.close();
  }
} finally {
  await browser.close();
  benchServer.stop();
}

// ---- 2. native throughput and the wasm-to-native ratio -------------------------------------
const gpbCommand = join(root, 'build', 'native', 'gpb');
const largeFile = join(benchDir, 'large.json');
writeFileSync(largeFile, large);
const runs = quick ? 3 : 15;
// End to end: the gpb command on the large body (process start, reading, checking, printing).
let commandMs = Infinity;
for (let i = 0; i < runs; i += 1) {
  const start = process.hrtime.bigint();
  try { execFileSync(gpbCommand, ['check', '--op', OP, '--format', 'json', largeFile], { stdio: 'ignore' }); } catch { /* exit 1 is fine */ }
  commandMs = Math.min(commandMs, Number(process.hrtime.bigint() - start) / 1e6);
}
results.native_command_mbps = Buffer.byteLength(large) / 1e6 / (commandMs / 1000);
// In-process, native and wasm (node) side by side on the same text.
const nativeMs = Number(execFileSync(join(root, 'build', 'native', 'native_validate'), [OP, largeFile, String(runs)]).toString());
results.native_check_mbps = Buffer.byteLength(large) / 1e6 / (nativeMs / 1000);
let wasmMs = Infinity;
for (let i = 0; i < runs; i += 1) {
  const start = process.hrtime.bigint();
  gpb.validate(OP, large);
  wasmMs = Math.min(wasmMs, Number(process.hrtime.bigint() - start) / 1e6);
}
results.wasm_to_native_ratio = wasmMs / nativeMs;
results.native_check_large_ratio = nativeMs / results.ajv_large_ms;

const pagesDir = join(benchDir, 'pages');
mkdirSync(pagesDir, { recursive: true });
const seeds = readdirSync(join(fixtures, 'seeds')).filter((f) => f.endsWith('.txt'));
const pageCount = quick ? 200 : 1000;
const pages = [];
for (let i = 0; i < pageCount; i += 1) {
  const target = join(pagesDir, `page${i}.txt`);
  copyFileSync(join(fixtures, 'seeds', seeds[i % seeds.length]), target);
  pages.push(target);
}
let lintMs = Infinity;
for (let i = 0; i < (quick ? 2 : 5); i += 1) {
  const start = process.hrtime.bigint();
  try { execFileSync(gpbCommand, ['lint', ...pages], { stdio: 'ignore' }); } catch { /* findings exit 1 */ }
  lintMs = Math.min(lintMs, Number(process.hrtime.bigint() - start) / 1e6);
}
results.lint_pages_per_s = pageCount / (lintMs / 1000);

// ---- 3. what the page sends, gzipped --------------------------------------------------------
const pageFiles = ['index.html', 'style.css', 'app.js', 'gpb.js', 'gpb-core.js', 'gpb-core.wasm', 'gpb-core.deferred.wasm',
  ...readdirSync(site).filter((f) => f.startsWith('chunk-'))];
results.site_files_gzip = Object.fromEntries(pageFiles.map((f) => [f, gzipSync(readFileSync(join(site, f)), { level: 9 }).length]));
results.site_gzip_bytes = Object.values(results.site_files_gzip).reduce((a, b) => a + b, 0);
results.first_path_files_gzip = Object.fromEntries(results.first_path_files.map((f) => [f, gzipSync(readFileSync(join(site, f)), { level: 9 }).length]));
results.first_path_gzip_bytes = Object.values(results.first_path_files_gzip).reduce((a, b) => a + b, 0);

// ---- 5b. the models: loading a version's pack, resolving METHOD + URL ------------------------
// Native: in-process (tests/bench/native_models). Wasm under node: a fresh module loads each pack
// three times (the first load also compiles the loader from the baseline tier: reported apart).
results.native_models = JSON.parse(execFileSync(join(root, 'build', 'native', 'native_models'), [quick ? '1' : '3'], { encoding: 'utf8' }));
{
  const models = await loadGpb(coreFiles());
  const heapBefore = models.heapBytes();
  const wasmLoad = {};
  const firstLoad = {};
  for (const version of ['v1.0', 'beta']) {
    const pack = readFileSync(join(site, 'models', `${version}.gpbm`), 'utf8');
    let best = Infinity;
    for (let i = 0; i < (quick ? 1 : 3); i += 1) {
      const start = performance.now();
      models.loadPack(version, pack);
      const ms = performance.now() - start;
      if (i === 0) firstLoad[version] = ms;
      best = Math.min(best, ms);
    }
    wasmLoad[version] = best;
  }
  const permissionsStart = performance.now();
  models.loadPermissions(readFileSync(join(site, 'models', 'permissions.json'), 'utf8'));
  const permissionsMs = performance.now() - permissionsStart;
  const shapes = [['PATCH', '/users/%'], ['GET', '/me/mailFolders/inbox/messages/%'], ['GET', '/groups/%/members/microsoft.graph.user'],
    ['GET', '/teams/%/channels/2/messages/3/replies'], ['POST', '/users/%/getMemberGroups'], ['PATCH', '/security/incidents/%']];
  const calls = quick ? 600 : 6000;
  const resolveStart = performance.now();
  for (let i = 0; i < calls; i += 1) models.resolve(shapes[i % 6][0], shapes[i % 6][1].replace('%', String(i)), { version: 'v1.0' });
  results.model_load_ms = { wasm: wasmLoad, wasm_first: firstLoad, native: results.native_models.model_load_ms };
  results.permissions_load_ms = { wasm: permissionsMs, native: results.native_models.permissions_load_ms };
  results.resolve_us = { wasm: ((performance.now() - resolveStart) * 1000) / calls, native: results.native_models.resolve_us };
  // Both versions and the permissions in one module, over what the module held before.
  results.model_heap_bytes = models.heapBytes() - heapBefore;
  results.model_pack_gzip_bytes = Object.fromEntries(['beta.gpbm', 'v1.0.gpbm', 'permissions.json'].map(
    (f) => [f, gzipSync(readFileSync(join(site, 'models', f)), { level: 9 }).length]));
  delete results.native_models;
}

// ---- 6. memory: 100 000 validations in one module instance ---------------------------------
const core = await createSiteCore();
const total = quick ? 20000 : 100000;
let heapAfterWarmup = 0;
for (let i = 0; i < total; i += 1) {
  core.validate(OP, small, false);
  if (i === 999) heapAfterWarmup = core.HEAP8.buffer.byteLength;
}
results.heap_growth_bytes = core.HEAP8.buffer.byteLength - heapAfterWarmup;
results.quick = quick;

if (asJson) {
  console.log(JSON.stringify(results));
} else {
  const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v));
  const duration = (ms) => (ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
  const rows = [
    ['validate small / (JSON.parse + ajv)', fmt(results.validate_small_ratio), '<= 1', `${duration(results.validate_small_ms)} vs ${duration(results.ajv_small_ms)}`],
    ['validate large / (JSON.parse + ajv)', fmt(results.validate_large_ratio), '<= 1', `${duration(results.validate_large_ms)} vs ${duration(results.ajv_large_ms)}`],
    ['validate findings / (JSON.parse + ajv)', fmt(results.validate_findings_ratio), '<= 1', `${duration(results.validate_findings_ms)} vs ${duration(results.ajv_findings_ms)}; every item warned`],
    ...['small', 'large', 'findings'].map((name) => [`  its copy in / its check, ${name} / ajv`,
      `${fmt(results[`copy_${name}_ratio`])} / ${fmt(results[`check_${name}_ratio`])}`, '',
      `${duration(results[`copy_${name}_ms`])} TextEncoder.encodeInto, then ${duration(results[`check_${name}_ms`])} the core's check of the text in its memory`]),
    ['  the native check of the large body / ajv', fmt(results.native_check_large_ratio), '', 'best of the native runs (another process) against ajv in Chromium'],
    ...['small', 'large', 'findings'].map((name) => [`held body: edit + validate ${name} / ajv`, fmt(results[`edit_${name}_ratio`]), '<= 1',
      `${duration(results[`edit_${name}_ms`])} vs ${duration(results[`edit_ajv_${name}_ms`])}; a keystroke's edit, then JSON.parse + ajv of the whole text`]),
    ['validate large, MB/s (wasm, Chromium)', fmt(results.validate_large_mbps), '', `ajv ${fmt(results.ajv_large_mbps)} MB/s`],
    ['native validate, MB/s (in-process)', fmt(results.native_check_mbps), '', `gpb check end to end: ${fmt(results.native_command_mbps)} MB/s`],
    ['wasm (node) / native time, same text', fmt(results.wasm_to_native_ratio), '', ''],
    ['native gpb lint, pages/s', fmt(results.lint_pages_per_s), '>= 1000', ''],
    ['bytes before first diagnostics, gzipped', fmt(results.first_path_gzip_bytes), '<= 153600', Object.entries(results.first_path_files_gzip).map(([f, b]) => `${f} ${b}`).join(', ')],
    ['page with its editor and whole core, gzipped', fmt(results.site_gzip_bytes), '', Object.entries(results.site_files_gzip).map(([f, b]) => `${f} ${b}`).join(', ')],
    ['cold start to first diagnostics, ms (median)', fmt(results.first_diagnostics_ms), '<= 150', ''],
    ['model pack read in Chromium, beta / v1.0, ms', `${fmt(results.pack_load_ms.beta)} / ${fmt(results.pack_load_ms['v1.0'])}`, '', `fetched from localhost in ${fmt(results.pack_fetch_ms.beta)} / ${fmt(results.pack_fetch_ms['v1.0'])} ms`],
    ['longest task opening a v1.0 operation the first time, ms', fmt(results.max_long_task_first_open_ms), '',
      `its pack and the permissions read, then its form and editor: ${results.long_tasks_first_open_ms.map((t) => Math.round(t)).join(', ')} ms`],
    ['longest task while typing (large body), ms', fmt(results.max_long_task_ms), '<= 50', ''],
    ['longest task per keystroke, completion open (large body), ms', fmt(results.max_long_task_completing_ms), '<= 50', ''],
    ['longest task typing digits into a number (large body, valid), ms', fmt(results.max_long_task_number_ms), '<= 50',
      `a pause after each: the form refreshes too${results.valid_after_number ? '' : '; the body did not end valid'}`],
    ['complete / hover at the end of a 100 KB body, ms', `${fmt(results.complete_ms)} / ${fmt(results.hover_ms)}`, '', `${results.assist_body_bytes} bytes; hover validates the body too`],
    ['heap growth after 1000 validations, bytes', fmt(results.heap_growth_bytes), '0', `${total} validations`],
    ['model load, beta, ms (wasm, node; best of 3)', fmt(results.model_load_ms.wasm.beta), '<= 100', `first ${fmt(results.model_load_ms.wasm_first.beta)}; native ${fmt(results.model_load_ms.native.beta)}`],
    ['model load, v1.0, ms (wasm, node; best of 3)', fmt(results.model_load_ms.wasm['v1.0']), '<= 100', `first ${fmt(results.model_load_ms.wasm_first['v1.0'])}; native ${fmt(results.model_load_ms.native['v1.0'])}`],
    ['permissions reference load, ms (wasm)', fmt(results.permissions_load_ms.wasm), '', `native ${fmt(results.permissions_load_ms.native)}`],
    ['resolve METHOD + URL, us (wasm, with JSON answer)', fmt(results.resolve_us.wasm), '', `native ${fmt(results.resolve_us.native)}`],
    ['wasm heap for both versions + permissions, bytes', fmt(results.model_heap_bytes), '< 67108864', Object.entries(results.model_pack_gzip_bytes).map(([f, b]) => `${f} ${b} gz`).join(', ')],
  ];
  for (const [name, value, target, note] of rows) console.log(`${name.padEnd(46)} ${value.padStart(10)}  ${target.padEnd(9)} ${note}`);
}
