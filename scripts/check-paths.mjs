#!/usr/bin/env node
// Fails when a tracked file names a path that resolves outside the repository root: a clone has
// nothing beside it, so nothing may read `../shared/...` or any other neighbour at build, test, run
// or bench time. Relative paths (`../x`, `./x`) resolve against the file's own folder, as imports
// and `new URL(p, import.meta.url)` do; absolute paths are flagged when they point into the folder
// that holds the repository (a sibling checkout, a shared folder), not at system paths such as
// /usr/bin/chromium. Prints `file:line: path` for each and exits 1.
//
// Usage: node scripts/check-paths.mjs [--root DIR]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';

const rootArg = process.argv.indexOf('--root');
const root = resolve(rootArg > 0 ? process.argv[rootArg + 1] : new URL('..', import.meta.url).pathname);
const parent = dirname(root);

/** Tracked files (git), or every file but node_modules/dist when this is not a git checkout. */
function trackedFiles() {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    const out = [];
    const walk = (dir) => {
      for (const name of readdirSync(join(root, dir))) {
        if (['node_modules', 'dist', '.git', '.data'].includes(name)) continue;
        const rel = dir ? `${dir}/${name}` : name;
        if (statSync(join(root, rel)).isDirectory()) walk(rel); else out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

const TEXT = /\.(m?[jt]sx?|c?js|json|md|html|css|sh|ya?ml|txt|sql)$|(^|\/)(run|\.gitignore)$/;
// A relative path: one or more `../` (or a leading `./`), then path characters.
const RELATIVE = /(?<![\w/.@-])((?:\.\.\/)+)([\w@][\w.@/-]*)?/g;
// An absolute path into the repository's parent folder.
const ABSOLUTE = new RegExp(`(?<![\\w.-])${parent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[\\w.@/-]*`, 'g');

export function findEscapes(files, readText = (f) => readFileSync(join(root, f), 'utf8')) {
  const problems = [];
  for (const file of files) {
    if (!TEXT.test(file) || file.endsWith('package-lock.json')) continue;
    let text;
    try { text = readText(file); } catch { continue; }
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(RELATIVE)) {
        const target = resolve(root, dirname(file), m[1] + (m[2] ?? ''));
        const rel = relative(root, target);
        if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
          problems.push(`${file}:${i + 1}: ${m[0]} resolves outside the repository (${target})`);
        }
      }
      for (const m of line.matchAll(ABSOLUTE)) {
        const rel = relative(root, m[0]);
        if (rel === '..' || rel.startsWith(`..${sep}`)) {
          problems.push(`${file}:${i + 1}: ${m[0]} is outside the repository`);
        }
      }
    });
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = findEscapes(trackedFiles());
  if (problems.length) {
    console.log(`Paths outside the repository root (${root}): a clone has nothing beside it.`);
    for (const p of problems) console.log(`  ${p}`);
    process.exit(1);
  }
  console.log('No tracked file names a path outside the repository.');
}
