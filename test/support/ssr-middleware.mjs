// Test-server middleware: GET /test-ssr/?el=<tag or start tag>&el=... answers a JSON object
// { [el]: html } with each element rendered on the server by @lit-labs/ssr
// (test/support/ssr-render.mjs, in a Node process of its own: the server render's DOM shim and
// globals stay out of the test runner). The browser tests hydrate that HTML.
import { spawn } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;
const register = new URL('./ts-register.mjs', import.meta.url).pathname;
const renderer = new URL('./ssr-render.mjs', import.meta.url).pathname;
const cache = new Map();

function renderOnServer(elements) {
  const key = JSON.stringify(elements);
  if (!cache.has(key)) {
    cache.set(key, new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', register, renderer, ...elements], { cwd: root });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { err += d; });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve(out);
        else reject(new Error(`the server render exited with ${code}: ${err}`));
      });
    }));
    cache.get(key).catch(() => cache.delete(key));
  }
  return cache.get(key);
}

/** @type {import('@web/dev-server-core').Middleware} */
export async function ssrMiddleware(ctx, next) {
  if (ctx.path !== '/test-ssr/') return next();
  const elements = new URLSearchParams(ctx.querystring).getAll('el');
  try {
    ctx.body = await renderOnServer(elements);
    ctx.type = 'application/json';
  } catch (e) {
    ctx.status = 500;
    ctx.type = 'text/plain';
    ctx.body = String(e?.stack ?? e);
  }
}
