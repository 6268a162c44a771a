// Bundles web/ into the static site with esbuild: node web/build-site.mjs --site DIR --embedded-core FILE
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const args = process.argv.slice(2);
const option = (name) => args[args.indexOf(name) + 1];
const site = option('--site');
const embeddedCore = option('--embedded-core');
mkdirSync(site, { recursive: true });
for (const old of readdirSync(site).filter((f) => f.startsWith('chunk-'))) rmSync(join(site, old));

const common = { bundle: true, minify: true, legalComments: 'none', target: 'es2020', logLevel: 'warning' };

await build({ ...common, entryPoints: ['web/gpb.js'], format: 'esm', outfile: join(site, 'gpb.js'),
  external: ['./gpb-core.js'], minify: false });
// The page's code splits: app.js first; CodeMirror and the form in chunks loaded after the first
// diagnostics. Code app.js shares with them is a chunk app.js imports: index.html preloads it, so
// that it arrives beside app.js rather than after it.
const app = await build({ ...common, entryPoints: { app: 'web/app/main.js' }, format: 'esm', outdir: site, splitting: true,
  chunkNames: 'chunk-[hash]', external: ['./gpb.js'], metafile: true });
const appOutput = Object.entries(app.metafile.outputs).find(([, output]) => output.entryPoint === 'web/app/main.js')[1];
const sharedChunks = appOutput.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => basename(i.path));
const element = await build({ ...common, entryPoints: ['web/element/gpb-element.js'], format: 'iife', write: false });

// One classic script: the core, its wasm as base64, then the element, inside one function scope
// so that nothing leaks into the host page's globals.
const core = readFileSync(embeddedCore, 'utf8');
const wasm = readFileSync(embeddedCore.replace(/\.js$/, '.wasm')).toString('base64');
writeFileSync(join(site, 'gpb-embed.js'), `/* Graph Payload Builder: the <gpb-builder> element */
(function () {
${core}
const wasmBinary = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
const createGpbCore = (options) => createGpbEmbeddedCore({ ...options, wasmBinary });
${element.outputFiles[0].text}})();
`);

for (const file of ['style.css', 'gpb.d.ts', 'embed-demo.html', 'embed-demo.css']) {
  copyFileSync(join('web', file), join(site, file));
}
const appScript = '<script type="module" src="app.js"></script>';
const indexHtml = readFileSync('web/index.html', 'utf8');
if (!indexHtml.includes(appScript)) throw new Error(`web/index.html has no ${appScript}`);
writeFileSync(join(site, 'index.html'), indexHtml.replace(appScript,
  [...sharedChunks.map((chunk) => `<link rel="modulepreload" href="${chunk}">\n  `), appScript].join('')));
