import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ExpressError, isAbortError, toExpressError } from '../../contract/errors.js';
import { droppedItems, guardedAdapterFor, type GuardedAdapter } from '../../adapter/guard.js';
import type { ExpressAdapter, List } from '../../contract/types.js';
import { adapterContext } from '../../context.js';
import { ExpressErrorEvent } from '../../events.js';

type Host = ReactiveControllerHost & HTMLElement & { adapter?: ExpressAdapter };

/**
 * How an element gets its adapter: its own `adapter` property, else the one an enclosing
 * `<express-dashboard>` provides through `adapterContext`. What it hands out is always guarded
 * (validated results, normalised errors; see `guard.ts`), and the same wrapper for the same inner
 * adapter, so it can be a `Task` argument.
 */
export class AdapterController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof adapterContext, Host>;

  constructor(private readonly host: Host) {
    host.addController(this);
    this.consumer = new ContextConsumer(host, { context: adapterContext, subscribe: true });
  }

  hostConnected(): void {}

  /** The adapter from the context, if any (unguarded). */
  get fromContext(): ExpressAdapter | undefined {
    return this.consumer.value;
  }

  /** The guarded adapter to use, or `undefined` while there is none. */
  get value(): GuardedAdapter | undefined {
    const a = this.host.adapter ?? this.consumer.value;
    return a ? guardedAdapterFor(a) : undefined;
  }

  /**
   * Reports a failure of `operation`: fires `express-error` with a normalised `ExpressError` and
   * returns it, or returns `undefined` for an aborted call (never an error).
   */
  report(error: unknown, operation: string): ExpressError | undefined {
    if (isAbortError(error)) return undefined;
    const e = toExpressError(error);
    this.host.dispatchEvent(new ExpressErrorEvent({ error: e, operation }));
    return e;
  }

  /** Fires `express-error` for each item the guard dropped from `list`; returns the list. */
  reportDropped<T>(list: List<T>, operation: string): List<T> {
    for (const e of droppedItems(list)) this.host.dispatchEvent(new ExpressErrorEvent({ error: e, operation }));
    return list;
  }
}
