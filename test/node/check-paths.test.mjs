// scripts/check-paths.mjs: a tracked file that names a path outside the repository fails `npm test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = new URL('../../scripts/check-paths.mjs', import.meta.url).pathname;

function repoWith(files) {
  const dir = mkdtempSync(join(tmpdir(), 'paths-'));
  const repo = join(dir, 'repo');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(repo, name, '..'), { recursive: true });
    writeFileSync(join(repo, name), text);
  }
  spawnSync('git', ['init', '-q'], { cwd: repo });
  spawnSync('git', ['add', '-A'], { cwd: repo });
  return { repo, done: () => rmSync(dir, { recursive: true, force: true }) };
}
const check = (repo) => spawnSync(process.execPath, [script, '--root', repo], { encoding: 'utf8' });

test('a fixture read from a folder beside the clone fails, naming the file and line', () => {
  const { repo, done } = repoWith({
    // (built from parts, so that this file itself names no such path)
    'test/support/middleware.mjs': `// ok\nconst F = new URL('${'../'.repeat(3)}shared/fixtures/stripe/', import.meta.url);\n`,
  });
  try {
    const r = check(repo);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /test\/support\/middleware\.mjs:2: \.\.\/\.\.\/\.\.\/shared\/fixtures\/stripe\//);
  } finally { done(); }
});

test('an absolute path into the folder that holds the clone fails', () => {
  const { repo, done } = repoWith({ 'bench/run.mjs': '' });
  try {
    writeFileSync(join(repo, 'bench/run.mjs'), `readFileSync('${join(repo, '..', 'shared', 'x.json')}');\n`);
    spawnSync('git', ['add', '-A'], { cwd: repo });
    const r = check(repo);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /bench\/run\.mjs:1: .*shared\/x\.json is outside the repository/);
  } finally { done(); }
});

test('imports inside the tree, system paths and untracked files pass', () => {
  const { repo, done } = repoWith({
    'src/components/balance/balance.styles.ts': "import { tokens } from '../shared/theme.js';\n",
    'scripts/test.mjs': "const CHROME = '/usr/bin/chromium';\n",
  });
  try {
    writeFileSync(join(repo, 'untracked.mjs'), "import '../../elsewhere.js';\n");
    const r = check(repo);
    assert.equal(r.status, 0, r.stdout);
  } finally { done(); }
});

test('this repository passes', () => {
  assert.equal(check(new URL('../..', import.meta.url).pathname).status, 0);
});

test('a clone of this repository passes wherever it is placed, directly under the temp folder too', () => {
  const root = new URL('../..', import.meta.url).pathname;
  const clone = mkdtempSync(join(tmpdir(), 'clone-'));
  try {
    // A clone whose parent is the system temp folder: any temp-folder path in a file is then beside it.
    const r0 = spawnSync('git', ['clone', '-q', '--no-hardlinks', root, clone], { encoding: 'utf8' });
    assert.equal(r0.status, 0, r0.stderr);
    const r = check(clone);
    assert.equal(r.status, 0, r.stdout);
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
});
