/** Spanish strings (neutral, tuteo). Same keys as `en`, checked by the `Strings` type. */
import type { Strings } from './en.js';
import { plural } from './format.js';

const L = 'es';

// "los lunes": a recurring weekday takes the plural article (sábados, domingos).
const WEEKDAYS: Record<string, string> = {
  monday: 'los lunes', tuesday: 'los martes', wednesday: 'los miércoles', thursday: 'los jueves',
  friday: 'los viernes', saturday: 'los sábados', sunday: 'los domingos',
};

/** Spanish ordinals: "15.º". (Dates use cardinals: "el día 15".) */
const ordinal = (n: number): string => `${n}.º`;

/** The Spanish string table. */
export const es: Strings = {
  common: {
    loading: 'Cargando…',
    retry: 'Reintentar',
    loadMore: 'Cargar más',
    exportCsv: 'Exportar CSV',
    cancel: 'Cancelar',
    close: 'Cerrar',
    clearFilters: 'Borrar filtros',
    filters: 'Filtros',
    testMode: 'Modo de prueba',
    showDetails: 'Ver detalles',
    hideDetails: 'Ocultar detalles',
    total: 'Total',
    errorTitle: 'Algo salió mal',
    networkErrorTitle: 'Parece que no tienes conexión',
    loadMoreErrorTitle: 'No se pudieron cargar más',
    errors: {
      network: 'No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
      unauthorized: 'Tu sesión ha terminado. Vuelve a iniciar sesión para continuar.',
      not_found: 'No encontramos lo que buscabas.',
      rate_limited: 'Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.',
      invalid_response: 'El servidor envió datos que no pudimos leer.',
      invalid_request: 'La solicitud no es válida.',
      expired: 'Este enlace ha caducado.',
      invalid_code: 'Ese código no es correcto.',
      too_many_attempts: 'Demasiados intentos. Solicita un código nuevo.',
      server_error: 'Algo ha fallado por nuestra parte; vuelve a intentarlo en un momento.',
      unknown: 'Algo salió mal. Inténtalo de nuevo.',
    },
    rateLimitedWait: (seconds, locale) =>
      plural(L, locale, seconds, {
        one: 'Demasiadas solicitudes. Inténtalo de nuevo en {count} segundo.',
        other: 'Demasiadas solicitudes. Inténtalo de nuevo en {count} segundos.',
      }),
  },

  categories: {
    all: 'Todos',
    plural: {
      charge: 'Pagos', refund: 'Reembolsos', transfer: 'Transferencias', payout: 'Depósitos',
      fee: 'Comisiones', adjustment: 'Ajustes', other: 'Otros',
    },
    singular: {
      charge: 'Pago', refund: 'Reembolso', transfer: 'Transferencia', payout: 'Depósito',
      fee: 'Comisión', adjustment: 'Ajuste', other: 'Otro',
    },
  },

  statuses: {
    available: 'Disponible',
    pending: 'Pendiente',
    pendingUntil: 'Pendiente hasta el {date}',
    paid: 'Depositado',
    in_transit: 'En tránsito',
    canceled: 'Cancelado',
    failed: 'Fallido',
  },

  descriptions: {
    charge: 'Pago de {platform}',
    chargeNoPlatform: 'Pago',
    transfer: 'Transferencia de {platform}',
    transferNoPlatform: 'Transferencia',
    refund: 'Reembolso',
    payout: 'Depósito en tu cuenta bancaria',
    fee: 'Comisión',
    adjustment: 'Ajuste',
    other: 'Transacción',
  },

  transactions: {
    title: 'Transacciones',
    columns: {
      date: 'Fecha', type: 'Tipo', description: 'Descripción', amount: 'Importe',
      fee: 'Comisión', net: 'Neto', status: 'Estado',
    },
    ranges: {
      '7d': 'Últimos 7 días', '30d': 'Últimos 30 días', '90d': 'Últimos 90 días', '12m': 'Últimos 12 meses',
      all: 'Todo el historial', custom: 'Personalizado',
    },
    rangeLabel: 'Periodo',
    categoryLabel: 'Tipo',
    from: 'Desde',
    to: 'Hasta',
    currency: 'Moneda',
    allCurrencies: 'Todas las monedas',
    empty: 'No hay transacciones en este periodo',
    emptyFiltered: 'Ninguna transacción coincide con estos filtros: {filters}.',
    exporting: (n, locale) =>
      plural(L, locale, n, {
        one: 'Exportando… {count} transacción hasta ahora',
        many: 'Exportando… {count} de transacciones hasta ahora',
        other: 'Exportando… {count} transacciones hasta ahora',
      }),
    exported: (n, locale) =>
      plural(L, locale, n, {
        one: 'Se exportó {count} transacción',
        many: 'Se exportaron {count} de transacciones',
        other: 'Se exportaron {count} transacciones',
      }),
    exportCanceled: 'Exportación cancelada',
    newTransaction: 'Nueva transacción: {description}, {amount}',
    detail: {
      id: 'ID', source: 'Origen', availableOn: 'Disponible el', fees: 'Comisiones',
      type: 'Tipo en Stripe', noFees: 'Sin comisiones',
    },
    csv: { category: 'Categoría', currency: 'Moneda', id: 'ID' },
    loadingMore: 'Cargando más…',
    showing: (n, locale) =>
      plural(L, locale, n, {
        one: 'Se muestra {count} transacción',
        many: 'Se muestran {count} de transacciones',
        other: 'Se muestran {count} transacciones',
      }),
    exportFailed: 'La exportación no se completó',
    invalidRange: 'La fecha de inicio debe ser anterior o igual a la fecha de fin.',
    feeTypes: { application_fee: 'Comisión de la plataforma', stripe_fee: 'Comisión de procesamiento', tax: 'Impuesto' },
  },

  earnings: {
    title: 'Ingresos',
    netVolume: 'Volumen neto',
    intervalLabel: 'Intervalo',
    rangeLabel: 'Periodo',
    compare: 'Comparar con el periodo anterior',
    intervals: { day: 'Diario', week: 'Semanal', month: 'Mensual', quarter: 'Trimestral', year: 'Anual' },
    ranges: {
      '7d': 'Últimos 7 días', '30d': 'Últimos 30 días', '90d': 'Últimos 90 días', '12m': 'Últimos 12 meses',
      ytd: 'Desde el inicio del año', all: 'Todo el historial', custom: 'Personalizado',
    },
    from: 'Desde',
    to: 'Hasta',
    currency: 'Moneda',
    // With the preposition, so "a el" can contract to "al".
    previous: {
      '7d': 'a los 7 días anteriores', '30d': 'a los 30 días anteriores', '90d': 'a los 90 días anteriores',
      '12m': 'a los 12 meses anteriores', period: 'al periodo anterior',
    },
    up: 'sube un {pct} respecto {previous}',
    down: 'baja un {pct} respecto {previous}',
    same: 'sin cambios respecto {previous}',
    upFromZero: 'sube respecto {previous} ({zero})',
    downFromZero: 'baja respecto {previous} ({zero})',
    keyboardHint: 'Usa las flechas izquierda y derecha para recorrer cada periodo.',
    currentPeriod: 'Este periodo',
    previousPeriod: 'Periodo anterior',
    previousError: 'No se pudo cargar el periodo anterior.',
    noComparison: 'no hay datos anteriores para comparar',
    empty: 'No hay ingresos en este periodo',
    loaded: (n, locale) =>
      plural(L, locale, n, {
        one: '{count} transacción cargada',
        many: '{count} de transacciones cargadas',
        other: '{count} transacciones cargadas',
      }),
    chartSummary: 'Volumen neto del {from} al {to}: {total} en total. Máximo {max} ({maxLabel}), mínimo {min} ({minLabel}).',
    weekOf: 'Semana del {date}',
    transactionCount: (n, locale) =>
      plural(L, locale, n, { one: '{count} transacción', many: '{count} de transacciones', other: '{count} transacciones' }),
    table: { period: 'Periodo', netVolume: 'Volumen neto', transactions: 'Transacciones' },
  },

  balance: {
    title: 'Saldo',
    available: 'Disponible',
    pending: 'Disponible pronto',
    inTransit: 'En camino a tu banco',
    total: 'Total',
    nextPayout: 'Próximo depósito',
    expected: 'Previsto para el {date}',
    noUpcoming: 'No hay depósitos próximos',
    schedule: 'Calendario de depósitos',
    daily: (days, locale) =>
      plural(L, locale, days, {
        one: 'Diario, {count} día después del pago',
        other: 'Diario, {count} días después del pago',
      }),
    weekly: (weekday) => (WEEKDAYS[weekday] ? `Semanal, ${WEEKDAYS[weekday]}` : 'Semanal'),
    monthly: (day) => `Mensual, el día ${day}`,
    ordinal,
    manual: 'Depósitos manuales',
    dailyNoDelay: 'Diario',
    monthlyNoAnchor: 'Mensual',
    upcomingPayouts: 'Próximos depósitos',
    recentPayouts: 'Depósitos recientes',
    noPayouts: 'Aún no hay depósitos',
    failedReason: 'Fallido: {reason}',
    instant: 'Instantáneo',
    payoutCount: (n, locale) => plural(L, locale, n, { one: '{count} depósito', other: '{count} depósitos' }),
    about: 'Unos {amount}',
    expectedAround: 'Previsto hacia el {date}',
    estimate: 'Estimación',
    negative: 'Tu saldo es negativo, normalmente por un reembolso o una disputa. Tus próximos ingresos lo cubren primero, antes de cualquier depósito en tu banco.',
    columns: { arrival: 'Llegada', amount: 'Importe', status: 'Estado' },
  },

  dashboard: {
    title: 'Panel',
    subtitle: 'Tus ingresos con {platform}',
    sections: { balance: 'Saldo', earnings: 'Ingresos', transactions: 'Transacciones' },
    newActivity: 'Nueva actividad: {description}, {amount}',
    newActivityCount: (n, locale) =>
      plural(L, locale, n, { one: '{count} transacción nueva', other: '{count} transacciones nuevas' }),
    payoutActivity: 'Depósito de {amount}: {status}',
  },

  login: {
    title: 'Iniciar sesión',
    emailPrompt: 'Introduce el correo electrónico que usas en {platform}.',
    emailPromptNoPlatform: 'Introduce tu correo electrónico para iniciar sesión.',
    emailLabel: 'Correo electrónico',
    emailInvalid: 'Introduce un correo electrónico válido.',
    continue: 'Continuar',
    codeSent: 'Enviamos un código al {phone}',
    codeLabel: 'Código de verificación',
    verify: 'Verificar',
    resend: 'Reenviar código',
    resendIn: 'Reenviar código en {seconds} s',
    codeResent: 'Te enviamos un código nuevo.',
    testModeNote: 'Modo de prueba: no se envía ningún SMS. Usa el código 000000.',
    invalidCode: 'Ese código no es correcto. Inténtalo de nuevo.',
    attemptsLeft: (n, locale) =>
      plural(L, locale, n, {
        one: 'Ese código no es correcto. Te queda {count} intento.',
        other: 'Ese código no es correcto. Te quedan {count} intentos.',
      }),
    expired: 'Este enlace ha caducado. Vuelve a {platform} y abre el panel de nuevo.',
    expiredNoPlatform: 'Este enlace ha caducado. Vuelve atrás y abre el panel de nuevo.',
    tooManyAttempts: 'Demasiados intentos. Espera unos minutos y solicita un código nuevo.',
    rateLimited: (seconds, locale) =>
      plural(L, locale, seconds, {
        one: 'Demasiadas solicitudes. Inténtalo de nuevo en {count} segundo.',
        other: 'Demasiadas solicitudes. Inténtalo de nuevo en {count} segundos.',
      }),
    network: 'No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
    signingIn: 'Iniciando sesión…',
    redirecting: 'Sesión iniciada. Te llevamos a tu panel…',
    useDifferentEmail: 'Usar otro correo electrónico',
    signInWithEmail: 'Iniciar sesión con tu correo electrónico',
    goBack: 'Volver a {platform}',
    goBackNoPlatform: 'Volver',
    testModeEmail: 'Las cuentas en modo de prueba no inician sesión con un correo electrónico: abre tu panel desde {platform}, que te conecta con un enlace.',
    testModeEmailNoPlatform: 'Las cuentas en modo de prueba no inician sesión con un correo electrónico: abre tu panel desde el sitio de la plataforma, que te conecta con un enlace.',
    codeHelp: 'Introduce el código de {length} dígitos.',
    codeExpired: 'Este código ha caducado. Solicita un código nuevo.',
    signedIn: 'Has iniciado sesión.',
    linkInvalid: 'Este enlace no es válido. Vuelve a {platform} y abre el panel de nuevo.',
    linkInvalidNoPlatform: 'Este enlace no es válido. Vuelve atrás y abre el panel de nuevo.',
  },
};
