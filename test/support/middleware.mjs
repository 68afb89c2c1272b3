// Koa-style middleware for the test runner's dev server: the fixture HTTP API that HttpAdapter,
// the login button's endpoint mode and HttpSignInAdapter are tested against over real HTTP.
/** @type {import('@web/dev-server-core').Middleware[]} */
export const testMiddleware = [];
