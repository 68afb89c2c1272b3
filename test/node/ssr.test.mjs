// Server-side rendering (issue 17), in Node with no DOM, as Next.js, Nuxt or an Express server
// renders a page: every entry point imports, every element constructs, and @lit-labs/ssr renders
// every element of the manifest to declarative shadow DOM showing its loading state (the login
// button its link text). The browser half (hydrating that HTML) is test/frameworks/ssr.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { analyze, elementsOf } from '../../scripts/manifest.mjs';

const root = new URL('../../', import.meta.url).pathname;
const register = new URL('../support/ts-register.mjs', import.meta.url).pathname;

/** Runs an ES module's text in a fresh Node that imports the TypeScript sources; its stdout parsed as JSON. */
function inNode(source, args = []) {
  const r = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', source, '--', ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.status, 0, `node exited with ${r.status}:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

const tags = elementsOf(await analyze(root)).map((e) => e.tag);

/** The page entry points of package.json's `exports` (each `./dist/x.js` built from `src/x.ts`). */
const entries = Object.entries(JSON.parse(readFileSync(new URL('package.json', `file://${root}`), 'utf8')).exports)
  .filter(([, v]) => typeof v === 'object' && v.default?.startsWith('./dist/'))
  .map(([name, v]) => [name, v.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')]);

test('every entry point imports in Node (no window, document, navigator, matchMedia or ResizeObserver), and every element constructs', () => {
  assert.ok(entries.length >= 10, `entries: ${entries.map(([n]) => n)}`);
  assert.ok(entries.some(([n]) => n === './react'));
  const out = inNode(`
    const BROWSER = ['window', 'document', 'navigator', 'matchMedia', 'ResizeObserver', 'IntersectionObserver',
      'MutationObserver', 'requestAnimationFrame', 'localStorage', 'HTMLElement', 'Node', 'ShadowRoot'];
    // Node 21+ has a navigator of its own: only what this Node lacks is checked.
    const absent = BROWSER.filter((g) => !(g in globalThis));
    const imported = [];
    for (const file of JSON.parse(process.argv[1])) {
      await import(new URL(file, 'file://${root}').href);
      imported.push(file);
    }
    const constructed = [];
    for (const tag of JSON.parse(process.argv[2])) {
      const Element = customElements.get(tag);
      if (!Element) throw new Error('<' + tag + '> is not registered');
      const el = new Element();
      if (!el.renderRoot && typeof el.requestUpdate !== 'function') throw new Error('<' + tag + '> is not a Lit element');
      constructed.push(tag);
    }
    const appeared = absent.filter((g) => g in globalThis);
    process.stdout.write(JSON.stringify({ imported, constructed, absent, appeared }));
  `, [JSON.stringify(entries.map(([, f]) => f)), JSON.stringify(tags)]);
  assert.deepEqual(out.imported, entries.map(([, f]) => f));
  assert.deepEqual(out.constructed, tags);
  assert.ok(out.absent.includes('window') && out.absent.includes('document'), `absent: ${out.absent}`);
  // No entry installs a browser global of its own (a fake window would mislead a platform's own code).
  assert.deepEqual(out.appeared, []);
});

test('the React components render to a string on the server (what Next.js does with a client component)', () => {
  const out = inNode(`
    import React from 'react';
    import { renderToString } from 'react-dom/server';
    const wrappers = await import(new URL('src/react.ts', 'file://${root}').href);
    const adapter = { getAccount: async () => ({ id: 'acct_1' }) };
    const html = {};
    for (const [name, C] of Object.entries(wrappers)) {
      if (typeof C === 'object' && C.displayName) html[name] = renderToString(React.createElement(C, { adapter, locale: 'en-US', onExpressError: () => {} }));
    }
    const { HttpAdapter } = await import(new URL('src/adapters.ts', 'file://${root}').href);
    const fetched = [];
    globalThis.fetch = async (url) => { fetched.push(String(url)); throw new Error('no fetch on the server'); };
    html.readme = renderToString(React.createElement(wrappers.ExpressDashboard, {
      adapter: new HttpAdapter({ baseUrl: '/api/express' }), platformName: 'Lumen Rides', locale: 'en-US',
      onExpressError: (e) => console.warn(e.detail.operation, e.detail.error.code),
    }, React.createElement(wrappers.ExpressLoginButton, { slot: 'header-actions', endpoint: '/api/login-link' })));
    await new Promise((r) => setTimeout(r, 0));
    if (fetched.length) throw new Error('fetched on the server: ' + fetched);
    process.stdout.write(JSON.stringify(html));
  `);
  assert.equal(Object.keys(out).length - 1, tags.length);
  // The README's Next.js client component, as the server renders it: the adapter is made, nothing is fetched.
  assert.equal(out.readme, '<express-dashboard><express-login-button slot="header-actions"></express-login-button></express-dashboard>');
  delete out.readme;
  for (const [name, html] of Object.entries(out)) {
    // @lit/react sets every prop as a property once mounted: the server writes the bare tag (the
    // element's shadow DOM on the server is @lit-labs/ssr's work, below).
    assert.match(html, /^<(express-[a-z-]+)><\/\1>$/, `${name}: ${html}`);
    assert.doesNotMatch(html, /adapter|onExpressError|\[object/, `${name}: objects and handlers are not attributes: ${html}`);
  }
});

/** The HTML without its comments (Lit's hydration markers). */
const visible = (html) => html.replace(/<!--[^]*?-->/g, '');

/** What each element's server HTML must show before any script runs: its loading state, or its text. */
const FIRST_PAINT = {
  'express-balance': [/aria-busy="true"/, /class="skeletons"/, />Balance</],
  'express-dashboard': [/<express-balance[^>]*defer-hydration/, /<express-transactions[^>]*defer-hydration/, /class="skeletons"/, /aria-busy="true"/],
  'express-earnings': [/aria-busy="true"/, /chart-skeleton/, />Earnings</],
  'express-login': [/>Sign in</, /<form part="form"/, /type="email"/],
  'express-login-button': [/<slot>View dashboard<\/slot>/, /<button\s+part="base"/],
  'express-payout-details': [/aria-busy="true"/, /class="skeletons"/],
  'express-payouts': [/aria-busy="true"/, /skeleton-rows/, />Payouts</],
  'express-transactions': [/aria-busy="true"/, /skeleton-row/, />Transactions</],
};

test('@lit-labs/ssr renders every element to declarative shadow DOM with its loading skeleton (the login button its link text)', () => {
  assert.deepEqual(Object.keys(FIRST_PAINT).sort(), [...tags].sort(), 'every element of the manifest has its first paint checked here');
  const out = inNode(`
    const { renderElement } = await import(new URL('test/support/ssr-render.mjs', 'file://${root}').href);
    const html = {};
    for (const tag of JSON.parse(process.argv[1])) html[tag] = await renderElement(tag);
    process.stdout.write(JSON.stringify(html));
  `, [JSON.stringify(tags)]);
  for (const tag of tags) {
    const html = out[tag];
    assert.ok(html.includes(`<${tag}`) && html.includes(`</${tag}>`), tag);
    assert.match(html, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open"><style>`), `${tag}: declarative shadow DOM with its styles`);
    assert.match(html, /<!--lit-part [\w+/=]+-->/, `${tag}: hydration markers`);
    for (const re of FIRST_PAINT[tag]) assert.match(visible(html), re, `${tag}'s first paint`);
    // A false property binding on a reflected attribute would be written as checked="false" (= checked).
    assert.doesNotMatch(html, /(?<![\w-])(checked|disabled|selected|hidden|open|required)="(false|undefined|null)"/, `${tag}: a false boolean written as an attribute`);
  }
});

test('a locale attribute reaches the server render; the default is English, not the server\'s language', () => {
  const out = inNode(`
    const { renderElement } = await import(new URL('test/support/ssr-render.mjs', 'file://${root}').href);
    const { loadStrings } = await import(new URL('src/core.ts', 'file://${root}').href);
    await loadStrings('fr');
    process.stdout.write(JSON.stringify({
      fr: await renderElement('<express-balance locale="fr">'),
      plain: await renderElement('express-balance'),
      dashboard: await renderElement('<express-dashboard locale="fr">'),
    }));
  `);
  assert.match(visible(out.plain), />Balance</);
  assert.match(visible(out.fr), /<express-balance\s+locale="fr">/);
  assert.match(visible(out.fr), />Solde</);
  // The dashboard's elements too (context does not reach them on a server: the dashboard passes its locale on).
  const titles = [...visible(out.dashboard).matchAll(/<h2 class="title" id="title">([^<]*)</g)].map((m) => m[1]);
  assert.deepEqual(titles, ['Solde', 'Revenus', 'Transactions', 'Virements']);
});
