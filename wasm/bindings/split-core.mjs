// Splits the site's core in two (README, "Speed"): gpb-core.wasm keeps the functions the page runs
// before its first diagnostics, gpb-core.deferred.wasm holds the rest, which the page fetches after.
//   node wasm/bindings/split-core.mjs --site DIR --work DIR
// Input: DIR/gpb-core.wasm as Emscripten's SPLIT_MODULE link leaves it (instrumented to record
// which functions run), DIR/gpb-core.wasm.orig (the module itself) and DIR/gpb-core.js.symbols.
// The record comes from running the page's first path under node; binaryen's wasm-split then
// keeps those functions, and every Embind invoker: Embind reads each invoker from the table once,
// at start, so an invoker left out would go through the loader on every call.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { firstPath } from './first-path.mjs';

const args = process.argv.slice(2);
const option = (name) => args[args.indexOf(name) + 1];
const site = option('--site');
const work = option('--work');
mkdirSync(work, { recursive: true });

const instrumented = join(site, 'gpb-core.wasm');
const original = join(site, 'gpb-core.wasm.orig');
const symbols = join(site, 'gpb-core.js.symbols');
const profile = join(work, 'first-path.profile');
const keep = join(work, 'keep-functions.txt');

async function recordFirstPath() {
  const { default: createGpbCore } = await import(pathToFileURL(join(site, 'gpb-core.js')).href);
  const { wrapCore } = await import(new URL('../../web/gpb-api.js', import.meta.url).href);
  const core = await createGpbCore({ wasmBinary: readFileSync(instrumented) });
  firstPath(wrapCore(core));
  const writeProfile = core.asm.__write_profile;
  const length = writeProfile(0, 0);
  const address = core._malloc(length);
  writeProfile(address, length);
  writeFileSync(profile, core.HEAPU8.slice(address, address + length));
}

const WASM_SPLIT_FLAGS = ['--enable-mutable-globals', '--enable-simd', '--enable-bulk-memory', '--export-prefix=%', '--placeholder-namespace=placeholder',
  '--import-namespace=primary'];

// The functions the recorded run called, as wasm-split names them (their index among defined functions).
function profiledFunctions() {
  const scratch = join(work, 'scratch.wasm');
  const report = execFileSync('wasm-split', ['--split', ...WASM_SPLIT_FLAGS, `--profile=${profile}`, '-v',
    '-o1', scratch, '-o2', scratch, original], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  rmSync(scratch, { force: true });
  const line = report.split('\n').find((text) => text.startsWith('Keeping functions:'));
  if (!line) throw new Error('wasm-split named no functions to keep');
  return line.slice('Keeping functions:'.length).split(',').map((name) => name.trim()).filter(Boolean);
}

// How many functions the module imports: the symbol map counts them, wasm-split's names do not.
function importedFunctionCount(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const skipName = () => { const length = leb(); at += length; };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    if (id !== 2) { at += size; continue; }  // 2: the import section
    let functions = 0;
    for (let count = leb(); count > 0; count -= 1) {
      skipName();
      skipName();
      const kind = bytes[at++];
      if (kind === 0) { functions += 1; leb(); }
      else if (kind === 1) { at += 1; const flags = leb(); leb(); if (flags & 1) leb(); }  // table
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }  // memory
      else at += 2;  // global: type and mutability
    }
    return functions;
  }
  return 0;
}

function embindInvokers() {
  const imported = importedFunctionCount(readFileSync(original));
  return readFileSync(symbols, 'utf8').split('\n')
    .map((line) => /^(\d+):emscripten::internal::\w*Invoker</.exec(line))
    .filter(Boolean)
    .map((match) => String(Number(match[1]) - imported));
}

await recordFirstPath();
const invokers = embindInvokers();
if (!invokers.length) throw new Error('no Embind invoker found in the symbol map');
writeFileSync(keep, [...new Set([...profiledFunctions(), ...invokers])].join('\n'));
execFileSync('wasm-split', ['--split', ...WASM_SPLIT_FLAGS, `--keep-funcs=@${keep}`,
  '-o1', join(work, 'gpb-core.wasm'), '-o2', join(site, 'gpb-core.deferred.wasm'), original], { stdio: 'inherit' });
renameSync(join(work, 'gpb-core.wasm'), instrumented);
rmSync(original);
renameSync(symbols, join(work, 'gpb-core.js.symbols'));
