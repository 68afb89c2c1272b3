/**
 * `DemoSignInAdapter`: an in-browser `ExpressSignInAdapter` for demos and tests of
 * `<express-login>`. Nothing is sent anywhere: in test mode (the default) the SMS code is always
 * `000000`, as the step's test-mode note tells the person.
 *
 * It behaves like the reference server where a person would notice: login tokens are single use
 * (a second redemption is `expired`), the token `expired` is always expired, a wrong code is
 * `invalid_code` with the attempts remaining, the fifth wrong code locks the challenge
 * (`too_many_attempts`), a resend before `resend_after` is `rate_limited` with the wait.
 */
import { abortReason, ExpressError } from '../contract/errors.js';
import type { ExpressSignInAdapter, RequestOptions, SignInStep } from '../contract/types.js';

/** Options of `new DemoSignInAdapter(...)`. */
export interface DemoSignInOptions {
  /** Live or test mode (default `false`: test mode, code `000000`). */
  livemode?: boolean;
  /** The code that signs in (default `000000`). */
  code?: string;
  /** Where `signed_in` sends the person (default `/`). */
  redirectUrl?: string;
  /** The phone's hint (default `•••• 4242`). */
  phoneHint?: string;
  /** Seconds before a resend is allowed (default 30). */
  resendDelay?: number;
  /** Wrong codes before the challenge locks (default 5). */
  maxAttempts?: number;
  /**
   * Test-mode login links sign in without SMS, as on the reference server (default `false`: the
   * demo shows the SMS step for links too).
   */
  directTestModeLinks?: boolean;
  /** Delay of every call in ms (default 300); aborting the signal ends it at once. */
  latency?: number;
  /** The clock in ms (default `Date.now`). */
  now?: () => number;
}

interface Challenge {
  wrong: number;
  resendAfter: number;
  locked: boolean;
}

/** The demo sign-in backend (see the module doc). */
export class DemoSignInAdapter implements ExpressSignInAdapter {
  private readonly opts: Required<Omit<DemoSignInOptions, 'now'>> & { now: () => number };
  private readonly usedTokens = new Set<string>();
  private readonly challenges = new Map<string, Challenge>();
  private count = 0;

  constructor(options: DemoSignInOptions = {}) {
    this.opts = {
      livemode: options.livemode ?? false,
      code: options.code ?? '000000',
      redirectUrl: options.redirectUrl ?? '/',
      phoneHint: options.phoneHint ?? '•••• 4242',
      resendDelay: options.resendDelay ?? 30,
      maxAttempts: options.maxAttempts ?? 5,
      directTestModeLinks: options.directTestModeLinks ?? false,
      latency: options.latency ?? 300,
      now: options.now ?? (() => Date.now()),
    };
  }

  /** Redeems a login token (single use; `expired` is always expired) or starts from an email. */
  async start(r: { login_token: string } | { email: string }, o?: RequestOptions): Promise<SignInStep> {
    await this.wait(o?.signal);
    if ('login_token' in r) {
      const token = r.login_token;
      if (typeof token !== 'string' || !token) throw new ExpressError('invalid_request', 'A login token is required.', { param: 'login_token' });
      if (token === 'expired' || this.usedTokens.has(token)) throw new ExpressError('expired');
      this.usedTokens.add(token);
      if (!this.opts.livemode && this.opts.directTestModeLinks) return { status: 'signed_in', redirect_url: this.opts.redirectUrl };
    } else if (typeof r.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(r.email.trim())) {
      throw new ExpressError('invalid_request', 'Enter a valid email address.', { param: 'email' });
    }
    const id = `chal_demo_${++this.count}`;
    const challenge: Challenge = { wrong: 0, resendAfter: 0, locked: false };
    this.challenges.set(id, challenge);
    return this.codeSent(id, challenge);
  }

  /** Checks the code: `signed_in`, or `invalid_code` with the attempts remaining, or locked. */
  async verify(challenge_id: string, code: string, o?: RequestOptions): Promise<SignInStep> {
    await this.wait(o?.signal);
    const c = this.challenge(challenge_id);
    if (c.locked) throw new ExpressError('too_many_attempts');
    if (code === this.opts.code) {
      this.challenges.delete(challenge_id);
      return { status: 'signed_in', redirect_url: this.opts.redirectUrl };
    }
    c.wrong++;
    const left = this.opts.maxAttempts - c.wrong;
    if (left <= 0) {
      c.locked = true;
      throw new ExpressError('too_many_attempts');
    }
    throw new ExpressError('invalid_code', undefined, { param: 'code', attemptsRemaining: left });
  }

  /** A new code (the same one in the demo), not before `resend_after`; unlocks the challenge. */
  async resend(challenge_id: string, o?: RequestOptions): Promise<SignInStep> {
    await this.wait(o?.signal);
    const c = this.challenge(challenge_id);
    const wait = Math.ceil(c.resendAfter - this.opts.now() / 1000);
    if (wait > 0) throw new ExpressError('rate_limited', undefined, { retryAfter: wait });
    c.wrong = 0;
    c.locked = false;
    return this.codeSent(challenge_id, c);
  }

  private challenge(id: string): Challenge {
    const c = this.challenges.get(id);
    if (!c) throw new ExpressError('not_found', 'No such sign-in.', { param: 'challenge_id' });
    return c;
  }

  private codeSent(id: string, c: Challenge): SignInStep {
    c.resendAfter = Math.floor(this.opts.now() / 1000) + this.opts.resendDelay;
    return {
      status: 'code_sent',
      challenge_id: id,
      phone_hint: this.opts.phoneHint,
      code_length: this.opts.code.length,
      resend_after: c.resendAfter,
      livemode: this.opts.livemode,
    };
  }

  private wait(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.opts.latency <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const timer = setTimeout(done, this.opts.latency);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
