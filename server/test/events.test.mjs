// Server-Sent Events: delivery, heartbeats, Last-Event-ID resume, isolation and the end of the
// session, against the real server on loopback.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openEvents, signIn, startTestServer } from './helpers.mjs';

let t;
before(async () => {
  t = await startTestServer({ server: { heartbeatMs: 50 } });
});
after(() => t.close());

describe('GET /v1/events', () => {
  test('a new payment arrives as balance_transaction.created then balance.updated, with ids, as text/event-stream', async () => {
    const c = t.client();
    await signIn(t, c, t.test);
    const stream = await openEvents(c);
    try {
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type'), /^text\/event-stream/);
      assert.equal(stream.headers.get('cache-control'), 'no-store');
      assert.equal((await stream.next()).retry, 3000); // written after subscribing, in the same tick
      const payment = (await c.post('/dev/payments', { amount: 1999 })).json;
      const created = await stream.nextEvent();
      assert.equal(created.event.type, 'balance_transaction.created');
      assert.equal(created.event.data.id, payment.id);
      assert.equal(created.event.data.amount, 1999);
      const updated = await stream.nextEvent();
      assert.equal(updated.event.type, 'balance.updated');
      assert.equal(updated.id, created.id + 1);
      assert.deepEqual(updated.event.data, (await c.get('/v1/balance')).json);
    } finally {
      stream.close();
    }
  });

  test('heartbeat comments keep an idle stream alive', async () => {
    const c = t.client();
    await signIn(t, c, t.test);
    const stream = await openEvents(c);
    try {
      const beat = await stream.next((m) => m.comment !== undefined);
      assert.equal(beat.comment, 'heartbeat');
    } finally {
      stream.close();
    }
  });

  test('reconnecting with Last-Event-ID replays exactly what was missed, in order, then goes live', async () => {
    const c = t.client();
    await signIn(t, c, t.test);
    const first = await openEvents(c);
    await first.next(); // retry:
    await c.post('/dev/payments', { amount: 100 });
    const seen = await first.nextEvent();
    await first.nextEvent();
    first.close();
    // While disconnected: two more payments (four events).
    const missed = [(await c.post('/dev/payments', { amount: 200 })).json.id, (await c.post('/dev/payments', { amount: 300 })).json.id];
    const resumed = await openEvents(c, { lastEventId: seen.id + 1 });
    try {
      const replay = [await resumed.nextEvent(), await resumed.nextEvent(), await resumed.nextEvent(), await resumed.nextEvent()];
      assert.deepEqual(replay.map((m) => m.event.type), ['balance_transaction.created', 'balance.updated', 'balance_transaction.created', 'balance.updated']);
      assert.deepEqual([replay[0].event.data.id, replay[2].event.data.id], missed);
      assert.deepEqual(replay.map((m) => m.id), [seen.id + 2, seen.id + 3, seen.id + 4, seen.id + 5]);
      const live = (await c.post('/dev/payments', { amount: 400 })).json.id;
      assert.equal((await resumed.nextEvent()).event.data.id, live);
    } finally {
      resumed.close();
    }
  });

  test('an account never receives another account’s events, even resuming from id 0', async () => {
    const a = t.client();
    const b = t.client();
    await signIn(t, a, t.test);
    await signIn(t, b, t.live);
    const bStream = await openEvents(b, { lastEventId: 0 });
    try {
      await a.post('/dev/payments', { amount: 500 });
      const mine = (await b.post('/dev/payments', { amount: 600 })).json;
      // The first event b sees is its own payment: neither the replay nor the live feed has a's.
      const firstEvent = await bStream.nextEvent();
      assert.equal(firstEvent.event.data.id, mine.id);
    } finally {
      bStream.close();
    }
  });

  test('resuming from before what housekeeping pruned: a reset with the id to go on from, no partial replay, then live', async () => {
    let c = t.client();
    await signIn(t, c, t.test);
    const first = await openEvents(c);
    await first.next();
    await c.post('/dev/payments', { amount: 100 });
    const old = await first.nextEvent();
    await first.nextEvent();
    first.close();
    t.clock.advance(8 * 86_400_000);
    c = t.client(); // the old session has ended
    await signIn(t, c, t.test);
    await c.post('/dev/payments', { amount: 200 });
    await t.m.pruneExpired(t.server.ctx); // events older than a week go
    const [latest] = await t.sql('SELECT MAX(id) AS id FROM events WHERE account_id = ?', [t.test.id]);
    const stream = await openEvents(c, { lastEventId: old.id - 1 });
    try {
      const reset = await stream.next((m) => m.name !== undefined || m.event !== undefined);
      assert.equal(reset.name, 'reset');
      assert.equal(reset.id, latest.id, 'go on from the newest event');
      const live = (await c.post('/dev/payments', { amount: 300 })).json;
      const next = await stream.nextEvent();
      assert.equal(next.event.data.id, live.id, 'nothing replayed before the live event');
    } finally {
      stream.close();
    }
    // From after the pruned ones: a plain replay.
    const after = await openEvents(c, { lastEventId: latest.id - 2 });
    try {
      const replayed = await after.nextEvent();
      assert.equal(replayed.name, undefined);
      assert.equal(replayed.id, latest.id - 1);
    } finally {
      after.close();
    }
  });

  test('the stream ends when the session does', async () => {
    const c = t.client();
    await signIn(t, c, t.test);
    const stream = await openEvents(c);
    await c.post('/v1/sign_out');
    assert.equal(await stream.next((m) => m.event !== undefined), null, 'the server closed the stream');
    const again = await openEvents(c);
    assert.equal(again.status, 401);
    again.close();
  });
});
