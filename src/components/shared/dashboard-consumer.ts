import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { dashboardContext, type DashboardContext } from '../../context.js';

type Host = ReactiveControllerHost & HTMLElement;

const consumers = new WeakMap<Host, ContextConsumer<typeof dashboardContext, Host>>();

/**
 * The element's one subscription to an enclosing dashboard's context, shared by its controllers
 * (adapter, locale, platform name): the host re-renders when the dashboard's value changes.
 * Returns a getter of the current value (`undefined` outside a dashboard).
 */
export function dashboardOf(host: Host): () => DashboardContext | undefined {
  let consumer = consumers.get(host);
  if (!consumer) consumers.set(host, (consumer = new ContextConsumer(host, { context: dashboardContext, subscribe: true })));
  const c = consumer;
  return () => c.value;
}
