// The elements' custom elements manifest, made from their JSDoc by @custom-elements-manifest/analyzer
// (`--litelement`), in memory. `scripts/build.mjs` writes it to dist/custom-elements.json;
// `scripts/frameworks.mjs` generates the React wrappers and the Vue, Preact and Solid typings from it.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = new URL('..', import.meta.url).pathname;

/** The manifest of every module under src/ (written nowhere: the caller decides). */
export async function analyze(cwd = root) {
  return cli({
    // `--outdir dist` only because the analyzer sets package.json's `customElements` to
    // `{outdir}/custom-elements.json`, which is where the build writes it.
    argv: ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', 'dist', '--quiet'],
    cwd,
    noWrite: true,
  });
}

/**
 * @typedef {{ name: string, attribute?: string, type?: string, description?: string }} ElementProperty
 * @typedef {{ name: string, description?: string }} ElementEvent
 * @typedef {{ tag: string, className: string, summary: string, classModule: string,
 *   registration: string, properties: ElementProperty[], events: ElementEvent[] }} ElementInfo
 */

/**
 * The custom elements the manifest defines, each with its tag, class, class module, the module
 * that registers the tag (`src/components/x/x.ts`), its public properties (with their attribute,
 * if any) and the events its JSDoc declares with `@fires`. Sorted by tag.
 * @returns {ElementInfo[]}
 */
export function elementsOf(manifest) {
  const registrations = new Map();
  for (const mod of manifest.modules) {
    for (const e of mod.exports ?? []) {
      if (e.kind === 'custom-element-definition') registrations.set(e.name, mod.path);
    }
  }
  const out = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const registration = registrations.get(d.tagName);
      if (!registration) throw new Error(`<${d.tagName}> (${mod.path}) is declared but never registered`);
      const attributes = new Map((d.attributes ?? []).filter((a) => a.fieldName).map((a) => [a.fieldName, a.name]));
      const properties = (d.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.name.startsWith('_') && (m.privacy ?? 'public') === 'public')
        .map((m) => ({ name: m.name, attribute: m.attribute ?? attributes.get(m.name), type: m.type?.text, description: m.description }));
      const events = (d.events ?? []).map((e) => {
        if (!e.name) throw new Error(`<${d.tagName}> lists an event without a name: give it a @fires tag`);
        return { name: e.name, description: e.description };
      });
      out.push({ tag: d.tagName, className: d.name, summary: d.summary ?? '', classModule: mod.path, registration, properties, events });
    }
  }
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** `express-transaction-select` → `onExpressTransactionSelect`: the React wrappers' and Vue's handler prop. */
export function handlerProp(event) {
  return `on${event.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())}`;
}
