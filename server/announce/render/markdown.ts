/** The notice as Markdown: what the dry run prints and what file channels receive. */
import { mdText } from '../../common/markdown.ts';
import type { Block, Notice } from '../notice.ts';

/** mdText, but an e-mail address stays copyable: only an '@' that starts a word could mention someone. */
const md = (value: string): string => mdText(value).replace(/([\w.+-])@\u200d/g, '$1@');

const block = (b: Block): string[] => {
  switch (b.type) {
    case 'paragraph':
      return [md(b.text), ''];
    case 'list':
      return [...b.items.map((i) => `- ${md(i)}`), ''];
    case 'fields':
      return [...b.rows.map(([k, v]) => `- **${md(k)}**: ${md(v)}`), ''];
  }
};

export const noticeMarkdown = (n: Notice): string =>
  `${[
    `# ${md(n.subject)}`,
    '',
    `**${md(n.headline)}**`,
    '',
    ...n.sections.flatMap((s) => [...(s.title ? [`## ${md(s.title)}`, ''] : []), ...s.blocks.flatMap(block)]),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
