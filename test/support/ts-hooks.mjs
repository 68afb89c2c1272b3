// Module hooks that let Node (20, no TypeScript of its own) import the library's TypeScript
// sources as they are: a `./x.js` import whose file does not exist resolves to `./x.ts`, and a
// `.ts` module is compiled by esbuild with the project's tsconfig (Lit's decorators), in memory.
// Registered by test/support/ts-register.mjs (`node --import ./test/support/ts-register.mjs`).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const tsconfigRaw = readFileSync(new URL('../../tsconfig.json', import.meta.url), 'utf8');

export async function resolve(specifier, context, next) {
  if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (!existsSync(fileURLToPath(new URL(specifier, context.parentURL))) && existsSync(fileURLToPath(ts))) {
      return { url: ts.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const path = fileURLToPath(url);
  const { code } = await transform(readFileSync(path, 'utf8'), {
    loader: 'ts', format: 'esm', target: 'es2022', sourcefile: path, sourcemap: 'inline', tsconfigRaw,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
