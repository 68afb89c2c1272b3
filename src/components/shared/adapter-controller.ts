import { Task, TaskStatus, type TaskConfig } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ExpressError, isAbortError, toExpressError } from '../../contract/errors.js';
import { droppedItems, guardAdapter, guardedAdapterFor, type GuardedAdapter } from '../../adapter/guard.js';
import type { ExpressAdapter, List } from '../../contract/types.js';
import type { DashboardContext } from '../../context.js';
import { ExpressErrorEvent } from '../../events.js';
import { dashboardOf } from './dashboard-consumer.js';

type Host = ReactiveControllerHost & HTMLElement & { adapter?: ExpressAdapter };

/** A rejection tagged with the adapter method that failed (see `operation()`). */
class OperationFailure {
  constructor(
    readonly operation: string,
    readonly error: unknown,
  ) {}
}

/**
 * Tags a call's failure with the adapter method's name, so that a task making several calls
 * reports the one that failed: `await Promise.all([operation('getBalance', a.getBalance(o)), ...])`.
 */
export function operation<T>(name: string, call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => Promise.reject(new OperationFailure(name, error)));
}

/** What `AdapterController.task()` takes: a `@lit/task` config and the operation its failures are reported as. */
export type AdapterTaskConfig<A extends readonly unknown[], T> = Omit<TaskConfig<A, T>, 'task' | 'args'> & {
  args: () => A;
  task: (args: A, options: { signal: AbortSignal }) => Promise<T>;
  /** The adapter method a failure is reported as, unless the call was tagged with `operation()`. */
  operation: string;
};

/**
 * How an element gets its adapter: its own `adapter` property, else the one an enclosing
 * `<express-dashboard>` provides (`dashboardContext`). What it hands out is always guarded
 * (validated results, normalised errors; see `guard.ts`), and the same wrapper for the same inner
 * adapter, so it can be a `Task` argument.
 *
 * It also makes the element's data tasks (`task()`): each failure is reported once as
 * `express-error` with its operation (never an abort), and a task that was still running when the
 * element left the page is aborted then and runs again when the element comes back, so a removed
 * and re-added element always ends up loaded.
 *
 * While the element is in the page it listens to its adapter's `onReset` (the live feed lost
 * events it cannot replay): `value` is then a new wrapper of the same adapter, so every task that
 * takes it as an argument (every element's) runs again and every subscription to it (its live
 * feed) is made anew. No element needs code of its own for it.
 */
export class AdapterController implements ReactiveController {
  private readonly context: () => DashboardContext | undefined;
  private readonly tasks: Task<readonly unknown[], unknown>[] = [];
  private interrupted: Task<readonly unknown[], unknown>[] = [];
  private connected = false;
  /** The adapter whose resets are listened to, and the function that stops it. */
  private resetsOf?: ExpressAdapter;
  private stopResets?: () => void;
  /** After a reset: the new wrapper that `value` hands out for that adapter. */
  private renewed?: { adapter: ExpressAdapter; guarded: GuardedAdapter };

  constructor(private readonly host: Host) {
    host.addController(this);
    this.context = dashboardOf(host);
  }

  hostConnected(): void {
    this.connected = true;
    const again = this.interrupted;
    this.interrupted = [];
    for (const task of again) void task.run();
  }

  hostUpdated(): void {
    this.listenToResets(this.connected ? this.raw : undefined);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.listenToResets(undefined);
    for (const task of this.tasks) {
      if (task.status === TaskStatus.PENDING) {
        task.abort();
        this.interrupted.push(task);
      }
    }
  }

  /** The enclosing dashboard's context, if any. */
  get dashboard(): DashboardContext | undefined {
    return this.context();
  }

  /** The adapter from the context, if any (unguarded). */
  get fromContext(): ExpressAdapter | undefined {
    return this.context()?.adapter;
  }

  /** The guarded adapter to use, or `undefined` while there is none (a new one after a reset). */
  get value(): GuardedAdapter | undefined {
    const a = this.raw;
    if (!a) return undefined;
    return this.renewed?.adapter === a ? this.renewed.guarded : guardedAdapterFor(a);
  }

  /** The element's own adapter, else the context's. */
  private get raw(): ExpressAdapter | undefined {
    return this.host.adapter ?? this.context()?.adapter;
  }

  private listenToResets(adapter: ExpressAdapter | undefined): void {
    if (adapter === this.resetsOf) return;
    this.stopResets?.();
    this.stopResets = undefined;
    this.resetsOf = adapter;
    const onReset = adapter && guardedAdapterFor(adapter).onReset;
    if (!onReset) return;
    this.stopResets = onReset(() => {
      // Everything keyed on the wrapper's identity (tasks' arguments, subscriptions) starts afresh.
      this.renewed = { adapter, guarded: guardAdapter(adapter) };
      this.host.requestUpdate();
    });
  }

  /**
   * A `Task` of the element's data whose failures are reported (see the class description). The
   * task's `error` is the original rejection; show it with `toExpressError`.
   */
  task<A extends readonly unknown[], T>(config: AdapterTaskConfig<A, T>): Task<A, T> {
    const { task, operation: op, ...rest } = config;
    const t = new Task<A, T>(this.host, {
      ...rest,
      task: async (args, options) => {
        try {
          return await task(args, options);
        } catch (e) {
          const { operation, error } = e instanceof OperationFailure ? e : { operation: op, error: e };
          if (!options.signal.aborted) this.report(error, operation);
          throw error;
        }
      },
    });
    this.tasks.push(t as unknown as Task<readonly unknown[], unknown>);
    return t;
  }

  /**
   * Reports a failure of `operation`: fires `express-error` with a normalised `ExpressError` and
   * returns it, or returns `undefined` for an aborted call (never an error).
   */
  report(error: unknown, operation: string): ExpressError | undefined {
    if (isAbortError(error)) return undefined;
    const e = toExpressError(error);
    // Built before dispatching: the manifest analyzer lists an inline `new` as a nameless event.
    const event = new ExpressErrorEvent({ error: e, operation });
    this.host.dispatchEvent(event);
    return e;
  }

  /** Fires `express-error` for each item the guard dropped from `list`; returns the list. */
  reportDropped<T>(list: List<T>, operation: string): List<T> {
    for (const error of droppedItems(list)) {
      const event = new ExpressErrorEvent({ error, operation });
      this.host.dispatchEvent(event);
    }
    return list;
  }
}
