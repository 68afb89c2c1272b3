import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/balance/balance.js';
import type { ExpressBalance } from '../../../src/components/balance/balance.js';
import { ExpressError } from '../../../src/contract/errors.js';
import type { Balance, BalanceTransaction, ExpressAccount, ExpressEvent, ListPayoutsParams, Payout } from '../../../src/contract/types.js';
import type { ExpressErrorEvent } from '../../../src/events.js';
import { DeferredAdapter } from '../../support/deferred-adapter.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';
import { demoAdapter } from '../../../src/demo/demo-adapter.js';

const DAY = 86400;
/** The first Friday, midnight UTC (as Stripe's arrival dates), at least two days from now. */
const NOV_28 = (() => {
  let t = Math.ceil(Date.now() / 1000 / DAY) * DAY + 2 * DAY;
  while (new Date(t * 1000).getUTCDay() !== 5) t += DAY;
  return t;
})();
/** How a day reads: "Fri, Nov 28". */
const day = (t: number) => new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(t * 1000);
const created = NOV_28 - 5 * DAY;

/** A DeferredAdapter with a live feed the test drives. */
class LiveAdapter extends DeferredAdapter {
  listeners = new Set<(e: ExpressEvent) => void>();
  subscriptions = 0;
  subscribe(listener: (e: ExpressEvent) => void): () => void {
    this.subscriptions++;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(e: ExpressEvent): void {
    for (const l of [...this.listeners]) l(structuredClone(e));
  }
}

const account: ExpressAccount = {
  id: 'acct_1',
  default_currency: 'usd',
  settings: {
    dashboard: { timezone: 'America/New_York', display_name: 'Dana' },
    payouts: { schedule: { interval: 'daily', delay_days: 2 } },
  },
};
const balance: Balance = {
  available: [{ amount: 12_345, currency: 'usd' }],
  pending: [{ amount: 6_789, currency: 'usd' }],
  livemode: false,
};

function po(id: string, status: string, arrivalDays: number, amount = 10_000, extra: Partial<Payout> = {}): Payout {
  return { id, amount, currency: 'usd', created: created + arrivalDays, arrival_date: NOV_28 + arrivalDays * DAY, status, ...extra };
}

const upcoming = [po('po_next', 'pending', 0, 4_000), po('po_transit', 'in_transit', 1, 2_500)];
const history = [
  po('po_p1', 'paid', -1, 1_111),
  po('po_f', 'failed', -2, 2_222, { failure_message: 'The bank account has been closed.' }),
  po('po_p2', 'paid', -3, 3_333),
  po('po_c', 'canceled', -4, 4_444),
  po('po_p3', 'paid', -5, 5_555, { method: 'instant' }),
  po('po_p4', 'paid', -6, 6_666),
];
const payouts = [...upcoming, ...history];

/** Settles every unsettled listPayouts call from `all`, honouring the status filter. */
function resolvePayouts(adapter: DeferredAdapter, all: Payout[], from = 0): void {
  for (const call of adapter.callsOf('listPayouts').slice(from)) {
    const p = call.params as ListPayoutsParams;
    call.resolve({ object: 'list', data: all.filter((x) => !p.status || x.status === p.status), has_more: false });
  }
}

async function loaded(adapter = new DeferredAdapter(), template = html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`) {
  const el = await fixture<ExpressBalance>(template);
  adapter.last('getAccount').resolve(account);
  adapter.last('getBalance').resolve(balance);
  resolvePayouts(adapter, payouts);
  await waitUntil(() => el.shadowRoot!.querySelector('[part=total]'), 'data shown');
  return el;
}

const text = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
const texts = (el: Element, selector: string) =>
  [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

failOnLitWarnings();

describe('<express-balance>', function () {
  // WebKit under Xvfb on a busy machine can take longer than mocha's default for the axe checks.
  this.timeout(20_000);

  it('shows a skeleton while loading, then the balance, next payout, schedule and payouts', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
    await expect(el).to.be.accessible();

    // Every pending and in-transit payout is asked for by status, and recent ones without.
    const statuses = adapter.callsOf('listPayouts').map((c) => (c.params as ListPayoutsParams).status ?? 'any');
    expect(statuses.sort()).to.deep.equal(['any', 'in_transit', 'pending']);
    for (const c of adapter.calls) expect(c.signal, c.method).to.be.instanceOf(AbortSignal);

    adapter.last('getAccount').resolve(account);
    adapter.last('getBalance').resolve(balance);
    resolvePayouts(adapter, payouts);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=total]'));
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('aria-busy')).to.equal('false');

    // total = available + available soon + on the way (the pending and the in-transit payouts)
    expect(text(el, '[part=total]')).to.equal('$256.34');
    expect(text(el, '[part=available]')).to.equal('$123.45');
    expect(text(el, '[part=pending]')).to.equal('$67.89');
    expect(text(el, '[part=in-transit]')).to.equal('$65.00');
    expect(texts(el, '[part=currency] dt')).to.deep.equal(['Available', 'Available soon', 'On the way to your bank']);
    expect(el.shadowRoot!.querySelector('.code')).to.equal(null); // one currency: no code label

    expect(text(el, '[part=next-payout]')).to.equal(`Next payout $40.00 Expected ${day(NOV_28)} View details`);
    expect(day(NOV_28)).to.match(/^Fri, /);
    expect(text(el, '[part=schedule]')).to.equal('Payout schedule Daily, 2 days after payment');

    const [up, recent] = [...el.shadowRoot!.querySelectorAll('[part=payouts]')];
    expect([...up.querySelectorAll('[part=payout]')].map((li) => li.getAttribute('data-id'))).to.deep.equal(['po_next', 'po_transit']);
    expect([...up.querySelectorAll('[part=status]')].map((s) => s.textContent)).to.deep.equal(['Pending', 'In transit']);
    expect([...recent.querySelectorAll('[part=payout]')].map((li) => li.getAttribute('data-id'))).to.deep.equal([
      'po_p1', 'po_f', 'po_p2', 'po_c', 'po_p3',
    ]);
    expect([...recent.querySelectorAll('[part=status]')].map((s) => s.textContent)).to.deep.equal([
      'Paid', 'Failed', 'Paid', 'Canceled', 'Paid',
    ]);
    const failed = recent.querySelector('[data-id=po_f]')!;
    expect(failed.textContent).to.contain('The bank account has been closed.');
    expect(failed.textContent).to.contain(day(NOV_28 - 2 * DAY)).and.contain('Wed');
    expect(recent.querySelector('[data-id=po_p3]')!.textContent).to.contain('Instant');
    await expect(el).to.be.accessible();
  });

  it('shows every currency the account holds, the default first, with its code', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
    adapter.last('getAccount').resolve({ ...account, default_currency: 'eur', settings: { payouts: { schedule: { interval: 'weekly', weekly_anchor: 'friday' } } } });
    adapter.last('getBalance').resolve({
      available: [{ amount: 1000, currency: 'usd' }, { amount: 500, currency: 'jpy' }, { amount: 250, currency: 'eur' }],
      pending: [{ amount: -300, currency: 'usd' }],
    });
    resolvePayouts(adapter, [po('po_eur', 'in_transit', 2, 750, { currency: 'eur' })]);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=total]'));
    expect(texts(el, '[part=currency] .code')).to.deep.equal(['EUR', 'JPY', 'USD']);
    expect(texts(el, '[part=total]')).to.deep.equal(['€10.00', '¥500', '$7.00']);
    expect(texts(el, '[part=in-transit]')).to.deep.equal(['€7.50', '¥0', '$0.00']);
    expect(text(el, '[data-currency=usd] [part=pending]')).to.equal('-$3.00');
    expect(el.shadowRoot!.querySelector('[data-currency=usd] [part=pending]')!.classList.contains('negative')).to.equal(true);
    expect(text(el, '[part=schedule]')).to.equal('Payout schedule Weekly on Friday');
    expect(text(el, '[part=next-payout]')).to.contain('€7.50');
    expect(texts(el, '.empty')).to.deep.equal(['No payouts yet']);
    await expect(el).to.be.accessible();
  });

  it('says so when there are no payouts at all', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
    adapter.last('getAccount').resolve({ id: 'acct_2', default_currency: 'usd', settings: { payouts: { schedule: { interval: 'manual' } } } });
    adapter.last('getBalance').resolve({ available: [], pending: [] });
    resolvePayouts(adapter, []);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=total]'));
    expect(text(el, '[part=total]')).to.equal('$0.00');
    expect(texts(el, '.empty')).to.deep.equal(['No upcoming payouts', 'No upcoming payouts', 'No payouts yet']);
    expect(text(el, '[part=schedule]')).to.equal('Payout schedule Manual payouts');
    await expect(el).to.be.accessible();
  });

  it('counts a pending payout as on the way, so the total never looks short', async () => {
    // A test-mode account: nothing available, one pending payout of the day (it has left the balance).
    const adapter = new DeferredAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
    adapter.last('getAccount').resolve(account);
    adapter.last('getBalance').resolve({ available: [{ amount: -262, currency: 'usd' }], pending: [{ amount: 262, currency: 'usd' }] });
    resolvePayouts(adapter, [po('po_today', 'pending', 0, 14_735)]);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=total]'));
    expect(text(el, '[part=in-transit]')).to.equal('$147.35');
    expect(text(el, '[part=total]')).to.equal('$147.35');
    expect(text(el, '[part=next-payout]')).to.equal(`Next payout $147.35 Expected ${day(NOV_28)} View details`);
  });

  it('explains a negative balance in words, tied to the amount', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
    adapter.last('getAccount').resolve(account);
    adapter.last('getBalance').resolve({ available: [{ amount: -2_500, currency: 'usd' }], pending: [{ amount: 1_000, currency: 'usd' }] });
    resolvePayouts(adapter, []);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=total]'));
    expect(text(el, '[part=total]')).to.equal('-$15.00');
    const note = el.shadowRoot!.querySelector('[part=negative-note]')!;
    expect(note.textContent).to.contain('below zero').and.contain('next earnings cover it');
    expect(el.shadowRoot!.querySelector('[part=total]')!.getAttribute('aria-describedby')).to.equal(note.id);
    await expect(el).to.be.accessible();

    // Positive again: no note.
    const el2 = await loaded();
    expect(el2.shadowRoot!.querySelector('[part=negative-note]')).to.equal(null);
  });

  it('shows the full amount of a payout day: two payouts on one day are one sum', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
    adapter.last('getAccount').resolve(account);
    adapter.last('getBalance').resolve(balance);
    resolvePayouts(adapter, [po('po_a', 'in_transit', 0, 4_000), po('po_b', 'pending', 0, 1_234), po('po_c', 'pending', 3, 999)]);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=total]'));
    expect(text(el, '[part=next-payout]')).to.equal(`Next payout $52.34 Expected ${day(NOV_28)} · 2 payouts`);
    await expect(el).to.be.accessible();
  });

  it('estimates the next payout from an automatic schedule when none is on its way, marked as an estimate', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
    adapter.last('getAccount').resolve({ ...account, settings: { ...account.settings, payouts: { schedule: { interval: 'weekly', weekly_anchor: 'monday' } } } });
    adapter.last('getBalance').resolve({ available: [{ amount: 1_000, currency: 'usd' }], pending: [{ amount: 32_581, currency: 'usd' }] });
    resolvePayouts(adapter, [po('po_old', 'paid', -3, 5_000)]);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=total]'));
    const next = text(el, '[part=next-payout]')!;
    expect(next).to.match(/^Next payout About \$335\.81 Estimate Expected around Mon, [A-Z][a-z]{2} \d{1,2}$/);
    expect(el.shadowRoot!.querySelector('[part=estimate] .pill')!.textContent).to.equal('Estimate');
    await expect(el).to.be.accessible();

    // On a manual schedule there is nothing to estimate.
    const manual = new DeferredAdapter();
    const el2 = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${manual}></express-balance>`);
    manual.last('getAccount').resolve({ ...account, settings: { payouts: { schedule: { interval: 'manual' } } } });
    manual.last('getBalance').resolve({ available: [{ amount: 1_000, currency: 'usd' }], pending: [{ amount: 32_581, currency: 'usd' }] });
    resolvePayouts(manual, []);
    await waitUntil(() => el2.shadowRoot!.querySelector('[part=total]'));
    expect(text(el2, '[part=next-payout]')).to.equal('Next payout No upcoming payouts');
  });

  it('shows an error with Retry and fires express-error naming the failed call', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
    const event = oneEvent(el, 'express-error');
    adapter.last('getBalance').reject(new ExpressError('rate_limited', 'Slow down', { retryAfter: 3 }));
    const e = (await event) as ExpressErrorEvent;
    expect(e.detail.operation).to.equal('getBalance');
    expect(e.detail.error.code).to.equal('rate_limited');
    expect(e.bubbles && e.composed).to.equal(true);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    // The wait the server asked for, in words (the shared error view).
    expect(alert.textContent).to.contain('Too many requests. Try again in 3 seconds.');
    await expect(el).to.be.accessible();

    const before = adapter.callsOf('getBalance').length;
    (alert.querySelector('button') as HTMLButtonElement).click();
    await waitUntil(() => adapter.callsOf('getBalance').length === before + 1, 'retried');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
    adapter.last('getAccount').resolve(account);
    adapter.last('getBalance').resolve(balance);
    resolvePayouts(adapter, payouts, adapter.callsOf('listPayouts').length - 3);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=total]'), 'loaded after retry');
    expect(text(el, '[part=total]')).to.equal('$256.34');
  });

  it('reports a failed listPayouts as listPayouts, and an adapter that throws a plain Error as unknown', async () => {
    const adapter = new DeferredAdapter();
    const errors: ExpressErrorEvent[] = [];
    const el = await fixture<ExpressBalance>(html`
      <express-balance .adapter=${adapter} @express-error=${(e: ExpressErrorEvent) => errors.push(e)}></express-balance>`);
    adapter.callsOf('listPayouts')[0].reject(new Error('boom'));
    await waitUntil(() => errors.length === 1);
    expect(errors[0].detail.operation).to.equal('listPayouts');
    expect(errors[0].detail.error.code).to.equal('unknown');
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
  });

  it('fires no express-error for calls aborted when it leaves the page', async () => {
    const adapter = new DeferredAdapter();
    const errors: ExpressErrorEvent[] = [];
    const el = await fixture<ExpressBalance>(html`
      <express-balance .adapter=${adapter} @express-error=${(e: ExpressErrorEvent) => errors.push(e)}></express-balance>`);
    const calls = [...adapter.calls];
    el.adapter = new DeferredAdapter(); // a new adapter: the old calls are aborted
    await el.updateComplete;
    expect(calls.every((c) => c.signal!.aborted)).to.equal(true);
    for (const c of calls) c.reject(c.signal!.reason);
    await aTimeout(0);
    expect(errors).to.deep.equal([]);
  });

  it('speaks the locale it is given', async () => {
    const adapter = new DeferredAdapter();
    const el = await loaded(adapter, html`<express-balance locale="fr-FR" .adapter=${adapter}></express-balance>`);
    // French loads on first use; the element re-renders when it arrives.
    await waitUntil(() => text(el, 'h2') === 'Solde', 'French strings');
    expect(texts(el, '[part=currency] dt')).to.deep.equal(['Disponible', 'Bientôt disponible', 'En route vers votre banque']);
    expect(text(el, '[part=schedule]')).to.contain('Tous les jours, 2 jours après le paiement');
    expect(text(el, '[part=next-payout]')).to.match(/Prévu le ven\.? \d+ /);
    expect(text(el, '[part=total]')).to.match(/^256,34\s\$US$/);
  });

  describe('live', () => {
    it('used alone, subscribes for itself and follows a simulated payment', async () => {
      const adapter = demoAdapter({ seed: 3, months: 2, currency: 'usd', now: Date.now() });
      let subscriptions = 0;
      const subscribe = adapter.subscribe.bind(adapter);
      adapter.subscribe = (l) => {
        subscriptions++;
        return subscribe(l);
      };
      const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=pending]'));
      expect(subscriptions).to.equal(1);
      const before = (await adapter.getBalance()).pending[0].amount;
      const txn = adapter.simulatePayment({ amount: 2_000 });
      const after = before + txn.net;
      const money = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n / 100);
      await waitUntil(() => text(el, '[part=pending]') === money(after), `pending becomes ${money(after)}`);
      el.remove();
      adapter.simulatePayment({ amount: 3_000 }); // no listener left: nothing throws
    });

    it('an invalid live event fires express-error (operation subscribe) and changes nothing shown', async () => {
      const adapter = new LiveAdapter();
      const el = await loaded(adapter);
      const total = text(el, '[part=total]');
      const ev = oneEvent(el, 'express-error');
      adapter.emit({ type: 'balance.updated', data: { object: 'balance', available: 'lots' } as unknown as Balance });
      const e = (await ev) as ExpressErrorEvent;
      expect(e.detail.operation).to.equal('subscribe');
      expect(e.detail.error.code).to.equal('invalid_response');
      await el.updateComplete;
      expect(text(el, '[part=total]')).to.equal(total);
    });

    it('fetches the balance again after a new transaction when no balance.updated follows', async () => {
      const adapter = new LiveAdapter();
      const el = await loaded(adapter);
      expect(adapter.subscriptions).to.equal(1);
      const txn = { id: 'txn_new', type: 'payment', net: 1_000 } as BalanceTransaction;
      adapter.emit({ type: 'balance_transaction.created', data: { ...txn, amount: 1_100, fee: 100, currency: 'usd', created, available_on: created, status: 'pending', description: null } });
      await waitUntil(() => adapter.callsOf('getBalance').length === 2, 'balance fetched again', { timeout: 5000 });
      expect(adapter.callsOf('listPayouts')).to.have.length(3); // not a payout: payouts untouched
      adapter.last('getBalance').resolve({ ...balance, pending: [{ amount: 7_789, currency: 'usd' }] });
      await waitUntil(() => text(el, '[part=pending]') === '$77.89');
      expect(text(el, '[part=total]')).to.equal('$266.34');
    });

    it('applies balance.updated at once, without fetching', async () => {
      const adapter = new LiveAdapter();
      const el = await loaded(adapter);
      adapter.emit({
        type: 'balance_transaction.created',
        data: { id: 'txn_x', type: 'payment', amount: 500, fee: 0, net: 500, currency: 'usd', created, available_on: created, status: 'pending', description: null },
      });
      adapter.emit({ type: 'balance.updated', data: { available: [{ amount: 100, currency: 'usd' }], pending: [{ amount: 200, currency: 'usd' }] } });
      await el.updateComplete;
      expect(text(el, '[part=available]')).to.equal('$1.00');
      expect(text(el, '[part=pending]')).to.equal('$2.00');
      await aTimeout(400); // past the refresh delay
      expect(adapter.callsOf('getBalance')).to.have.length(1);
    });

    it('updates the payout lists and the amount on its way from payout events', async () => {
      const adapter = new LiveAdapter();
      const el = await loaded(adapter);
      adapter.emit({ type: 'payout.updated', data: { ...upcoming[1], status: 'paid' } });
      await el.updateComplete;
      expect(text(el, '[part=in-transit]')).to.equal('$40.00'); // the pending one is still on its way
      const [up, recent] = [...el.shadowRoot!.querySelectorAll('[part=payouts]')];
      expect([...up.querySelectorAll('[part=payout]')].map((li) => li.getAttribute('data-id'))).to.deep.equal(['po_next']);
      expect(recent.querySelector('[data-id=po_transit] [part=status]')!.textContent).to.equal('Paid');
      adapter.emit({ type: 'payout.created', data: po('po_new', 'in_transit', -1, 9_900) });
      await el.updateComplete;
      expect(text(el, '[part=in-transit]')).to.equal('$139.00');
      expect(text(el, '[part=next-payout]')).to.contain('$99.00'); // it arrives first
      await expect(el).to.be.accessible();
    });

    it('keeps what it shows when a refresh fails, with Retry', async () => {
      const adapter = new LiveAdapter();
      const errors: ExpressErrorEvent[] = [];
      const el = await loaded(adapter);
      el.addEventListener('express-error', (e) => errors.push(e));
      adapter.emit({
        type: 'balance_transaction.created',
        data: { id: 'txn_po', type: 'payout', amount: -500, fee: 0, net: -500, currency: 'usd', created, available_on: created, status: 'available', description: null },
      });
      await waitUntil(() => adapter.callsOf('getBalance').length === 2 && adapter.callsOf('listPayouts').length === 6, 'balance and payouts fetched again');
      adapter.last('getBalance').reject(new ExpressError('network'));
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
      expect(errors.map((e) => e.detail.operation)).to.deep.equal(['getBalance']);
      expect(text(el, '[part=total]')).to.equal('$256.34');
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
      await waitUntil(() => adapter.callsOf('getBalance').length === 3);
      adapter.last('getBalance').resolve({ ...balance, available: [{ amount: 0, currency: 'usd' }] });
      resolvePayouts(adapter, payouts, 3);
      await waitUntil(() => text(el, '[part=available]') === '$0.00');
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    });

    it('stops listening when removed and listens again when put back', async () => {
      const adapter = new LiveAdapter();
      const el = await loaded(adapter);
      const parent = el.parentElement!;
      el.remove();
      expect(adapter.listeners.size).to.equal(0);
      parent.append(el);
      await el.updateComplete;
      expect(adapter.listeners.size).to.equal(1);
      adapter.emit({ type: 'payout.updated', data: { ...upcoming[0], status: 'failed', failure_message: 'No such account' } });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[data-id=po_next]')!.textContent).to.contain('No such account');
    });
  });
});
