import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { ExpressError } from '../../src/contract/errors.js';
import { LiveHub, Poller, type Schedule } from '../../src/adapter/fan-out.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { BalanceTransaction, ExpressAdapter, ExpressEvent } from '../../src/contract/types.js';
import { brandColour, brandIconUrl, browserRgb, contrastRatio, parseRgb, safeColour, textColourOn } from '../../src/components/dashboard/branding.js';
import { activityAnnouncement, Throttle } from '../../src/components/dashboard/live-announcer.js';
import { en, fr } from '../../src/core/i18n/index.js';
import { DeferredAdapter } from '../support/deferred-adapter.js';

/** A timer the test fires by hand. */
function fakeTimers() {
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const schedule: Schedule = (fn, ms) => {
    const t = { fn, ms, cancelled: false };
    timers.push(t);
    return () => {
      t.cancelled = true;
    };
  };
  return {
    schedule,
    pending: () => timers.filter((t) => !t.cancelled),
    fire() {
      const live = timers.splice(0).filter((t) => !t.cancelled);
      for (const t of live) t.fn();
      return live.length;
    },
  };
}

class CountingAdapter extends DeferredAdapter {
  listeners = new Set<(e: unknown) => void>();
  subscriptions = 0;
  unsubscriptions = 0;
  subscribe(l: (e: unknown) => void) {
    this.subscriptions++;
    this.listeners.add(l);
    return () => {
      this.unsubscriptions++;
      this.listeners.delete(l);
    };
  }
  send(e: unknown) {
    for (const l of [...this.listeners]) l(e);
  }
}

function txn(id: string, created: number, net = 1000): BalanceTransaction {
  return { id, amount: net, fee: 0, net, currency: 'usd', created, available_on: created, status: 'pending', type: 'payment', description: null };
}

describe('LiveHub', () => {
  it('holds one upstream subscription for every listener and hands each event to all of them', () => {
    const upstream = new CountingAdapter();
    const hub = new LiveHub(upstream as unknown as ExpressAdapter);
    const got: string[][] = [[], [], []];
    const offs = got.map((list) => hub.adapter.subscribe!((e) => list.push(e.type)));
    expect(upstream.subscriptions).to.equal(1);
    expect(hub.upstreamSubscriptions).to.equal(1);
    upstream.send({ type: 'balance_transaction.created', data: txn('txn_1', 1) });
    expect(got).to.deep.equal([['balance_transaction.created'], ['balance_transaction.created'], ['balance_transaction.created']]);
    offs[0]();
    offs[0](); // twice is harmless
    offs[1]();
    expect(upstream.unsubscriptions).to.equal(0);
    offs[2]();
    expect(upstream.unsubscriptions).to.equal(1);
    expect(hub.subscribed).to.equal(false);
    upstream.send({ type: 'balance_transaction.created', data: txn('txn_2', 2) });
    expect(got[2]).to.have.length(1);
    // A later listener subscribes upstream again, once.
    hub.adapter.subscribe!(() => {});
    expect(upstream.subscriptions).to.equal(2);
  });

  it('drops invalid events once for all listeners and reports them as subscribe', () => {
    const upstream = new CountingAdapter();
    const errors: [string, string][] = [];
    const hub = new LiveHub(upstream as unknown as ExpressAdapter, (e, op) => errors.push([e.code, op]));
    const got: unknown[] = [];
    hub.adapter.subscribe!((e) => got.push(e));
    hub.adapter.subscribe!((e) => got.push(e));
    upstream.send({ type: 'balance_transaction.created', data: { id: 'txn_bad', amount: 1.5 } });
    expect(got).to.deep.equal([]);
    expect(errors).to.deep.equal([['invalid_response', 'subscribe']]);
  });

  it('keeps delivering when one listener throws, and stops everything on close', () => {
    const upstream = new CountingAdapter();
    const hub = new LiveHub(upstream as unknown as ExpressAdapter);
    const error = console.error;
    const logged: unknown[] = [];
    console.error = (e: unknown) => logged.push(e);
    try {
      let n = 0;
      hub.adapter.subscribe!(() => {
        throw new Error('broken');
      });
      hub.adapter.subscribe!(() => n++);
      hub.emit({ type: 'balance.updated', data: { available: [], pending: [] } });
      expect(n).to.equal(1);
      expect(logged).to.have.length(1);
      hub.close();
      expect(upstream.unsubscriptions).to.equal(1);
      hub.emit({ type: 'balance.updated', data: { available: [], pending: [] } });
      expect(n).to.equal(1);
    } finally {
      console.error = error;
    }
  });

  it('has exactly the methods of its upstream adapter, called on it, and always subscribe', async () => {
    const bare = new DeferredAdapter();
    const hub = new LiveHub(bare);
    expect(hub.adapter.getNetVolume).to.equal(undefined);
    expect(hub.adapter.subscribe).to.be.a('function');
    expect(hub.hasUpstreamFeed).to.equal(false);
    const p = hub.adapter.listPayouts({ limit: 3 });
    expect(bare.last('listPayouts').params).to.deep.equal({ limit: 3 });
    bare.last('listPayouts').resolve({ data: [], has_more: false });
    expect(await p).to.deep.equal({ data: [], has_more: false });
    const memory = new MemoryAdapter();
    const hub2 = new LiveHub(memory);
    expect(hub2.adapter.getNetVolume).to.be.a('function');
    expect(hub2.hasUpstreamFeed).to.equal(true);
    const link = await hub2.adapter.createLoginLink();
    expect(link.url).to.match(/^https:/);
    const loginOnly = new LiveHub({ createLoginLink: memory.createLoginLink.bind(memory) } as unknown as ExpressAdapter);
    expect(Object.keys(loginOnly.adapter).sort()).to.deep.equal(['createLoginLink', 'subscribe']);
    // getPayout is passed on when the upstream adapter has it (the payout details element asks for it).
    expect(hub.adapter.getPayout).to.equal(undefined);
    const payouts = new MemoryAdapter({ payouts: [{ id: 'po_1', amount: 500, currency: 'usd', created: 1, arrival_date: 2, status: 'paid' }] });
    expect((await new LiveHub(payouts).adapter.getPayout!('po_1')).amount).to.equal(500);
  });

  it('shares concurrent getAccount calls; one caller aborting leaves the others', async () => {
    const upstream = new DeferredAdapter();
    const hub = new LiveHub(upstream);
    const a = new AbortController();
    const first = hub.adapter.getAccount({ signal: a.signal });
    const second = hub.adapter.getAccount({ signal: new AbortController().signal });
    const third = hub.adapter.getAccount();
    expect(upstream.callsOf('getAccount')).to.have.length(1);
    a.abort();
    const firstResult = await first.then(() => 'resolved', (e: unknown) => (e as Error).name);
    expect(firstResult).to.equal('AbortError');
    expect(upstream.last('getAccount').signal!.aborted).to.equal(false);
    upstream.last('getAccount').resolve({ id: 'acct_1' });
    expect(await second).to.deep.equal({ id: 'acct_1' });
    expect(await third).to.deep.equal({ id: 'acct_1' });
    // Settled: the next call asks again.
    void hub.adapter.getAccount();
    expect(upstream.callsOf('getAccount')).to.have.length(2);
  });

  it('aborts the shared request when every caller has aborted, and shares failures', async () => {
    const upstream = new DeferredAdapter();
    const hub = new LiveHub(upstream);
    const a = new AbortController();
    const b = new AbortController();
    const pa = hub.adapter.getBalance({ signal: a.signal }).catch((e: unknown) => e);
    const pb = hub.adapter.getBalance({ signal: b.signal }).catch((e: unknown) => e);
    a.abort();
    b.abort();
    await Promise.all([pa, pb]);
    expect(upstream.last('getBalance').signal!.aborted).to.equal(true);
    const c1 = hub.adapter.getBalance().catch((e: unknown) => e);
    const c2 = hub.adapter.getBalance().catch((e: unknown) => e);
    expect(upstream.callsOf('getBalance')).to.have.length(2);
    const err = new ExpressError('network');
    upstream.last('getBalance').reject(err);
    expect(await c1).to.equal(err);
    expect(await c2).to.equal(err);
    const aborted = new AbortController();
    aborted.abort();
    const refused = await hub.adapter.getBalance({ signal: aborted.signal }).catch((e: unknown) => (e as Error).name);
    expect(refused).to.equal('AbortError');
    expect(upstream.callsOf('getBalance')).to.have.length(2);
  });
});

describe('Poller', () => {
  it('notes the first poll, then turns changes into events, oldest transaction first', async () => {
    const adapter = new DeferredAdapter();
    const timers = fakeTimers();
    const events: ExpressEvent[] = [];
    const poller = new Poller(adapter, { intervalSeconds: 30, emit: (e) => events.push(e), schedule: timers.schedule });
    poller.start();
    expect(poller.polls).to.equal(1);
    expect(adapter.last('listBalanceTransactions').params).to.deep.equal({ limit: 20 });
    adapter.last('getBalance').resolve({ available: [{ amount: 100, currency: 'usd' }], pending: [] });
    adapter.last('listBalanceTransactions').resolve({ data: [txn('txn_2', 2), txn('txn_1', 1)], has_more: true });
    await waitUntil(() => timers.pending().length === 1, 'next poll scheduled');
    expect(timers.pending()[0].ms).to.equal(30_000);
    expect(events).to.deep.equal([]);

    timers.fire();
    expect(poller.polls).to.equal(2);
    adapter.last('getBalance').resolve({ available: [{ amount: 100, currency: 'usd' }], pending: [] });
    adapter.last('listBalanceTransactions').resolve({ data: [txn('txn_2', 2), txn('txn_1', 1)], has_more: true });
    await waitUntil(() => timers.pending().length === 1);
    expect(events).to.deep.equal([]); // nothing changed

    timers.fire();
    adapter.last('getBalance').resolve({ available: [{ amount: 100, currency: 'usd' }], pending: [{ amount: 2500, currency: 'usd' }] });
    adapter.last('listBalanceTransactions').resolve({ data: [txn('txn_4', 4), txn('txn_3', 3), txn('txn_2', 2)], has_more: true });
    await waitUntil(() => timers.pending().length === 1);
    expect(events.map((e) => `${e.type}:${'id' in e.data ? e.data.id : ''}`)).to.deep.equal([
      'balance.updated:',
      'balance_transaction.created:txn_3',
      'balance_transaction.created:txn_4',
    ]);
  });

  it('stops: no timer, the poll in flight aborted and its result ignored; resumes with what it saw', async () => {
    const adapter = new DeferredAdapter();
    const timers = fakeTimers();
    const events: ExpressEvent[] = [];
    const poller = new Poller(adapter, { intervalSeconds: 5, emit: (e) => events.push(e), schedule: timers.schedule });
    poller.start();
    poller.start(); // already running: no second poll
    expect(poller.polls).to.equal(1);
    adapter.last('getBalance').resolve({ available: [], pending: [] });
    adapter.last('listBalanceTransactions').resolve({ data: [txn('txn_1', 1)], has_more: false });
    await waitUntil(() => timers.pending().length === 1);

    poller.stop();
    expect(poller.running).to.equal(false);
    expect(timers.pending()).to.have.length(0);
    expect(timers.fire()).to.equal(0);
    expect(poller.polls).to.equal(1);

    poller.start(); // polls at once on resume
    expect(poller.polls).to.equal(2);
    const inFlight = adapter.last('getBalance');
    poller.stop();
    expect(inFlight.signal!.aborted).to.equal(true);
    await aTimeout(0);
    expect(timers.pending()).to.have.length(0);

    poller.start();
    adapter.last('getBalance').resolve({ available: [], pending: [] });
    adapter.last('listBalanceTransactions').resolve({ data: [txn('txn_2', 2), txn('txn_1', 1)], has_more: false });
    await waitUntil(() => timers.pending().length === 1);
    expect(events.map((e) => e.type)).to.deep.equal(['balance_transaction.created']);
  });

  it('reports a failed poll and goes on polling', async () => {
    const adapter = new DeferredAdapter();
    const timers = fakeTimers();
    const errors: [string, string][] = [];
    const poller = new Poller(adapter, {
      intervalSeconds: 1,
      emit: () => {},
      onError: (e, op) => errors.push([e.code, op]),
      schedule: timers.schedule,
    });
    poller.start();
    adapter.last('getBalance').reject(new ExpressError('network'));
    adapter.last('listBalanceTransactions').reject(new Error('boom'));
    await waitUntil(() => timers.pending().length === 1);
    expect(errors).to.deep.equal([['network', 'getBalance'], ['unknown', 'listBalanceTransactions']]);
    timers.fire();
    expect(poller.polls).to.equal(2);
    poller.stop();
  });
});

describe('live announcements', () => {
  it('throttles: the first at once, the rest gathered until the window ends', () => {
    const timers = fakeTimers();
    const flushed: number[][] = [];
    const t = new Throttle<number>(5000, (items) => flushed.push(items), timers.schedule);
    t.push(1);
    expect(flushed).to.deep.equal([[1]]);
    t.push(2);
    t.push(3);
    expect(flushed).to.have.length(1);
    expect(timers.pending()[0].ms).to.equal(5000);
    timers.fire();
    expect(flushed).to.deep.equal([[1], [2, 3]]);
    timers.fire(); // the window after a flush ends with nothing gathered: idle again
    expect(timers.pending()).to.have.length(0);
    t.push(4);
    expect(flushed).to.deep.equal([[1], [2, 3], [4]]);
    t.push(5);
    t.cancel();
    expect(timers.fire()).to.equal(0);
    expect(flushed).to.have.length(3);
  });

  it('words one transaction, several, and a payout', () => {
    const one: ExpressEvent = { type: 'balance_transaction.created', data: { ...txn('txn_1', 1, 1240), description: null } };
    expect(activityAnnouncement([one], en, 'en-US', 'Lumen Rides')).to.equal('New activity: Payment from Lumen Rides, $12.40');
    expect(activityAnnouncement([one, one, one], en, 'en-US')).to.equal('3 new transactions');
    const payout: ExpressEvent = {
      type: 'payout.updated',
      data: { id: 'po_1', amount: 12000, currency: 'usd', created: 1, arrival_date: 2, status: 'in_transit' },
    };
    expect(activityAnnouncement([payout], en, 'en-US')).to.equal('Payout of $120.00: In transit');
    expect(activityAnnouncement([one, payout], en, 'en-US', 'Lumen')).to.equal('New activity: Payment from Lumen, $12.40 Payout of $120.00: In transit');
    expect(activityAnnouncement([{ type: 'balance.updated', data: { available: [], pending: [] } }], en, 'en-US')).to.equal(null);
    expect(activityAnnouncement([one, one], fr, 'fr-FR')).to.equal('2 nouvelles transactions');
  });
});

describe('branding', () => {
  it('takes only real CSS colours from data', () => {
    for (const ok of ['#635bff', '#ABC', 'rgb(10 20 30)', 'hsl(200, 50%, 40%)', 'rebeccapurple', ' #ff5a5f ']) {
      expect(safeColour(ok), ok).to.equal(ok.trim());
    }
    for (const bad of [
      '', 'red; background: url(x)', 'url(https://evil.example/x.png)', 'var(--x)', 'inherit', 'initial', 'unset',
      'currentColor', 'transparent', 'expression(alert(1))', '#12345', 'notacolour', 'env(safe-area-inset-top)', `#${'a'.repeat(80)}`,
      42, null, undefined, { toString: () => 'red' },
    ]) {
      expect(safeColour(bad), String(bad)).to.equal(null);
    }
    expect(brandColour({ id: 'a', settings: { branding: { primary_color: '#0a7d5a' } } })).to.equal('#0a7d5a');
    expect(brandColour({ id: 'a', settings: { branding: { primary_color: 'javascript:alert(1)' } } })).to.equal(null);
    expect(brandColour({ id: 'a' })).to.equal(null);
  });

  it('shows an icon only from a safe image address', () => {
    const acct = (icon: unknown) => ({ id: 'a', settings: { branding: { icon } } }) as never;
    expect(brandIconUrl(acct('https://cdn.example.com/i.png'))).to.equal('https://cdn.example.com/i.png');
    expect(brandIconUrl(acct('file_1PgafTB7WZ01zgkW'))).to.equal(null); // Stripe's file id
    expect(brandIconUrl(acct({ id: 'file_1' }))).to.equal(null);
    expect(brandIconUrl(acct('javascript:alert(1)'))).to.equal(null);
    expect(brandIconUrl(acct('http://evil.example/i.png'))).to.equal(null);
  });

  it('picks white or near-black text on a brand colour, whichever contrasts more', () => {
    expect(parseRgb('#0a7d5a')).to.deep.equal([10, 125, 90]);
    expect(parseRgb('#abc')).to.deep.equal([170, 187, 204]);
    expect(parseRgb('rgba(255, 212, 0, 0.5)')).to.deep.equal([255, 212, 0]);
    expect(parseRgb('rgb(1 2 3 / 50%)')).to.deep.equal([1, 2, 3]);
    expect(parseRgb('oklch(70% 0.1 200)')).to.equal(null);
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).to.be.closeTo(21, 0.01);
    expect(textColourOn([10, 125, 90])).to.equal('#ffffff'); // dark green: white text
    expect(textColourOn([255, 212, 0])).to.equal('#111318'); // yellow: dark text
    expect(textColourOn([0x4f, 0x46, 0xe5])).to.equal('#ffffff');
    expect(browserRgb('rebeccapurple')).to.deep.equal([102, 51, 153]);
    expect(browserRgb('hsl(0, 100%, 50%)')).to.deep.equal([255, 0, 0]);
  });
});
