#!/usr/bin/env node
// `npm run seed -- --accounts 3 --months 24 [--now <unix seconds or ISO date>] [--database path]`:
// replaces the reference server's data with the demo generator's history (the same generator as
// demoAdapter in src/demo/), deterministically for the same options and --now. Account 1 is live mode,
// account 2 test mode; each has a fictional phone number for the development SMS outbox.
import { buildServer, root } from '../server/build.mjs';

process.setSourceMapsEnabled(true);
const { seedCli } = await import(await buildServer());
try {
  await seedCli({ root, argv: process.argv.slice(2), env: process.env });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
