// The login page demo: <express-login> on the in-browser DemoSignInAdapter (test mode, code
// 000000), sending the person to the dashboard demo once signed in.
import '../src/components/login/login.js';
import { DemoSignInAdapter } from '../src/demo/demo-sign-in-adapter.js';

const login = document.querySelector('express-login')!;
login.adapter = new DemoSignInAdapter({ livemode: false, redirectUrl: './index.html', latency: 500 });

const params = new URLSearchParams(location.search);
const locale = params.get('locale');
if (locale) login.locale = locale;
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
