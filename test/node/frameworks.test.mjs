// The framework bindings are generated from custom-elements.json (the elements' JSDoc): every
// element and every event it declares with @fires must be in the React wrappers and in the Vue,
// Preact and Solid typings, and the README's table; the committed files must be what the
// generator writes now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { analyze, elementsOf, handlerProp } from '../../scripts/manifest.mjs';

const root = new URL('../../', import.meta.url).pathname;
const read = (f) => readFileSync(new URL(f, `file://${root}`), 'utf8');
const elements = elementsOf(await analyze(root));

/** The text of one element's block in a generated file: from its marker to the next element's. */
function block(text, start, tags) {
  const i = text.indexOf(start);
  assert.ok(i >= 0, `missing: ${start}`);
  const ends = tags.map((t) => text.indexOf(t, i + start.length)).filter((j) => j > i);
  return text.slice(i, ends.length ? Math.min(...ends) : undefined);
}

test('the manifest lists every element with its events (the contract\'s, payouts included)', () => {
  const byTag = Object.fromEntries(elements.map((e) => [e.tag, e.events.map((ev) => ev.name).sort()]));
  assert.deepEqual(byTag['express-transactions'], ['express-error', 'express-transaction-select']);
  assert.deepEqual(byTag['express-payouts'], ['express-error', 'express-payout-select']);
  assert.deepEqual(byTag['express-login-button'], ['express-error', 'express-login-redirect', 'express-unsupported-browser']);
  assert.deepEqual(byTag['express-login'], ['express-error', 'express-signed-in']);
  assert.deepEqual(byTag['express-earnings'], ['express-error', 'express-range-change']);
  assert.ok(byTag['express-payout-details'] && byTag['express-dashboard'] && byTag['express-balance']);
});

test('every event of every element is in the React wrappers and the Vue, Preact and Solid typings', () => {
  const react = read('src/frameworks/react.ts');
  const vue = read('src/frameworks/vue.ts');
  const preact = read('src/frameworks/preact.ts');
  const solid = read('src/frameworks/solid.ts');
  const missing = [];
  for (const el of elements) {
    const r = block(react, `export const ${el.className} = createComponent({`, ['export const ']);
    const v = block(vue, `export type ${el.className}VueProps =`, ['export type ', 'declare module']);
    const p = block(preact, `export type ${el.className}PreactProps =`, ['export type ', 'declare module']);
    const s = block(solid, `export type ${el.className}SolidProps =`, ['export type ', 'declare module']);
    for (const { name } of el.events) {
      if (!r.includes(`${handlerProp(name)}: '${name}' as EventName<HTMLElementEventMap['${name}']>`)) missing.push(`react ${el.tag} ${name}`);
      if (!v.includes(`${handlerProp(name)}?: (event: HTMLElementEventMap['${name}']) => void;`)) missing.push(`vue ${el.tag} ${name}`);
      if (!p.includes(`'on${name}'?: (event: HTMLElementEventMap['${name}']) => void;`)) missing.push(`preact ${el.tag} ${name}`);
      if (!s.includes(`'on:${name}'?: (event: HTMLElementEventMap['${name}']) => void;`)) missing.push(`solid ${el.tag} ${name}`);
    }
    for (const { name } of el.properties) {
      for (const [fw, text] of [['vue', v], ['preact', p], ['solid', s]]) if (!text.includes(`'${name}'`)) missing.push(`${fw} ${el.tag} .${name}`);
    }
    if (!vue.includes(`'${el.tag}': DefineComponent<${el.className}VueProps>;`)) missing.push(`vue GlobalComponents ${el.tag}`);
    for (const [fw, text] of [['preact', preact], ['solid', solid]]) {
      if (!text.includes(`'${el.tag}': Omit<JSX.HTMLAttributes<${el.className}>`)) missing.push(`${fw} IntrinsicElements ${el.tag}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the README\'s element table, Svelte and Angular lines name every element and its events', () => {
  const readme = read('README.md');
  for (const el of elements) {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`<${el.tag}>\` | \`${el.className}\` |`));
    assert.ok(row, `README row for <${el.tag}>`);
    for (const { name } of el.events) assert.ok(row.includes(`\`${name}\``), `<${el.tag}>: ${name} in the README`);
    const svelte = readme.split('\n').find((l) => l.startsWith(`- \`<${el.tag} {`));
    const angular = readme.split('\n').find((l) => l.startsWith(`- \`<${el.tag} [`));
    for (const { name } of el.events) {
      assert.ok(svelte?.includes(`on:${name}={…}`), `<${el.tag}>: ${name} in the README's Svelte lines`);
      assert.ok(angular?.includes(`(${name})="on($event)"`), `<${el.tag}>: ${name} in the README's Angular lines`);
    }
  }
});

test('the committed bindings are what scripts/frameworks.mjs generates now', () => {
  const r = spawnSync(process.execPath, ['scripts/frameworks.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
