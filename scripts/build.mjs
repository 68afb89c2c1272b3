#!/usr/bin/env node
// `npm run build`: rollup to dist/ (ES modules, .d.ts, source maps), dist/custom-elements.json from
// the elements' JSDoc, then the min+gzip size of every entry point as a platform's page pays for it
// (the entry with everything it imports, Lit and d3 included, minified by terser, gzip -9).
// Writes the sizes to dist/sizes.json too. Budgets (issues): whole library <= 40 KB,
// <express-login-button> alone <= 10 KB, what ./react adds to the elements <= 2 KB (this project's
// reading of issue 17's "adds little"); an overrun is printed (and fails with --strict).
import { rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import config, { entryPoints, isPeer, serverConfig } from '../rollup.config.mjs';
import { analyze } from './manifest.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

export const BUDGETS_KB = { index: 40, 'login-button': 10, 'react-own': 2 };

/**
 * Bundles one entry with all of its dependencies, minified, code-split the way a platform's
 * bundler would: returns { min, gzip } in bytes of what a page loads up front (the entry chunk and
 * its static imports, concatenated, gzip -9), `lazy`: the gzip size of everything loaded only on
 * demand (the string tables of languages other than English), and `all` / `chunks` for the whole
 * output. `plugins` go before terser (the benchmark adds CommonJS support for the peers).
 * `external` leaves packages out: ours are measured with `isPeer` (the frameworks), so the `react`
 * entry is what it adds to an app that has React already.
 */
export async function measureEntry(file, { plugins = [], external } = {}) {
  const bundle = await rollup({
    input: file,
    external,
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      typescript({ tsconfig: 'tsconfig.build.json', declaration: false, declarationMap: false, sourceMap: false, outDir: undefined, noEmitOnError: true }),
      minifyLiterals({ failOnError: true }),
      ...plugins,
      terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name) || !chunks.has(name)) return; // an external (react) is no chunk of ours
    initial.add(name);
    for (const dep of chunks.get(name).imports) visit(dep);
  };
  for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
  const code = [...initial].map((n) => chunks.get(n).code).join('\n');
  const lazyCode = [...chunks.keys()].filter((n) => !initial.has(n)).map((n) => chunks.get(n).code).join('\n');
  const allCode = [...chunks.values()].map((c) => c.code).join('\n');
  const gzip = (text) => gzipSync(text, { level: 9 }).length;
  return {
    min: Buffer.byteLength(code),
    gzip: gzip(code),
    chunks: initial.size,
    lazy: lazyCode ? gzip(lazyCode) : 0,
    all: { min: Buffer.byteLength(allCode), gzip: gzip(allCode), chunks: chunks.size },
  };
}

async function main() {
  rmSync('dist', { recursive: true, force: true });
  const bundle = await rollup(config);
  await bundle.write(config.output);
  await bundle.close();
  console.log('dist/: ES modules, .d.ts and source maps written.');

  // The server entry, with Node's types: it must not pull any browser code (elements, Lit, d3).
  const server = await rollup(serverConfig);
  const { output: serverOutput } = await server.write(serverConfig.output);
  await server.close();
  const browserish = serverOutput
    .filter((o) => o.type === 'chunk')
    .flatMap((c) => [...Object.keys(c.modules), ...c.imports])
    .filter((id) => /[\\/]src[\\/](components|index|adapters)|^lit|^@lit|^d3-/.test(id));
  if (browserish.length) throw new Error(`dist/server pulls browser code: ${[...new Set(browserish)].join(', ')}`);
  console.log('dist/server/: the Node entry (./server), with declarations; no browser code in it.');

  // The same manifest scripts/frameworks.mjs generates the React wrappers and typings from.
  const manifest = await analyze(root);
  writeFileSync('dist/custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);
  // Every event a tool shows must have the name its @fires tag gives (the analyzer also lists
  // `dispatchEvent(new X(...))` calls, without a name: dispatch a variable instead).
  const unnamed = manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.events ?? []).filter((e) => !e.name).map(() => `${m.path} (${d.name})`)));
  if (unnamed.length) throw new Error(`custom-elements.json lists events without a name in: ${unnamed.join(', ')}`);
  console.log('dist/custom-elements.json written.');

  const sizes = {};
  let over = false;
  console.log('\nEntry point sizes (with every dependency, minified + gzip -9; the Node entry ./server is not for pages and not listed):');
  console.log('entry'.padEnd(16) + 'min'.padStart(10) + 'gzip'.padStart(10) + 'lazy'.padStart(10) + '  budget');
  for (const [name, file] of Object.entries(entryPoints())) {
    const s = await measureEntry(file, { external: isPeer });
    sizes[name] = s;
    const budget = BUDGETS_KB[name];
    const ok = budget === undefined || s.gzip <= budget * 1024;
    if (!ok) over = true;
    console.log(name.padEnd(16) + `${(s.min / 1024).toFixed(1)} KB`.padStart(10) + `${(s.gzip / 1024).toFixed(1)} KB`.padStart(10) + (s.lazy ? `${(s.lazy / 1024).toFixed(1)} KB` : '-').padStart(10) +
      (budget ? `  ${budget} KB ${ok ? 'ok' : 'OVER'}` : ''));
  }
  // What `./react` adds beyond the elements it registers: the wrappers and @lit/react (React itself is the app's).
  const own = await measureEntry('src/react.ts', { external: (id) => isPeer(id) || /\/components\//.test(id) });
  sizes['react-own'] = own;
  const ownOk = own.gzip <= BUDGETS_KB['react-own'] * 1024;
  if (!ownOk) over = true;
  console.log('react (own)'.padEnd(16) + `${(own.min / 1024).toFixed(1)} KB`.padStart(10) + `${(own.gzip / 1024).toFixed(1)} KB`.padStart(10) + '-'.padStart(10) +
    `  ${BUDGETS_KB['react-own']} KB ${ownOk ? 'ok' : 'OVER'}  (the wrappers alone, the elements and React left out)`);
  writeFileSync('dist/sizes.json', JSON.stringify(sizes, null, 2) + '\n');
  if (over) {
    // Reported, not fatal: the build's output is still correct. `npm run build -- --strict` (and
    // `npm run bench`'s table) treat an overrun as a failure.
    console.error('A size budget is exceeded (see OVER above).');
    if (process.argv.includes('--strict')) process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
