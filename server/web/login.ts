// The login page: <express-login> on the reference server's sign-in API.
import '../../src/components/login/login.js';
import { HttpSignInAdapter } from '../../src/adapter/http-sign-in-adapter.js';

const login = document.querySelector('express-login');
if (login) login.adapter = new HttpSignInAdapter({ baseUrl: '/v1' });
