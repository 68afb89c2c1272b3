// Adyen's TransactionsOverview as a platform embeds it (their documented setup): the core
// (session, locale) and the one component, with Preact. CSS is measured separately.
import { AdyenPlatformExperience, TransactionsOverview } from '@adyen/adyen-platform-experience-web';

export async function mount(el, onSessionCreate) {
  const core = await AdyenPlatformExperience({ onSessionCreate });
  new TransactionsOverview({ core }).mount(el);
}
