// `node --import ./test/support/ts-register.mjs x.mjs`: x may import the TypeScript sources (see ts-hooks.mjs).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
