import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { List, ListPayoutsParams, Payout } from '../../../src/contract/types.js';
import { de, en, es, fr, ja, type Strings } from '../../../src/core/i18n/index.js';
import {
  arrivalDay,
  PAYOUT_FAILURE_CODES,
  payoutDestinationLabel,
  payoutMethodLabel,
  payoutProblem,
} from '../../../src/core/payouts.js';
import {
  arrivalDateParam,
  isValidArrivalRange,
  matchesPayoutQuery,
  PayoutFeed,
  payoutPageParams,
  payoutQueryFor,
} from '../../../src/components/payouts/payouts.model.js';

const DAY = 86400;
const UTC_NOV_28 = Date.UTC(2026, 10, 28) / 1000;
const NOW = UTC_NOV_28 + 15 * 3600; // Sat Nov 28 2026, 10:00 in New York
const NY = 'America/New_York';

let n = 0;
function po(over: Partial<Payout> = {}): Payout {
  n++;
  return { id: `po_${String(n).padStart(4, '0')}`, amount: 1000, currency: 'usd', created: NOW - n * 100, arrival_date: UTC_NOV_28, status: 'paid', ...over };
}

describe('payouts model', () => {
  describe('queries', () => {
    it('asks for a status, and for arrival days wide enough for both ways an arrival date names its day', () => {
      const q = payoutQueryFor({ status: 'failed', range: 'custom', from: '2026-11-01', to: '2026-11-28' }, { now: NOW, timeZone: NY, pageSize: 10 });
      expect(q.params.status).to.equal('failed');
      // from: midnight UTC of Nov 1 (earlier than local midnight in New York); to: local midnight after Nov 28 (later than UTC's)
      expect(q.params.arrival_date).to.deep.equal({ gte: Date.UTC(2026, 10, 1) / 1000, lt: Date.UTC(2026, 10, 29) / 1000 + 5 * 3600 });
      expect(payoutPageParams(q, 'po_x')).to.deep.equal({ limit: 10, status: 'failed', arrival_date: q.params.arrival_date, starting_after: 'po_x' });
      // East of UTC local midnight comes first.
      const tokyo = arrivalDateParam({ from: '2026-11-01', to: '2026-11-28' }, 'Asia/Tokyo')!;
      expect(tokyo.gte).to.equal(Date.UTC(2026, 10, 1) / 1000 - 9 * 3600);
      expect(tokyo.lt).to.equal(Date.UTC(2026, 10, 29) / 1000);
    });

    it('keeps only payouts whose arrival day is in the range, read as calendar days', () => {
      const q = payoutQueryFor({ status: 'all', range: 'custom', from: '2026-11-28', to: '2026-11-28' }, { now: NOW, timeZone: NY });
      expect(matchesPayoutQuery(po({ arrival_date: UTC_NOV_28 }), q)).to.equal(true); // Stripe: midnight UTC
      expect(matchesPayoutQuery(po({ arrival_date: UTC_NOV_28 + 5 * 3600 }), q)).to.equal(true); // local midnight
      expect(matchesPayoutQuery(po({ arrival_date: UTC_NOV_28 + DAY }), q)).to.equal(false); // Nov 29, UTC
      expect(matchesPayoutQuery(po({ arrival_date: UTC_NOV_28 + 5 * 3600 - DAY }), q)).to.equal(false); // Nov 27, local
      expect(arrivalDay(UTC_NOV_28, 'Pacific/Honolulu')).to.equal('2026-11-28');
    });

    it('presets count back from today and keep upcoming payouts; all time asks nothing', () => {
      const q = payoutQueryFor({ status: 'all', range: '30d' }, { now: NOW, timeZone: NY });
      expect(q.days).to.deep.equal({ from: '2026-10-30' });
      expect(q.params.arrival_date!.lt).to.equal(undefined);
      expect(matchesPayoutQuery(po({ arrival_date: UTC_NOV_28 + 3 * DAY }), q)).to.equal(true);
      expect(matchesPayoutQuery(po({ arrival_date: Date.UTC(2026, 9, 29) / 1000 }), q)).to.equal(false);
      expect(payoutQueryFor({ status: 'all', range: 'all' }, { now: NOW, timeZone: NY }).params).to.deep.equal({});
      // An unusable custom range asks for everything rather than nothing.
      expect(isValidArrivalRange('2026-11-30', '2026-11-01')).to.equal(false);
      expect(isValidArrivalRange('2026-02-30', null)).to.equal(false);
      expect(payoutQueryFor({ status: 'all', range: 'custom', from: '2026-11-30', to: '2026-11-01' }, { now: NOW, timeZone: NY }).params).to.deep.equal({});
    });

    it('gives equal keys to equal questions', () => {
      const a = payoutQueryFor({ status: 'paid', range: 'all' }, { now: NOW, timeZone: NY });
      const b = payoutQueryFor({ status: 'paid', range: 'all' }, { now: NOW + DAY, timeZone: 'Asia/Tokyo' });
      expect(a.key).to.equal(b.key);
      expect(payoutQueryFor({ status: 'paid', range: '30d' }, { now: NOW, timeZone: NY }).key).to.not.equal(a.key);
    });
  });

  describe('PayoutFeed', () => {
    /** A list over `all` (newest first) that honours status, limit and cursor. */
    const lister = (all: Payout[], calls: ListPayoutsParams[] = []) =>
      async (p: ListPayoutsParams): Promise<List<Payout>> => {
        calls.push(p);
        let i = p.starting_after ? all.findIndex((x) => x.id === p.starting_after) + 1 : 0;
        const data: Payout[] = [];
        for (; i < all.length && data.length < p.limit!; i++) if (!p.status || all[i]!.status === p.status) data.push(all[i]!);
        return { data, has_more: all.slice(i).some((x) => !p.status || x.status === p.status) };
      };

    it('pages with the cursor of the last payout listed, each payout once, until the end (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 30 }), async (count, size) => {
          const all = Array.from({ length: count }, (_, i) => po({ created: NOW - i * 10 }));
          const calls: ListPayoutsParams[] = [];
          const feed = new PayoutFeed(payoutQueryFor({ status: 'all', range: 'all' }, { now: NOW, timeZone: NY, pageSize: size }));
          while (feed.hasMore) await feed.loadPage(lister(all, calls));
          expect(feed.rows.map((p) => p.id)).to.deep.equal(all.map((p) => p.id));
          expect(calls.length).to.equal(Math.max(1, Math.ceil(count / size)));
        }),
        { numRuns: 40 },
      );
    });

    it('filters again on the client (an adapter that ignores status), paging on until a page has matched', async () => {
      const all = Array.from({ length: 30 }, (_, i) => po({ created: NOW - i * 10, status: i % 10 === 3 ? 'failed' : 'paid' }));
      const ignoring = async (p: ListPayoutsParams) => lister(all)({ ...p, status: undefined });
      const feed = new PayoutFeed(payoutQueryFor({ status: 'failed', range: 'all' }, { now: NOW, timeZone: NY, pageSize: 2 }));
      await feed.loadPage(ignoring);
      expect(feed.rows.map((p) => p.status)).to.deep.equal(['failed', 'failed']);
      await feed.loadPage(ignoring);
      expect(feed.rows.length).to.equal(3);
      expect(feed.hasMore).to.equal(false);
    });

    it('moves live payouts into place: a status changes where it is, a new one goes on top, one that leaves the filter goes', async () => {
      const all = Array.from({ length: 5 }, (_, i) => po({ created: NOW - i * 10, status: 'in_transit' }));
      const feed = new PayoutFeed(payoutQueryFor({ status: 'in_transit', range: 'all' }, { now: NOW, timeZone: NY }));
      await feed.loadPage(lister(all));
      const ids = feed.rows.map((p) => p.id);
      expect(feed.upsert({ ...all[2]!, amount: 5 })).to.equal('updated');
      expect(feed.rows.map((p) => p.id)).to.deep.equal(ids);
      expect(feed.rows[2]!.amount).to.equal(5);
      expect(feed.upsert({ ...all[2]!, status: 'paid' })).to.equal('removed');
      expect(feed.rows.map((p) => p.id)).to.deep.equal(ids.filter((id) => id !== all[2]!.id));
      const fresh = po({ created: NOW + 50, status: 'in_transit' });
      expect(feed.upsert(fresh)).to.equal('inserted');
      expect(feed.rows[0]!.id).to.equal(fresh.id);
      expect(feed.upsert(po({ created: NOW + 60, status: 'paid' }))).to.equal('ignored');
      expect(feed.upsert(fresh)).to.equal('updated');
      expect(feed.rows.filter((p) => p.id === fresh.id).length).to.equal(1);
    });

    it('leaves a live payout older than the loaded rows to the page that brings it', async () => {
      const all = Array.from({ length: 10 }, (_, i) => po({ created: NOW - i * 10 }));
      const feed = new PayoutFeed(payoutQueryFor({ status: 'all', range: 'all' }, { now: NOW, timeZone: NY, pageSize: 3 }));
      await feed.loadPage(lister(all));
      expect(feed.upsert(po({ created: NOW - 1000 }))).to.equal('ignored');
      expect(feed.rows.length).to.equal(3);
    });
  });

  describe('words', () => {
    const tables: [string, Strings][] = [['en', en], ['fr', fr], ['de', de], ['es', es], ['ja', ja]];

    it('has words for every failure code of Stripe in every language, and advice that names the platform', () => {
      for (const [lang, s] of tables) {
        const seen = new Set<string>();
        for (const code of PAYOUT_FAILURE_CODES) {
          const p = payoutProblem({ status: 'failed', failure_code: code }, s, 'Lumen Rides')!;
          expect(p.reason, `${lang} ${code}`).to.be.a('string').and.not.equal('');
          expect(p.reason).to.not.equal(s.payouts.problems.unknownReason);
          seen.add(p.reason);
          expect(p.action).to.not.equal('');
        }
        expect(seen.size, lang).to.equal(PAYOUT_FAILURE_CODES.length);
      }
      const closed = payoutProblem({ status: 'failed', failure_code: 'account_closed' }, en, 'Lumen Rides')!;
      expect(closed).to.deep.equal({
        reason: 'The bank account has been closed.',
        action: 'Update your bank details with Lumen Rides. The money is back in your balance and is paid out again once they are fixed.',
      });
      expect(payoutProblem({ status: 'failed', failure_code: 'declined' }, en)!.action).to.contain('Contact your bank');
      expect(payoutProblem({ status: 'failed', failure_code: 'could_not_process' }, en)!.action).to.contain('contact support');
    });

    it("prefers the payout's own failure message; an unknown code gets the general words; other statuses have none", () => {
      expect(payoutProblem({ status: 'failed', failure_code: 'no_account', failure_message: ' Your bank says no. ' }, en)!.reason).to.equal('Your bank says no.');
      expect(payoutProblem({ status: 'failed', failure_code: 'brand_new_code' }, en)!.reason).to.equal(en.payouts.problems.unknownReason);
      expect(payoutProblem({ status: 'failed', failure_code: '__proto__' }, en)!.reason).to.equal(en.payouts.problems.unknownReason);
      expect(payoutProblem({ status: 'canceled' }, en)).to.deep.equal({ reason: 'This payout was canceled.', action: en.payouts.problems.canceledAction });
      for (const status of ['paid', 'pending', 'in_transit']) expect(payoutProblem({ status }, en)).to.equal(null);
    });

    it('names the destination: bank account or card with its last four digits', () => {
      const bank = { id: 'ba_1', object: 'bank_account', last4: '6789', bank_name: 'STRIPE TEST BANK' };
      expect(payoutDestinationLabel({ destination: bank }, en)).to.equal('Bank account ···· 6789');
      expect(payoutDestinationLabel({ destination: { id: 'card_1', object: 'card', last4: '4242', brand: 'Visa' } }, en)).to.equal('Visa ···· 4242');
      expect(payoutDestinationLabel({ destination: 'ba_123' }, en)).to.equal('Bank account');
      expect(payoutDestinationLabel({ destination: 'card_123', type: 'card' }, en)).to.equal('Card');
      expect(payoutDestinationLabel({ destination: { id: 'x_1', last4: '12345' } }, en)).to.equal(null);
      expect(payoutDestinationLabel({}, en)).to.equal(null);
      expect(payoutDestinationLabel({ destination: bank }, ja)).to.equal('銀行口座 ···· 6789');
      expect(payoutMethodLabel('instant', fr)).to.equal('Instantané');
      expect(payoutMethodLabel(undefined, en)).to.equal(null);
    });
  });
});
