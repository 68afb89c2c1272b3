import { createContext } from '@lit/context';
import type { ExpressAdapter } from './contract/types.js';

/** What an enclosing `<express-dashboard>` gives every element inside it. */
export interface DashboardContext {
  /** The dashboard's adapter (its fan-out of the platform's adapter). An element's own `adapter` wins. */
  adapter?: ExpressAdapter;
  /** The dashboard's `platform-name`. An element's own `platform-name` wins. */
  platformName: string | null;
  /** The dashboard's `locale`. An element's own `locale` wins; without either, the nearest `lang`. */
  locale: string | null;
  /** The dashboard announces live activity itself, so the elements inside do not announce the same events. */
  announces: boolean;
}

/**
 * The `@lit/context` key under which `<express-dashboard>` provides a `DashboardContext` to every
 * element inside it (also to elements the page places in its slots). A page can provide one itself
 * with `ContextProvider` to feed elements without a dashboard.
 */
export const dashboardContext = createContext<DashboardContext | undefined>(Symbol.for('express-dashboard-elements/dashboard'));
