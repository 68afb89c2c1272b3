/**
 * What a production bundler does for packages that read `process.env.NODE_ENV` (TanStack Virtual
 * does, to name its memos in development): the page is served unbundled, so define it here.
 * Imported first, before such a package is evaluated.
 */
const g = globalThis as { process?: { env: Record<string, string> } };
g.process ??= { env: { NODE_ENV: 'production' } };
export {};
