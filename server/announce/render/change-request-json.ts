/** The change request as JSON with the fields change boards ask for, each as plain text. */
import type { Notice } from '../notice.ts';
import { noticeText } from './text.ts';

const FIELDS: [key: string, title: string][] = [
  ['summary', 'Summary'], ['reason', 'Reason'], ['impact', 'Impact'], ['risk', 'Risk'], ['testEvidence', 'Test evidence'],
  ['implementationPlan', 'Implementation plan'], ['backoutPlan', 'Backout plan'], ['schedule', 'Schedule'], ['communicationPlan', 'Communication plan'],
];

export const changeRequestJson = (n: Notice): Record<string, string> => {
  const out: Record<string, string> = { title: n.subject, headline: n.headline };
  for (const [key, title] of FIELDS) {
    const s = n.sections.find((x) => x.title === title);
    out[key] = s ? noticeText({ ...n, headline: '', sections: [{ title: '', blocks: s.blocks }] }).trim() : '';
  }
  out.report = n.link;
  return out;
};
