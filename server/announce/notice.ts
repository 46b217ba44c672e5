/**
 * A notice as a structured document: every format (Markdown, e-mail, Slack, banner, change request)
 * renders the same sections, so they never say different things. Text is plain; each renderer
 * escapes it for its format.
 */
export const NOTICE_KINDS = ['heads-up', 'started', 'update', 'done', 'rolled-back', 'change-request'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'fields'; rows: [label: string, value: string][] };

export interface Section {
  title: string;
  blocks: Block[];
}

export type Tone = 'info' | 'warning' | 'success' | 'danger';

export interface Notice {
  kind: NoticeKind;
  /** The e-mail subject and the Slack header. */
  subject: string;
  /** One or two sentences: the banner's text and the first paragraph everywhere. */
  headline: string;
  tone: Tone;
  sections: Section[];
  /** Where the full rehearsal report is. */
  link: string;
}

export const paragraph = (text: string): Block => ({ type: 'paragraph', text });
export const list = (items: readonly string[]): Block => ({ type: 'list', items: [...items] });
export const fields = (rows: readonly [string, string][]): Block => ({ type: 'fields', rows: [...rows] });
