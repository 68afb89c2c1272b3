/**
 * `express-dashboard-elements`: every public name, and registers every tag. Pages that need only
 * one element import its own entry point (`express-dashboard-elements/login-button`, ...).
 */
export * from './adapters.js';
export * from './events.js';
export { adapterContext } from './context.js';
