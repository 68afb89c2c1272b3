/**
 * What selecting a payout does, for every element that lists payouts (`<express-payouts>`,
 * `<express-balance>`): fire the cancelable `express-payout-select`, and unless a listener
 * prevents it (a platform that shows payouts on its own page), open the payout's details
 * (`<express-payout-details>`) in a modal dialog. The dialog opens only when that tag is defined
 * (the `./payouts` and `./dashboard` entries define it); elsewhere the event is all there is.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ExpressAdapter, Payout } from '../../contract/types.js';
import { ExpressPayoutSelectEvent } from '../../events.js';

type Host = ReactiveControllerHost & HTMLElement & { adapter?: ExpressAdapter; renderRoot: HTMLElement | DocumentFragment };

/** The tag of a payout's details. */
export const PAYOUT_DETAILS_TAG = 'express-payout-details';

/** What the dialog needs from its element, read when it renders. */
export interface PayoutDialogOptions {
  /** The element's locale, passed to the details. */
  locale: () => string;
  /** The platform's name, passed to the details. */
  platformName: () => string | null;
  /** The dialog's accessible name ("Payout details") and its close button's words. */
  words: () => { title: string; close: string };
}

/** Opens a payout's details in a modal `<dialog>` in the element's shadow root (see the module). */
export class PayoutDialogController implements ReactiveController {
  /** The payout whose details are open, if any. */
  payout?: Payout;
  private opener?: HTMLElement | null;
  private shown = false;

  constructor(
    private readonly host: Host,
    private readonly options: PayoutDialogOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const dialog = this.dialog;
    if (!dialog || !this.payout || this.shown) return;
    if (!dialog.isConnected || dialog.open) return;
    try {
      dialog.showModal();
      this.shown = true;
      dialog.querySelector<HTMLElement>('.dialog-close')?.focus();
    } catch {
      // not connected to a document: try again on the next update
    }
  }

  hostDisconnected(): void {
    this.payout = undefined;
    this.shown = false;
    this.opener = null;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.payout-dialog');
  }

  /**
   * The person selected `payout` (from `opener`, which gets focus back when the dialog closes):
   * fires `express-payout-select`; unless it is canceled, opens the details. Returns whether the
   * details opened.
   */
  select(payout: Payout, opener?: HTMLElement | null): boolean {
    // Through a variable: the manifest analyzer would take the payout for the event's name.
    const event = new ExpressPayoutSelectEvent(payout);
    if (!this.host.dispatchEvent(event)) return false;
    return this.open(payout, opener);
  }

  /** Opens the details of `payout` (without an event); `false` when `<express-payout-details>` is not defined. */
  open(payout: Payout, opener?: HTMLElement | null): boolean {
    if (typeof customElements === 'undefined' || !customElements.get(PAYOUT_DETAILS_TAG)) return false;
    this.opener = opener ?? null;
    this.payout = payout;
    this.shown = false;
    this.host.requestUpdate();
    return true;
  }

  /** A newer version of the open payout (a live update): the details show it. */
  update(payout: Payout): void {
    if (this.payout?.id !== payout.id) return;
    this.payout = payout;
    this.host.requestUpdate();
  }

  /** Closes the details and gives focus back to where the person was. */
  close(): void {
    const dialog = this.dialog;
    if (dialog?.open) dialog.close(); // fires `close`, handled below
    else this.closed();
  }

  private closed = (): void => {
    if (!this.payout) return;
    const opener = this.opener;
    this.payout = undefined;
    this.shown = false;
    this.opener = null;
    this.host.requestUpdate();
    if (opener?.isConnected) opener.focus();
  };

  /** A click on the backdrop (outside the dialog's box) closes it. */
  private onClick = (e: MouseEvent): void => {
    const dialog = e.currentTarget as HTMLDialogElement;
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    if (!inside) this.close();
  };

  /** The dialog, while a payout is open; put it at the end of the element's template. */
  render(): TemplateResult | typeof nothing {
    const p = this.payout;
    if (!p) return nothing;
    const { title, close } = this.options.words();
    return html`
      <dialog class="payout-dialog" part="dialog" aria-label=${title} @close=${this.closed} @click=${this.onClick}>
        <div class="dialog-bar">
          <span class="dialog-title" aria-hidden="true">${title}</span>
          <button class="button dialog-close" type="button" @click=${() => this.close()}>${close}</button>
        </div>
        <express-payout-details
          part="details"
          payout-id=${p.id}
          .payout=${p}
          .adapter=${this.host.adapter}
          locale=${this.options.locale()}
          platform-name=${this.options.platformName() ?? nothing}
        ></express-payout-details>
      </dialog>
    `;
  }
}

/** The dialog's look: a centred card on wide screens, the whole screen on a phone. */
export const payoutDialogStyles = css`
  .payout-dialog {
    width: min(720px, calc(100vw - 32px));
    max-height: calc(100dvh - 32px);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-sizing: border-box;
    overflow: auto;
    overscroll-behavior: contain;
  }
  .payout-dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-bar {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding-block: var(--_space);
    padding-inline: calc(var(--_space) * 2) var(--_space);
    background: var(--_bg);
    border-bottom: 1px solid var(--_border);
  }
  .dialog-title {
    font-weight: 600;
  }
  .payout-dialog express-payout-details {
    display: block;
    padding: calc(var(--_space) * 2);
  }
  /* The dialog is the card: the details inside lose their own frame. */
  .payout-dialog express-payout-details::part(base) {
    border: 0;
    border-radius: 0;
    padding: 0;
    background: transparent;
  }
  @media (max-width: 599px) {
    .payout-dialog {
      width: 100vw;
      max-width: 100vw;
      height: 100dvh;
      max-height: 100dvh;
      margin: 0;
      border: 0;
      border-radius: 0;
    }
    .payout-dialog express-payout-details {
      padding: calc(var(--_space) * 2);
    }
  }
`;
