import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/login/login.js';
import type { ExpressLogin } from '../../../src/components/login/login.js';
import {
  allowedRedirect,
  loginErrorMessage,
  normaliseCode,
  phoneHint,
  secondsUntil,
  takeTokenFromUrl,
} from '../../../src/components/login/login.model.js';
import { DemoSignInAdapter } from '../../../src/demo/demo-sign-in-adapter.js';
import { ExpressError, type ExpressErrorCode } from '../../../src/contract/errors.js';
import type { ExpressSignInAdapter, RequestOptions, SignInStep } from '../../../src/contract/types.js';
import { en, fr, stringsFor } from '../../../src/core/i18n/index.js';
import type { ExpressErrorEvent, ExpressSignedInEvent } from '../../../src/events.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';

interface Call {
  method: 'start' | 'verify' | 'resend';
  args: unknown[];
  signal?: AbortSignal;
  resolve(step: unknown): void;
  reject(e: unknown): void;
}

/** A sign-in adapter whose promises the test settles by hand. */
class FakeSignIn implements ExpressSignInAdapter {
  readonly calls: Call[] = [];
  private record(method: Call['method'], args: unknown[], o?: RequestOptions): Promise<SignInStep> {
    return new Promise((resolve, reject) =>
      this.calls.push({ method, args, signal: o?.signal, resolve: resolve as (s: unknown) => void, reject }),
    );
  }
  start(r: { login_token: string } | { email: string }, o?: RequestOptions) {
    return this.record('start', [r], o);
  }
  verify(id: string, code: string, o?: RequestOptions) {
    return this.record('verify', [id, code], o);
  }
  resend(id: string, o?: RequestOptions) {
    return this.record('resend', [id], o);
  }
  of(method: Call['method']): Call[] {
    return this.calls.filter((c) => c.method === method);
  }
  last(method: Call['method']): Call {
    const c = this.of(method).at(-1);
    if (!c) throw new Error(`no ${method} call`);
    return c;
  }
}

const NOW = 1_700_000_000_000;
const codeSent = (over: Partial<Extract<SignInStep, { status: 'code_sent' }>> = {}): SignInStep => ({
  status: 'code_sent',
  challenge_id: 'chal_1',
  phone_hint: '•••• 4242',
  code_length: 6,
  resend_after: NOW / 1000 + 30,
  livemode: true,
  ...over,
});

interface Seams {
  navigate(url: string): void;
  now(): number;
}

/** Stubs navigation and the clock; returns the navigations and a clock setter. */
function stub(el: ExpressLogin) {
  const navigations: string[] = [];
  let now = NOW;
  const seams = el as unknown as Seams;
  seams.navigate = (url) => navigations.push(url);
  seams.now = () => now;
  return {
    navigations,
    setNow(ms: number) {
      now = ms;
    },
  };
}

const $ = <T extends Element = HTMLElement>(el: ExpressLogin, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const input = (el: ExpressLogin) => $<HTMLInputElement>(el, '[part~=input]')!;
const message = (el: ExpressLogin) => $(el, '[part~=message]')!;
const status = (el: ExpressLogin) => $(el, '[part~=status]')!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonNamed = (el: ExpressLogin, name: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === name);

async function settle(el: ExpressLogin) {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await el.updateComplete;
}

function type(el: ExpressLogin, value: string) {
  const i = input(el);
  i.value = value;
  i.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** An element on the email step, with the fake adapter and stubs. */
async function emailStep(attrs: { platform?: string; locale?: string } = {}) {
  const adapter = new FakeSignIn();
  const el = await fixture<ExpressLogin>(
    html`<express-login .adapter=${adapter} platform-name=${attrs.platform ?? 'Lumen Rides'} locale=${attrs.locale ?? 'en'}></express-login>`,
  );
  return { el, adapter, ...stub(el) };
}

/** An element on the code step (started from an email). */
async function codeStep(step: SignInStep = codeSent()) {
  const ctx = await emailStep();
  type(ctx.el, 'driver@example.com');
  $<HTMLFormElement>(ctx.el, 'form')!.requestSubmit();
  ctx.adapter.last('start').resolve(step);
  await settle(ctx.el);
  return ctx;
}

const captured = failOnLitWarnings();

describe('<express-login>', () => {
  describe('without a token: direct sign-in by email', () => {
    it('asks for the email, naming the platform', async () => {
      const { el, adapter } = await emailStep();
      expect(text($(el, '[part~=title]'))).to.equal('Sign in');
      expect(text($(el, '.lead'))).to.equal('Enter the email address you use with Lumen Rides.');
      expect(input(el).type).to.equal('email');
      expect(input(el).autocomplete).to.equal('email');
      expect(adapter.calls).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('refuses an invalid email without calling the server', async () => {
      const { el, adapter } = await emailStep();
      type(el, 'not-an-email');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await el.updateComplete;
      expect(adapter.calls).to.have.length(0);
      expect(text($(el, '.field-error'))).to.equal(en.login.emailInvalid);
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('starts with the email, busy meanwhile, then shows the SMS step', async () => {
      const { el, adapter } = await emailStep();
      type(el, '  driver@example.com ');
      const form = $<HTMLFormElement>(el, 'form')!;
      form.requestSubmit();
      form.requestSubmit();
      expect(adapter.of('start')).to.have.length(1);
      expect(adapter.last('start').args).to.deep.equal([{ email: 'driver@example.com' }]);
      await el.updateComplete;
      expect($(el, '[part~=submit]')!.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      adapter.last('start').resolve(codeSent());
      await settle(el);
      expect(text($(el, '.lead'))).to.equal('We sent a code to •••• 4242');
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
      expect(buttonNamed(el, en.login.useDifferentEmail)).to.exist;
    });

    it('shows each start failure in its own words', async () => {
      const cases: [ExpressError, string][] = [
        [new ExpressError('rate_limited', undefined, { retryAfter: 42 }), 'Too many requests. Try again in 42 seconds.'],
        [new ExpressError('network'), en.login.network],
        [new ExpressError('invalid_request', 'bad email', { param: 'email' }), en.login.emailInvalid],
        [new ExpressError('unknown'), en.common.errors.unknown],
      ];
      for (const [error, words] of cases) {
        const { el, adapter } = await emailStep();
        type(el, 'driver@example.com');
        $<HTMLFormElement>(el, 'form')!.requestSubmit();
        const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
        adapter.last('start').reject(error);
        const e = await event;
        expect(e.detail.operation).to.equal('start');
        expect(e.detail.error.code).to.equal(error.code);
        await settle(el);
        expect(text(message(el))).to.equal(words);
        expect(message(el).getAttribute('role')).to.equal('alert');
        // The email stays for another try.
        expect(input(el).value).to.equal('driver@example.com');
        await expect(el).to.be.accessible();
      }
    });

    it('goes back to the email step with "Use a different email"', async () => {
      const { el } = await codeStep();
      buttonNamed(el, en.login.useDifferentEmail)!.click();
      await el.updateComplete;
      expect(input(el).type).to.equal('email');
      expect(input(el).value).to.equal('driver@example.com');
    });
  });

  describe('the SMS step', () => {
    it('has one code field for SMS autofill, the code length from the step', async () => {
      const { el } = await codeStep(codeSent({ code_length: 8 }));
      const i = input(el);
      expect(i.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(i.getAttribute('inputmode')).to.equal('numeric');
      expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(1);
      expect(text($(el, '#code-help'))).to.equal('Enter the 8-digit code.');
      expect(text($(el, 'label'))).to.equal(en.login.codeLabel);
      expect($(el, '[part~=test-mode]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the test-mode note when the step says livemode: false', async () => {
      const { el } = await codeStep(codeSent({ livemode: false }));
      expect(text($(el, '[part~=test-mode]'))).to.equal(en.login.testModeNote);
      await expect(el).to.be.accessible();
    });

    it('submits by itself once the code is complete, exactly once', async () => {
      const { el, adapter } = await codeStep();
      type(el, '424');
      expect(adapter.of('verify')).to.have.length(0);
      type(el, '424242');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      expect(adapter.of('verify')).to.have.length(1);
      expect(adapter.last('verify').args).to.deep.equal(['chal_1', '424242']);
    });

    it('takes a pasted code with spaces or dashes', async () => {
      const { el, adapter } = await codeStep();
      type(el, '424 242');
      expect(adapter.last('verify').args).to.deep.equal(['chal_1', '424242']);
      const other = await codeStep();
      type(other.el, 'Code: 123-456');
      expect(other.adapter.last('verify').args).to.deep.equal(['chal_1', '123456']);
    });

    it('submits an incomplete code only through the button, and not at all', async () => {
      const { el, adapter } = await codeStep();
      type(el, '12');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      expect(adapter.of('verify')).to.have.length(0);
      expect(input(el).value).to.equal('12');
    });

    const ERRORS: [string, ExpressError, string][] = [
      ['invalid_code with attempts left', new ExpressError('invalid_code', undefined, { attemptsRemaining: 2 }), 'That code is not correct. You have 2 attempts left.'],
      ['invalid_code, one attempt left', new ExpressError('invalid_code', undefined, { attemptsRemaining: 1 }), 'That code is not correct. You have 1 attempt left.'],
      ['invalid_code', new ExpressError('invalid_code'), en.login.invalidCode],
      ['expired', new ExpressError('expired'), en.login.codeExpired],
      ['too_many_attempts', new ExpressError('too_many_attempts'), en.login.tooManyAttempts],
      ['rate_limited with the wait', new ExpressError('rate_limited', undefined, { retryAfter: 30 }), 'Too many requests. Try again in 30 seconds.'],
      ['rate_limited without it', new ExpressError('rate_limited'), en.common.errors.rate_limited],
      ['network', new ExpressError('network'), en.login.network],
      ['a plain Error (unknown)', new Error('boom') as ExpressError, en.common.errors.unknown],
    ];
    for (const [name, error, words] of ERRORS) {
      it(`says ${name} clearly, clears the code and fires express-error`, async () => {
        const { el, adapter, navigations } = await codeStep();
        type(el, '111111');
        const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
        adapter.last('verify').reject(error);
        const e = await event;
        expect(e.detail.operation).to.equal('verify');
        expect(e.detail.error).to.be.instanceOf(ExpressError);
        await settle(el);
        expect(text(message(el))).to.equal(words);
        expect(input(el).value).to.equal('');
        expect(input(el).getAttribute('aria-invalid')).to.equal('true');
        expect(el.shadowRoot!.activeElement).to.equal(input(el));
        expect(navigations).to.deep.equal([]);
        await expect(el).to.be.accessible();
        // The next try clears the message.
        type(el, '2');
        type(el, '222222');
        await el.updateComplete;
        expect(text(message(el))).to.equal('');
      });
    }

    it('keeps resend disabled with a countdown until resend_after, then resends', async () => {
      const { el, adapter, setNow } = await codeStep(codeSent({ resend_after: NOW / 1000 + 27 }));
      const resend = () => $<HTMLButtonElement>(el, '[part~=resend]')!;
      expect(resend().disabled).to.equal(true);
      expect(text(resend())).to.equal('Resend code in 27s');
      setNow(NOW + 26_000);
      await waitUntil(() => text(resend()) === 'Resend code in 1s', 'countdown ticks', { timeout: 4000 });
      setNow(NOW + 27_000);
      await waitUntil(() => !resend().disabled, 'resend enabled', { timeout: 4000 });
      expect(text(resend())).to.equal(en.login.resend);
      await expect(el).to.be.accessible();

      resend().click();
      expect(adapter.of('resend')).to.have.length(1);
      expect(adapter.last('resend').args).to.deep.equal(['chal_1']);
      adapter.last('resend').resolve(codeSent({ resend_after: NOW / 1000 + 27 + 30 }));
      await settle(el);
      expect(text(status(el))).to.equal(en.login.codeResent);
      expect(status(el).getAttribute('role')).to.equal('status');
      expect(resend().disabled).to.equal(true);
      expect(text(resend())).to.equal('Resend code in 30s');
    });

    it('reports a failed resend', async () => {
      const { el, adapter, setNow } = await codeStep(codeSent({ resend_after: NOW / 1000 - 1 }));
      setNow(NOW);
      $<HTMLButtonElement>(el, '[part~=resend]')!.click();
      const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
      adapter.last('resend').reject(new ExpressError('rate_limited', undefined, { retryAfter: 12 }));
      expect((await event).detail.operation).to.equal('resend');
      await settle(el);
      expect(text(message(el))).to.equal('Too many requests. Try again in 12 seconds.');
    });

    it('never logs the code', async () => {
      const logged: string[] = [];
      const saved = { log: console.log, info: console.info, debug: console.debug, error: console.error };
      for (const k of ['log', 'info', 'debug', 'error'] as const) console[k] = (...a: unknown[]) => logged.push(a.map(String).join(' '));
      try {
        const { el, adapter } = await codeStep();
        type(el, '987654');
        adapter.last('verify').reject(new ExpressError('invalid_code'));
        await settle(el);
        type(el, '987650');
        adapter.last('verify').resolve({ status: 'signed_in', redirect_url: '/dashboard' });
        await settle(el);
      } finally {
        Object.assign(console, saved);
      }
      expect(logged.join('\n')).to.not.match(/98765/);
      expect(captured.warnings.join('\n')).to.not.match(/98765/);
    });
  });

  describe('from a login link', () => {
    it('redeems the token attribute at once, "Signing you in…" meanwhile', async () => {
      const adapter = new FakeSignIn();
      const el = await fixture<ExpressLogin>(html`<express-login token="tok_123" .adapter=${adapter}></express-login>`);
      stub(el);
      await el.updateComplete;
      expect(adapter.of('start')).to.have.length(1);
      expect(adapter.last('start').args).to.deep.equal([{ login_token: 'tok_123' }]);
      expect(text(status(el))).to.equal(en.login.signingIn);
      expect($(el, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
      adapter.last('start').resolve(codeSent());
      await settle(el);
      expect(text($(el, '.lead'))).to.equal('We sent a code to •••• 4242');
      // From a link there is no email to change.
      expect(buttonNamed(el, en.login.useDifferentEmail)).to.equal(undefined);
    });

    it('waits for an adapter set later', async () => {
      const el = await fixture<ExpressLogin>(html`<express-login token="tok_late"></express-login>`);
      const adapter = new FakeSignIn();
      el.adapter = adapter;
      await el.updateComplete;
      expect(adapter.last('start').args).to.deep.equal([{ login_token: 'tok_late' }]);
    });

    it('takes login_token from the fragment, which servers and logs never see, and removes it', async () => {
      const before = location.href;
      const url = new URL(before);
      url.searchParams.set('keep', '1');
      url.hash = 'login_token=tok_from_hash';
      history.replaceState(history.state, '', url.href);
      try {
        const adapter = new FakeSignIn();
        const el = await fixture<ExpressLogin>(html`<express-login .adapter=${adapter}></express-login>`);
        await el.updateComplete;
        expect(location.href).to.not.include('tok_from_hash');
        expect(location.hash).to.equal('');
        expect(new URL(location.href).searchParams.get('keep')).to.equal('1');
        expect(adapter.last('start').args).to.deep.equal([{ login_token: 'tok_from_hash' }]);
      } finally {
        history.replaceState(history.state, '', before);
      }
      expect(takeTokenFromUrl('https://x.example/login?a=1#login_token=t1&b=2')).to.deep.equal({
        token: 't1',
        cleaned: 'https://x.example/login?a=1#b=2',
      });
      expect(takeTokenFromUrl('https://x.example/login#other')).to.equal(null);
    });

    it('takes login_token from the page URL and removes it from the address bar', async () => {
      const before = location.href;
      const url = new URL(before);
      url.searchParams.set('login_token', 'tok_from_url');
      url.searchParams.set('keep', '1');
      url.hash = 'here';
      history.replaceState(history.state, '', url.href);
      try {
        const adapter = new FakeSignIn();
        const el = await fixture<ExpressLogin>(html`<express-login .adapter=${adapter}></express-login>`);
        await el.updateComplete;
        expect(location.href).to.not.include('login_token');
        expect(location.href).to.not.include('tok_from_url');
        expect(new URL(location.href).searchParams.get('keep')).to.equal('1');
        expect(location.hash).to.equal('#here');
        expect(adapter.last('start').args).to.deep.equal([{ login_token: 'tok_from_url' }]);
      } finally {
        history.replaceState(history.state, '', before);
      }
    });

    const LINK_ERRORS: [ExpressErrorCode, string, boolean][] = [
      ['expired', 'This link has expired. Go back to Lumen Rides and open the dashboard again.', false],
      ['not_found', 'This link is not valid. Go back to Lumen Rides and open the dashboard again.', false],
      ['invalid_request', 'This link is not valid. Go back to Lumen Rides and open the dashboard again.', false],
      ['too_many_attempts', en.login.tooManyAttempts, false],
      ['network', en.login.network, true],
      ['unknown', en.common.errors.unknown, true],
    ];
    for (const [code, words, retry] of LINK_ERRORS) {
      it(`says ${code} for a link and offers ${retry ? 'Retry and ' : ''}email sign-in`, async () => {
        const adapter = new FakeSignIn();
        const el = await fixture<ExpressLogin>(
          html`<express-login token="tok" platform-name="Lumen Rides" .adapter=${adapter}></express-login>`,
        );
        stub(el);
        await el.updateComplete;
        const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
        adapter.last('start').reject(new ExpressError(code));
        expect((await event).detail.operation).to.equal('start');
        await settle(el);
        expect(text(message(el))).to.equal(words);
        expect(text(status(el))).to.equal('');
        expect(Boolean(buttonNamed(el, en.common.retry))).to.equal(retry);
        await expect(el).to.be.accessible();
        if (retry) {
          buttonNamed(el, en.common.retry)!.click();
          expect(adapter.of('start')).to.have.length(2);
          expect(adapter.last('start').args).to.deep.equal([{ login_token: 'tok' }]);
          adapter.last('start').reject(new ExpressError(code));
          await settle(el);
        }
        buttonNamed(el, en.login.signInWithEmail)!.click();
        await el.updateComplete;
        expect(input(el).type).to.equal('email');
        expect(text(message(el))).to.equal('');
      });
    }

    it('says "Go back" without a platform name', async () => {
      const adapter = new FakeSignIn();
      const el = await fixture<ExpressLogin>(html`<express-login token="tok" .adapter=${adapter}></express-login>`);
      await el.updateComplete;
      adapter.last('start').reject(new ExpressError('expired'));
      await settle(el);
      expect(text(message(el))).to.equal(en.login.expiredNoPlatform);
    });
  });

  describe('signed in', () => {
    it('fires the cancelable express-signed-in, then navigates', async () => {
      const { el, adapter, navigations } = await codeStep();
      type(el, '424242');
      const event = oneEvent(el, 'express-signed-in') as Promise<ExpressSignedInEvent>;
      adapter.last('verify').resolve({ status: 'signed_in', redirect_url: '/dashboard?x=1' });
      const e = await event;
      expect(e.detail.redirect_url).to.equal('/dashboard?x=1');
      expect(e.cancelable).to.equal(true);
      await settle(el);
      expect(navigations).to.deep.equal([new URL('/dashboard?x=1', location.href).href]);
      expect(text(status(el))).to.equal(en.login.redirecting);
      await expect(el).to.be.accessible();
    });

    it('does not navigate when the event is prevented', async () => {
      const { el, adapter, navigations } = await codeStep();
      el.addEventListener('express-signed-in', (e) => e.preventDefault());
      type(el, '424242');
      adapter.last('verify').resolve({ status: 'signed_in', redirect_url: 'https://dashboard.example.com/' });
      await settle(el);
      expect(navigations).to.deep.equal([]);
      expect(text(status(el))).to.equal(en.login.signedIn);
    });

    it('signs a test-mode link in directly', async () => {
      const adapter = new FakeSignIn();
      const el = await fixture<ExpressLogin>(html`<express-login token="tok_test" .adapter=${adapter}></express-login>`);
      const { navigations } = stub(el);
      await el.updateComplete;
      adapter.last('start').resolve({ status: 'signed_in', redirect_url: 'https://dashboard.example.com/home' });
      await settle(el);
      expect(navigations).to.deep.equal(['https://dashboard.example.com/home']);
    });

    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'http://evil.example/', '//evil.example/']) {
      it(`refuses to go to ${bad}`, async () => {
        const { el, adapter, navigations } = await codeStep();
        let signedIn = 0;
        el.addEventListener('express-signed-in', () => signedIn++);
        type(el, '424242');
        const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
        adapter.last('verify').resolve({ status: 'signed_in', redirect_url: bad });
        const e = await event;
        expect(e.detail.error.code).to.equal('invalid_response');
        expect(e.detail.operation).to.equal('verify');
        await settle(el);
        expect(signedIn).to.equal(0);
        expect(navigations).to.deep.equal([]);
        expect(text(message(el))).to.equal(en.common.errors.invalid_response);
      });
    }

    it('refuses an answer that is not a sign-in step', async () => {
      const { el, adapter } = await codeStep();
      type(el, '424242');
      const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
      adapter.last('verify').resolve({ status: 'maybe' });
      expect((await event).detail.error.code).to.equal('invalid_response');
    });
  });

  it('speaks French with locale="fr"', async () => {
    const { el } = await emailStep({ locale: 'fr', platform: 'Lumen Rides' });
    expect(text($(el, '[part~=title]'))).to.equal(fr.login.title);
    expect(text($(el, '.lead'))).to.equal('Saisissez l’adresse e-mail que vous utilisez avec Lumen Rides.');
  });

  it('aborts a pending call when removed, without an error', async () => {
    const { el, adapter } = await emailStep();
    type(el, 'driver@example.com');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    let errors = 0;
    el.addEventListener('express-error', () => errors++);
    const { signal } = adapter.last('start');
    el.remove();
    expect(signal!.aborted).to.equal(true);
    adapter.last('start').reject(signal!.reason);
    await settle(el);
    expect(errors).to.equal(0);
  });

  describe('on the DemoSignInAdapter (test mode, code 000000)', () => {
    it('goes from email to code to the dashboard', async () => {
      const adapter = new DemoSignInAdapter({ latency: 0, redirectUrl: '/demo/index.html' });
      const el = await fixture<ExpressLogin>(html`<express-login .adapter=${adapter}></express-login>`);
      const { navigations } = stub(el);
      type(el, 'driver@example.com');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await waitUntil(() => $(el, '[part~=test-mode]'), 'test-mode note');
      type(el, '123456');
      await waitUntil(() => text(message(el)) !== '', 'wrong code message');
      expect(text(message(el))).to.equal('That code is not correct. You have 4 attempts left.');
      type(el, '000000');
      await waitUntil(() => navigations.length === 1, 'navigated');
      expect(navigations[0]).to.equal(new URL('/demo/index.html', location.href).href);
    });

    it('locks after five wrong codes, refuses a used or expired link, limits resends', async () => {
      let now = NOW;
      const demo = new DemoSignInAdapter({ latency: 0, now: () => now });
      const step = await demo.start({ login_token: 'link_1' });
      if (step.status !== 'code_sent') throw new Error('expected code_sent');
      expect(step.livemode).to.equal(false);
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        try {
          await demo.verify(step.challenge_id, '999999');
        } catch (e) {
          codes.push(`${(e as ExpressError).code}:${(e as ExpressError).attemptsRemaining ?? '-'}`);
        }
      }
      expect(codes).to.deep.equal(['invalid_code:4', 'invalid_code:3', 'invalid_code:2', 'invalid_code:1', 'too_many_attempts:-']);
      const locked = await demo.verify(step.challenge_id, '000000').catch((e: ExpressError) => e.code);
      expect(locked).to.equal('too_many_attempts');
      const early = await demo.resend(step.challenge_id).catch((e: ExpressError) => [e.code, e.retryAfter]);
      expect(early).to.deep.equal(['rate_limited', 30]);
      now += 30_000;
      expect((await demo.resend(step.challenge_id)).status).to.equal('code_sent');
      expect((await demo.verify(step.challenge_id, '000000')).status).to.equal('signed_in');
      expect(await demo.start({ login_token: 'link_1' }).catch((e: ExpressError) => e.code)).to.equal('expired');
      expect(await demo.start({ login_token: 'expired' }).catch((e: ExpressError) => e.code)).to.equal('expired');
      const direct = new DemoSignInAdapter({ latency: 0, directTestModeLinks: true, redirectUrl: '/d' });
      expect(await direct.start({ login_token: 'x' })).to.deep.equal({ status: 'signed_in', redirect_url: '/d' });
    });
  });
});

describe('login model', () => {
  it('takes login_token out of a URL, keeping the rest', () => {
    expect(takeTokenFromUrl('https://a.example/login?login_token=abc&x=1#h')).to.deep.equal({
      token: 'abc',
      cleaned: 'https://a.example/login?x=1#h',
    });
    expect(takeTokenFromUrl('https://a.example/login?login_token=abc')!.cleaned).to.equal('https://a.example/login');
    expect(takeTokenFromUrl('https://a.example/login?x=1')).to.equal(null);
    expect(takeTokenFromUrl('https://a.example/login?login_token=')).to.equal(null);
    expect(takeTokenFromUrl('not a url')).to.equal(null);
  });

  it('reduces a code to its digits, at most the code length', () => {
    expect(normaliseCode('424 242', 6)).to.equal('424242');
    expect(normaliseCode('42-42-42-99', 6)).to.equal('424242');
    expect(normaliseCode('４２４２４２', 6)).to.equal('424242');
    expect(normaliseCode('abc', 6)).to.equal('');
  });

  it('counts down in whole seconds, never below zero', () => {
    expect(secondsUntil(100, 70_000)).to.equal(30);
    expect(secondsUntil(100, 99_001)).to.equal(1);
    expect(secondsUntil(100, 100_000)).to.equal(0);
    expect(secondsUntil(100, 200_000)).to.equal(0);
  });

  it('puts bullets before bare last digits only', () => {
    expect(phoneHint('4242')).to.equal('•••• 4242');
    expect(phoneHint('•••• 4242')).to.equal('•••• 4242');
    expect(phoneHint('+1 ••• ••• 4242')).to.equal('+1 ••• ••• 4242');
  });

  it('allows same-origin and safe redirects only', () => {
    const page = 'http://127.0.0.1:8000/demo/login.html?x=1';
    expect(allowedRedirect('/dashboard', page)).to.equal('http://127.0.0.1:8000/dashboard');
    expect(allowedRedirect('index.html', page)).to.equal('http://127.0.0.1:8000/demo/index.html');
    expect(allowedRedirect('https://dash.example.com/', page)).to.equal('https://dash.example.com/');
    expect(allowedRedirect('http://localhost:3000/', page)).to.equal('http://localhost:3000/');
    for (const bad of ['javascript:alert(1)', 'data:,x', 'http://evil.example/', '//evil.example/', '', 42, null]) {
      expect(allowedRedirect(bad, page), String(bad)).to.equal(null);
    }
    const httpsPage = 'https://platform.example/login';
    expect(allowedRedirect('/d', httpsPage)).to.equal('https://platform.example/d');
  });

  it('has words for every error code in every language', () => {
    for (const locale of ['en', 'fr', 'de', 'es', 'ja']) {
      const s = stringsFor(locale);
      for (const code of ['network', 'unauthorized', 'not_found', 'rate_limited', 'invalid_response', 'invalid_request', 'expired', 'invalid_code', 'too_many_attempts', 'unknown'] as const) {
        for (const stage of ['link', 'email', 'code'] as const) {
          const m = loginErrorMessage(s, new ExpressError(code, undefined, { retryAfter: 3, attemptsRemaining: 2 }), stage, 'Lumen', locale);
          expect(m, `${locale} ${code} ${stage}`).to.be.a('string').and.not.equal('');
          expect(m).to.not.include('{');
        }
      }
    }
  });

  describe('no dead ends (issue 15.3)', () => {
    it('has focus in the email field when the page opens, and 16px fields with borders that meet 3:1', async () => {
      const { el } = await emailStep();
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
      const style = getComputedStyle(input(el));
      expect(parseFloat(style.fontSize)).to.be.at.least(16);
      const rgb = (c: string) => c.match(/[\d.]+/g)!.slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const contrast = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
      const card = getComputedStyle($(el, '[part=base]')!).backgroundColor;
      expect(contrast(style.borderTopColor, style.backgroundColor)).to.be.at.least(3);
      expect(contrast(style.borderTopColor, card)).to.be.at.least(3);
    });

    it('tells everyone on the code step after an email that test-mode accounts sign in through the platform, with a way back', async () => {
      const { el } = await codeStep();
      el.platformUrl = 'https://lumen.example/drivers';
      await el.updateComplete;
      const note = $(el, '[part=test-mode-email]')!;
      expect(text(note)).to.contain('Test-mode accounts can’t sign in with an email address: open your dashboard from Lumen Rides');
      const back = $<HTMLAnchorElement>(el, '[part=back]')!;
      expect(text(back)).to.equal('Go back to Lumen Rides');
      expect(back.href).to.equal('https://lumen.example/drivers');
      await expect(el).to.be.accessible();

      // An unsafe URL is no link at all.
      el.platformUrl = 'javascript:alert(1)';
      await el.updateComplete;
      expect($(el, '[part=back]')).to.equal(null);
      expect(text($(el, '[part=test-mode-email]'))).to.contain('Lumen Rides');
    });

    it('does not say it after a login link (the link already is the platform’s way in)', async () => {
      const adapter = new FakeSignIn();
      const el = await fixture<ExpressLogin>(html`<express-login .adapter=${adapter} token="tok" platform-name="Lumen Rides"></express-login>`);
      stub(el);
      adapter.last('start').resolve(codeSent());
      await settle(el);
      expect($(el, '[part~=input]')).to.not.equal(null);
      expect($(el, '[part=test-mode-email]')).to.equal(null);
    });

    it('links back to the platform from a failed link, where "Go back to {platform}" is said', async () => {
      const adapter = new FakeSignIn();
      const el = await fixture<ExpressLogin>(
        html`<express-login .adapter=${adapter} token="tok" platform-name="Lumen Rides" platform-url="/"></express-login>`,
      );
      stub(el);
      adapter.last('start').reject(new ExpressError('expired'));
      await settle(el);
      expect(text(message(el))).to.contain('Go back to Lumen Rides');
      const back = $<HTMLAnchorElement>(el, '[part=back]')!;
      expect(back.href).to.equal(new URL('/', location.href).href);
      await expect(el).to.be.accessible();
    });
  });
});

