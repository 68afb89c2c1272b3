/** German strings (Sie-Form). Same keys as `en`, checked by the `Strings` type. */
import type { Strings } from './en.js';
import { plural } from './format.js';

const L = 'de';

const WEEKDAYS: Record<string, string> = {
  monday: 'Montag', tuesday: 'Dienstag', wednesday: 'Mittwoch', thursday: 'Donnerstag',
  friday: 'Freitag', saturday: 'Samstag', sunday: 'Sonntag',
};

/** German ordinals are written with a full stop: "15.". */
const ordinal = (n: number): string => `${n}.`;

/** The German string table. */
export const de: Strings = {
  common: {
    loading: 'Wird geladen …',
    retry: 'Erneut versuchen',
    loadMore: 'Mehr laden',
    exportCsv: 'Als CSV exportieren',
    cancel: 'Abbrechen',
    close: 'Schließen',
    clearFilters: 'Filter zurücksetzen',
    filters: 'Filter',
    testMode: 'Testmodus',
    showDetails: 'Details anzeigen',
    hideDetails: 'Details ausblenden',
    total: 'Gesamt',
    errorTitle: 'Etwas ist schiefgelaufen',
    networkErrorTitle: 'Sie scheinen offline zu sein',
    loadMoreErrorTitle: 'Weitere Einträge konnten nicht geladen werden',
    errors: {
      network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      unauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
      not_found: 'Das Gesuchte wurde nicht gefunden.',
      rate_limited: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
      invalid_response: 'Der Server hat Daten gesendet, die nicht gelesen werden konnten.',
      invalid_request: 'Die Anfrage war ungültig.',
      expired: 'Dieser Link ist abgelaufen.',
      invalid_code: 'Dieser Code ist nicht korrekt.',
      too_many_attempts: 'Zu viele Versuche. Fordern Sie einen neuen Code an.',
      server_error: 'Bei uns ist ein Fehler aufgetreten. Versuchen Sie es gleich noch einmal.',
      unknown: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
    },
    rateLimitedWait: (seconds, locale) =>
      plural(L, locale, seconds, {
        one: 'Zu viele Anfragen. Versuchen Sie es in {count} Sekunde erneut.',
        other: 'Zu viele Anfragen. Versuchen Sie es in {count} Sekunden erneut.',
      }),
  },

  categories: {
    all: 'Alle',
    plural: {
      charge: 'Zahlungen', refund: 'Rückerstattungen', transfer: 'Überweisungen', payout: 'Auszahlungen',
      fee: 'Gebühren', adjustment: 'Anpassungen', other: 'Sonstige',
    },
    singular: {
      charge: 'Zahlung', refund: 'Rückerstattung', transfer: 'Überweisung', payout: 'Auszahlung',
      fee: 'Gebühr', adjustment: 'Anpassung', other: 'Sonstiges',
    },
  },

  statuses: {
    available: 'Verfügbar',
    pending: 'Ausstehend',
    pendingUntil: 'Ausstehend bis {date}',
    paid: 'Ausgezahlt',
    in_transit: 'Unterwegs',
    canceled: 'Storniert',
    failed: 'Fehlgeschlagen',
  },

  descriptions: {
    charge: 'Zahlung von {platform}',
    chargeNoPlatform: 'Zahlung',
    transfer: 'Überweisung von {platform}',
    transferNoPlatform: 'Überweisung',
    refund: 'Rückerstattung',
    payout: 'Auszahlung auf Ihr Bankkonto',
    fee: 'Gebühr',
    adjustment: 'Anpassung',
    other: 'Transaktion',
  },

  transactions: {
    title: 'Transaktionen',
    columns: {
      date: 'Datum', type: 'Typ', description: 'Beschreibung', amount: 'Betrag',
      fee: 'Gebühr', net: 'Netto', status: 'Status',
    },
    ranges: {
      '7d': 'Letzte 7 Tage', '30d': 'Letzte 30 Tage', '90d': 'Letzte 90 Tage', '12m': 'Letzte 12 Monate',
      all: 'Gesamter Zeitraum', custom: 'Benutzerdefiniert',
    },
    rangeLabel: 'Zeitraum',
    categoryLabel: 'Typ',
    from: 'Von',
    to: 'Bis',
    currency: 'Währung',
    allCurrencies: 'Alle Währungen',
    empty: 'Keine Transaktionen in diesem Zeitraum',
    emptyFiltered: 'Keine Transaktionen für diese Filter: {filters}.',
    exporting: (n, locale) =>
      plural(L, locale, n, {
        one: 'Export läuft … bisher {count} Transaktion',
        other: 'Export läuft … bisher {count} Transaktionen',
      }),
    exported: (n, locale) =>
      plural(L, locale, n, { one: '{count} Transaktion exportiert', other: '{count} Transaktionen exportiert' }),
    exportCanceled: 'Export abgebrochen',
    newTransaction: 'Neue Transaktion: {description}, {amount}',
    detail: {
      id: 'ID', source: 'Quelle', availableOn: 'Verfügbar am', fees: 'Gebühren',
      type: 'Stripe-Typ', noFees: 'Keine Gebühren',
    },
    csv: { category: 'Kategorie', currency: 'Währung', id: 'ID' },
    loadingMore: 'Weitere werden geladen …',
    showing: (n, locale) =>
      plural(L, locale, n, { one: '{count} Transaktion angezeigt', other: '{count} Transaktionen angezeigt' }),
    exportFailed: 'Der Export wurde nicht abgeschlossen',
    invalidRange: 'Das Startdatum darf nicht nach dem Enddatum liegen.',
    feeTypes: { application_fee: 'Plattformgebühr', stripe_fee: 'Bearbeitungsgebühr', tax: 'Steuer' },
  },

  earnings: {
    title: 'Einnahmen',
    netVolume: 'Nettovolumen',
    intervalLabel: 'Intervall',
    rangeLabel: 'Zeitraum',
    compare: 'Mit vorherigem Zeitraum vergleichen',
    intervals: { day: 'Täglich', week: 'Wöchentlich', month: 'Monatlich', quarter: 'Vierteljährlich', year: 'Jährlich' },
    ranges: {
      '7d': 'Letzte 7 Tage', '30d': 'Letzte 30 Tage', '90d': 'Letzte 90 Tage', '12m': 'Letzte 12 Monate',
      ytd: 'Seit Jahresbeginn', all: 'Gesamter Zeitraum', custom: 'Benutzerdefiniert',
    },
    from: 'Von',
    to: 'Bis',
    currency: 'Währung',
    // Dative, as "gegenüber" requires.
    previous: {
      '7d': 'den vorherigen 7 Tagen', '30d': 'den vorherigen 30 Tagen', '90d': 'den vorherigen 90 Tagen',
      '12m': 'den vorherigen 12 Monaten', period: 'dem vorherigen Zeitraum',
    },
    up: 'plus {pct} gegenüber {previous}',
    down: 'minus {pct} gegenüber {previous}',
    same: 'unverändert gegenüber {previous}',
    upFromZero: 'plus gegenüber {previous} ({zero})',
    downFromZero: 'minus gegenüber {previous} ({zero})',
    keyboardHint: 'Mit den Pfeiltasten links und rechts gehen Sie die Zeiträume einzeln durch.',
    currentPeriod: 'Dieser Zeitraum',
    previousPeriod: 'Vorheriger Zeitraum',
    previousError: 'Der vorherige Zeitraum konnte nicht geladen werden.',
    noComparison: 'keine früheren Daten zum Vergleich',
    empty: 'Keine Einnahmen in diesem Zeitraum',
    loaded: (n, locale) =>
      plural(L, locale, n, { one: '{count} Transaktion geladen', other: '{count} Transaktionen geladen' }),
    chartSummary: 'Nettovolumen vom {from} bis {to}: insgesamt {total}. Höchstwert {max} ({maxLabel}), Tiefstwert {min} ({minLabel}).',
    weekOf: 'Woche vom {date}',
    transactionCount: (n, locale) =>
      plural(L, locale, n, { one: '{count} Transaktion', other: '{count} Transaktionen' }),
    table: { period: 'Zeitraum', netVolume: 'Nettovolumen', transactions: 'Transaktionen' },
  },

  balance: {
    title: 'Guthaben',
    available: 'Verfügbar',
    pending: 'Bald verfügbar',
    inTransit: 'Unterwegs zu Ihrer Bank',
    total: 'Gesamt',
    nextPayout: 'Nächste Auszahlung',
    expected: 'Voraussichtlich am {date}',
    noUpcoming: 'Keine anstehenden Auszahlungen',
    schedule: 'Auszahlungsplan',
    daily: (days, locale) =>
      plural(L, locale, days, {
        one: 'Täglich, {count} Tag nach der Zahlung',
        other: 'Täglich, {count} Tage nach der Zahlung',
      }),
    weekly: (weekday) => (WEEKDAYS[weekday] ? `Wöchentlich am ${WEEKDAYS[weekday]}` : 'Wöchentlich'),
    monthly: (day) => `Monatlich am ${ordinal(day)}`,
    ordinal,
    manual: 'Manuelle Auszahlungen',
    dailyNoDelay: 'Täglich',
    monthlyNoAnchor: 'Monatlich',
    upcomingPayouts: 'Anstehende Auszahlungen',
    recentPayouts: 'Letzte Auszahlungen',
    noPayouts: 'Noch keine Auszahlungen',
    failedReason: 'Fehlgeschlagen: {reason}',
    instant: 'Sofort',
    payoutCount: (n, locale) => plural(L, locale, n, { one: '{count} Auszahlung', other: '{count} Auszahlungen' }),
    about: 'Etwa {amount}',
    expectedAround: 'Voraussichtlich um den {date}',
    estimate: 'Schätzung',
    negative: 'Ihr Guthaben ist negativ, meist nach einer Rückerstattung oder einer Anfechtung. Ihre nächsten Einnahmen gleichen es zuerst aus, bevor etwas an Ihre Bank ausgezahlt wird.',
    columns: { arrival: 'Eingang', amount: 'Betrag', status: 'Status' },
  },

  dashboard: {
    title: 'Dashboard',
    subtitle: 'Ihre Einnahmen mit {platform}',
    sections: { balance: 'Guthaben', earnings: 'Einnahmen', transactions: 'Transaktionen' },
    newActivity: 'Neue Aktivität: {description}, {amount}',
    newActivityCount: (n, locale) =>
      plural(L, locale, n, { one: '{count} neue Transaktion', other: '{count} neue Transaktionen' }),
    payoutActivity: 'Auszahlung über {amount}: {status}',
  },

  login: {
    title: 'Anmelden',
    emailPrompt: 'Geben Sie die E-Mail-Adresse ein, die Sie bei {platform} verwenden.',
    emailPromptNoPlatform: 'Geben Sie Ihre E-Mail-Adresse ein, um sich anzumelden.',
    emailLabel: 'E-Mail-Adresse',
    emailInvalid: 'Geben Sie eine gültige E-Mail-Adresse ein.',
    continue: 'Weiter',
    codeSent: 'Wir haben einen Code an {phone} gesendet',
    codeLabel: 'Bestätigungscode',
    verify: 'Bestätigen',
    resend: 'Code erneut senden',
    resendIn: 'Code erneut senden in {seconds} s',
    codeResent: 'Wir haben einen neuen Code gesendet.',
    testModeNote: 'Testmodus: Es wird keine SMS gesendet. Verwenden Sie den Code 000000.',
    invalidCode: 'Dieser Code ist nicht korrekt. Versuchen Sie es erneut.',
    attemptsLeft: (n, locale) =>
      plural(L, locale, n, {
        one: 'Dieser Code ist nicht korrekt. Sie haben noch {count} Versuch.',
        other: 'Dieser Code ist nicht korrekt. Sie haben noch {count} Versuche.',
      }),
    expired: 'Dieser Link ist abgelaufen. Kehren Sie zu {platform} zurück und öffnen Sie das Dashboard erneut.',
    expiredNoPlatform: 'Dieser Link ist abgelaufen. Gehen Sie zurück und öffnen Sie das Dashboard erneut.',
    tooManyAttempts: 'Zu viele Versuche. Warten Sie ein paar Minuten und fordern Sie dann einen neuen Code an.',
    rateLimited: (seconds, locale) =>
      plural(L, locale, seconds, {
        one: 'Zu viele Anfragen. Versuchen Sie es in {count} Sekunde erneut.',
        other: 'Zu viele Anfragen. Versuchen Sie es in {count} Sekunden erneut.',
      }),
    network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    signingIn: 'Sie werden angemeldet …',
    redirecting: 'Angemeldet. Sie werden zu Ihrem Dashboard weitergeleitet …',
    useDifferentEmail: 'Andere E-Mail-Adresse verwenden',
    signInWithEmail: 'Stattdessen mit E-Mail-Adresse anmelden',
    goBack: 'Zurück zu {platform}',
    goBackNoPlatform: 'Zurück',
    testModeEmail: 'Testkonten können sich nicht mit einer E-Mail-Adresse anmelden: Öffnen Sie Ihr Dashboard über {platform}, dort werden Sie mit einem Link angemeldet.',
    testModeEmailNoPlatform: 'Testkonten können sich nicht mit einer E-Mail-Adresse anmelden: Öffnen Sie Ihr Dashboard über die Website der Plattform, dort werden Sie mit einem Link angemeldet.',
    codeHelp: 'Geben Sie den {length}-stelligen Code ein.',
    codeExpired: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen Code an.',
    signedIn: 'Sie sind angemeldet.',
    linkInvalid: 'Dieser Link ist ungültig. Kehren Sie zu {platform} zurück und öffnen Sie das Dashboard erneut.',
    linkInvalidNoPlatform: 'Dieser Link ist ungültig. Gehen Sie zurück und öffnen Sie das Dashboard erneut.',
  },
};
