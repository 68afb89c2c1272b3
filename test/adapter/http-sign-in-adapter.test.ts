import { expect } from '@open-wc/testing';
import { ExpressError } from '../../src/contract/errors.js';
import { HttpSignInAdapter } from '../../src/adapter/http-sign-in-adapter.js';
import { expressError, rejection } from '../support/rejection.js';

interface Recorded {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
}

const newToken = () => `si-${Math.random().toString(36).slice(2)}`;
const recorded = async (token: string): Promise<Recorded[]> => (await fetch(`/test-api/recorded/${token}`)).json();

describe('HttpSignInAdapter (over real HTTP)', () => {
  it('redeems a login-link token: POST {base}/sign_in with a JSON body, answers the SMS step', async () => {
    const token = newToken();
    const adapter = new HttpSignInAdapter({ baseUrl: `/test-api/record/${token}/ok/v1/` });
    const step = await adapter.start({ login_token: 'good' });
    expect(step.status).to.equal('code_sent');
    if (step.status !== 'code_sent') return;
    expect(step.phone_hint).to.equal('•••• 4242');
    expect(step.code_length).to.equal(6);
    expect(step.livemode).to.equal(true);
    const [req] = await recorded(token);
    expect(req.method).to.equal('POST');
    expect(req.path).to.equal(`/test-api/record/${token}/ok/v1/sign_in`);
    expect(req.headers['content-type']).to.equal('application/json');
    expect(req.headers.accept).to.equal('application/json');
    expect(JSON.parse(req.body)).to.deep.equal({ login_token: 'good' });
  });

  it('starts a direct sign-in with an email', async () => {
    const token = newToken();
    const adapter = new HttpSignInAdapter({ baseUrl: `/test-api/record/${token}/ok/v1` });
    const step = await adapter.start({ email: 'driver@example.com' });
    expect(step.status).to.equal('code_sent');
    const [req] = await recorded(token);
    expect(JSON.parse(req.body)).to.deep.equal({ email: 'driver@example.com' });
  });

  it('signs a test-mode link in directly', async () => {
    const adapter = new HttpSignInAdapter({ baseUrl: '/test-api/ok/v1' });
    expect(await adapter.start({ login_token: 'test_mode' })).to.deep.equal({ status: 'signed_in', redirect_url: '/dashboard' });
  });

  it('verifies a code in the body (never in the URL), and resends', async () => {
    const token = newToken();
    const adapter = new HttpSignInAdapter({ baseUrl: `/test-api/record/${token}/ok/v1` });
    const step = await adapter.start({ login_token: 'good' });
    if (step.status !== 'code_sent') throw new Error('expected code_sent');
    const again = await adapter.resend(step.challenge_id);
    expect(again.status).to.equal('code_sent');
    const done = await adapter.verify(step.challenge_id, '424242');
    expect(done).to.deep.equal({ status: 'signed_in', redirect_url: '/dashboard' });
    const reqs = await recorded(token);
    expect(reqs.map((r) => r.path)).to.deep.equal([
      `/test-api/record/${token}/ok/v1/sign_in`,
      `/test-api/record/${token}/ok/v1/sign_in/${step.challenge_id}/resend`,
      `/test-api/record/${token}/ok/v1/sign_in/${step.challenge_id}/verify`,
    ]);
    expect(JSON.parse(reqs[1].body)).to.deep.equal({});
    expect(JSON.parse(reqs[2].body)).to.deep.equal({ code: '424242' });
    for (const r of reqs) expect(r.path + r.query).to.not.include('424242');
  });

  it('maps a wrong code to invalid_code with the attempts remaining, then too_many_attempts', async () => {
    const adapter = new HttpSignInAdapter({ baseUrl: '/test-api/ok/v1' });
    const step = await adapter.start({ email: 'driver@example.com' });
    if (step.status !== 'code_sent') throw new Error('expected code_sent');
    const left: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const e = await expressError(adapter.verify(step.challenge_id, '000001'));
      expect(e.code).to.equal('invalid_code');
      expect(e.param).to.equal('code');
      left.push(e.attemptsRemaining);
    }
    expect(left).to.deep.equal([4, 3, 2, 1]);
    const locked = await expressError(adapter.verify(step.challenge_id, '000001'));
    expect(locked.code).to.equal('too_many_attempts');
  });

  it('maps HTTP failures to ExpressError codes', async () => {
    const at = (base: string) => new HttpSignInAdapter({ baseUrl: base });
    expect((await expressError(at('/test-api/ok/v1').start({ login_token: 'expired' }))).code).to.equal('expired');
    expect((await expressError(at('/test-api/ok/v1').resend('chal_nope'))).code).to.equal('not_found');
    const limited = await expressError(at('/test-api/status/429/v1').start({ email: 'a@b.co' }));
    expect(limited.code).to.equal('rate_limited');
    expect(limited.retryAfter).to.equal(7);
    expect((await expressError(at('/test-api/status/400/v1').start({ email: 'x' }))).code).to.equal('invalid_request');
    expect((await expressError(at('/test-api/status/401/v1').start({ email: 'x' }))).code).to.equal('unauthorized');
    expect((await expressError(at('/test-api/status/410-plain/v1').start({ email: 'x' }))).code).to.equal('expired');
    expect((await expressError(at('/test-api/status/503-plain/v1').start({ email: 'x' }))).code).to.equal('server_error');
    expect((await expressError(at('/test-api/malformed/v1').start({ email: 'x' }))).code).to.equal('invalid_response');
    expect((await expressError(at('/test-api/wrong-shape/v1').start({ email: 'x' }))).code).to.equal('invalid_response');
    expect((await expressError(at('http://127.0.0.1:1/v1').start({ email: 'x' }))).code).to.equal('network');
  });

  it('rejects an aborted call with an AbortError, not an ExpressError', async () => {
    const adapter = new HttpSignInAdapter({ baseUrl: '/test-api/slow/ok/v1' });
    const controller = new AbortController();
    const p = adapter.start({ email: 'a@b.co' }, { signal: controller.signal });
    controller.abort();
    const e = await rejection(p);
    expect(e).to.not.be.instanceOf(ExpressError);
    expect((e as Error).name).to.equal('AbortError');
    const early = await rejection(adapter.verify('chal_1', '1', { signal: controller.signal }));
    expect((early as Error).name).to.equal('AbortError');
  });

  it('sends the configured headers and uses an injected fetch', async () => {
    const token = newToken();
    const adapter = new HttpSignInAdapter({
      baseUrl: `/test-api/record/${token}/ok/v1`,
      headers: async () => ({ 'X-Platform': 'lumen' }),
    });
    await adapter.start({ email: 'a@b.co' });
    const [req] = await recorded(token);
    expect(req.headers['x-platform']).to.equal('lumen');

    const seen: string[] = [];
    const injected = new HttpSignInAdapter({
      baseUrl: 'https://signin.example.com/v1',
      fetch: async (input) => {
        seen.push(String(input));
        return new Response(JSON.stringify({ status: 'signed_in', redirect_url: 'https://dash.example.com/' }), { status: 200 });
      },
    });
    expect((await injected.verify('chal/../x', '123456')).status).to.equal('signed_in');
    expect(seen).to.deep.equal(['https://signin.example.com/v1/sign_in/chal%2F..%2Fx/verify']);
  });

  it('needs a baseUrl', () => {
    expect(() => new HttpSignInAdapter(undefined as never)).to.throw(TypeError);
  });
});
