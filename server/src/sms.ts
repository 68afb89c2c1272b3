/**
 * Sending SMS codes. The server only knows the `SmsSender` interface; a platform plugs in its
 * provider. The development sender prints to the console and keeps an outbox that `/dev/sms`
 * shows (development mode only); the production server refuses to start with it.
 */

/** One text message. */
export interface SmsMessage {
  /** E.164 phone number. */
  to: string;
  body: string;
}

/** Sends text messages. Implementations must not log the body (it holds a sign-in code). */
export interface SmsSender {
  /** A short name for logs and the startup banner. */
  readonly name: string;
  /** True only for senders that never reach a phone (the development outbox). */
  readonly development?: boolean;
  send(message: SmsMessage): Promise<void>;
}

/** A message in the development outbox. */
export interface OutboxEntry extends SmsMessage {
  id: number;
  /** Milliseconds since the epoch. */
  sent_ms: number;
}

/**
 * The development sender: prints each message to the console and keeps the last `capacity`
 * messages in memory for `/dev/sms`. Never use it in production: the codes are readable there.
 */
export class DevelopmentSmsSender implements SmsSender {
  readonly name = 'development outbox (console and /dev/sms)';
  readonly development = true;
  private readonly entries: OutboxEntry[] = [];
  private nextId = 1;

  constructor(private readonly options: { console?: boolean; capacity?: number; now?: () => number } = {}) {}

  async send(message: SmsMessage): Promise<void> {
    const entry: OutboxEntry = { id: this.nextId++, ...message, sent_ms: (this.options.now ?? Date.now)() };
    this.entries.unshift(entry);
    this.entries.length = Math.min(this.entries.length, this.options.capacity ?? 100);
    if (this.options.console !== false) console.log(`[dev SMS to ${message.to}] ${message.body}`);
  }

  /** The outbox, newest first. */
  outbox(): OutboxEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }
}

/**
 * A real sender through an HTTP gateway: POSTs `{ "to": "+1…", "body": "…" }` as JSON to `url`
 * with `Authorization: Bearer <token>`; any non-2xx answer is a failure. Most SMS providers
 * (or a small function in front of them) accept this shape.
 */
export class WebhookSmsSender implements SmsSender {
  readonly name: string;

  constructor(private readonly options: { url: string; token?: string; fetch?: typeof fetch; timeoutMs?: number }) {
    const u = new URL(options.url);
    if (u.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
      throw new Error('The SMS webhook URL must be https (or http on a loopback host).');
    }
    this.name = `webhook ${u.origin}`;
  }

  async send(message: SmsMessage): Promise<void> {
    const res = await (this.options.fetch ?? fetch)(this.options.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {}),
      },
      body: JSON.stringify({ to: message.to, body: message.body }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`The SMS gateway answered HTTP ${res.status}.`);
  }
}
