import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GuardedAdapter } from '../../adapter/guard.js';
import type { ExpressEvent } from '../../contract/types.js';
import type { AdapterController } from './adapter-controller.js';

/** What a `LiveController` does with the feed. */
export interface LiveOptions {
  /** Each valid event of the adapter subscribed to (and that adapter, to tell stale data apart). */
  onEvent: (event: ExpressEvent, adapter: GuardedAdapter) => void;
  /** The subscription ended (the element left the page, or its adapter changed): stop timers and refreshes. */
  onStop?: () => void;
  /** The adapter to listen to; default the element's (`adapters.value`). */
  adapter?: () => GuardedAdapter | undefined;
}

/**
 * An element's live feed: subscribes to its current adapter's `subscribe` while the element is in
 * the page, subscribes again when the adapter changes or the element comes back, and unsubscribes
 * when it leaves. An invalid event is reported as `express-error` with operation `subscribe`.
 */
export class LiveController implements ReactiveController {
  private subscribedTo?: GuardedAdapter;
  private unsubscribe?: () => void;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly adapters: AdapterController,
    private readonly options: LiveOptions,
  ) {
    host.addController(this);
  }

  /** The adapter whose feed is being listened to, if any. */
  get adapter(): GuardedAdapter | undefined {
    return this.subscribedTo;
  }

  hostConnected(): void {
    this.connected = true;
    // Subscribe after the next update, when the adapter (own, or from the context) is known.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const adapter = (this.options.adapter ?? (() => this.adapters.value))();
    if (this.connected && adapter !== this.subscribedTo) this.start(adapter);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private start(adapter: GuardedAdapter | undefined): void {
    this.stop();
    this.subscribedTo = adapter;
    if (!adapter?.subscribe) return;
    this.unsubscribe = adapter.subscribe(
      (event) => {
        if (adapter === this.subscribedTo) this.options.onEvent(event, adapter);
      },
      (error) => this.adapters.report(error, 'subscribe'),
    );
  }

  private stop(): void {
    const had = this.subscribedTo !== undefined || this.unsubscribe !== undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
    if (had) this.options.onStop?.();
  }
}
