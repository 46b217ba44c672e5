/**
 * Notices for the people a change affects (`npm run announce`), written from a rehearsal's
 * result.json: the facts (what, who, when, the way back), the effects in people's words, each kind
 * of notice, its renderings (Markdown, .eml, a Slack payload, a banner, a change request), and
 * delivery to webhooks, e-mail folders and files with a communication log.
 */
export { runAnnounceCommand } from './command.ts';
export type { AnnounceDeps } from './command.ts';
export { loadResult } from './load-result.ts';
export { appendLog, readLog } from './deliver/log.ts';
