/**
 * Names on the wire between the sandbox and its clients (the regression suite's browser and REST
 * helpers), kept apart so Playwright's workers need not load the server: how a request names its
 * fork of the rehearsal sandbox, and the web UI's persona cookie (its value is the persona's account id).
 */
export const FORK_HEADER = 'x-understudy-fork';
export const FORK_COOKIE = 'understudy_fork';
export const PERSONA_COOKIE = 'understudy_persona';
