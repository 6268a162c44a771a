// The core in two parts in the page (README, "Speed"): the first diagnostics need only
// gpb-core.wasm; gpb-core.deferred.wasm is fetched after them, and a call that needs it sooner
// fetches it itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserSession, site, typeInEditor } from './harness.mjs';

const CORE_FILES = ['gpb-core.wasm', 'gpb-core.deferred.wasm'];
// The second test loads a core of its own after the page is ready.
const session = browserSession({ later: (url, origin) => CORE_FILES.some((file) => url === `${origin}/${file}`) });

const fileName = (url) => new URL(url).pathname.slice(1);
const isChunk = (name) => /^chunk-\w+\.js$/.test(name);

test('the first diagnostics come from gpb-core.wasm alone; the rest of the core is fetched after them', async () => {
  const { page } = await session.open('page');
  const { firstDiagnostics, resources } = await page.evaluate(() => ({
    firstDiagnostics: performance.getEntriesByName('gpb-first-diagnostics')[0].startTime,
    resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, initiator: e.initiatorType, start: e.startTime })),
  }));
  // A chunk-*.js before them is the code app.js shares with the form, whose own code comes after.
  const chunkOrFile = (r) => (isChunk(fileName(r.name)) ? 'chunk' : fileName(r.name));
  const before = resources.filter((r) => r.start < firstDiagnostics).map(chunkOrFile).sort();
  assert.deepEqual(before, ['app.js', 'chunk', 'gpb-core.js', 'gpb-core.wasm', 'gpb.js', 'style.css']);
  await page.locator('#body-form .prop').first().waitFor();
  const after = (await page.evaluate((mark) => performance.getEntriesByType('resource').filter((e) => e.startTime >= mark)
    .map((e) => e.name), firstDiagnostics)).map(fileName);
  assert.ok(after.filter(isChunk).length >= 2, `the form's code and the editor's after the first diagnostics: ${after}`);
  const rest = resources.filter((r) => fileName(r.name) === 'gpb-core.deferred.wasm');
  assert.deepEqual(rest.map((r) => r.initiator), ['fetch'], 'fetched once, in the background');

  // With the rest in place, findings the first path never raised.
  const result = await typeInEditor(page, '{"status": "Strin", "x": 1}');
  assert.deepEqual(result.diagnostics.filter((d) => d.pointer).map((d) => [d.code, d.pointer, d.line, d.column]),
    [['enum-value', '/status', 1, 12], ['unknown-property', '/x', 1, 21]]);
});

test('index.html preloads each chunk app.js imports, so that none waits for app.js to arrive', () => {
  const imported = [...readFileSync(join(site, 'app.js'), 'utf8').matchAll(/(?:import|from)\s*"\.\/(chunk-\w+\.js)"/g)].map((m) => m[1]);
  assert.ok(imported.length >= 1, 'app.js imports the chunk it shares with the form');
  const preloaded = [...readFileSync(join(site, 'index.html'), 'utf8').matchAll(/<link rel="modulepreload" href="(chunk-\w+\.js)">/g)].map((m) => m[1]);
  assert.deepEqual(preloaded.sort(), [...new Set(imported)].sort());
});

test('a call that needs the rest before loadRest() has run fetches it at once, and answers', async () => {
  const { page } = await session.open('early-call');
  const outcome = await page.evaluate(async () => {
    const { loadGpb } = await import(new URL('gpb.js', document.baseURI).href);
    const seen = performance.getEntriesByType('resource').length;
    const gpb = await loadGpb({ restLater: true });
    const lint = gpb.lintPage('# A page\n\n```http\nPATCH https://graph.microsoft.com/beta/security/incidentTasks/1\n```\n', { path: 'p' });
    return {
      operation: lint.examples[0]?.operation,
      fetched: performance.getEntriesByType('resource').slice(seen).map((e) => [new URL(e.name).pathname.slice(1), e.initiatorType]),
    };
  });
  assert.equal(outcome.operation, 'incidentTask.update');
  assert.deepEqual(outcome.fetched, [['gpb-core.wasm', 'fetch'], ['gpb-core.deferred.wasm', 'xmlhttprequest']]);
});
