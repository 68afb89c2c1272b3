// Library build: ES modules in dist/ (one file per source module, so each element's entry point
// pulls in only what it imports), declarations and source maps. Lit, @lit/* and d3-* stay
// external (peer-style): the platform's bundler resolves them once for the whole page.
// `scripts/build.mjs` runs this, writes dist/custom-elements.json and prints entry sizes.
// `serverConfig` builds the Node entry (`./server`, src/server/) with Node's types, apart from the
// browser entries so it never pulls browser code and they never see Node's.
import { existsSync, readdirSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/**
 * Every public entry point: the index, the adapters, the core, the demo, the React components, and
 * one registration file per element.
 */
export function entryPoints() {
  const entries = { index: 'src/index.ts', adapters: 'src/adapters.ts', core: 'src/core.ts', demo: 'src/demo.ts', react: 'src/react.ts' };
  for (const dir of readdirSync('src/components', { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'shared') continue;
    const file = `src/components/${dir.name}/${dir.name}.ts`;
    if (existsSync(file)) entries[dir.name] = file;
  }
  return entries;
}

const external = (id) => /^(lit|@lit\/|@lit-labs\/|d3-)/.test(id) || isPeer(id);

/** The frameworks' own packages (peer dependencies): the platform's app has them, never our bundle. */
export const isPeer = (id) => /^(react|react-dom|vue|preact|solid-js)(\/|$)/.test(id);

/** One file per source module under dist/, with source maps. */
const output = {
  dir: 'dist',
  format: 'es',
  sourcemap: true,
  preserveModules: true,
  preserveModulesRoot: 'src',
};

export default {
  input: Object.values(entryPoints()),
  external,
  output,
  // Templates' HTML and CSS are minified in dist/ as in the sizes the build reports.
  plugins: [typescript({ tsconfig: 'tsconfig.build.json', noEmitOnError: true }), minifyLiterals({ failOnError: true })],
};

/** The server entry (`express-dashboard-elements/server`): Node 20+, `node:*` built-ins external. */
export const serverConfig = {
  input: { 'server/index': 'src/server/index.ts' },
  external: (id) => id.startsWith('node:') || external(id),
  output,
  plugins: [typescript({ tsconfig: 'tsconfig.server.build.json', noEmitOnError: true })],
};
