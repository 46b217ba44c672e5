/** How a request names its fork of the rehearsal sandbox (kept apart so test workers need not load the server). */
export const FORK_HEADER = 'x-understudy-fork';
export const FORK_COOKIE = 'understudy_fork';
