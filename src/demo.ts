/**
 * `express-dashboard-elements/demo`: a seeded ride-share driver's history for demos, tests and
 * screenshots (`demoAdapter()`, `generateDemoData()`) and `DemoSignInAdapter` (code 000000).
 * Platforms' pages do not need it; importing it registers no tag.
 */
export { demoAdapter, DemoAdapter } from './demo/demo-adapter.js';
export type { DemoAdapterOptions } from './demo/demo-adapter.js';
export { generateDemoData, newPaymentTransaction } from './demo/demo-data.js';
export type { DemoOptions, DemoData } from './demo/demo-data.js';
export { DemoSignInAdapter } from './demo/demo-sign-in-adapter.js';
export type { DemoSignInOptions } from './demo/demo-sign-in-adapter.js';
