/** French strings (vouvoiement). Same keys as `en`, checked by the `Strings` type. */
import type { Strings } from './en.js';
import { plural } from './format.js';

const L = 'fr';
const NB = '\u00a0'; // no-break space before ":" and units, as French typography wants

const WEEKDAYS: Record<string, string> = {
  monday: 'lundi', tuesday: 'mardi', wednesday: 'mercredi', thursday: 'jeudi',
  friday: 'vendredi', saturday: 'samedi', sunday: 'dimanche',
};

/** French dates use cardinals except for the first: "le 1er", "le 15". */
const ordinal = (n: number): string => (n === 1 ? '1er' : `${n}`);

/** The French string table. */
export const fr: Strings = {
  common: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    loadMore: 'Charger plus',
    exportCsv: 'Exporter en CSV',
    cancel: 'Annuler',
    close: 'Fermer',
    clearFilters: 'Effacer les filtres',
    filters: 'Filtres',
    testMode: 'Mode test',
    showDetails: 'Afficher les détails',
    hideDetails: 'Masquer les détails',
    total: 'Total',
    errorTitle: 'Un problème est survenu',
    networkErrorTitle: 'Vous semblez être hors ligne',
    loadMoreErrorTitle: 'Impossible de charger la suite',
    errors: {
      network: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
      unauthorized: 'Votre session a expiré. Reconnectez-vous pour continuer.',
      not_found: 'Nous n’avons pas trouvé ce que vous cherchiez.',
      rate_limited: 'Trop de requêtes. Patientez un instant, puis réessayez.',
      invalid_response: 'Le serveur a envoyé des données illisibles.',
      invalid_request: 'La requête n’est pas valide.',
      expired: 'Ce lien a expiré.',
      invalid_code: 'Ce code est incorrect.',
      too_many_attempts: 'Trop de tentatives. Demandez un nouveau code.',
      server_error: 'Un problème est survenu de notre côté. Réessayez dans un instant.',
      unknown: 'Un problème est survenu. Réessayez.',
    },
    rateLimitedWait: (seconds, locale) =>
      plural(L, locale, seconds, {
        one: 'Trop de requêtes. Réessayez dans {count} seconde.',
        other: 'Trop de requêtes. Réessayez dans {count} secondes.',
      }),
  },

  categories: {
    all: 'Tout',
    plural: {
      charge: 'Paiements', refund: 'Remboursements', transfer: 'Transferts', payout: 'Virements',
      fee: 'Frais', adjustment: 'Ajustements', other: 'Autres',
    },
    singular: {
      charge: 'Paiement', refund: 'Remboursement', transfer: 'Transfert', payout: 'Virement',
      fee: 'Frais', adjustment: 'Ajustement', other: 'Autre',
    },
  },

  statuses: {
    available: 'Disponible',
    pending: 'En attente',
    pendingUntil: 'En attente jusqu’au {date}',
    paid: 'Versé',
    in_transit: 'En transit',
    canceled: 'Annulé',
    failed: 'Échoué',
  },

  descriptions: {
    // "via" rather than "de": "de" would need elision before a vowel ("d’Uber").
    charge: 'Paiement via {platform}',
    chargeNoPlatform: 'Paiement',
    transfer: 'Transfert via {platform}',
    transferNoPlatform: 'Transfert',
    refund: 'Remboursement',
    payout: 'Virement vers votre compte bancaire',
    fee: 'Frais',
    adjustment: 'Ajustement',
    other: 'Transaction',
  },

  transactions: {
    title: 'Transactions',
    columns: {
      date: 'Date', type: 'Type', description: 'Description', amount: 'Montant',
      fee: 'Frais', net: 'Net', status: 'Statut',
    },
    ranges: {
      '7d': '7 derniers jours', '30d': '30 derniers jours', '90d': '90 derniers jours',
      '12m': '12 derniers mois', all: 'Depuis le début', custom: 'Période personnalisée',
    },
    rangeLabel: 'Période',
    categoryLabel: 'Type',
    from: 'Du',
    to: 'Au',
    currency: 'Devise',
    allCurrencies: 'Toutes les devises',
    empty: 'Aucune transaction sur cette période',
    emptyFiltered: `Aucune transaction ne correspond à ces filtres${NB}: {filters}.`,
    exporting: (n, locale) =>
      plural(L, locale, n, {
        one: 'Exportation… {count} transaction pour l’instant',
        many: 'Exportation… {count} de transactions pour l’instant',
        other: 'Exportation… {count} transactions pour l’instant',
      }),
    exported: (n, locale) =>
      plural(L, locale, n, {
        one: '{count} transaction exportée',
        many: '{count} de transactions exportées',
        other: '{count} transactions exportées',
      }),
    exportCanceled: 'Exportation annulée',
    newTransaction: `Nouvelle transaction${NB}: {description}, {amount}`,
    detail: {
      id: 'ID', source: 'Source', availableOn: 'Disponible le', fees: 'Frais',
      type: 'Type Stripe', noFees: 'Aucuns frais',
    },
    csv: { category: 'Catégorie', currency: 'Devise', id: 'ID' },
    loadingMore: 'Chargement…',
    showing: (n, locale) =>
      plural(L, locale, n, {
        one: '{count} transaction affichée',
        many: '{count} de transactions affichées',
        other: '{count} transactions affichées',
      }),
    exportFailed: 'L’exportation n’a pas abouti',
    invalidRange: 'La date de début doit être antérieure ou égale à la date de fin.',
    feeTypes: { application_fee: 'Frais de la plateforme', stripe_fee: 'Frais de traitement', tax: 'Taxe' },
  },

  earnings: {
    title: 'Revenus',
    netVolume: 'Volume net',
    intervalLabel: 'Intervalle',
    rangeLabel: 'Période',
    compare: 'Comparer à la période précédente',
    intervals: { day: 'Quotidien', week: 'Hebdomadaire', month: 'Mensuel', quarter: 'Trimestriel', year: 'Annuel' },
    ranges: {
      '7d': '7 derniers jours', '30d': '30 derniers jours', '90d': '90 derniers jours',
      '12m': '12 derniers mois', ytd: 'Depuis le début de l’année', all: 'Depuis le début',
      custom: 'Période personnalisée',
    },
    from: 'Du',
    to: 'Au',
    currency: 'Devise',
    previous: {
      '7d': 'aux 7 jours précédents', '30d': 'aux 30 jours précédents', '90d': 'aux 90 jours précédents',
      '12m': 'aux 12 mois précédents', period: 'à la période précédente',
    },
    up: 'en hausse de {pct} par rapport {previous}',
    down: 'en baisse de {pct} par rapport {previous}',
    same: 'stable par rapport {previous}',
    upFromZero: 'en hausse par rapport {previous} ({zero})',
    downFromZero: 'en baisse par rapport {previous} ({zero})',
    keyboardHint: 'Utilisez les flèches gauche et droite pour parcourir chaque période.',
    currentPeriod: 'Cette période',
    previousPeriod: 'Période précédente',
    previousError: 'Impossible de charger la période précédente.',
    noComparison: 'aucune donnée antérieure pour comparer',
    empty: 'Aucun revenu sur cette période',
    loaded: (n, locale) =>
      plural(L, locale, n, {
        one: '{count} transaction chargée',
        many: '{count} de transactions chargées',
        other: '{count} transactions chargées',
      }),
    chartSummary: `Volume net du {from} au {to}${NB}: {total} au total. Maximum {max} ({maxLabel}), minimum {min} ({minLabel}).`,
    weekOf: 'Semaine du {date}',
    transactionCount: (n, locale) =>
      plural(L, locale, n, { one: '{count} transaction', many: '{count} de transactions', other: '{count} transactions' }),
    table: { period: 'Période', netVolume: 'Volume net', transactions: 'Transactions' },
  },

  balance: {
    title: 'Solde',
    available: 'Disponible',
    pending: 'Bientôt disponible',
    inTransit: 'En route vers votre banque',
    total: 'Total',
    nextPayout: 'Prochain virement',
    expected: 'Prévu le {date}',
    noUpcoming: 'Aucun virement à venir',
    schedule: 'Calendrier des virements',
    daily: (days, locale) =>
      plural(L, locale, days, {
        one: 'Tous les jours, {count} jour après le paiement',
        other: 'Tous les jours, {count} jours après le paiement',
      }),
    weekly: (weekday) => (WEEKDAYS[weekday] ? `Chaque semaine, le ${WEEKDAYS[weekday]}` : 'Chaque semaine'),
    monthly: (day) => `Tous les mois, le ${ordinal(day)}`,
    ordinal,
    manual: 'Virements manuels',
    dailyNoDelay: 'Tous les jours',
    monthlyNoAnchor: 'Tous les mois',
    upcomingPayouts: 'Virements à venir',
    recentPayouts: 'Virements récents',
    noPayouts: 'Aucun virement pour l’instant',
    failedReason: `Échec${NB}: {reason}`,
    instant: 'Instantané',
    payoutCount: (n, locale) => plural(L, locale, n, { one: '{count} virement', other: '{count} virements' }),
    about: 'Environ {amount}',
    expectedAround: 'Prévu vers le {date}',
    estimate: 'Estimation',
    negative: 'Votre solde est négatif, en général après un remboursement ou un litige. Vos prochains revenus le couvrent d’abord, avant tout virement vers votre banque.',
    columns: { arrival: 'Arrivée', amount: 'Montant', status: 'Statut' },
  },

  dashboard: {
    title: 'Tableau de bord',
    subtitle: 'Vos revenus avec {platform}',
    sections: { balance: 'Solde', earnings: 'Revenus', transactions: 'Transactions' },
    newActivity: `Nouvelle activité${NB}: {description}, {amount}`,
    newActivityCount: (n, locale) =>
      plural(L, locale, n, { one: '{count} nouvelle transaction', other: '{count} nouvelles transactions' }),
    payoutActivity: `Virement de {amount}${NB}: {status}`,
  },

  login: {
    title: 'Connexion',
    emailPrompt: 'Saisissez l’adresse e-mail que vous utilisez avec {platform}.',
    emailPromptNoPlatform: 'Saisissez votre adresse e-mail pour vous connecter.',
    emailLabel: 'E-mail',
    emailInvalid: 'Saisissez une adresse e-mail valide.',
    continue: 'Continuer',
    codeSent: 'Nous avons envoyé un code au {phone}',
    codeLabel: 'Code de vérification',
    verify: 'Vérifier',
    resend: 'Renvoyer le code',
    resendIn: `Renvoyer le code dans {seconds}${NB}s`,
    codeResent: 'Nous avons envoyé un nouveau code.',
    testModeNote: `Mode test${NB}: aucun SMS n’est envoyé. Utilisez le code 000000.`,
    invalidCode: 'Ce code est incorrect. Réessayez.',
    attemptsLeft: (n, locale) =>
      plural(L, locale, n, {
        one: 'Ce code est incorrect. Il vous reste {count} tentative.',
        other: 'Ce code est incorrect. Il vous reste {count} tentatives.',
      }),
    expired: 'Ce lien a expiré. Retournez sur {platform} et ouvrez à nouveau le tableau de bord.',
    expiredNoPlatform: 'Ce lien a expiré. Revenez en arrière et ouvrez à nouveau le tableau de bord.',
    tooManyAttempts: 'Trop de tentatives. Patientez quelques minutes, puis demandez un nouveau code.',
    rateLimited: (seconds, locale) =>
      plural(L, locale, seconds, {
        one: 'Trop de requêtes. Réessayez dans {count} seconde.',
        other: 'Trop de requêtes. Réessayez dans {count} secondes.',
      }),
    network: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
    signingIn: 'Connexion en cours…',
    redirecting: 'Connecté. Redirection vers votre tableau de bord…',
    useDifferentEmail: 'Utiliser une autre adresse e-mail',
    signInWithEmail: 'Me connecter avec mon adresse e-mail',
    goBack: 'Revenir sur {platform}',
    goBackNoPlatform: 'Revenir en arrière',
    testModeEmail: `Les comptes en mode test ne se connectent pas par e-mail${NB}: ouvrez votre tableau de bord depuis {platform}, qui vous connecte avec un lien.`,
    testModeEmailNoPlatform: `Les comptes en mode test ne se connectent pas par e-mail${NB}: ouvrez votre tableau de bord depuis le site de la plateforme, qui vous connecte avec un lien.`,
    codeHelp: `Saisissez le code à {length}${NB}chiffres.`,
    codeExpired: 'Ce code a expiré. Demandez un nouveau code.',
    signedIn: 'Vous êtes connecté.',
    linkInvalid: 'Ce lien n’est pas valide. Retournez sur {platform} et ouvrez à nouveau le tableau de bord.',
    linkInvalidNoPlatform: 'Ce lien n’est pas valide. Revenez en arrière et ouvrez à nouveau le tableau de bord.',
  },
};
