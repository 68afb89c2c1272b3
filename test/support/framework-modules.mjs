// A test-runner plugin that serves the frameworks the browser tests render the elements with:
//
// - React 19 (`react`, `react-dom/client`) and React 18 (the `react18` and `react-dom18` npm
//   aliases) are CommonJS: each version is one esbuild bundle of React and its client renderer
//   (one copy of React per version, as hooks need), served as ES modules with the named exports
//   each package has in Node, under /__frameworks/react19/ and /__frameworks/react18/.
// - A module requested with `?react=18` (`/src/frameworks/react.ts?react=18`) gets React 18 for its
//   bare `react` imports: the React wrappers as a platform on React 18 would bundle them.
// - `vue` is Vue's own browser build (ES module, with the template compiler).
//
// Everything is built in memory on first use, from this repository's node_modules.
import { build } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;

const REACT = {
  19: { react: 'react', client: 'react-dom/client', alias: {} },
  18: { react: 'react18', client: 'react-dom18/client', alias: { react: 'react18', 'react-dom': 'react-dom18' } },
};

/** The names `require(spec)` exports in Node, read from a CommonJS bundle evaluated here. */
async function exportNames(spec, alias) {
  const r = await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(spec)});`, resolveDir: root, loader: 'js' },
    bundle: true, format: 'cjs', write: false, alias, logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  const module = { exports: {} };
  // A quiet console of its own (the test runner's console is a proxy that React's dev build trips on).
  const quiet = new Proxy({}, { get: () => () => {} });
  new Function('module', 'exports', 'console', r.outputFiles[0].text)(module, module.exports, quiet);
  return Object.keys(module.exports).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
}

const cache = new Map();
/** The modules of one React version: `bundle.js`, `react.js` and `react-dom-client.js`. */
function reactModules(version) {
  if (!cache.has(version)) {
    cache.set(version, (async () => {
      const { react, client, alias } = REACT[version];
      const bundle = await build({
        stdin: {
          contents: `import React from '${react}'; import Client from '${client}'; export { React, Client };`,
          resolveDir: root, loader: 'js',
        },
        bundle: true, format: 'esm', write: false, alias, logLevel: 'error',
        define: { 'process.env.NODE_ENV': '"development"' },
      });
      const facade = (name, names) =>
        `import { ${name} } from './bundle.js';\nexport default ${name};\nexport const { ${names.join(', ')} } = ${name};\n`;
      return new Map([
        ['bundle.js', bundle.outputFiles[0].text],
        ['react.js', facade('React', await exportNames(react, alias))],
        ['react-dom-client.js', facade('Client', await exportNames(client, alias))],
      ]);
    })());
  }
  return cache.get(version);
}

export function frameworkModules() {
  return {
    name: 'framework-modules',
    async serve(context) {
      const m = /^\/__frameworks\/react(18|19)\/([\w-]+\.js)$/.exec(context.path);
      if (!m) return undefined;
      const body = (await reactModules(m[1])).get(m[2]);
      return body === undefined ? undefined : { body, type: 'js' };
    },
    resolveImport({ source, context }) {
      const version = context.URL.searchParams.get('react') === '18' ? 18 : 19;
      if (source === 'react' || source === 'react18') return `/__frameworks/react${source === 'react18' ? 18 : version}/react.js`;
      if (source === 'react-dom/client' || source === 'react-dom18/client') {
        return `/__frameworks/react${source === 'react-dom18/client' ? 18 : version}/react-dom-client.js`;
      }
      if (source === 'vue') return '/node_modules/vue/dist/vue.esm-browser.js';
      return undefined;
    },
  };
}
