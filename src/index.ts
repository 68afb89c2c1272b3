/**
 * `express-dashboard-elements`: every public name, and registers every tag. Pages that need only
 * one element import its own entry point (`express-dashboard-elements/login-button`, ...).
 */
export * from './adapters.js';
export * from './core.js';
export * from './events.js';
export { dashboardContext } from './context.js';
export type { DashboardContext } from './context.js';
export { AdapterController } from './components/shared/adapter-controller.js';
export { resolveLocale } from './components/shared/locale.js';

export * from './components/dashboard/dashboard.component.js';
import './components/dashboard/dashboard.js';

export * from './components/balance/balance.component.js';
import './components/balance/balance.js';

export * from './components/login-button/login-button.component.js';
import './components/login-button/login-button.js';

export * from './components/login/login.component.js';
import './components/login/login.js';

export * from './components/earnings/earnings.component.js';
import './components/earnings/earnings.js';

export * from './components/transactions/transactions.component.js';
import './components/transactions/transactions.js';

export * from './components/payouts/payouts.component.js';
export * from './components/payouts/payout-details.component.js';
import './components/payouts/payouts.js';
