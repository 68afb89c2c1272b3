import { createContext } from '@lit/context';
import type { ExpressAdapter } from './contract/types.js';

/**
 * The `@lit/context` key under which `<express-dashboard>` provides its adapter to every element
 * inside it. An element's own `adapter` property wins over the context.
 */
export const adapterContext = createContext<ExpressAdapter | undefined>(Symbol.for('express-dashboard-elements/adapter'));
