// Hostile input in headless Chromium.
// 1. The built module through the page's own JS API: the served page imports build/site/gpb.js
//    (its own URL, so the same files a visitor gets) and every case calls gpb.validate() in the page:
//    every JSONTestSuite parsing file, deep nesting, a 20 MB body, a million keys, 10 000-digit
//    numbers, NUL, invalid UTF-8, lone surrogates, __proto__ and constructor keys. Nothing may
//    throw or abort the module, and a known call gives its known answer afterwards. Then the wasm
//    heap stays the same size over thousands of calls.
// 2. <gpb-builder> whose initial body holds script, markup, javascript: URLs and bidi overrides in
//    its property names and values, from file:// (no policy, so a script that slipped through
//    would run) and in a served host page with a strict Content-Security-Policy.
// 3. Every page, as in page.test.mjs: only the site's own files, nothing after load, no console error.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserSession, openPage, editorText, typeInEditor, diagnosticCodes, entryText, site, fixtures, outputDir } from './harness.mjs';
import { loadSiteGpb } from '../site-core.mjs';

const SUITE = join(fixtures, 'JSONTestSuite', 'test_parsing');
const IT = 'incidentTask.update';
const SA = 'securityAction.update';

// Every page, in every test, also: no dialog, no abort.
const session = browserSession({
  extraChecks: ({ name, dialogs, aborts }) => {
    assert.deepEqual(dialogs, [], `${name}: dialogs`);
    assert.deepEqual(aborts, [], `${name}: the module aborted`);
  },
});
let api;  // the served page with its own instance of the JS API as window.gpbUnderTest

// Set in every page before its own scripts run: what a hostile string would call if it ran.
function watchPage() {
  window.__calls = [];
  for (const name of ['alert', 'confirm', 'prompt', 'open']) {
    window[name] = (...args) => { window.__calls.push(`${name}(${args.map(String).join(', ')})`); };
  }
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
}

async function open(name, url, options = {}) {
  const opened = await openPage(session.browser, url, {
    ...options,
    prepare: async (context) => {
      await context.addInitScript(watchPage);
      await options.prepare?.(context);
    },
  });
  const dialogs = [];
  const aborts = [];
  opened.page.on('dialog', (dialog) => { dialogs.push(`${dialog.type()}: ${dialog.message()}`); dialog.dismiss().catch(() => {}); });
  // Emscripten reports an abort on the console (as a warning) before it throws.
  opened.page.on('console', (message) => { if (/Aborted\(/.test(message.text())) aborts.push(message.text()); });
  return session.record({ ...opened, dialogs, aborts, name });
}

before(async () => {
  await session.start();
  api = await open('api', `${session.server.origin}/`);
  // The page itself loaded gpb.js; importing the same URL reuses that module. loadGpb() makes a new
  // instance of the core, which fetches both parts of the core once more from the site: those
  // requests are the test's own, so the page counts as ready only after them.
  api.log.ready = false;
  const first = api.log.requests.length;
  const exports = await api.page.evaluate(async () => {
    const module = await import(new URL('gpb.js', document.baseURI).href);
    window.gpbUnderTest = await module.loadGpb();
    return Object.keys(window.gpbUnderTest).sort();
  });
  assert.ok(exports.includes('validate') && exports.includes('heapBytes'), exports.join(', '));
  const coreFiles = ['gpb-core.wasm', 'gpb-core.deferred.wasm'].map((file) => `${session.server.origin}/${file}`);
  for (const url of api.log.requests.slice(first)) assert.ok(coreFiles.includes(url), url);
  api.log.ready = true;
});

// A known call and its exact answer (as in tests/node/api.test.mjs): the module still works.
const KNOWN = [
  { operation: IT, direction: 'request', valid: true, diagnostics: [] },
  {
    operation: IT, direction: 'request', valid: false, diagnostics: [{
      severity: 'error', code: 'enum-value', pointer: '/status', line: 2, column: 13, endLine: 2, endColumn: 23,
      message: '"Complete" is not a member of incidentTaskStatus (members are case-sensitive: open, inProgress, completed, failed, notRelevant). Did you mean "completed"?',
      suggestion: '"completed"',
    }],
  },
];

test('every JSONTestSuite parsing file through gpb.validate in Chromium: y_ parse, n_ are reported, nothing throws', async () => {
  const names = readdirSync(SUITE).filter((n) => n.endsWith('.json')).sort();
  for (const prefix of ['y_', 'n_', 'i_']) assert.ok(names.some((n) => n.startsWith(prefix)), `${prefix} files in ${SUITE}`);
  // The bytes travel as base64 in the call itself: nothing but the page's own site is asked for them.
  const files = names.map((name) => ({ name, base64: readFileSync(join(SUITE, name)).toString('base64') }));
  const { results, known } = await api.page.evaluate(({ files, op }) => {
    const gpb = window.gpbUnderTest;
    // Two decodings of the same bytes; a JS string cannot carry invalid UTF-8 itself.
    // utf-8: TextDecoder without `fatal`, as File.text(), drag and drop and paste give text to the page:
    //   each invalid sequence becomes U+FFFD (and a leading BOM is dropped).
    // latin1: ISO-8859-1, every byte one character U+0000..U+00FF, so no byte is lost or merged and
    //   the module sees each stray byte (as tests/node/api.test.mjs reads them).
    const utf8 = new TextDecoder('utf-8');
    const latin1 = (bytes) => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return text;
    };
    const results = [];
    for (const { name, base64 } of files) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      for (const [decoding, text] of [['utf-8', utf8.decode(bytes)], ['latin1', latin1(bytes)]]) {
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const response of [false, true]) {
          const entry = { name, decoding, response };
          try {
            const r = gpb.validate(op, text, { response });
            entry.codes = r.diagnostics.map((d) => d.code);
            entry.shape = r.operation === op && r.direction === (response ? 'response' : 'request')
              && r.valid === !r.diagnostics.some((d) => d.severity === 'error')
              && r.diagnostics.every((d) => ['error', 'warning', 'info'].includes(d.severity) && typeof d.code === 'string'
                && typeof d.pointer === 'string' && typeof d.message === 'string' && d.message.length > 0
                && [d.line, d.column, d.endLine, d.endColumn].every((n) => Number.isInteger(n) && n >= 1)
                && d.line <= lines && d.endLine <= lines);
          } catch (error) {
            entry.threw = `${error.name}: ${error.message}`;
          }
          results.push(entry);
        }
      }
    }
    const known = [gpb.validate('incidentTask.update', '{"status": "open"}'), gpb.validate('incidentTask.update', '{\n  "status": "Complete"\n}')];
    return { results, known };
  }, { files, op: SA });

  assert.equal(results.length, names.length * 4);
  const wrong = results.filter((r) => r.threw || !r.shape
    || (r.name.startsWith('y_') && r.codes.includes('json-syntax'))
    || (r.name.startsWith('n_') && r.codes.length === 0));
  assert.deepEqual(wrong, []);
  assert.deepEqual(known, KNOWN);
  assert.deepEqual(api.aborts, []);
});

// Each case is built in the page (the big ones would be slow to send): text, or a recipe for it.
const CASES = [
  { label: 'empty text', op: SA, text: '', codes: ['json-syntax'] },
  { label: 'one NUL character', op: SA, text: '\u0000', codes: ['json-syntax'] },
  { label: 'a raw NUL inside a string', op: IT, text: '{"status": "open\u0000"}', codes: ['json-syntax'] },
  { label: 'a NUL after the body', op: IT, text: '{"status": "open"}\u0000', codes: ['json-syntax'] },
  { label: 'an escaped NUL in an enum value', op: IT, text: '{"status": "open\\u0000"}', codes: ['enum-value'] },
  // Invalid UTF-8 bytes as a page gets them from a file or the clipboard: decoded with replacement.
  { label: 'invalid UTF-8 (bad continuation, 0xFF, an encoded surrogate, a truncated sequence)', op: IT,
    bytes: [...Buffer.from('{"displayName": "'), 0xC3, 0x28, 0x20, 0xFF, 0x20, 0xED, 0xA0, 0x80, 0x20, 0xE2, 0x82, ...Buffer.from('", "status": "Open"}')],
    codes: ['not-updatable', 'enum-value'], range: ['enum-value', '"Open"'] },
  // Lone surrogates in JS strings: UTF-8 cannot carry them; the core points at the first one.
  { label: 'a lone high surrogate before a closing quote', op: IT, text: '{"displayName": "a\ud800", "status": "Open"}',
    codes: ['json-syntax'], range: ['json-syntax', '\ud800'] },
  { label: 'a lone low surrogate', op: IT, text: '{"displayName": "\udc00a", "status": "Open"}',
    codes: ['json-syntax'], range: ['json-syntax', '\udc00'] },
  { label: 'a lone high surrogate in a string value', op: SA, text: '{"actionReason": "\ud83d"}', codes: ['json-syntax'] },
  { label: 'a reversed surrogate pair as a key', op: SA, text: '{"\udc00\ud800": 1}', codes: ['json-syntax'] },
  { label: 'a lone surrogate ending the text', op: IT, text: '{"status": "open"}\ud83d', codes: ['json-syntax'] },
  // Depth.
  { label: '100 000 opening brackets', op: SA, recipe: { unit: '[', count: 100000 }, codes: ['limit'] },
  { label: '100 000 nested arrays, closed', op: SA, recipe: { unit: '[', count: 100000, unit2: ']' }, codes: ['limit'] },
  { label: '100 000 nested objects', op: SA, recipe: { unit: '{"a":', count: 100000 }, codes: ['limit'] },
  { label: '100 000 nested arrays inside a property', op: SA, recipe: { prefix: '{"states": ', unit: '[', count: 100000, unit2: ']', suffix: '}' }, codes: ['limit'] },
  // Numbers with 10 000 digits.
  { label: 'a 10 000-digit integer', op: SA, recipe: { prefix: '{"n": ', unit: '9', count: 10000, suffix: '}' }, codes: ['limit'] },
  { label: 'a negative 10 000-digit integer for an enum', op: IT, recipe: { prefix: '{"status": -', unit: '9', count: 10000, suffix: '}' }, codes: ['limit'] },
  { label: 'a 10 000-digit fraction', op: SA, recipe: { prefix: '{"n": 0.', unit: '0', count: 9999, suffix: '1}' }, codes: ['unknown-property'] },
  { label: 'a 10 000-digit exponent', op: SA, recipe: { prefix: '{"n": 1e', unit: '9', count: 10000, suffix: '}' }, codes: ['limit'] },
  // Names that mean something to JS objects are plain names here.
  { label: '__proto__ and constructor on an open type', op: SA, text: '{"__proto__": {"x": 1}, "constructor": {"prototype": {"x": 1}}}',
    codes: ['unknown-property', 'unknown-property'], pointers: ['/__proto__', '/constructor'], severities: ['warning', 'warning'] },
  { label: '__proto__ and constructor on a closed type', op: IT, text: '{"__proto__": {"x": 1}, "constructor": {}, "status": "open"}',
    codes: ['unknown-property', 'unknown-property'], pointers: ['/__proto__', '/constructor'], severities: ['error', 'error'] },
  { label: '__proto__ inside a complex value', op: SA, text: '{"vendorInformation": {"__proto__": {"provider": "x"}, "provider": "p"}}',
    codes: ['unknown-property'], pointers: ['/vendorInformation/__proto__'] },
  { label: 'Object.prototype names as keys and enum values', op: SA, text: '{"status": "constructor", "hasOwnProperty": 1, "toString": {}, "valueOf": []}',
    codes: ['enum-value', 'unknown-property', 'unknown-property', 'unknown-property'] },
  { label: 'an @odata.type naming __proto__', op: SA, text: '{"@odata.type": "#__proto__"}', codes: ['empty-body', 'odata-type-unknown'] },
  // Size.
  { label: 'a 20 MB body', op: IT, recipe: { prefix: '{"description": "', unit: 'x', count: 20 * 1024 * 1024, suffix: '"}' }, codes: ['limit'], big: true },
  { label: 'a million keys', op: SA, recipe: { keys: 1000000 }, codes: ['limit'], big: true },
];

test('hostile input through gpb.validate in Chromium: the exact diagnostics, no exception, and the module keeps answering', async () => {
  const cases = CASES.map((c) => ({ ...c, bytes: c.bytes && Buffer.from(c.bytes).toString('base64') }));
  const started = Date.now();
  const outcomes = await api.page.evaluate((cases) => {
    const gpb = window.gpbUnderTest;
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).join();
    const build = ({ text, bytes, recipe }) => {
      if (text !== undefined) return text;
      if (bytes) return new TextDecoder('utf-8').decode(Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0)));
      if (recipe.keys) return `{${Array.from({ length: recipe.keys }, (_, i) => `"k${i}":0`).join(',')}}`;
      return `${recipe.prefix ?? ''}${recipe.unit.repeat(recipe.count)}${recipe.unit2 ? recipe.unit2.repeat(recipe.count) : ''}${recipe.suffix ?? ''}`;
    };
    // The other calls of the API must answer or raise GpbError with a code; nothing else.
    const others = (op, text) => {
      const problems = [];
      for (const [name, call] of [
        ['request', () => gpb.request(op, text, { incidentTaskId: text.slice(0, 40), securityActionId: '1' })],
        ['response', () => gpb.response(op, text)],
        ['parseRequest', () => gpb.parseRequest(`PATCH https://graph.microsoft.com/beta/security/incidentTasks/1\n\n${text}`)],
        ['lintPage', () => gpb.lintPage(`# Update\n\nPATCH https://graph.microsoft.com/beta/security/incidentTasks/1\n\n${text}\n`)],
      ]) {
        try {
          call();
        } catch (error) {
          if (error.name !== 'GpbError' || !error.code) problems.push(`${name}: ${error.name}: ${error.message}`);
        }
      }
      return problems;
    };
    return cases.map((c) => {
      const text = build(c);
      const outcome = { label: c.label };
      try {
        const t0 = performance.now();
        const r = gpb.validate(c.op, text);
        outcome.ms = Math.round(performance.now() - t0);
        outcome.codes = r.diagnostics.map((d) => d.code);
        outcome.pointers = r.diagnostics.map((d) => d.pointer);
        outcome.severities = r.diagnostics.map((d) => d.severity);
        outcome.valid = r.valid;
        if (c.range) {
          const d = r.diagnostics.find((x) => x.code === c.range[0]);
          outcome.range = d && d.line === 1 && d.endLine === 1 ? text.slice(d.column - 1, d.endColumn - 1) : null;
        }
      } catch (error) {
        outcome.threw = `${error.name}: ${error.message}`;
      }
      if (!c.big) outcome.others = others(c.op, text);
      outcome.known = [gpb.validate('incidentTask.update', '{"status": "open"}'), gpb.validate('incidentTask.update', '{\n  "status": "Complete"\n}')];
      outcome.prototypeClean = Object.getOwnPropertyNames(Object.prototype).join() === prototypeNames && ({}).x === undefined && ({}).provider === undefined;
      return outcome;
    });
  }, cases);
  const elapsed = Date.now() - started;

  for (const [i, c] of CASES.entries()) {
    const o = outcomes[i];
    assert.equal(o.threw, undefined, c.label);
    assert.deepEqual(o.codes, c.codes, c.label);
    if (c.codes.length === 0) assert.equal(o.valid, true, c.label);
    if (c.pointers) assert.deepEqual(o.pointers.filter((p) => p !== ''), c.pointers, c.label);
    if (c.severities) assert.deepEqual(o.severities, c.severities, c.label);
    if (c.range) assert.equal(o.range, c.range[1], `${c.label}: the range selects ${c.range[1]} in the text as JS counts it`);
    if (o.others) assert.deepEqual(o.others, [], c.label);
    assert.deepEqual(o.known, KNOWN, `${c.label}: the module answers a known call afterwards`);
    assert.equal(o.prototypeClean, true, `${c.label}: Object.prototype untouched`);
  }
  assert.deepEqual(api.aborts, []);
  assert.ok(elapsed < 60000, `all cases in ${elapsed} ms`);
});

// After the hostile input above (same instance): the heap may have grown for the 20 MB body, but
// ordinary calls must not keep growing it.
test('the wasm heap does not grow over 5000 validations after 1000', async () => {
  const heap = await api.page.evaluate(() => {
    const gpb = window.gpbUnderTest;
    const body = '{"status": "String", "name": "<b>x</b>", "__proto__": {}}';
    const run = (n) => { for (let i = 0; i < n; i += 1) gpb.validate('securityAction.update', body); };
    const start = gpb.heapBytes();
    run(1000);
    const warm = gpb.heapBytes();
    run(5000);
    return { start, warm, end: gpb.heapBytes(), valid: gpb.validate('incidentTask.update', '{"status": "open"}').valid };
  });
  assert.ok(Number.isInteger(heap.start) && heap.start >= 16 * 1024 * 1024, `heapBytes() = ${heap.start}`);
  assert.equal(heap.end, heap.warm, `heap ${heap.warm} after 1000 validations, ${heap.end} after 5000 more`);
  assert.equal(heap.valid, true);
});

// ---- <gpb-builder> with hostile content -------------------------------------------------------

const H = {
  script: "<script>window.__pwned='script';alert('script')</script>",
  img: `<img src=x onerror="window.__pwned='img';alert('img')">`,
  js: "javascript:window.__pwned='js';alert('js')",
  link: `<a href="javascript:window.__pwned='href'">open</a>`,
  svg: `<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>`,
  breakout: `"'></textarea></pre></li><img src=x onerror="window.__pwned='breakout'">`,
  style: '<style>*{display:none!important}</style>',
  bidi: '\u202Egnp.exe',  // RIGHT-TO-LEFT OVERRIDE: reads "exe.png"
};

// A closed type: each hostile name is an unknown property, the status is not an enum member, and
// displayName is a property this operation cannot change.
const INCIDENT_BODY = JSON.stringify({
  [H.script]: H.img,
  [H.img]: H.js,
  [H.js]: H.link,
  [H.breakout]: H.svg,
  [`${H.bidi} ${H.link}`]: H.bidi,
  [H.style]: H.style,
  status: H.script,
  displayName: `${H.bidi} ${H.img}`,
}, null, 2);
const INCIDENT_NAMES = [H.script, H.img, H.js, H.breakout, `${H.bidi} ${H.link}`, H.style];

// An open type: hostile values in the form's text inputs, a nested complex value and a collection.
const ACTION_BODY = JSON.stringify({
  name: H.img,
  actionReason: `${H.js} ${H.bidi}`,
  clientContext: H.breakout,
  status: H.svg,
  parameters: [{ name: H.script, value: H.link }],
  vendorInformation: { provider: H.style, vendor: H.bidi, [H.img]: H.script },
  [H.link]: H.js,
}, null, 2);

// @odata.type values that name members of Object.prototype, at the root and nested.
const PROTO_BODY = JSON.stringify({
  '@odata.type': '#constructor',
  status: 'NotStarted',
  parameters: [{ '@odata.type': '#__proto__', name: 'a' }],
  vendorInformation: { '@odata.type': '#toString', provider: 'p' },
}, null, 2);

const attr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

function hostPage({ csp, script }) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  ${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}
  <title>A wiki page with hostile examples</title>
  <link rel="icon" href="data:,">
  <script src="${attr(script)}"></script>
</head>
<body>
  <h1>Examples</h1>
  <gpb-builder id="incident" operation="${IT}" value="${attr(INCIDENT_BODY)}"></gpb-builder>
  <gpb-builder id="action" operation="${SA}" value="${attr(ACTION_BODY)}"></gpb-builder>
  <gpb-builder id="proto" operation="${SA}" value="${attr(PROTO_BODY)}"></gpb-builder>
  <gpb-builder id="bad-operation" operation="${attr(H.img)}"></gpb-builder>
</body>
</html>
`;
}

// What is in each element's shadow root, and whether anything ran.
function inspect() {
  const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data', 'style'];
  const report = { pwned: window.__pwned ?? null, calls: window.__calls, violations: window.__violations, elements: {} };
  report.hostNodes = [...document.querySelectorAll('img, svg, a, iframe, object, embed, style, script:not([src]), textarea')].map((n) => n.outerHTML.slice(0, 80));
  for (const element of document.querySelectorAll('gpb-builder')) {
    const root = element.shadowRoot;
    const all = [...root.querySelectorAll('*')];
    report.elements[element.id] = {
      injected: [...root.querySelectorAll('script, img, svg, a, iframe, object, embed, style, link, base, meta, form, frame, math, template')].map((n) => n.outerHTML.slice(0, 80)),
      handlers: all.flatMap((n) => [...n.attributes].filter((a) => a.name.startsWith('on') || URL_ATTRIBUTES.includes(a.name)).map((a) => `${n.tagName} ${a.name}=${a.value.slice(0, 60)}`)),
      text: root.textContent,
      // The editor's text, as the element holds it (CodeMirror shows it in its own shadow root).
      json: element.value,
      editorText: root.querySelector('.editor')?.shadowRoot?.querySelector('.cm-content')?.textContent ?? null,
      others: [...root.querySelectorAll('.others')].map((n) => n.textContent),
      diagnostics: [...root.querySelectorAll('ul.diagnostics .diagnostic .go')].map((n) => n.textContent),
      preview: root.querySelector('pre')?.textContent ?? null,
      alert: root.querySelector('[role=alert]')?.textContent ?? null,
      inputs: [...root.querySelectorAll('input[type=text]')].map((n) => n.value),
      options: [...root.querySelectorAll('option')].map((n) => n.textContent),
    };
  }
  return report;
}

test('<gpb-builder> holding hostile names and values: all of it shown as text, none of it run or parsed as markup', async () => {
  // The same module in node gives the diagnostics the elements must show.
  const gpb = await loadSiteGpb();
  const expected = {
    incident: gpb.validate(IT, INCIDENT_BODY).diagnostics,
    action: gpb.validate(SA, ACTION_BODY).diagnostics,
    proto: gpb.validate(SA, PROTO_BODY).diagnostics,
  };
  assert.deepEqual(expected.incident.map((d) => d.code),
    ['unknown-property', 'unknown-property', 'unknown-property', 'unknown-property', 'unknown-property', 'unknown-property', 'enum-value', 'not-updatable']);
  assert.deepEqual(expected.proto.map((d) => d.code), ['odata-type-unknown', 'odata-type-unknown', 'odata-type-unknown']);

  const file = join(outputDir, 'hostile-host.html');
  writeFileSync(file, hostPage({ csp: null, script: pathToFileURL(join(site, 'gpb-embed.js')).href }));
  const served = `${session.server.origin}/hostile-host.html`;
  const hosts = [
    // No policy at all: if any hostile string became a script or a handler, it would run.
    { url: pathToFileURL(file).href, script: pathToFileURL(join(site, 'gpb-embed.js')).href },
    // A wiki-like host with a strict policy; the page itself is answered by the test, gpb-embed.js by the site.
    {
      url: served, script: `${session.server.origin}/gpb-embed.js`,
      prepare: (context) => context.route(served, (route) => route.fulfill({
        status: 200, contentType: 'text/html; charset=utf-8', body: hostPage({ csp: CSP, script: 'gpb-embed.js' }),
      })),
    },
  ];

  for (const host of hosts) {
    const opened = await open(`hostile element ${host.url}`, host.url, { app: false, prepare: host.prepare });
    const { page, log } = opened;
    page.setDefaultTimeout(10000);
    await page.waitForFunction(() => ['incident', 'action', 'proto'].every((id) => document.getElementById(id).shadowRoot?.querySelector('pre')?.textContent)
      && document.getElementById('bad-operation').shadowRoot?.querySelector('[role=alert]'));
    assert.deepEqual(log.errors, [], `${host.url}: no error while rendering`);
    assert.deepEqual(log.requests, [host.url, host.script], `${host.url}: the page and gpb-embed.js, nothing else`);
    log.ready = true;

    // Use it: every diagnostic clicked, pointer and focus events on every node, one more edit
    // through the editor.
    for (const id of ['incident', 'action', 'proto']) {
      const buttons = page.locator(`#${id} ul.diagnostics .diagnostic .go`);
      for (let i = 0; i < await buttons.count(); i += 1) await buttons.nth(i).click();
    }
    await page.mouse.move(600, 300);
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('gpb-builder')) {
        for (const node of element.shadowRoot.querySelectorAll('*')) {
          for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focus', 'animationstart']) node.dispatchEvent(new Event(type));
        }
      }
    });
    await typeInEditor(page, `${INCIDENT_BODY}\n`, '#incident');
    await page.waitForTimeout(300);  // nothing to wait for: time in which an <img src=x> would have failed to load

    const report = await page.evaluate(inspect);
    assert.equal(report.pwned, null, `${host.url}: no hostile script ran`);
    assert.deepEqual(report.calls, [], `${host.url}: no alert()`);
    assert.deepEqual(report.violations, [], `${host.url}: nothing even tried to run (no policy violation)`);
    assert.deepEqual(report.hostNodes, [], `${host.url}: nothing added to the host page`);

    for (const [id, body, names] of [['incident', INCIDENT_BODY, INCIDENT_NAMES], ['action', ACTION_BODY, [H.link, H.img]]]) {
      const shown = report.elements[id];
      assert.deepEqual(shown.injected, [], `${id}: no element made from the content`);
      assert.deepEqual(shown.handlers, [], `${id}: no handler or URL attribute`);
      const text = id === 'incident' ? `${body}\n` : body;
      assert.equal(shown.json, text, `${id}: the JSON is kept character for character`);
      assert.equal(shown.editorText, text.replace(/\n/g, ''), `${id}: the editor shows it, as text`);
      assert.ok(shown.preview.endsWith(`\n\n${text}`), `${id}: the request preview shows the body as text`);
      // The names the form does not know are listed, as they are.
      for (const name of names) assert.ok(shown.others.some((o) => o.includes(name)), `${id}: ${JSON.stringify(name)} listed as text`);
      // Each diagnostic is the module's own, as text.
      assert.deepEqual(shown.diagnostics, expected[id].map(entryText), `${id}: diagnostics`);
      assert.ok(shown.text.includes('\u202E'), `${id}: the bidi override is shown, not dropped`);
    }
    const incident = report.elements.incident;
    assert.ok(incident.options.includes(`${JSON.stringify(H.script)} (not a member)`), 'the status value shows as text in its select');
    assert.ok(incident.text.includes(`In the JSON now: ${JSON.stringify(`${H.bidi} ${H.img}`)}`), 'displayName shows as text');
    for (const value of [H.img, `${H.js} ${H.bidi}`, H.breakout, H.script, H.link, H.style, H.bidi]) {
      assert.ok(report.elements.action.inputs.includes(value), `action: ${JSON.stringify(value)} is the value of a text input`);
    }
    assert.deepEqual(report.elements.proto.injected, []);
    assert.deepEqual(report.elements.proto.diagnostics, expected.proto.map(entryText),
      'an @odata.type naming an Object.prototype member is an unknown type, and the form still renders');
    assert.equal(report.elements['bad-operation'].alert, `gpb-builder: ${describeError(gpb, H.img)}`, 'a hostile operation id shows as text');
    assert.deepEqual(report.elements['bad-operation'].injected, []);
    await page.screenshot({ path: join(outputDir, 'screenshots', `hostile-element-${host.url.startsWith('file') ? 'file' : 'http'}.png`), fullPage: true });
    await opened.context.close();
  }
});

function describeError(gpb, id) {
  try {
    gpb.describe(id);
    return null;
  } catch (error) {
    return error.message;
  }
}

test('the page: @odata.type values naming Object.prototype members are unknown types, and the form still renders', async () => {
  const link = `/#s=${Buffer.from(JSON.stringify({ v: 1, op: SA, params: {}, body: PROTO_BODY })).toString('base64url')}`;
  const { page, context } = await open('page proto', `${session.server.origin}${link}`);
  assert.equal(await editorText(page), PROTO_BODY);
  assert.deepEqual(await diagnosticCodes(page), ['odata-type-unknown', 'odata-type-unknown', 'odata-type-unknown']);
  const form = await page.textContent('#body-form');
  assert.match(form, /vendorInformation \(securityVendorInformation\)/);
  assert.match(form, /parameters item 1 \(keyValuePair\)/);
  await context.close();
});

// A body under the 8 MB limit with a million members gives two million findings: the first thousand
// are listed, then one limit finding, and the module keeps its memory.
test('a million duplicate members (6 MB, under the size limit) give a thousand findings and a limit, without aborting',
  async () => {
    const opened = await open('million-members', `${session.server.origin}/`);
    opened.log.ready = false;
    const outcome = await opened.page.evaluate(async () => {
      const { loadGpb } = await import(new URL('gpb.js', document.baseURI).href);
      const gpb = await loadGpb();
      const outcome = {};
      try {
        const r = gpb.validate('securityAction.update', `{${'"a":0,'.repeat(999999)}"a":0}`);
        outcome.codes = [...new Set(r.diagnostics.map((d) => d.code))].sort();
        outcome.count = r.diagnostics.length;
      } catch (error) {
        outcome.threw = `${error.name}: ${error.message}`;
      }
      try {
        outcome.valid = gpb.validate('incidentTask.update', '{"status": "open"}').valid;
      } catch (error) {
        outcome.after = `${error.name}: ${error.message}`;
      }
      return outcome;
    });
    await opened.context.close();
    assert.deepEqual(outcome, { codes: ['duplicate-key', 'limit', 'unknown-property'], count: 1001, valid: true }, JSON.stringify(outcome));
  });
