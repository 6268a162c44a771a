// Bundles web/ into the static site with esbuild: node web/build-site.mjs --site DIR --embedded-core FILE
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name) => args[args.indexOf(name) + 1];
const site = option('--site');
const embeddedCore = option('--embedded-core');
mkdirSync(site, { recursive: true });

const common = { bundle: true, minify: true, legalComments: 'none', target: 'es2020', logLevel: 'warning' };

await build({ ...common, entryPoints: ['web/gpb.js'], format: 'esm', outfile: join(site, 'gpb.js'),
  external: ['./gpb-core.js'], minify: false });
await build({ ...common, entryPoints: ['web/app/main.js'], format: 'esm', outfile: join(site, 'app.js'),
  external: ['./gpb.js'] });
const element = await build({ ...common, entryPoints: ['web/element/gpb-element.js'], format: 'iife', write: false });

// One classic script: the core with its wasm inlined, then the element, inside one function scope
// so that nothing leaks into the host page's globals.
const core = readFileSync(embeddedCore, 'utf8');
writeFileSync(join(site, 'gpb-embed.js'),
  `/* Graph Payload Builder: <gpb-builder> element */\n(function () {\n${core}\nconst createGpbCore = createGpbEmbeddedCore;\n${element.outputFiles[0].text}})();\n`);

for (const file of ['index.html', 'style.css', 'gpb.d.ts', 'embed-demo.html']) {
  copyFileSync(join('web', file), join(site, file));
}
