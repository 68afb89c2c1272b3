/** Japanese strings (です・ます). Same keys as `en`, checked by the `Strings` type. */
import type { Strings } from './en.js';
import { plural } from './format.js';

const L = 'ja';

const WEEKDAYS: Record<string, string> = {
  monday: '月曜日', tuesday: '火曜日', wednesday: '水曜日', thursday: '木曜日',
  friday: '金曜日', saturday: '土曜日', sunday: '日曜日',
};

/** A day of the month: "15日". */
const ordinal = (n: number): string => `${n}日`;

/** The Japanese string table. Japanese has one plural form; counts still go through `plural` for digits. */
export const ja: Strings = {
  common: {
    loading: '読み込み中…',
    retry: '再試行',
    loadMore: 'さらに読み込む',
    exportCsv: 'CSVをエクスポート',
    cancel: 'キャンセル',
    close: '閉じる',
    clearFilters: 'フィルタをクリア',
    filters: 'フィルタ',
    testMode: 'テストモード',
    showDetails: '詳細を表示',
    hideDetails: '詳細を隠す',
    total: '合計',
    errorTitle: '問題が発生しました',
    networkErrorTitle: 'オフラインのようです',
    loadMoreErrorTitle: '続きを読み込めませんでした',
    errors: {
      network: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
      unauthorized: 'セッションの有効期限が切れました。続けるには、もう一度ログインしてください。',
      not_found: 'お探しのものが見つかりませんでした。',
      rate_limited: 'リクエストが多すぎます。しばらく待ってから、もう一度お試しください。',
      invalid_response: 'サーバーから読み取れないデータが返されました。',
      invalid_request: 'リクエストが無効です。',
      expired: 'このリンクは有効期限が切れています。',
      invalid_code: 'コードが正しくありません。',
      too_many_attempts: '試行回数が多すぎます。新しいコードをリクエストしてください。',
      unknown: '問題が発生しました。もう一度お試しください。',
    },
    rateLimitedWait: (seconds, locale) =>
      plural(L, locale, seconds, { other: 'リクエストが多すぎます。{count}秒後にもう一度お試しください。' }),
  },

  categories: {
    all: 'すべて',
    plural: {
      charge: '支払い', refund: '返金', transfer: '送金', payout: '入金',
      fee: '手数料', adjustment: '調整', other: 'その他',
    },
    singular: {
      charge: '支払い', refund: '返金', transfer: '送金', payout: '入金',
      fee: '手数料', adjustment: '調整', other: 'その他',
    },
  },

  statuses: {
    available: '利用可能',
    pending: '保留中',
    pendingUntil: '{date}まで保留中',
    paid: '入金済み',
    in_transit: '振込中',
    canceled: 'キャンセル済み',
    failed: '失敗',
  },

  descriptions: {
    charge: '{platform}からの支払い',
    chargeNoPlatform: '支払い',
    transfer: '{platform}からの送金',
    transferNoPlatform: '送金',
    refund: '返金',
    payout: '銀行口座への入金',
    fee: '手数料',
    adjustment: '調整',
    other: '取引',
  },

  transactions: {
    title: '取引',
    columns: {
      date: '日付', type: '種類', description: '説明', amount: '金額',
      fee: '手数料', net: '純額', status: 'ステータス',
    },
    ranges: {
      '7d': '過去7日間', '30d': '過去30日間', '90d': '過去90日間', '12m': '過去12か月',
      all: '全期間', custom: 'カスタム',
    },
    rangeLabel: '期間',
    categoryLabel: '種類',
    from: '開始日',
    to: '終了日',
    currency: '通貨',
    allCurrencies: 'すべての通貨',
    empty: 'この期間の取引はありません',
    emptyFiltered: '次のフィルタに一致する取引はありません：{filters}',
    exporting: (n, locale) => plural(L, locale, n, { other: 'エクスポート中… {count}件' }),
    exported: (n, locale) => plural(L, locale, n, { other: '{count}件の取引をエクスポートしました' }),
    exportCanceled: 'エクスポートをキャンセルしました',
    newTransaction: '新しい取引：{description}、{amount}',
    detail: {
      id: 'ID', source: '取引元', availableOn: '利用可能日', fees: '手数料',
      type: 'Stripeの種類', noFees: '手数料なし',
    },
    csv: { category: 'カテゴリ', currency: '通貨', id: 'ID' },
    loadingMore: 'さらに読み込み中…',
    showing: (n, locale) => plural(L, locale, n, { other: '{count}件の取引を表示中' }),
    exportFailed: 'エクスポートを完了できませんでした',
    invalidRange: '開始日は終了日と同じか、それより前の日付にしてください。',
    feeTypes: { application_fee: 'プラットフォーム手数料', stripe_fee: '決済手数料', tax: '税金' },
  },

  earnings: {
    title: '売上',
    netVolume: '純売上高',
    intervalLabel: '間隔',
    rangeLabel: '期間',
    compare: '前の期間と比較',
    intervals: { day: '日次', week: '週次', month: '月次', quarter: '四半期', year: '年次' },
    ranges: {
      '7d': '過去7日間', '30d': '過去30日間', '90d': '過去90日間', '12m': '過去12か月',
      ytd: '年初来', all: '全期間', custom: 'カスタム',
    },
    from: '開始日',
    to: '終了日',
    currency: '通貨',
    previous: {
      '7d': '前の7日間', '30d': '前の30日間', '90d': '前の90日間', '12m': '前の12か月', period: '前の期間',
    },
    up: '{previous}と比べて{pct}増',
    down: '{previous}と比べて{pct}減',
    same: '{previous}から変化なし',
    upFromZero: '{previous}（{zero}）から増加',
    downFromZero: '{previous}（{zero}）から減少',
    keyboardHint: '左右の矢印キーで各期間を移動できます。',
    currentPeriod: 'この期間',
    previousPeriod: '前の期間',
    previousError: '前の期間を読み込めませんでした。',
    noComparison: '比較できる過去のデータはありません',
    empty: 'この期間の売上はありません',
    loaded: (n, locale) => plural(L, locale, n, { other: '{count}件の取引を読み込みました' }),
    chartSummary: '{from}から{to}までの純売上高：合計{total}。最高は{max}（{maxLabel}）、最低は{min}（{minLabel}）。',
    weekOf: '{date}の週',
    transactionCount: (n, locale) => plural(L, locale, n, { other: '{count}件の取引' }),
    table: { period: '期間', netVolume: '純売上高', transactions: '取引数' },
  },

  balance: {
    title: '残高',
    available: '利用可能',
    pending: 'まもなく利用可能',
    inTransit: '銀行へ振込中',
    total: '合計',
    nextPayout: '次回の入金',
    expected: '{date}に到着予定',
    noUpcoming: '予定されている入金はありません',
    schedule: '入金スケジュール',
    daily: (days, locale) => plural(L, locale, days, { other: '毎日（支払いの{count}日後）' }),
    weekly: (weekday) => (WEEKDAYS[weekday] ? `毎週${WEEKDAYS[weekday]}` : '毎週'),
    monthly: (day) => `毎月${ordinal(day)}`,
    ordinal,
    manual: '手動入金',
    dailyNoDelay: '毎日',
    monthlyNoAnchor: '毎月',
    upcomingPayouts: '今後の入金',
    recentPayouts: '最近の入金',
    noPayouts: 'まだ入金はありません',
    failedReason: '失敗：{reason}',
    instant: '即時',
    columns: { arrival: '到着日', amount: '金額', status: 'ステータス' },
  },

  dashboard: {
    title: 'ダッシュボード',
    subtitle: '{platform}での売上',
    sections: { balance: '残高', earnings: '売上', transactions: '取引' },
    newActivity: '新しいアクティビティ：{description}、{amount}',
    newActivityCount: (n, locale) => plural(L, locale, n, { other: '新しい取引が{count}件' }),
    payoutActivity: '{amount}の入金：{status}',
  },

  login: {
    title: 'ログイン',
    emailPrompt: '{platform}でお使いのメールアドレスを入力してください。',
    emailPromptNoPlatform: 'ログインするには、メールアドレスを入力してください。',
    emailLabel: 'メールアドレス',
    emailInvalid: '有効なメールアドレスを入力してください。',
    continue: '続行',
    codeSent: '{phone}にコードを送信しました',
    codeLabel: '確認コード',
    verify: '確認',
    resend: 'コードを再送信',
    resendIn: '{seconds}秒後にコードを再送信できます',
    codeResent: '新しいコードを送信しました。',
    testModeNote: 'テストモード：SMSは送信されません。コード000000を使用してください。',
    invalidCode: 'コードが正しくありません。もう一度お試しください。',
    attemptsLeft: (n, locale) =>
      plural(L, locale, n, { other: 'コードが正しくありません。あと{count}回入力できます。' }),
    expired: 'このリンクは有効期限が切れています。{platform}に戻って、もう一度ダッシュボードを開いてください。',
    expiredNoPlatform: 'このリンクは有効期限が切れています。前のページに戻って、もう一度ダッシュボードを開いてください。',
    tooManyAttempts: '試行回数が多すぎます。数分待ってから、新しいコードをリクエストしてください。',
    rateLimited: (seconds, locale) =>
      plural(L, locale, seconds, { other: 'リクエストが多すぎます。{count}秒後にもう一度お試しください。' }),
    network: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
    signingIn: 'ログインしています…',
    redirecting: 'ログインしました。ダッシュボードに移動しています…',
    useDifferentEmail: '別のメールアドレスを使用',
    signInWithEmail: 'メールアドレスでログインする',
    codeHelp: '{length}桁のコードを入力してください。',
    codeExpired: 'このコードは有効期限が切れています。新しいコードをリクエストしてください。',
    signedIn: 'ログインしました。',
    linkInvalid: 'このリンクは無効です。{platform}に戻って、もう一度ダッシュボードを開いてください。',
    linkInvalidNoPlatform: 'このリンクは無効です。前のページに戻って、もう一度ダッシュボードを開いてください。',
  },
};
