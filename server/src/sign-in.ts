/**
 * Login links and SMS sign-in.
 *
 * - Login links: 32 random bytes (base64url) in the URL; the database keeps only their SHA-256.
 *   Single use: redemption reads the link with `SELECT … FOR UPDATE` and marks it with a
 *   conditional UPDATE in one transaction, so of two concurrent redemptions (on any instances)
 *   exactly one wins. A link expires five minutes after it was made.
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
 *
 * Across challenges (issue 20, item 1): wrong codes on challenges started by email are counted per
 * recipient over 24 hours, and the tenth locks sign-in by email for that recipient until the
 * oldest of them is a day old (told in the answer, with `Retry-After`); challenges from a login
 * link are not locked, so the platform's links keep working for the person. Email-started codes
 * (new challenges and resends) are capped at 6 a day per recipient, with a wait that doubles
 * between them (1, 2, 4, 8, 16 minutes), and every SMS to a recipient at 12 a day. Unknown emails
 * (decoys) are counted the same way, so the answers still tell nothing.
 *
 * A login link made by a session (`POST /v1/login_links`) carries that session's absolute expiry,
 * and the session it signs in keeps it (item 5): chaining links never outlives the first session.
 *
 * Every check that counts or spends is a transaction on the shared database (SQLite, or
 * PostgreSQL for several instances): a challenge is read `FOR UPDATE` before its attempts are
 * counted or its code is accepted, and the SMS allowance is counted under a lock on its
 * recipient (`tx.lock`), so two instances checking at the same moment count each other. Counts
 * are rows of `sign_in_counts` (kind, key, time): per-account counters of other kinds (wrong codes
 * across challenges, SMS per day) are one `recordCount` and one `allowance` away.
 */
import type { SignInStep } from '../../src/contract/types.js';
import { unixNow, type Clock } from './clock.js';
import { digestsEqual, keyedHash, randomDigits, randomId, randomToken, sha256 } from './crypto.js';
import { ApiError, rateLimited } from './errors.js';
import type { AccountRow, Ledger } from './ledger.js';
import type { SmsMessage } from './sms.js';
import type { SqlDb, SqlTx } from './storage/sql.js';

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
  /** The window of the daily caps below. */
  dayMs: 86_400_000,
  /** Every SMS to one recipient (account) in a day. */
  smsPerDay: 12,
  /** SMS of challenges started by email (new codes and resends) to one recipient in a day. */
  emailSmsPerDay: 6,
  /** The wait after the n-th email-started SMS of the day: this, doubled n - 1 times. */
  emailBackoffMs: 60_000,
  /** Wrong codes on email-started challenges of one recipient in a day that lock sign-in by email. */
  wrongCodesPerDay: 10,
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
export type RedeemResult = { kind: 'signed_in'; accountId: string; sessionExpiresMs: number | null } | ({ kind: 'code_sent' } & ChallengeResult);

/** Who a verified code signs in, and the latest the session may end (a session-made link's), if any. */
export interface Verified {
  accountId: string;
  sessionExpiresMs: number | null;
}

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
  /** `link` or `email`: how the challenge started. */
  via: string;
  /** The latest the session it opens may end (from a session-made link), or null. */
  session_expires_ms: number | null;
}

const expired = (message: string) => new ApiError(410, 'expired', message);
const LINK_GONE = 'This login link has expired or was already used. Go back to the platform and open the dashboard again.';

/** A limit on a count: at most `max` in any `windowMs`. */
export interface CountLimit {
  windowMs: number;
  max: number;
}

/**
 * Whether `key` may have one more of `kind` under every limit, counting the rows of
 * `sign_in_counts` in the longest window; the milliseconds until it may when not. Call it under
 * `tx.lock(countLock(kind, key))` and record the count in the same transaction, so concurrent
 * checks (on any instance) see each other.
 */
export async function allowance(tx: SqlTx, kind: string, key: string, nowMs: number, limits: readonly CountLimit[]): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
  const longest = Math.max(...limits.map((l) => l.windowMs));
  const times = (await tx.all<{ at_ms: number }>('SELECT at_ms FROM sign_in_counts WHERE kind = ? AND key = ? AND at_ms > ? ORDER BY at_ms', [kind, key, nowMs - longest])).map(
    (r) => Number(r.at_ms),
  );
  let wait = 0;
  for (const { windowMs, max } of limits) {
    const inWindow = times.filter((t) => t > nowMs - windowMs);
    if (inWindow.length >= max) wait = Math.max(wait, inWindow[inWindow.length - max] + windowMs - nowMs);
  }
  return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
}

/** The lock that serializes counting `kind` for `key`. */
export function countLock(kind: string, key: string): string {
  return `sign-in-count:${kind}:${key}`;
}

/** Records one `kind` for `key` at `nowMs` (see `allowance`). */
export async function recordCount(tx: SqlTx, kind: string, key: string, nowMs: number): Promise<void> {
  await tx.run('INSERT INTO sign_in_counts (kind, key, at_ms) VALUES (?, ?, ?)', [kind, key, nowMs]);
}

/** Login links and SMS challenges over the database (see the module doc). */
export class SignIn {
  constructor(
    private readonly db: SqlDb,
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
  async createLoginLink(accountId: string, loginPageUrl: string, o: { sessionExpiresMs?: number } = {}): Promise<LoginLinkObject> {
    const token = randomToken(32);
    const created = unixNow(this.clock);
    const expires_at = created + SIGN_IN_POLICY.loginLinkTtlSeconds;
    await this.db.run('INSERT INTO login_links (token_hash, account_id, created, expires_at, session_expires_ms) VALUES (?, ?, ?, ?, ?)', [
      sha256(token),
      accountId,
      created,
      expires_at,
      o.sessionExpiresMs ?? null,
    ]);
    const url = new URL(loginPageUrl);
    url.hash = new URLSearchParams({ login_token: token }).toString();
    return { object: 'login_link', created, expires_at, url: url.href };
  }

  /** The account of a login link that can still be redeemed (without spending it), or undefined. */
  async loginLinkAccount(token: string): Promise<string | undefined> {
    const link = await this.db.get<{ account_id: string; expires_at: number; redeemed_at: number | null }>(
      'SELECT account_id, expires_at, redeemed_at FROM login_links WHERE token_hash = ?',
      [sha256(token)],
    );
    return link && link.redeemed_at === null && unixNow(this.clock) < Number(link.expires_at) ? link.account_id : undefined;
  }

  /**
   * Redeems a login-link token: a session for a test-mode account, an SMS challenge for a
   * live-mode one. @throws ApiError 410 `expired` for an unknown, used or expired link; 429 when
   * the account has had its SMS for now (the link is then left unused).
   */
  redeemLoginLink(token: string): Promise<RedeemResult> {
    const now = unixNow(this.clock);
    const hash = sha256(token);
    return this.db.transaction(async (tx): Promise<RedeemResult> => {
      // Locked until commit: a concurrent redemption of the same link waits, then finds it used.
      const link = await tx.get<{ account_id: string; expires_at: number; redeemed_at: number | null; session_expires_ms: number | null }>(
        'SELECT account_id, expires_at, redeemed_at, session_expires_ms FROM login_links WHERE token_hash = ? FOR UPDATE',
        [hash],
      );
      if (!link || link.redeemed_at !== null || now >= link.expires_at) throw expired(LINK_GONE);
      const account = await this.ledger.account(link.account_id, tx);
      if (!account) throw expired(LINK_GONE);
      if (account.livemode) await this.checkSmsAllowance(tx, account.id);
      const won = await tx.run('UPDATE login_links SET redeemed_at = ? WHERE token_hash = ? AND redeemed_at IS NULL', [now, hash]);
      if (won.changes !== 1) throw expired(LINK_GONE);
      const sessionExpiresMs = link.session_expires_ms === null ? null : Number(link.session_expires_ms);
      if (!account.livemode) return { kind: 'signed_in', accountId: account.id, sessionExpiresMs };
      return { kind: 'code_sent', ...(await this.newChallenge(tx, account, account.id, { via: 'link', sessionExpiresMs })) };
    });
  }

  // ---- direct sign-in ----

  /** Starts a sign-in by email (see the module doc: unknown emails get a decoy). @throws ApiError 429. */
  async startWithEmail(email: string): Promise<ChallengeResult> {
    const normalized = email.trim().toLowerCase();
    const account = await this.ledger.accountByEmail(normalized);
    return this.db.transaction(async (tx): Promise<ChallengeResult> => {
      if (account && account.livemode && account.phone) {
        await this.checkEmailAllowance(tx, account.id);
        await this.checkSmsAllowance(tx, account.id);
        return this.newChallenge(tx, account, account.id, { via: 'email' });
      }
      const recipient = `email:${keyedHash(this.key, 'email', normalized).toString('hex')}`;
      await this.checkEmailAllowance(tx, recipient);
      await this.checkSmsAllowance(tx, recipient);
      return this.newChallenge(tx, null, recipient, { via: 'email', hint: decoyHint(this.key, normalized) });
    });
  }

  // ---- codes ----

  /**
   * Checks a code. Returns the account id to open a session for. @throws ApiError 404 unknown
   * challenge, 410 `expired` (code expired, or challenge already completed), 403
   * `too_many_attempts` (locked, or this was the fifth wrong code), 400 `invalid_code` with
   * `attempts_remaining`.
   */
  async verify(challengeId: string, code: string): Promise<Verified> {
    const now = this.clock.now();
    const outcome = await this.db.transaction(async (tx): Promise<{ ok: Verified } | { error: ApiError }> => {
      // Locked until commit: concurrent answers (on any instance) are counted one after the other.
      const c = await this.challenge(tx, challengeId);
      if (c.completed_ms !== null) return { error: expired('This code was already used. Start again.') };
      if (c.failed_attempts >= SIGN_IN_POLICY.maxAttempts) return { error: tooManyAttempts() };
      const byEmail = c.via === 'email';
      if (byEmail) {
        const until = await this.emailLockEnd(tx, c.recipient, now);
        if (until !== null) return { error: this.emailLocked(until, now) };
      }
      if (now >= c.code_expires_ms) return { error: expired('This code has expired. Ask for a new one.') };
      // Always hash (even a malformed code) so every wrong answer takes the same path.
      const given = keyedHash(this.key, 'sms-code', c.id, code.slice(0, 32));
      const ok = new RegExp(`^\\d{${SIGN_IN_POLICY.codeLength}}$`).test(code) && digestsEqual(given, c.code_hash) && c.account_id !== null;
      if (!ok) {
        const failed = c.failed_attempts + 1;
        await tx.run('UPDATE sign_in_challenges SET failed_attempts = ? WHERE id = ?', [failed, c.id]);
        if (byEmail) {
          await recordCount(tx, 'wrong_code', c.recipient, now);
          const until = await this.emailLockEnd(tx, c.recipient, now);
          if (until !== null) return { error: tooManyAttempts(this.emailLocked(until, now).message) };
        }
        if (failed >= SIGN_IN_POLICY.maxAttempts) return { error: tooManyAttempts() };
        const left = SIGN_IN_POLICY.maxAttempts - failed;
        return {
          error: new ApiError(400, 'invalid_code', `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`, {
            param: 'code',
            extra: { attempts_remaining: left },
          }),
        };
      }
      const done = await tx.run('UPDATE sign_in_challenges SET completed_ms = ? WHERE id = ? AND completed_ms IS NULL', [now, c.id]);
      if (done.changes !== 1) return { error: expired('This code was already used. Start again.') };
      return { ok: { accountId: c.account_id!, sessionExpiresMs: c.session_expires_ms === null ? null : Number(c.session_expires_ms) } };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.ok;
  }

  /** A new code for the challenge (the old one stops working). @throws ApiError 404, 410, 403 or 429 (see the module doc). */
  resend(challengeId: string): Promise<ChallengeResult> {
    const now = this.clock.now();
    return this.db.transaction(async (tx): Promise<ChallengeResult> => {
      const c = await this.challenge(tx, challengeId);
      if (c.completed_ms !== null) throw expired('This sign-in is already complete. Start again.');
      if (c.failed_attempts >= SIGN_IN_POLICY.maxAttempts) throw tooManyAttempts();
      if (now >= c.created_ms + SIGN_IN_POLICY.challengeTtlMs) throw expired('This sign-in has expired. Start again.');
      const wait = c.last_sent_ms + SIGN_IN_POLICY.resendAfterMs - now;
      if (wait > 0) throw rateLimited('Wait a little before asking for a new code.', wait / 1000);
      if (c.via === 'email') await this.checkEmailAllowance(tx, c.recipient);
      await this.checkSmsAllowance(tx, c.recipient);
      const code = randomDigits(SIGN_IN_POLICY.codeLength);
      await tx.run('UPDATE sign_in_challenges SET code_hash = ?, code_expires_ms = ?, last_sent_ms = ? WHERE id = ?', [
        keyedHash(this.key, 'sms-code', c.id, code),
        now + SIGN_IN_POLICY.codeTtlMs,
        now,
        c.id,
      ]);
      await recordCount(tx, 'sms', c.recipient, now);
      if (c.via === 'email') await recordCount(tx, 'sms_email', c.recipient, now);
      const account = c.account_id ? await this.ledger.account(c.account_id, tx) : undefined;
      return {
        step: stepOf({ ...c, last_sent_ms: now }),
        sms: account?.phone ? this.smsFor(account.phone, code) : null,
      };
    });
  }

  // ---- internals ----

  /** The challenge, locked until the transaction ends. */
  private async challenge(tx: SqlTx, id: string): Promise<ChallengeRow> {
    const c = await tx.get<ChallengeRow>('SELECT * FROM sign_in_challenges WHERE id = ? FOR UPDATE', [id]);
    if (!c) throw new ApiError(404, 'resource_missing', 'No such sign-in. Start again.', { param: 'challenge_id' });
    return { ...c, code_hash: Buffer.from(c.code_hash), failed_attempts: Number(c.failed_attempts), last_sent_ms: Number(c.last_sent_ms), code_expires_ms: Number(c.code_expires_ms), created_ms: Number(c.created_ms) };
  }

  /**
   * @throws ApiError 429 when `recipient` has had `smsPerWindow` SMS in the last `smsWindowMs`.
   * Holds the recipient's count lock until the transaction ends (see `allowance`).
   */
  private async checkSmsAllowance(tx: SqlTx, recipient: string): Promise<void> {
    const now = this.clock.now();
    await tx.lock(countLock('sms', recipient));
    const a = await allowance(tx, 'sms', recipient, now, [
      { windowMs: SIGN_IN_POLICY.smsWindowMs, max: SIGN_IN_POLICY.smsPerWindow },
      { windowMs: SIGN_IN_POLICY.dayMs, max: SIGN_IN_POLICY.smsPerDay },
    ]);
    if (!a.ok) throw rateLimited('Too many codes were sent. Wait before asking for another.', a.retryAfterMs / 1000);
  }

  /**
   * For a code by email (a new challenge or a resend): @throws ApiError 429 while sign-in by email
   * is locked for `recipient` (too many wrong codes today), when it has had its email-started SMS
   * for the day, or before the doubling wait after the last one has passed. Takes the recipient's
   * wrong-code and email-SMS locks (in that order, as everywhere) until the transaction ends.
   */
  private async checkEmailAllowance(tx: SqlTx, recipient: string): Promise<void> {
    const now = this.clock.now();
    const until = await this.emailLockEnd(tx, recipient, now);
    if (until !== null) throw this.emailLocked(until, now);
    await tx.lock(countLock('sms_email', recipient));
    const times = (await tx.all<{ at_ms: number }>('SELECT at_ms FROM sign_in_counts WHERE kind = ? AND key = ? AND at_ms > ? ORDER BY at_ms', ['sms_email', recipient, now - SIGN_IN_POLICY.dayMs])).map(
      (r) => Number(r.at_ms),
    );
    if (times.length >= SIGN_IN_POLICY.emailSmsPerDay) {
      throw rateLimited('Too many codes were sent by email sign-in today. Use the link from the platform, or try again later.', (times[times.length - SIGN_IN_POLICY.emailSmsPerDay] + SIGN_IN_POLICY.dayMs - now) / 1000);
    }
    if (times.length > 0) {
      const wait = times[times.length - 1] + SIGN_IN_POLICY.emailBackoffMs * 2 ** (times.length - 1) - now;
      if (wait > 0) throw rateLimited('Wait a little before asking for another code.', wait / 1000);
    }
  }

  /** When sign-in by email unlocks for `recipient` (ms), or null when it is not locked. Takes the wrong-code lock. */
  private async emailLockEnd(tx: SqlTx, recipient: string, now: number): Promise<number | null> {
    await tx.lock(countLock('wrong_code', recipient));
    const a = await allowance(tx, 'wrong_code', recipient, now + 1, [{ windowMs: SIGN_IN_POLICY.dayMs, max: SIGN_IN_POLICY.wrongCodesPerDay }]);
    return a.ok ? null : now + 1 + a.retryAfterMs;
  }

  /** The answer while sign-in by email is locked until `until`. */
  private emailLocked(until: number, now: number): ApiError {
    const when = `${new Date(until).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    return rateLimited(
      `Too many wrong codes today: signing in with your email is paused until ${when}. The link from ${this.platformName} still works.`,
      (until - now) / 1000,
    );
  }

  /** Creates a challenge and records its SMS; `account` null makes a decoy with `hint`. */
  private async newChallenge(
    tx: SqlTx,
    account: AccountRow | null,
    recipient: string,
    o: { via: 'link' | 'email'; hint?: string; sessionExpiresMs?: number | null },
  ): Promise<ChallengeResult> {
    const hint = o.hint;
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
      via: o.via,
      session_expires_ms: o.sessionExpiresMs ?? null,
    };
    await tx.run(
      `INSERT INTO sign_in_challenges (id, account_id, recipient, phone_hint, livemode, code_hash, code_expires_ms, last_sent_ms, failed_attempts, created_ms, via, session_expires_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.id, row.account_id, row.recipient, row.phone_hint, row.livemode, row.code_hash, row.code_expires_ms, row.last_sent_ms, row.failed_attempts, row.created_ms, row.via, row.session_expires_ms],
    );
    await recordCount(tx, 'sms', recipient, now);
    if (o.via === 'email') await recordCount(tx, 'sms_email', recipient, now);
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

function tooManyAttempts(message = 'Too many wrong codes. Start again to get a new code.'): ApiError {
  return new ApiError(403, 'too_many_attempts', message);
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
