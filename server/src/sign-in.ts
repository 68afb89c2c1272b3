/**
 * Login links and SMS sign-in.
 *
 * - Login links: 32 random bytes (base64url) in the URL; the database keeps only their SHA-256.
 *   Single use: redemption is one conditional UPDATE inside a transaction, so of two concurrent
 *   redemptions exactly one wins. A link expires five minutes after it was made.
 * - Redeeming a live-mode account's link starts an SMS challenge; a test-mode account's link
 *   signs in at once.
 * - Direct sign-in by email starts an SMS challenge for a live-mode account with a phone number.
 *   Any other email gets a decoy challenge that answers exactly like a real one (same shape, a
 *   stable made-up phone hint, the same rate limits and wrong-code answers) but can never
 *   succeed and sends nothing: the answer does not tell whether the email exists.
 * - Codes: 6 digits from the CSPRNG, stored only as an HMAC keyed with the server's secret
 *   (with the challenge id, so equal codes hash differently), compared in constant time, valid
 *   10 minutes. The SMS ends with the origin-bound line `@host #code` (WebOTP), so browsers offer
 *   the code only on our own host. Five wrong codes lock the challenge. A new code no sooner than 30 s after the
 *   last one, and at most 5 SMS per account (or per unknown email) in any 30 minutes: 429 with
 *   `Retry-After` otherwise.
 */
import type { SignInStep } from '../../src/contract/types.js';
import { unixNow, type Clock } from './clock.js';
import { digestsEqual, keyedHash, randomDigits, randomId, randomToken, sha256 } from './crypto.js';
import type { Db } from './db.js';
import { ApiError, rateLimited } from './errors.js';
import type { AccountRow, Ledger } from './ledger.js';
import type { SmsMessage } from './sms.js';

/** The sign-in rules (the numbers). */
export const SIGN_IN_POLICY = {
  /** A login link expires this long after it was made. */
  loginLinkTtlSeconds: 5 * 60,
  codeLength: 6,
  /** A code expires this long after it was sent. */
  codeTtlMs: 10 * 60_000,
  /** Wrong codes that lock a challenge. */
  maxAttempts: 5,
  /** The shortest wait between two codes of one challenge. */
  resendAfterMs: 30_000,
  /** At most `smsPerWindow` SMS to one account in any `smsWindowMs`. */
  smsWindowMs: 30 * 60_000,
  smsPerWindow: 5,
  /** A challenge can be resent for this long after it started. */
  challengeTtlMs: 30 * 60_000,
} as const;

/** A Stripe `login_link` object (with `expires_at`, which Stripe's lacks). */
export interface LoginLinkObject {
  object: 'login_link';
  created: number;
  expires_at: number;
  url: string;
}

/** What starting or resending gives: the step to answer and, for a real challenge, the SMS to send. */
export interface ChallengeResult {
  step: Extract<SignInStep, { status: 'code_sent' }>;
  sms: SmsMessage | null;
}

/** What redeeming a login link gives. */
export type RedeemResult = { kind: 'signed_in'; accountId: string } | ({ kind: 'code_sent' } & ChallengeResult);

interface ChallengeRow {
  id: string;
  account_id: string | null;
  recipient: string;
  phone_hint: string;
  livemode: number;
  code_hash: Buffer;
  code_expires_ms: number;
  last_sent_ms: number;
  failed_attempts: number;
  created_ms: number;
  completed_ms: number | null;
}

const expired = (message: string) => new ApiError(410, 'expired', message);
const LINK_GONE = 'This login link has expired or was already used. Go back to the platform and open the dashboard again.';

/** Login links and SMS challenges over the database (see the module doc). */
export class SignIn {
  constructor(
    private readonly db: Db,
    private readonly ledger: Ledger,
    private readonly clock: Clock,
    /** HMAC key for codes and emails (at least 32 random bytes). */
    private readonly key: Buffer,
    /** Named in the SMS text. */
    private readonly platformName: string,
    /** The login page's host (`PUBLIC_URL`'s), for the SMS's WebOTP line `@host #code`. */
    private readonly originHost?: () => string,
  ) {}

  // ---- login links ----

  /**
   * A new single-use login link of the account, opening `loginPageUrl#login_token=…`: in the
   * fragment, which browsers never send, so proxies and access logs never see it.
   */
  createLoginLink(accountId: string, loginPageUrl: string): LoginLinkObject {
    const token = randomToken(32);
    const created = unixNow(this.clock);
    const expires_at = created + SIGN_IN_POLICY.loginLinkTtlSeconds;
    this.db
      .prepare('INSERT INTO login_links (token_hash, account_id, created, expires_at) VALUES (?, ?, ?, ?)')
      .run(sha256(token), accountId, created, expires_at);
    const url = new URL(loginPageUrl);
    url.hash = new URLSearchParams({ login_token: token }).toString();
    return { object: 'login_link', created, expires_at, url: url.href };
  }

  /**
   * Redeems a login-link token: a session for a test-mode account, an SMS challenge for a
   * live-mode one. @throws ApiError 410 `expired` for an unknown, used or expired link; 429 when
   * the account has had its SMS for now (the link is then left unused).
   */
  redeemLoginLink(token: string): RedeemResult {
    const now = unixNow(this.clock);
    return this.db.transaction((): RedeemResult => {
      const hash = sha256(token);
      const link = this.db.prepare('SELECT account_id, expires_at, redeemed_at FROM login_links WHERE token_hash = ?').get(hash) as
        | { account_id: string; expires_at: number; redeemed_at: number | null }
        | undefined;
      if (!link || link.redeemed_at !== null || now >= link.expires_at) throw expired(LINK_GONE);
      const account = this.ledger.account(link.account_id);
      if (!account) throw expired(LINK_GONE);
      if (account.livemode) this.checkSmsAllowance(account.id);
      const won = this.db.prepare('UPDATE login_links SET redeemed_at = ? WHERE token_hash = ? AND redeemed_at IS NULL').run(now, hash);
      if (won.changes !== 1) throw expired(LINK_GONE);
      if (!account.livemode) return { kind: 'signed_in', accountId: account.id };
      return { kind: 'code_sent', ...this.newChallenge(account, account.id) };
    })();
  }

  // ---- direct sign-in ----

  /** Starts a sign-in by email (see the module doc: unknown emails get a decoy). @throws ApiError 429. */
  startWithEmail(email: string): ChallengeResult {
    const normalized = email.trim().toLowerCase();
    return this.db.transaction((): ChallengeResult => {
      const account = this.ledger.accountByEmail(normalized);
      if (account && account.livemode && account.phone) {
        this.checkSmsAllowance(account.id);
        return this.newChallenge(account, account.id);
      }
      const recipient = `email:${keyedHash(this.key, 'email', normalized).toString('hex')}`;
      this.checkSmsAllowance(recipient);
      return this.newChallenge(null, recipient, decoyHint(this.key, normalized));
    })();
  }

  // ---- codes ----

  /**
   * Checks a code. Returns the account id to open a session for. @throws ApiError 404 unknown
   * challenge, 410 `expired` (code expired, or challenge already completed), 403
   * `too_many_attempts` (locked, or this was the fifth wrong code), 400 `invalid_code` with
   * `attempts_remaining`.
   */
  verify(challengeId: string, code: string): string {
    const now = this.clock.now();
    const outcome = this.db.transaction((): { ok: string } | { error: ApiError } => {
      const c = this.challenge(challengeId);
      if (c.completed_ms !== null) return { error: expired('This code was already used. Start again.') };
      if (c.failed_attempts >= SIGN_IN_POLICY.maxAttempts) return { error: tooManyAttempts() };
      if (now >= c.code_expires_ms) return { error: expired('This code has expired. Ask for a new one.') };
      // Always hash (even a malformed code) so every wrong answer takes the same path.
      const given = keyedHash(this.key, 'sms-code', c.id, code.slice(0, 32));
      const ok = new RegExp(`^\\d{${SIGN_IN_POLICY.codeLength}}$`).test(code) && digestsEqual(given, c.code_hash) && c.account_id !== null;
      if (!ok) {
        const failed = c.failed_attempts + 1;
        this.db.prepare('UPDATE sign_in_challenges SET failed_attempts = ? WHERE id = ?').run(failed, c.id);
        if (failed >= SIGN_IN_POLICY.maxAttempts) return { error: tooManyAttempts() };
        const left = SIGN_IN_POLICY.maxAttempts - failed;
        return {
          error: new ApiError(400, 'invalid_code', `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`, {
            param: 'code',
            extra: { attempts_remaining: left },
          }),
        };
      }
      const done = this.db.prepare('UPDATE sign_in_challenges SET completed_ms = ? WHERE id = ? AND completed_ms IS NULL').run(now, c.id);
      if (done.changes !== 1) return { error: expired('This code was already used. Start again.') };
      return { ok: c.account_id! };
    })();
    if ('error' in outcome) throw outcome.error;
    return outcome.ok;
  }

  /** A new code for the challenge (the old one stops working). @throws ApiError 404, 410, 403 or 429 (see the module doc). */
  resend(challengeId: string): ChallengeResult {
    const now = this.clock.now();
    return this.db.transaction((): ChallengeResult => {
      const c = this.challenge(challengeId);
      if (c.completed_ms !== null) throw expired('This sign-in is already complete. Start again.');
      if (c.failed_attempts >= SIGN_IN_POLICY.maxAttempts) throw tooManyAttempts();
      if (now >= c.created_ms + SIGN_IN_POLICY.challengeTtlMs) throw expired('This sign-in has expired. Start again.');
      const wait = c.last_sent_ms + SIGN_IN_POLICY.resendAfterMs - now;
      if (wait > 0) throw rateLimited('Wait a little before asking for a new code.', wait / 1000);
      this.checkSmsAllowance(c.recipient);
      const code = randomDigits(SIGN_IN_POLICY.codeLength);
      this.db
        .prepare('UPDATE sign_in_challenges SET code_hash = ?, code_expires_ms = ?, last_sent_ms = ? WHERE id = ?')
        .run(keyedHash(this.key, 'sms-code', c.id, code), now + SIGN_IN_POLICY.codeTtlMs, now, c.id);
      this.db.prepare('INSERT INTO sms_sends (recipient, sent_ms) VALUES (?, ?)').run(c.recipient, now);
      const account = c.account_id ? this.ledger.account(c.account_id) : undefined;
      return {
        step: stepOf({ ...c, last_sent_ms: now }),
        sms: account?.phone ? this.smsFor(account.phone, code) : null,
      };
    })();
  }

  // ---- internals ----

  private challenge(id: string): ChallengeRow {
    const c = this.db.prepare('SELECT * FROM sign_in_challenges WHERE id = ?').get(id) as ChallengeRow | undefined;
    if (!c) throw new ApiError(404, 'resource_missing', 'No such sign-in. Start again.', { param: 'challenge_id' });
    return c;
  }

  /** @throws ApiError 429 when `recipient` has had `smsPerWindow` SMS in the last `smsWindowMs`. */
  private checkSmsAllowance(recipient: string): void {
    const now = this.clock.now();
    const { smsWindowMs, smsPerWindow } = SIGN_IN_POLICY;
    const sent = this.db
      .prepare('SELECT sent_ms FROM sms_sends WHERE recipient = ? AND sent_ms > ? ORDER BY sent_ms')
      .all(recipient, now - smsWindowMs) as { sent_ms: number }[];
    if (sent.length >= smsPerWindow) {
      const freesAt = sent[sent.length - smsPerWindow].sent_ms + smsWindowMs;
      throw rateLimited('Too many codes were sent. Wait before asking for another.', (freesAt - now) / 1000);
    }
  }

  /** Creates a challenge and records its SMS; `account` null makes a decoy with `hint`. */
  private newChallenge(account: AccountRow | null, recipient: string, hint?: string): ChallengeResult {
    const now = this.clock.now();
    const id = randomId('sic', 24);
    const code = randomDigits(SIGN_IN_POLICY.codeLength);
    const row: ChallengeRow = {
      id,
      account_id: account?.id ?? null,
      recipient,
      phone_hint: account?.phone ? phoneHint(account.phone) : hint ?? '•••• 0000',
      livemode: 1,
      code_hash: keyedHash(this.key, 'sms-code', id, code),
      code_expires_ms: now + SIGN_IN_POLICY.codeTtlMs,
      last_sent_ms: now,
      failed_attempts: 0,
      created_ms: now,
      completed_ms: null,
    };
    this.db
      .prepare(
        `INSERT INTO sign_in_challenges (id, account_id, recipient, phone_hint, livemode, code_hash, code_expires_ms, last_sent_ms, failed_attempts, created_ms)
         VALUES (@id, @account_id, @recipient, @phone_hint, @livemode, @code_hash, @code_expires_ms, @last_sent_ms, @failed_attempts, @created_ms)`,
      )
      .run(row);
    this.db.prepare('INSERT INTO sms_sends (recipient, sent_ms) VALUES (?, ?)').run(recipient, now);
    return { step: stepOf(row), sms: account?.phone ? this.smsFor(account.phone, code) : null };
  }

  private smsFor(to: string, code: string): SmsMessage {
    const minutes = SIGN_IN_POLICY.codeTtlMs / 60_000;
    const text = `${code} is your ${this.platformName} dashboard code. It expires in ${minutes} minutes. Never share it.`;
    // The origin-bound line (WebOTP, iOS/Android autofill): the code is offered only on our host.
    const host = this.originHost?.();
    return { to, body: host ? `${text}\n\n@${host} #${code}` : text };
  }
}

function tooManyAttempts(): ApiError {
  return new ApiError(403, 'too_many_attempts', 'Too many wrong codes. Start again to get a new code.');
}

/** The `code_sent` step of a challenge; `resend_after` is Unix seconds. */
function stepOf(c: ChallengeRow): ChallengeResult['step'] {
  return {
    status: 'code_sent',
    challenge_id: c.id,
    phone_hint: c.phone_hint,
    code_length: SIGN_IN_POLICY.codeLength,
    resend_after: Math.ceil((c.last_sent_ms + SIGN_IN_POLICY.resendAfterMs) / 1000),
    livemode: c.livemode === 1,
  };
}

/** `•••• 4242`: the last four digits of a phone number. */
export function phoneHint(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `•••• ${digits.slice(-4).padStart(4, '0')}`;
}

/** A stable made-up hint for an unknown email: four digits of its keyed hash. */
function decoyHint(key: Buffer, email: string): string {
  const n = keyedHash(key, 'decoy-phone', email).readUInt32BE(0) % 10_000;
  return `•••• ${String(n).padStart(4, '0')}`;
}
