/**
 * Names on the wire between the sandbox and its clients (the regression suite's browser and REST
 * helpers), kept apart so Playwright's workers need not load the server: how a request names its
 * fork (and phase) of the rehearsal sandbox, and the web UI's persona cookie (its value is the persona's account id).
 */
export const FORK_HEADER = 'x-understudy-fork';
/** Which of the rehearsal's phases a request reads (and a new fork copies) when the sandbox serves several. */
export const PHASE_HEADER = 'x-understudy-phase';
export const FORK_COOKIE = 'understudy_fork';
export const PERSONA_COOKIE = 'understudy_persona';
