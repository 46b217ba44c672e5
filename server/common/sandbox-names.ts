/**
 * Names on the wire between the sandbox and its clients (the regression suite's browser and REST
 * helpers), kept apart so Playwright's workers need not load the server: how a request names its
 * fork of the rehearsal sandbox, and the web UI's persona cookie.
 */
import { createHmac } from 'node:crypto';

export const FORK_HEADER = 'x-understudy-fork';
export const FORK_COOKIE = 'understudy_fork';
export const PERSONA_COOKIE = 'understudy_persona';

/**
 * The persona cookie's value: the account id and a secret only the sandbox and the persona's
 * token holder can compute (an HMAC of the token), so the account ids `/login` lists are not
 * credentials by themselves, and the token itself never sits in a browser's cookie jar.
 */
export const personaCookieValue = (persona: { accountId: string; token: string }): string =>
  `${persona.accountId}.${createHmac('sha256', persona.token).update('understudy persona cookie').digest('base64url')}`;
