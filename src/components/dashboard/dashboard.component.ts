import { provide } from '@lit/context';
import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import '../../adapter/error-messages.js';
import type { ExpressAccount, ExpressAdapter } from '../../adapter/types.js';
import { adapterContext } from '../../context.js';
import { format, stringsFor } from '../../core/i18n/index.js';
import { AdapterController } from '../shared/adapter-controller.js';
import { resolveLocale } from '../shared/locale.js';
import { styles } from './dashboard.styles.js';

/** The name a person knows the account by: the dashboard display name, else the business name. */
export function accountDisplayName(account: ExpressAccount | undefined): string | null {
  return account?.settings?.dashboard?.display_name?.trim() || account?.business_profile?.name?.trim() || null;
}

/**
 * @summary Provides its adapter to every express element inside it, under a header with the
 * account's name, the platform's name and a "Test mode" badge.
 *
 * @slot - The dashboard's elements (`<express-balance>`, `<express-earnings>`, `<express-transactions>`, ...).
 *
 * @csspart base - The wrapper of header and content.
 * @csspart header - The header.
 * @csspart test-mode-badge - The "Test mode" badge, shown when the account or balance says `livemode: false`.
 *
 * @cssproperty --express-color-primary
 * @cssproperty --express-color-text
 * @cssproperty --express-color-secondary-text
 * @cssproperty --express-font-family
 *
 * @fires express-error - `getAccount` failed; `detail` is `{ error, operation }`.
 */
export class ExpressDashboard extends LitElement {
  static override styles = styles;

  private readonly adapters = new AdapterController(this);

  /** The data adapter, provided to every element inside through `adapterContext`. */
  @provide({ context: adapterContext })
  @property({ attribute: false })
  adapter?: ExpressAdapter;

  /** The platform's name, shown in the header and used in generic descriptions. */
  @property({ attribute: 'platform-name', reflect: true })
  platformName: string | null = null;

  /** BCP 47 locale; defaults to the nearest `lang`, then the browser's. */
  @property({ reflect: true })
  locale: string | null = null;

  private readonly account = new Task(this, {
    task: async ([adapter], { signal }) => {
      if (!adapter) return undefined;
      try {
        return await adapter.getAccount({ signal });
      } catch (e) {
        this.adapters.report(e, 'getAccount');
        throw e;
      }
    },
    args: () => [this.adapters.value] as const,
  });

  private readonly balance = new Task(this, {
    task: async ([adapter], { signal }) => (adapter ? adapter.getBalance({ signal }).catch(() => undefined) : undefined),
    args: () => [this.adapters.value] as const,
  });

  override render() {
    const s = stringsFor(resolveLocale(this));
    const account = this.account.value;
    const name = accountDisplayName(account);
    const testMode = account?.livemode === false || this.balance.value?.livemode === false;
    return html`
      <div part="base">
        <header part="header">
          <div class="names">
            ${this.account.status === 1 /* pending */ && !account
              ? html`<span class="skeleton name-skeleton" aria-hidden="true"></span>`
              : html`<h1>${name ?? s.dashboard.title}</h1>`}
            ${this.platformName
              ? html`<p class="subtitle">${format(s.dashboard.subtitle, { platform: this.platformName })}</p>`
              : nothing}
          </div>
          ${testMode ? html`<span class="pill" part="test-mode-badge">${s.common.testMode}</span>` : nothing}
        </header>
        <slot></slot>
      </div>
    `;
  }
}
