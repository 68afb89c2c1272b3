import type { LoginButtonStrings } from '../login-button.strings.js';

/** The login button's words in Japanese. */
const strings: LoginButtonStrings = {
  label: 'ダッシュボードを表示',
  webview: 'このアプリではダッシュボードを開けません。Safari や Chrome などのブラウザでこのページを開いてください。',
  error: 'ダッシュボードを開けませんでした。もう一度お試しください。',
  network: 'サーバーに接続できません。接続を確認して、もう一度お試しください。',
  rateLimited: '試行回数が多すぎます。しばらく待ってから、もう一度お試しください。',
};
export default strings;
