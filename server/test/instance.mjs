// One instance of the reference server in a process of its own, started as `npm start` starts it
// (server/src/main.ts's start(): the environment's configuration, SIGTERM's graceful shutdown),
// for the tests of several instances on one PostgreSQL. SERVER_MODULE is the built server
// (server/build.mjs), INSTANCE_ROOT the folder of its .data; the rest is the usual environment.
// Not a test file itself: server/test/helpers.mjs's startInstance runs it.
process.setSourceMapsEnabled(true);
const { start } = await import(process.env.SERVER_MODULE);
try {
  await start({ root: process.env.INSTANCE_ROOT, webRoot: process.env.WEB_ROOT ?? '', env: process.env });
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
}
