/**
 * English default messages per `ExpressError` code, as plain data (importing this module does
 * nothing else); elements show localised words of their own. Its keys are the error codes.
 */

export const DEFAULT_ERROR_MESSAGES = {
  network: 'We could not reach the server. Check your connection and try again.',
  unauthorized: 'Your session has ended. Sign in again to continue.',
  not_found: 'We could not find what you were looking for.',
  rate_limited: 'Too many requests. Wait a moment and try again.',
  invalid_response: 'The server sent data we could not read.',
  invalid_request: 'The request was not valid.',
  expired: 'This link has expired.',
  invalid_code: 'That code is not correct.',
  too_many_attempts: 'Too many attempts. Request a new code.',
  server_error: 'Something went wrong on our side; try again in a moment.',
  unknown: 'Something went wrong. Try again.',
};
