#!/usr/bin/env node
// Fails on any import against the layers' direction, a type-only import included, naming the file
// and line:
//
//   src/contract   types, categories, errors: imports nothing outside itself
//   src/core       DOM-free money, time, net volume, CSV, words: contract
//   src/adapter    the ways to fetch data: contract, core
//   src/demo       the demo data and adapters (the ./demo entry): contract, core, adapter
//   src/server     the backend entry (./server): contract, core, adapter
//   src/components and the rest of src (entries, context, events): anything in src
//   server/        the reference server: contract, core, adapter, demo, server (never components)
//   demo/, bench/  pages and benchmarks: nothing outside them imports them
//
// Usage: node scripts/check-layers.mjs [--root DIR]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const rootArg = process.argv.indexOf('--root');
const root = resolve(rootArg > 0 ? process.argv[rootArg + 1] : new URL('..', import.meta.url).pathname);

/** The layer of a file (a path relative to the root, with `/`), or null when no rule applies. */
export function layerOf(file) {
  const m = /^src\/(contract|core|adapter|demo|server|components)\//.exec(file);
  if (m) return m[1];
  if (file.startsWith('src/')) return 'src';
  if (file.startsWith('server/web/')) return 'pages';            // the reference server's browser pages
  if (file.startsWith('server/')) return 'reference-server';
  for (const top of ['demo', 'bench', 'test', 'scripts']) if (file.startsWith(`${top}/`)) return 'pages';
  return null;
}

/** What each layer may import inside src/ (pages may import anything in src/). */
const ALLOWED = {
  contract: ['contract'],
  core: ['contract', 'core'],
  adapter: ['contract', 'core', 'adapter'],
  demo: ['contract', 'core', 'adapter', 'demo'],
  server: ['contract', 'core', 'adapter', 'server'],
  components: ['contract', 'core', 'adapter', 'components', 'src'],
  src: ['contract', 'core', 'adapter', 'demo', 'server', 'components', 'src'],
  'reference-server': ['contract', 'core', 'adapter', 'demo', 'server', 'reference-server'],
};
/** Top-level folders that nothing outside them imports. */
const PRIVATE = ['demo/', 'bench/'];

// import ... from 'x'; import 'x'; export ... from 'x'; import('x'); import type ... from 'x'
const SPEC = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;

export function violations(files, read = (f) => readFileSync(join(root, f), 'utf8')) {
  const out = [];
  for (const file of files) {
    const from = layerOf(file);
    if (!from) continue;
    read(file).split('\n').forEach((line, i) => {
      for (const m of line.matchAll(SPEC)) {
        const target = relative(root, resolve(root, dirname(file), m[2])).split(sep).join('/');
        const to = layerOf(target);
        let why = null;
        const privateTo = PRIVATE.find((p) => target.startsWith(p));
        if (privateTo && !file.startsWith(privateTo)) why = `nothing outside ${privateTo} imports it`;
        else if (from !== 'pages' && to !== from && !ALLOWED[from].includes(to)) why = `${from} must not import ${to ?? target}`;
        if (why) out.push(`${file}:${i + 1}: ${why} (${m[2]})`);
      }
    });
  }
  return out;
}

function walk(dir, acc = []) {
  if (!existsSync(join(root, dir))) return acc;
  for (const name of readdirSync(join(root, dir))) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) walk(rel, acc);
    else if (/\.(m?[jt]s|tsx)$/.test(name)) acc.push(rel);
  }
  return acc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = ['src', 'server', 'demo', 'bench', 'test', 'scripts'].flatMap((d) => walk(d));
  const found = violations(files);
  if (found.length) {
    console.log('Imports against the layers (contract <- core <- adapter <- components; see scripts/check-layers.mjs):');
    for (const v of found) console.log(`  ${v}`);
    process.exit(1);
  }
  console.log(`Layers: ${files.length} files, every import points down.`);
}
