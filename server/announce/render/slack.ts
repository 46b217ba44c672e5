/**
 * The notice as a Slack-compatible incoming-webhook payload: `text` (the fallback every client
 * shows) and Block Kit `blocks`. Text is escaped (&, <, >) so a name cannot become a mention or a
 * link; Slack's limits (150 characters in a header, 3,000 in a section) are respected.
 */
import type { Block, Notice } from '../notice.ts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Cuts to `max` characters without leaving half an entity (&amp;) at the end. */
const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1).replace(/&[a-z]*$/, '')}…` : s);

const mrkdwn = (b: Block): string => {
  switch (b.type) {
    case 'paragraph':
      return esc(b.text);
    case 'list':
      return b.items.map((i) => `• ${esc(i)}`).join('\n');
    case 'fields':
      return b.rows.map(([k, v]) => `*${esc(k)}:* ${esc(v)}`).join('\n');
  }
};

const EMOJI: Record<Notice['tone'], string> = { info: ':calendar:', warning: ':construction:', success: ':white_check_mark:', danger: ':rewind:' };

export interface SlackPayload {
  text: string;
  blocks: unknown[];
}

export const noticeSlack = (n: Notice): SlackPayload => ({
  // The fallback `text` is read as mrkdwn too: escaped like the sections (the header is plain_text).
  text: clip(esc(`${n.subject}: ${n.headline}`), 3000),
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: clip(n.subject, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`${EMOJI[n.tone]} *${esc(n.headline)}*`, 3000) } },
    ...n.sections.map((s) => ({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`${s.title ? `*${esc(s.title)}*\n` : ''}${s.blocks.map(mrkdwn).join('\n')}`, 3000) },
    })),
    { type: 'context', elements: [{ type: 'mrkdwn', text: clip(`Rehearsal report: ${esc(n.link)}`, 3000) }] },
  ],
});
