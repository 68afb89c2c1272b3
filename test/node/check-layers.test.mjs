// scripts/check-layers.mjs: an import against contract <- core <- adapter <- components fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = new URL('../../scripts/check-layers.mjs', import.meta.url).pathname;

function check(files) {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return spawnSync(process.execPath, [script, '--root', dir], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('core importing the adapter layer fails, a type-only import included, naming file and line', () => {
  const r = check({
    'src/core/describe.ts': "// words\nimport type { GuardedAdapter } from '../adapter/guard.js';\n",
    'src/adapter/guard.ts': 'export {};\n',
  });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /src\/core\/describe\.ts:2: core must not import adapter \(\.\.\/adapter\/guard\.js\)/);
});

test('the contract imports nothing outside itself; the adapter never imports components', () => {
  const r = check({
    'src/contract/errors.ts': "import { x } from '../core/money.js';\nimport { y } from './error-messages.js';\n",
    'src/adapter/http-adapter.ts': "export { z } from '../components/shared/locale.js';\n",
    'src/core/csv.ts': "const m = await import('../demo/demo-data.js');\n",
  });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /src\/contract\/errors\.ts:1: contract must not import core/);
  assert.doesNotMatch(r.stdout, /errors\.ts:2/);
  assert.match(r.stdout, /src\/adapter\/http-adapter\.ts:1: adapter must not import components/);
  assert.match(r.stdout, /src\/core\/csv\.ts:1: core must not import demo/);
});

test('the reference server may not import components; nothing imports demo/ or bench/', () => {
  const r = check({
    'server/src/app.ts': "import '../../src/components/balance/balance.js';\nimport '../../src/core/money.js';\n",
    // (built from parts: relative to this test file the path would leave the repository)
    'src/components/balance/balance.component.ts': `import '${'../'.repeat(3)}demo/index.js';\n`,
    'test/x.test.ts': "import '../bench/pages/data.js';\n",
    'server/web/dashboard.ts': "import '../../src/index.js';\n",
  });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /server\/src\/app\.ts:1: reference-server must not import components/);
  assert.doesNotMatch(r.stdout, /app\.ts:2/);
  assert.match(r.stdout, /balance\.component\.ts:1: nothing outside demo\/ imports it/);
  assert.match(r.stdout, /test\/x\.test\.ts:1: nothing outside bench\/ imports it/);
  assert.doesNotMatch(r.stdout, /server\/web/);
});

test('this repository passes', () => {
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout);
});
