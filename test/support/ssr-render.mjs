// Server-side rendering of the elements with @lit-labs/ssr, as a platform's Node server (Next.js,
// Nuxt, Express) does it. Import it from a process started with
// `node --import ./test/support/ts-register.mjs` (the elements are TypeScript sources here), or run it:
//
//   node --import ./test/support/ts-register.mjs test/support/ssr-render.mjs express-balance '<express-login-button locale="en">'
//
// prints a JSON object { [argument]: html }. An argument is a tag name (rendered without
// attributes) or an element's start tag with literal attributes. The HTML is what Lit's server
// renderer writes: each element with its shadow root as declarative shadow DOM
// (`<template shadowrootmode="open">`) and the `<!--lit-part-->` markers hydration needs.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';

// Every element registers itself; the registration modules touch no browser global (see test/node/ssr.test.mjs).
await import('../../src/index.ts');
const { html, unsafeStatic } = await import('lit/static-html.js');

/**
 * The server HTML of one element: `tag` is a tag name, or a start tag with literal attributes
 * (`<express-earnings range="7d" locale="fr">`).
 */
export async function renderElement(tag) {
  const m = /^<?([a-z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>?$/.exec(tag.trim());
  if (!m) throw new Error(`Not a tag name or start tag: ${tag}`);
  const [, name, attributes] = m;
  // A static template: the tag and its literal attributes are template text, as in a page's own template.
  const start = unsafeStatic(`${name}${attributes}`);
  const end = unsafeStatic(name);
  return collectResult(render(html`<${start}></${end}>`));
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const out = {};
  for (const tag of process.argv.slice(2)) out[tag] = await renderElement(tag);
  process.stdout.write(JSON.stringify(out));
}
