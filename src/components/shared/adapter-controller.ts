import { Task, TaskStatus, type TaskConfig } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ExpressError, isAbortError, toExpressError } from '../../contract/errors.js';
import { droppedItems, guardedAdapterFor, type GuardedAdapter } from '../../adapter/guard.js';
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
 */
export class AdapterController implements ReactiveController {
  private readonly context: () => DashboardContext | undefined;
  private readonly tasks: Task<readonly unknown[], unknown>[] = [];
  private interrupted: Task<readonly unknown[], unknown>[] = [];

  constructor(private readonly host: Host) {
    host.addController(this);
    this.context = dashboardOf(host);
  }

  hostConnected(): void {
    const again = this.interrupted;
    this.interrupted = [];
    for (const task of again) void task.run();
  }

  hostDisconnected(): void {
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

  /** The guarded adapter to use, or `undefined` while there is none. */
  get value(): GuardedAdapter | undefined {
    const a = this.host.adapter ?? this.context()?.adapter;
    return a ? guardedAdapterFor(a) : undefined;
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
