// Size of a peer that loads parts of itself lazily (dynamic import()): the same rollup +
// node-resolve + terser + gzip -9 as `measureEntry` in scripts/build.mjs (same plugin options),
// plus CommonJS support, but code-split instead of inlining the dynamic imports, so the size a
// page pays before anything renders (the entry and its static imports) is told apart from the
// lazy chunks (icons, locales, other components) that are fetched only when needed.
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const gzip = (code) => gzipSync(code, { level: 9 }).length;

/**
 * Bundles `file` with code splitting; returns sizes in bytes of the initial load (entry chunk and
 * its static imports, concatenated, then gzipped as one file, like measureEntry) and of every
 * chunk including the lazy ones, with the number of chunks.
 */
export async function measureSplit(file, { plugins = [] } = {}) {
  const bundle = await rollup({
    input: file,
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
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
    if (initial.has(name)) return;
    initial.add(name);
    for (const dep of chunks.get(name).imports) visit(dep);
  };
  for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
  const initialCode = [...initial].map((n) => chunks.get(n).code).join('\n');
  const allCode = [...chunks.values()].map((c) => c.code).join('\n');
  return {
    initial: { min: Buffer.byteLength(initialCode), gzip: gzip(initialCode), chunks: initial.size },
    all: { min: Buffer.byteLength(allCode), gzip: gzip(allCode), chunks: chunks.size },
  };
}
