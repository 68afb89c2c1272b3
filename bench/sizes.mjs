// 1. Bundle size: every entry of ours and the peers, each bundled the same way: rollup +
// node-resolve + terser + gzip -9. Ours through `measureEntry` of scripts/build.mjs (the build's
// own sizes; ours has no dynamic import, so that one file is everything a page loads). The peers
// through `measureSplit` (bench/lib/split-size.mjs: the same plugins and options, plus CommonJS
// support for their CommonJS dependencies, code-split) so their initial load (entry and static
// imports) is told apart from the chunks they load lazily; the comparison uses the initial load,
// the smaller of the two. Adyen's CSS is a separate file a page must load too: its gzip -9 is
// counted apart (ours has no CSS file: its styles are inside the JS measured above).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { BUDGETS_KB, measureEntry } from '../scripts/build.mjs';
import { measureSplit } from './lib/split-size.mjs';
import { entryPoints, isPeer } from '../rollup.config.mjs';

const require = createRequire(new URL('./package.json', import.meta.url));
const KB = 1024;

/** The peers: a label, the entry file in bench/entries and what of ours it compares with. */
export const PEERS = [
  {
    id: 'adyen-transactions-overview',
    label: 'Adyen TransactionsOverview (+ core, Preact)',
    file: 'bench/entries/adyen-transactions-overview.js',
    package: '@adyen/adyen-platform-experience-web',
    css: '@adyen/adyen-platform-experience-web/adyen-platform-experience-web.css',
    vs: 'transactions',
  },
  {
    id: 'justifi-payments-list',
    label: 'JustiFi <justifi-payments-list>',
    file: 'bench/entries/justifi-payments-list.js',
    package: '@justifi/webcomponents',
    vs: 'transactions',
  },
];

function versionOf(pkg) {
  // read the file directly: some packages' "exports" do not list ./package.json
  return JSON.parse(readFileSync(new URL(`./node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;
}

const kb = (bytes) => bytes / KB;

/** Measures every size; returns { rows, details } for the report. */
export async function run({ log }) {
  const { default: commonjs } = await import(require.resolve('@rollup/plugin-commonjs'));
  const ours = {};
  // the whole library and each element's entry (adapters and core are not elements: not measured)
  const entries = Object.entries(entryPoints()).filter(([name]) => name !== 'adapters' && name !== 'core');
  for (const [name, file] of entries) {
    const t0 = Date.now();
    ours[name] = { file, ...(await measureEntry(file, { external: isPeer })) };
    log(`  ${name.padEnd(14)} ${kb(ours[name].gzip).toFixed(1)} KB gzip (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const peers = {};
  for (const p of PEERS) {
    const t0 = Date.now();
    try {
      const js = await measureSplit(p.file, { plugins: [commonjs()] });
      peers[p.id] = { ...p, version: versionOf(p.package), ...js };
      if (p.css) {
        const css = readFileSync(require.resolve(p.css));
        peers[p.id].css = { file: p.css, raw: css.length, gzip: gzipSync(css, { level: 9 }).length };
      }
      log(`  ${p.id} ${kb(js.initial.gzip).toFixed(1)} KB gzip initial, ${kb(js.all.gzip).toFixed(1)} KB with lazy chunks (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    } catch (e) {
      peers[p.id] = { ...p, error: String(e.message ?? e).split('\n')[0] };
      log(`  ${p.id}: does not bundle: ${peers[p.id].error}`);
    }
  }

  const rows = [];
  for (const [name, s] of Object.entries(ours)) {
    const budget = BUDGETS_KB[name];
    rows.push({
      section: 'size',
      metric: name === 'index' ? 'whole library (src/index.ts), JS min+gzip' : `<express-${name}> entry alone, JS min+gzip`,
      ours: kb(s.gzip), unit: 'KB',
      goal: budget ? `<= ${budget} KB` : null,
      met: budget ? s.gzip <= budget * KB : null,
    });
  }
  for (const p of Object.values(peers)) {
    const mine = ours[p.vs] ? { name: `<express-${p.vs}>`, ...ours[p.vs] } : { name: 'whole library', ...ours.index };
    const label = `${p.label} ${p.version ?? ''}`.trim();
    if (p.error) {
      rows.push({ section: 'size', metric: `${mine.name} vs ${label}`, ours: kb(mine.gzip), unit: 'KB', note: `peer does not bundle: ${p.error}` });
      continue;
    }
    const lazy = p.all.chunks > p.initial.chunks
      ? `; with its ${p.all.chunks - p.initial.chunks} lazy chunks ${kb(p.all.gzip).toFixed(1)} KB`
      : '';
    rows.push({
      section: 'size', metric: `${mine.name} vs ${label}, JS min+gzip`,
      ours: kb(mine.gzip), theirs: kb(p.initial.gzip), unit: 'KB', ratio: p.initial.gzip / mine.gzip,
      note: `peer's initial load (entry + static imports)${lazy}`,
    });
    if (mine.name !== 'whole library') {
      rows.push({
        section: 'size', metric: `whole library (every element) vs ${label}, JS`,
        ours: kb(ours.index.gzip), theirs: kb(p.initial.gzip), unit: 'KB', ratio: p.initial.gzip / ours.index.gzip,
      });
    }
    if (p.css) {
      rows.push({
        section: 'size', metric: `whole library vs ${label}, JS + its CSS file`,
        ours: kb(ours.index.gzip), theirs: kb(p.initial.gzip + p.css.gzip), unit: 'KB', ratio: (p.initial.gzip + p.css.gzip) / ours.index.gzip,
        note: `CSS alone ${kb(p.css.gzip).toFixed(1)} KB gzip (${kb(p.css.raw).toFixed(0)} KB minified as shipped)`,
      });
    }
  }
  return { rows, details: { ours, peers } };
}
