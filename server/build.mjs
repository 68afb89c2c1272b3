// Builds the reference server and its pages with esbuild (no TypeScript loader at run time):
// - buildServer(): server/src/index.ts bundled to one ES module for Node 20. The library's own
//   src/core and src/demo/demo-data.ts are compiled into it from their source (reused, not
//   copied); npm packages stay external. Written as .data/build/server/server-<hash>.mjs, named by
//   its content, so concurrent builds (parallel test files) never clash. Returns the file's path.
// - buildWeb(outDir): the pages' browser bundles (server/web/*.ts: Lit, d3 and the elements
//   resolved in, production builds), pages.css, and the in-browser MemoryAdapter demo (demo/*.html
//   with their .ts scripts built) under outDir/demo/.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const defaultWebRoot = join(root, '.data/build/web');

/** Builds the server; returns the path of the ES module to import. */
export async function buildServer({ outDir = join(root, '.data/build/server') } = {}) {
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(root, 'server/src/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    outfile: join(outDir, 'server.mjs'),
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = join(outDir, `server-${hash}.mjs`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file); // atomic: an importer never sees half a file
  }
  // Old builds (other hashes) older than an hour go.
  for (const f of readdirSync(outDir)) {
    const p = join(outDir, f);
    if (p !== file && /^server-[0-9a-f]+\.mjs$/.test(f) && Date.now() - statSync(p).mtimeMs > 3600_000) rmSync(p, { force: true });
  }
  return file;
}

const WEB_ENTRIES = ['platform', 'login', 'dashboard', 'dev-sms'];

/** Builds the pages' scripts and styles into outDir; returns outDir. */
export async function buildWeb({ outDir = defaultWebRoot } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['production'],
    minify: true,
    sourcemap: 'linked',
    logLevel: 'error',
    legalComments: 'none',
    // package.json `sideEffects` lists the dist/ registration files; built from src/ here, the
    // registration imports would look side-effect free and be dropped without this.
    ignoreAnnotations: true,
  };
  await build({
    ...common,
    entryPoints: WEB_ENTRIES.map((e) => join(root, 'server/web', `${e}.ts`)),
    outdir: outDir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  copyFileSync(join(root, 'server/web/pages.css'), join(outDir, 'pages.css'));

  // The in-browser demo: demo/*.html as they are, their `./x.ts` scripts built to `./x.js`.
  const demoDir = join(root, 'demo');
  if (existsSync(demoDir)) {
    const out = join(outDir, 'demo');
    mkdirSync(out, { recursive: true });
    const scripts = new Set();
    for (const f of readdirSync(demoDir)) {
      const p = join(demoDir, f);
      if (f.endsWith('.html')) {
        const html = readFileSync(p, 'utf8').replace(/(<script[^>]*\ssrc=["']\.\/)([\w-]+)\.ts(["'])/g, (_m, a, name, b) => {
          scripts.add(name);
          return `${a}${name}.js${b}`;
        });
        writeFileSync(join(out, f), html);
      } else if (/\.(css|svg|png|ico)$/.test(f)) {
        copyFileSync(p, join(out, f));
      }
    }
    if (scripts.size) {
      await build({
        ...common,
        entryPoints: [...scripts].map((s) => join(demoDir, `${s}.ts`)),
        outdir: out,
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
      });
    }
  }
  return outDir;
}
