// The core in two parts (README, "Speed"): the page's first path runs in gpb-core.wasm alone, the
// rest is instantiated once, and every call works the same before and after it arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { coreFiles, loadSiteGpb } from '../site-core.mjs';
import { firstPath } from '../../wasm/bindings/first-path.mjs';

const site = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'site');
const { default: createGpbCore } = await import(join(site, 'gpb-core.js'));
const { wrapCore } = await import(join(site, '..', '..', 'web', 'gpb-api.js'));
const { loadGpb } = await import(join(site, 'gpb.js'));

// A core whose rest is instantiated by this test, which counts how often it is asked for.
async function countedCore() {
  const { wasmBinary, deferredWasmBinary } = coreFiles();
  const asked = [];
  let rest = null;
  const core = await createGpbCore({
    wasmBinary,
    printErr: () => {},
    loadSplitModule: (file, imports, slot) => {
      asked.push(slot);
      if (!rest) {
        const module = new WebAssembly.Module(deferredWasmBinary);
        rest = [new WebAssembly.Instance(module, imports), module];
      }
      return rest;
    },
  });
  return { core, gpb: wrapCore(core), asked };
}

test('the page\'s first path, up to the first diagnostics, runs without the rest of the core', async () => {
  const { gpb, asked } = await countedCore();
  const result = firstPath(gpb);
  assert.equal(result.operation, 'securityConfigurationTask.create');
  assert.deepEqual(result.diagnostics, []);
  assert.deepEqual(asked, []);
});

test('the rest is asked for once, by the first call that needs it; every call after runs in place', async () => {
  const { core, gpb, asked } = await countedCore();
  firstPath(gpb);
  const op = 'securityAction.update';
  const wrong = gpb.validate(op, '{"status": "Strin", "x": 1}');
  assert.deepEqual(wrong.diagnostics.map((d) => [d.code, d.pointer, d.line, d.column]),
    [['enum-value', '/status', 1, 12], ['unknown-property', '/x', 1, 21]]);
  assert.equal(asked.length, 1, 'one load for the first finding');
  // Every entry point, through the facade and through Embind directly (each Embind signature has an
  // invoker the JS side holds from the start).
  gpb.complete(op, '{"', 2);
  gpb.hover(op, '{"status": 1}', 3);
  gpb.response(op, '{}');
  gpb.operations({ version: 'beta', search: 'incident' });
  gpb.lintPage('# Title\n', { path: 'page' });
  gpb.parseRequest('PATCH https://graph.microsoft.com/beta/security/incidents/1');
  assert.throws(() => gpb.resolve('GET', '/users', { version: 'v1.0' }), { name: 'GpbError' });
  assert.throws(() => gpb.loadMetadata('not metadata', { name: 'svc' }), { name: 'GpbError' });
  assert.throws(() => gpb.loadPack('v1.0', 'not a pack'), { name: 'GpbError' });
  assert.throws(() => gpb.loadPermissions('{}'), { name: 'GpbError' });
  for (const call of [() => core.validate(op, '{}', false), () => core.complete(op, '{"', 2, false), () => core.hover(op, '{}', 1, false),
    () => core.request(op, '{}', '{}'), () => core.response(op, '{}'), () => core.loadPack('v9', ''), () => core.loadPermissions('{}'),
    () => core.loadMetadata('', '', ''), () => core.resolve('GET', '/me', 'beta'), () => core.operationsOf('beta', 'user'),
    () => core.describe(op), () => core.example(op, false), () => core.parseRequest(''), () => core.lintPage('', 'p'), () => core.operations()]) {
    assert.equal(typeof call(), 'string');
  }
  assert.equal(asked.length, 1, `asked again for slots ${asked.slice(1).join(', ')}`);
});

test('loadGpb puts both parts in place; with restLater, loadRest() does, and a call before it fetches the rest itself', async () => {
  const whole = await loadSiteGpb();
  const lint = whole.lintPage(readFileSync(join(site, '..', '..', 'tests', 'fixtures', 'seeds', '004_70f29e99f84360ef.txt'), 'utf8'), { path: 'seed-004' });
  assert.deepEqual(lint.examples[1].diagnostics.map((d) => [d.code, d.line, d.column]), [['enum-value', 53, 11]]);

  const later = await loadSiteGpb({ restLater: true });
  firstPath(later);
  assert.deepEqual(later.lintPage(''), { path: 'page', diagnostics: [], examples: [] });
  await later.loadRest();
  assert.deepEqual(later.lintPage(''), { path: 'page', diagnostics: [], examples: [] });

  // In node, only the bytes it is given: a call that needs the rest says what is missing.
  const { wasmBinary } = coreFiles();
  const partial = await loadGpb({ wasmBinary, restLater: true });
  firstPath(partial);
  assert.throws(() => partial.lintPage(''), { name: 'GpbError', message: /pass gpb-core\.deferred\.wasm as deferredWasmBinary/ });
  await assert.rejects(partial.loadRest(), /pass gpb-core\.deferred\.wasm as deferredWasmBinary/);
});
