// Size of a peer that loads parts of itself lazily (dynamic import()): `measureEntry` of
// scripts/build.mjs (rollup + node-resolve + terser + gzip -9, code-split, the same function the
// build reports our sizes with), here with CommonJS support added, so the size a page pays before
// anything renders (the entry and its static imports) is told apart from the lazy chunks (icons,
// locales, other components) that are fetched only when needed.
import { measureEntry } from '../../scripts/build.mjs';

/**
 * Returns sizes in bytes of the initial load (entry chunk and its static imports, concatenated,
 * then gzipped as one file) and of every chunk including the lazy ones, with the chunk counts.
 */
export async function measureSplit(file, { plugins = [] } = {}) {
  const s = await measureEntry(file, { plugins });
  return { initial: { min: s.min, gzip: s.gzip, chunks: s.chunks }, all: s.all };
}
