// The table on stdout and in BENCHMARKS.md, and what machine the numbers came from.
import { readFileSync } from 'node:fs';
import os from 'node:os';

function fmt(v, unit) {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  if (unit === 'KB') return `${v.toFixed(1)} KB`;
  if (unit === 'ms') return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} ms`;
  if (unit === 'MB') return `${v.toFixed(1)} MB`;
  return `${Math.round(v).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
}

function cells(r) {
  return [
    r.section,
    r.metric,
    fmt(r.ours, r.unit),
    fmt(r.theirs, r.theirsUnit ?? r.unit),
    r.ratio ? `${r.ratio >= 100 ? r.ratio.toFixed(0) : r.ratio.toFixed(1)}x` : '',
    r.goal ?? '',
    r.met === true ? 'met' : r.met === false ? 'MISSED' : '',
  ];
}

const HEAD = ['part', 'measure', 'ours', 'baseline / peer', 'ratio', 'goal', ''];

/** A plain-text table of every row (and skipped or failed sections). */
export function renderTable(results) {
  const rows = [HEAD, ...results.rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  for (const r of results.rows) if (r.note) out.push(`  * ${r.metric}: ${r.note}`);
  for (const t of results.tables ?? []) {
    const all = [t.head, ...t.rows];
    const w = t.head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
    const l = (r) => r.map((c, i) => String(c)[i ? 'padStart' : 'padEnd'](w[i])).join('  ');
    out.push('', t.title, l(t.head), w.map((x) => '-'.repeat(x)).join('  '), ...t.rows.map(l));
  }
  for (const [name, s] of Object.entries(results.sections)) {
    if (s.skipped) out.push(`  ${name}: skipped (${s.skipped})`);
    if (s.error) out.push(`  ${name}: FAILED (${s.error})`);
  }
  const m = results.machine;
  if (m) out.push(`\nMachine: ${m.cpu} x${m.cores}, ${m.memoryGB} GB, ${m.os}, Node ${m.node}, ${m.browser}`);
  if (results.load) out.push(`Load average (1 min) at start ${results.load.start[0].toFixed(2)}, at end ${results.load.end[0].toFixed(2)}; run took ${results.seconds.toFixed(0)} s`);
  return out.join('\n');
}

/** The same as a Markdown table with the machine and load, for BENCHMARKS.md. */
export function renderMarkdown(results) {
  const esc = (s) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  const out = [
    `| ${HEAD.map(esc).join(' | ')} |`,
    `|${HEAD.map((_, i) => (i >= 2 && i <= 4 ? '---:' : '---')).join('|')}|`,
    ...results.rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
    '',
  ];
  for (const r of results.rows) if (r.note) out.push(`- ${esc(r.metric)}: ${esc(r.note)}`);
  for (const t of results.tables ?? []) {
    out.push('', `**${esc(t.title)}**`, '', `| ${t.head.map(esc).join(' | ')} |`, `|---|${t.head.slice(1).map(() => '---:').join('|')}|`);
    for (const r of t.rows) out.push(`| ${r.map((c) => esc(String(c))).join(' | ')} |`);
  }
  for (const [name, s] of Object.entries(results.sections)) {
    if (s.skipped) out.push(`- ${name}: skipped (${esc(s.skipped)})`);
    if (s.error) out.push(`- ${name}: FAILED (${esc(s.error)})`);
  }
  const m = results.machine;
  out.push('');
  if (m) out.push(`Run on ${results.date.slice(0, 16).replace('T', ' ')} UTC: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, ${m.os}, Node ${m.node}, ${m.browser === 'no browser' ? 'no browser in this run' : `${m.browser}${m.firefox ? ` and ${m.firefox}` : ''} (headless, no GPU)`}.`);
  if (results.load) out.push(`Load average (1 min) ${results.load.start[0].toFixed(2)} at the start and ${results.load.end[0].toFixed(2)} at the end on ${m?.cores ?? '?'} cores; the whole run took ${results.seconds.toFixed(0)} s.`);
  // Sections kept from an earlier run (`--only`): when, and under what load.
  const older = Object.entries(results.sections).filter(([, s]) => s.date && s.date !== results.date);
  for (const [name, s] of older) {
    out.push(`The ${name} rows are from the run of ${s.date.slice(0, 16).replace('T', ' ')} UTC${s.load ? ` (load ${s.load.start[0].toFixed(2)} to ${s.load.end[0].toFixed(2)})` : ''}.`);
  }
  out.push('');
  return out.join('\n');
}

/** CPU, cores, memory, OS, Node and browser versions. */
export async function describeMachine(browser) {
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) osName = `${pretty[1]} (kernel ${os.release()})`;
  } catch { /* not Linux */ }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: osName,
    node: process.versions.node,
    browser: browser ? `Chromium ${browser.version()}` : 'no browser',
  };
}

/**
 * The results block of BENCHMARKS.md after a run of only some sections (`--only=... --docs`):
 * the rows (and their notes) of the sections that ran replace that section's rows in `oldBlock`,
 * in place; every other row, its note and the machine lines stay as they were, and one line
 * says which rows come from this later run, when, and at what load.
 */
export function mergeMarkdown(oldBlock, results, sections) {
  const fresh = renderMarkdown(results).split('\n');
  const isRow = (l) => l.startsWith('| ') && !l.startsWith('| part ');
  const cellsOf = (l) => l.split(' | ').map((c) => c.replace(/^\| ?|\s*\|$/g, '').trim());
  const old = oldBlock.split('\n');
  const noteOf = (lines, metric) => lines.find((l) => l.startsWith(`- ${metric}: `));
  const newRows = fresh.filter(isRow);
  const rows = [];
  let placed = false;
  for (const l of old.filter(isRow)) {
    if (!sections.includes(cellsOf(l)[0])) rows.push(l);
    else if (!placed) {
      rows.push(...newRows);
      placed = true;
    }
  }
  if (!placed) rows.push(...newRows);
  const notes = rows
    .map((r) => {
      const metric = cellsOf(r)[1];
      return sections.includes(cellsOf(r)[0]) ? noteOf(fresh, metric) : noteOf(old, metric);
    })
    .filter(Boolean);
  const machine = old.filter((l) => /^(Run on|Load average|The .* rows are from a later run)/.test(l));
  const m = results.machine;
  const later =
    `The ${sections.join(', ')} rows are from a later run (\`npm run bench -- --only=${sections.join(',')} --docs\`) on ` +
    `${results.date.slice(0, 16).replace('T', ' ')} UTC, ${m?.browser ?? ''}, load average (1 min) ` +
    `${results.load.start[0].toFixed(2)} at its start and ${results.load.end[0].toFixed(2)} at its end.`;
  const kept = machine.filter((l) => !(l.startsWith('The ') && sections.some((s) => l.startsWith(`The ${s} rows`))));
  return [...old.filter((l) => l.startsWith('| part ') || l.startsWith('|---')), ...rows, '', ...notes, '', ...kept, later, ''].join('\n');
}
