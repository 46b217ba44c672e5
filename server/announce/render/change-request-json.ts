/** The change request as JSON with the fields change boards ask for, each as plain text. */
import type { Notice } from '../notice.ts';
import { noticeText } from './text.ts';

const FIELDS: [key: string, title: string][] = [
  ['summary', 'Summary'],
  ['reason', 'Reason'],
  ['impact', 'Impact'],
  ['risk', 'Risk'],
  ['testEvidence', 'Test evidence'],
  ['implementationPlan', 'Implementation plan'],
  ['backoutPlan', 'Backout plan'],
  ['schedule', 'Schedule'],
  ['communicationPlan', 'Communication plan'],
];

/** `plannedStart`/`plannedEnd` (ISO 8601) are for change tools that schedule; the texts are for people. */
export const changeRequestJson = (n: Notice, planned: { start: Date; end: Date }): Record<string, string> => {
  const out: Record<string, string> = {
    title: n.subject,
    headline: n.headline,
    plannedStart: planned.start.toISOString(),
    plannedEnd: planned.end.toISOString(),
  };
  for (const [key, title] of FIELDS) {
    const s = n.sections.find((x) => x.title === title);
    // Only the blank lines around are dropped: the first list item keeps its indentation.
    out[key] = s ? noticeText({ ...n, headline: '', sections: [{ title: '', blocks: s.blocks }] }).replace(/^\n+|\s+$/g, '') : '';
  }
  out.report = n.link;
  return out;
};
