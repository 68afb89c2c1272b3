// Lumen Rides' driver portal (the demo platform's own page): only the login button, which POSTs to
// the platform's backend (/platform/login-link) and follows the single-use link it answers.
import '../../src/components/login-button/login-button.js';
