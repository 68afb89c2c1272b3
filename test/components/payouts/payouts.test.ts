import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/payouts/payouts.js';
import type { ExpressPayouts, ExpressPayoutDetails } from '../../../src/components/payouts/payouts.js';
import { ExpressError } from '../../../src/contract/errors.js';
import type { ListPayoutsParams, Payout } from '../../../src/contract/types.js';
import type { ExpressErrorEvent, ExpressPayoutSelectEvent } from '../../../src/events.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';
import { hostPage } from '../../support/host-page.js';
import { account, DAY, dayText, FRIDAY, po, PayoutsAdapter } from './payouts.fake.js';

const history: Payout[] = [
  po('po_pending', 'pending', 3, 4_000),
  po('po_transit', 'in_transit', 2, 2_500, { method: 'instant', type: 'card', destination: { id: 'card_1', object: 'card', last4: '4242', brand: 'Visa' } }),
  po('po_paid', 'paid', 0, 1_111),
  po('po_failed', 'failed', -1, 2_222, { failure_code: 'account_closed' }),
  po('po_msg', 'failed', -2, 3_333, { failure_code: 'could_not_process', failure_message: 'Your bank sent it back.' }),
  po('po_canceled', 'canceled', -3, 4_444),
  po('po_old', 'paid', -4, 5_555, { destination: 'ba_123' }),
];

const shadow = (el: Element) => el.shadowRoot!;
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="row"]')];
const ids = (el: Element) => rows(el).map((r) => r.dataset.id);
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const row = (el: Element, id: string) => shadow(el).querySelector<HTMLElement>(`[part~="row"][data-id="${id}"]`)!;

async function mount(adapter = new PayoutsAdapter(), template = html`<express-payouts locale="en-US" platform-name="Lumen Rides" .adapter=${adapter}></express-payouts>`) {
  const el = await fixture<ExpressPayouts>(template);
  await waitUntil(() => adapter.callsOf('listPayouts').length > 0, 'the first page is asked for');
  return { el, adapter };
}

async function loaded(all = history, adapter = new PayoutsAdapter(), template?: ReturnType<typeof html>) {
  const m = await mount(adapter, template);
  adapter.resolveAll('getAccount', account);
  adapter.resolvePayouts(all);
  await waitUntil(() => rows(m.el).length > 0 || shadow(m.el).querySelector('.empty'), 'rows shown');
  return m;
}

failOnLitWarnings();

describe('<express-payouts>', function () {
  this.timeout(30_000);

  it('shows a skeleton, then every payout newest first: amount, arrival day, status, method and destination', async () => {
    const { el, adapter } = await mount();
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
    await expect(el).to.be.accessible();
    expect(adapter.last('listPayouts').params).to.deep.equal({ limit: 25 });
    expect(adapter.last('listPayouts').signal).to.be.instanceOf(AbortSignal);

    // The first page is shown as soon as it arrives, before the account (its timezone) answers.
    adapter.resolvePayouts(history);
    await waitUntil(() => rows(el).length === history.length, 'rows shown without the account');
    adapter.resolveAll('getAccount', account);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('aria-busy')).to.equal('false');
    expect(ids(el)).to.deep.equal(history.map((p) => p.id));

    const transit = row(el, 'po_transit');
    expect(text(transit.querySelector('[part=amount]'))).to.equal('$25.00');
    expect(text(transit.querySelector('[part=arrival]'))).to.equal(dayText(FRIDAY + 2 * DAY));
    expect(text(transit.querySelector('[part=status]'))).to.equal('In transit');
    expect(text(transit.querySelector('[part=method]'))).to.equal('Instant');
    expect(text(transit.querySelector('[part=destination]'))).to.equal('Visa ···· 4242');
    expect(text(row(el, 'po_paid').querySelector('[part=destination]'))).to.equal('Bank account ···· 6789');
    expect(text(row(el, 'po_old').querySelector('[part=destination]'))).to.equal('Bank account');
    // Stripe's arrival date (midnight UTC) is the calendar day, also in New York.
    expect(text(row(el, 'po_paid').querySelector('[part=arrival]'))).to.equal(dayText(FRIDAY));
    expect(dayText(FRIDAY)).to.match(/^Fri, /);
    expect(rows(el).map((r) => text(r.querySelector('[part=status]')))).to.deep.equal([
      'Pending', 'In transit', 'Paid', 'Failed', 'Failed', 'Canceled', 'Paid',
    ]);
    expect(text(shadow(el).querySelector('.footer'))).to.contain('Showing 7 payouts');
    expect(shadow(el).querySelector('.load-more')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says why a failed or canceled payout did not arrive, in words for its code, and what to do', async () => {
    const { el } = await loaded();
    const failed = row(el, 'po_failed');
    const problem = failed.querySelector('[part=problem]')!;
    expect(text(problem)).to.equal(
      'The bank account has been closed. Update your bank details with Lumen Rides. The money is back in your balance and is paid out again once they are fixed.',
    );
    // The row's button is described by it, so a screen reader hears it with the row.
    expect(failed.querySelector('button')!.getAttribute('aria-describedby')).to.equal(problem.id);
    // Stripe's own message wins over the words for the code.
    expect(text(row(el, 'po_msg').querySelector('[part=problem] .reason'))).to.equal('Your bank sent it back.');
    expect(text(row(el, 'po_msg').querySelector('[part=problem]'))).to.contain('contact Lumen Rides');
    expect(text(row(el, 'po_canceled').querySelector('[part=problem]'))).to.equal(
      'This payout was canceled. The money is back in your balance and will be paid out with your next payout.',
    );
    expect(row(el, 'po_paid').querySelector('[part=problem]')).to.equal(null);
  });

  it('with no payout at all, says so with the payout schedule', async () => {
    const { el } = await loaded([]);
    await waitUntil(() => text(shadow(el).querySelector('.empty')).includes('schedule'));
    expect(text(shadow(el).querySelector('.empty'))).to.equal(
      'No payouts yet Your payout schedule: Daily, 2 days after payment. Payouts appear here as soon as they are made.',
    );
    expect(rows(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry and fires express-error (listPayouts); Retry loads the list', async () => {
    const { el, adapter } = await mount();
    adapter.resolveAll('getAccount', account);
    const fired = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
    adapter.last('listPayouts').reject(new ExpressError('server_error'));
    const e = await fired;
    expect(e.detail.operation).to.equal('listPayouts');
    expect(e.detail.error.code).to.equal('server_error');
    await waitUntil(() => shadow(el).querySelector('[part=error]'));
    expect(shadow(el).querySelector('[part=error]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();

    shadow(el).querySelector<HTMLButtonElement>('[part=error] button')!.click();
    await waitUntil(() => adapter.open('listPayouts').length === 1);
    adapter.resolvePayouts(history);
    await waitUntil(() => rows(el).length === history.length);
    expect(shadow(el).querySelector('[part=error]')).to.equal(null);
  });

  it('pages with the cursor: more on demand and near the end; a failed page keeps the rows, with Retry', async () => {
    const many = Array.from({ length: 60 }, (_, i) => po(`po_${String(i).padStart(3, '0')}`, 'paid', -i, 1_000 + i));
    const adapter = new PayoutsAdapter();
    const { el } = await mount(adapter, html`<express-payouts locale="en-US" page-size="20" .adapter=${adapter}></express-payouts>`);
    adapter.resolveAll('getAccount', account);
    adapter.resolvePayouts(many);
    await waitUntil(() => rows(el).length === 20);

    // "Load more" asks for the page after the last payout listed.
    shadow(el).querySelector<HTMLButtonElement>('.load-more')!.click();
    await waitUntil(() => adapter.open('listPayouts').length === 1);
    expect(adapter.open('listPayouts')[0]!.params).to.deep.equal({ limit: 20, starting_after: 'po_019' });
    const fired = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
    adapter.open('listPayouts')[0]!.reject(new ExpressError('network'));
    await fired;
    await waitUntil(() => shadow(el).querySelector('.footer [part=error]'));
    expect(rows(el)).to.have.length(20); // what was shown stays
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('.footer [part=error] button')!.click();
    await waitUntil(() => adapter.open('listPayouts').length === 1);
    adapter.resolvePayouts(many);
    await waitUntil(() => rows(el).length === 40);
    expect(shadow(el).querySelector('.footer [part=error]')).to.equal(null);

    // Near the end, the next page loads by itself.
    rows(el).at(-1)!.scrollIntoView();
    await waitUntil(() => adapter.open('listPayouts').length === 1, 'the next page is asked for near the end');
    expect((adapter.open('listPayouts')[0]!.params as ListPayoutsParams).starting_after).to.equal('po_039');
    adapter.resolvePayouts(many);
    await waitUntil(() => rows(el).length === 60);
    expect(ids(el)).to.deep.equal(many.map((p) => p.id));
    expect(shadow(el).querySelector('.load-more')).to.equal(null);
  });

  it('filters by status and arrival days; nothing found names the filters and clears them', async () => {
    const { el, adapter } = await loaded();
    const [status, range] = [...shadow(el).querySelectorAll<HTMLSelectElement>('[part=filters] select')];
    status!.value = 'failed';
    status!.dispatchEvent(new Event('change'));
    await waitUntil(() => adapter.open('listPayouts').length === 1);
    expect(adapter.open('listPayouts')[0]!.params).to.deep.equal({ limit: 25, status: 'failed' });
    adapter.resolvePayouts(history);
    await waitUntil(() => rows(el).length === 2);
    expect(ids(el)).to.deep.equal(['po_failed', 'po_msg']);
    expect(el.status).to.equal('failed');

    range!.value = 'custom';
    range!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const [from, to] = [...shadow(el).querySelectorAll<HTMLInputElement>('[part=filters] input[type=date]')];
    const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
    from!.value = iso(FRIDAY - DAY);
    from!.dispatchEvent(new Event('change'));
    to!.value = iso(FRIDAY - DAY);
    to!.dispatchEvent(new Event('change'));
    await waitUntil(() => adapter.open('listPayouts').some((c) => (c.params as ListPayoutsParams).arrival_date?.lt !== undefined));
    const params = adapter.open('listPayouts').at(-1)!.params as ListPayoutsParams;
    expect(params.status).to.equal('failed');
    expect(params.arrival_date!.gte).to.be.at.most(FRIDAY - DAY);
    expect(params.arrival_date!.lt).to.be.at.least(FRIDAY);
    adapter.resolvePayouts(history);
    await waitUntil(() => rows(el).length === 1);
    expect(ids(el)).to.deep.equal(['po_failed']);

    // A start after the end is refused, in words.
    from!.value = iso(FRIDAY + DAY);
    from!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(shadow(el).querySelector('.range-error'))).to.equal('The start date must be on or before the end date.');

    status!.value = 'canceled';
    status!.dispatchEvent(new Event('change'));
    await waitUntil(() => adapter.open('listPayouts').length > 0);
    adapter.resolvePayouts(history);
    await waitUntil(() => shadow(el).querySelector('.empty'));
    expect(text(shadow(el).querySelector('.empty'))).to.match(/^No payouts match these filters: Canceled and .+\. Clear filters$/);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('.empty button')!.click();
    await waitUntil(() => adapter.open('listPayouts').length > 0);
    expect(adapter.open('listPayouts').at(-1)!.params).to.deep.equal({ limit: 25 });
    expect([el.status, el.range, el.from, el.to]).to.deep.equal(['all', 'all', null, null]);
  });

  it('selects a payout with a click, Enter or Space: a cancelable express-payout-select, else its details in a dialog', async () => {
    const { el, adapter } = await loaded();
    // A platform that routes to its own page cancels the event: no dialog.
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('express-payout-select', cancel);
    let fired = oneEvent(el, 'express-payout-select') as Promise<ExpressPayoutSelectEvent>;
    row(el, 'po_failed').querySelector('button')!.click();
    const e = await fired;
    expect(e.detail.payout.id).to.equal('po_failed');
    expect(e.cancelable).to.equal(true);
    expect(e.bubbles && e.composed).to.equal(true);
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog')).to.equal(null);
    el.removeEventListener('express-payout-select', cancel);

    // Keyboard: Enter on the focused row opens its details.
    const button = row(el, 'po_paid').querySelector('button')!;
    button.focus();
    fired = oneEvent(el, 'express-payout-select') as Promise<ExpressPayoutSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail.payout.id).to.equal('po_paid');
    await waitUntil(() => shadow(el).querySelector('dialog[open]'), 'the dialog opens');
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.getAttribute('aria-label')).to.equal('Payout details');
    const details = dialog.querySelector<ExpressPayoutDetails>('express-payout-details')!;
    expect(details.payoutId).to.equal('po_paid');
    expect(details.payout?.id).to.equal('po_paid');
    // The details show the payout at once (no getPayout) and ask for what it paid out.
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
    expect(adapter.callsOf('getPayout')).to.have.length(0);
    expect(adapter.open('listBalanceTransactions')[0]!.params).to.deep.equal({ payout: 'po_paid', limit: 100 });
    await expect(el).to.be.accessible();

    // Escape closes it, and focus goes back to the row.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('dialog'), 'the dialog closes');
    expect(shadow(el).activeElement).to.equal(button);

    // Space on a row selects it too.
    row(el, 'po_old').querySelector('button')!.focus();
    fired = oneEvent(el, 'express-payout-select') as Promise<ExpressPayoutSelectEvent>;
    await sendKeys({ press: ' ' });
    expect((await fired).detail.payout.id).to.equal('po_old');
    await waitUntil(() => shadow(el).querySelector('dialog[open]'));
    shadow(el).querySelector<HTMLButtonElement>('.dialog-close')!.click();
    await waitUntil(() => !shadow(el).querySelector('dialog'));
  });

  it('moves between rows with Up, Down, Home and End, one row in the tab order', async () => {
    const { el } = await loaded();
    const tabbable = () => rows(el).filter((r) => r.querySelector('button')!.tabIndex === 0).map((r) => r.dataset.id);
    expect(tabbable()).to.deep.equal(['po_pending']);
    row(el, 'po_pending').querySelector('button')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => shadow(el).activeElement?.closest('[part~=row]')?.getAttribute('data-id') === 'po_transit');
    await sendKeys({ press: 'End' });
    await waitUntil(() => shadow(el).activeElement?.closest('[part~=row]')?.getAttribute('data-id') === 'po_old');
    expect(tabbable()).to.deep.equal(['po_old']);
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => shadow(el).activeElement?.closest('[part~=row]')?.getAttribute('data-id') === 'po_canceled');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => shadow(el).activeElement?.closest('[part~=row]')?.getAttribute('data-id') === 'po_pending');
  });

  it('live: payout.updated changes a status where the row is; payout.created puts a new payout on top', async () => {
    const { el, adapter } = await loaded();
    const node = row(el, 'po_transit');
    adapter.emit({ type: 'payout.updated', data: { ...history[1]!, status: 'paid' } });
    await waitUntil(() => text(row(el, 'po_transit').querySelector('[part=status]')) === 'Paid');
    expect(row(el, 'po_transit')).to.equal(node); // the same row, changed in place
    expect(ids(el)).to.deep.equal(history.map((p) => p.id));
    // Alone (no dashboard), it says so politely.
    expect(text(shadow(el).querySelector('[aria-live=polite]'))).to.equal('Payout of $25.00: Paid');

    adapter.emit({ type: 'payout.updated', data: { ...history[0]!, status: 'failed', failure_code: 'no_account' } });
    await waitUntil(() => text(row(el, 'po_pending').querySelector('[part=problem]')).startsWith('The bank could not find this account.'));

    const fresh = po('po_new', 'pending', 4, 7_700, { created: FRIDAY + 2 * DAY });
    adapter.emit({ type: 'payout.created', data: fresh });
    await waitUntil(() => ids(el)[0] === 'po_new');
    expect(row(el, 'po_new').classList.contains('fresh')).to.equal(true);
    expect(ids(el)).to.have.length(history.length + 1);
  });

  it('formats zero-decimal currencies (JPY) in whole yen', async () => {
    const { el } = await loaded([po('po_jpy', 'paid', 0, 21_500, { currency: 'jpy' })]);
    expect(text(row(el, 'po_jpy').querySelector('[part=amount]'))).to.equal('¥21,500');
  });

  it('stacks rows as cards under 600px, with the filters behind one button', async () => {
    const adapter = new PayoutsAdapter();
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 375px"><express-payouts locale="en-US" .adapter=${adapter}></express-payouts></div>`);
    const el = wrap.querySelector('express-payouts')!;
    await waitUntil(() => adapter.callsOf('listPayouts').length > 0);
    adapter.resolveAll('getAccount', account);
    adapter.resolvePayouts(history);
    await waitUntil(() => rows(el).length > 0);
    expect(getComputedStyle(shadow(el).querySelector('.head')!).display).to.equal('none');
    const toggle = shadow(el).querySelector<HTMLButtonElement>('.filters-toggle')!;
    expect(getComputedStyle(toggle).display).to.not.equal('none');
    expect(getComputedStyle(shadow(el).querySelector('[part=filters]')!).display).to.equal('none');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(shadow(el).querySelector('[part=filters]')!).display).to.not.equal('none');
    // Amount first, then the arrival day below it.
    const r = row(el, 'po_paid');
    const amount = r.querySelector('[part=amount]')!.getBoundingClientRect();
    const arrival = r.querySelector('[part=arrival]')!.getBoundingClientRect();
    expect(arrival.top).to.be.greaterThan(amount.top);
    expect(r.getBoundingClientRect().width).to.be.at.most(375);
    await expect(el).to.be.accessible();
  });

  it('right to left: mirrored, with amounts kept left to right', async () => {
    const adapter = new PayoutsAdapter();
    const wrap = await fixture<HTMLDivElement>(html`<div dir="rtl" style="width: 900px"><express-payouts locale="en-US" .adapter=${adapter}></express-payouts></div>`);
    const el = wrap.querySelector('express-payouts')!;
    await waitUntil(() => adapter.callsOf('listPayouts').length > 0);
    adapter.resolveAll('getAccount', account);
    adapter.resolvePayouts(history);
    await waitUntil(() => rows(el).length > 0);
    const r = row(el, 'po_paid');
    expect(getComputedStyle(r).direction).to.equal('rtl');
    expect(r.querySelector('[part=amount] [dir=ltr]')).to.not.equal(null);
    // The first column (arrival) is on the right.
    expect(r.querySelector('[part=arrival]')!.getBoundingClientRect().left).to.be.greaterThan(r.querySelector('[part=destination]')!.getBoundingClientRect().left);
    await expect(el).to.be.accessible();
  });

  it('speaks the locale it is given', async () => {
    const adapter = new PayoutsAdapter();
    const { el } = await loaded(history, adapter, html`<express-payouts locale="fr-FR" .adapter=${adapter}></express-payouts>`);
    await waitUntil(() => text(shadow(el).querySelector('.title')) === 'Virements', 'French strings load', { timeout: 10_000 });
    expect(text(row(el, 'po_failed').querySelector('[part=status]'))).to.equal('Échoué');
    expect(text(row(el, 'po_failed').querySelector('[part=problem] .reason'))).to.equal('Le compte bancaire a été clôturé.');
    expect(text(row(el, 'po_paid').querySelector('[part=amount]'))).to.match(/^11,11\s€|^11,11\s\$US$/);
  });

  it('never throws, logs errors or fires window errors into the host page through its states', async () => {
    const watch = hostPage();
    try {
      const adapter = new PayoutsAdapter();
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: 1280px"><express-payouts locale="en-US" .adapter=${adapter}></express-payouts></div>`);
      const el = wrap.querySelector('express-payouts')!;
      await waitUntil(() => adapter.callsOf('listPayouts').length > 0);
      el.addEventListener('express-error', () => {});
      adapter.last('listPayouts').reject(new ExpressError('network'));
      adapter.resolveAll('getAccount', account);
      await waitUntil(() => shadow(el).querySelector('[part=error]'));
      el.reload();
      await waitUntil(() => adapter.open('listPayouts').length > 0);
      adapter.resolvePayouts(history);
      await waitUntil(() => rows(el).length > 0);
      for (const width of ['375px', '1280px', '600px', '599px']) {
        wrap.style.width = width;
        await aTimeout(50);
      }
      row(el, 'po_failed').querySelector('button')!.click();
      await waitUntil(() => shadow(el).querySelector('dialog[open]'));
      adapter.emit({ type: 'payout.updated', data: { ...history[3]!, status: 'failed', failure_code: 'declined' } });
      adapter.resolveAll('listBalanceTransactions', { object: 'list', data: [], has_more: false });
      await aTimeout(50);
      shadow(el).querySelector<HTMLButtonElement>('.dialog-close')!.click();
      el.locale = 'ja-JP';
      await aTimeout(50);
      wrap.remove();
      document.body.append(wrap);
      await aTimeout(100);
      wrap.remove();
      await aTimeout(50);
      expect(watch.seen).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });
});
