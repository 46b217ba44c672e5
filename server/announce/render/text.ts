/** The notice as plain text, wrapped for e-mail (72 columns, lists with a hanging indent). */
import type { Block, Notice } from '../notice.ts';

/** Wraps at spaces; a word longer than the width (a URL) stays whole on its own line. */
export const wrap = (text: string, width: number, first = '', rest = first): string[] => {
  const out: string[] = [];
  let line = first;
  let prefix = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      out.push(line);
      prefix = rest;
      line = rest + word;
    } else line = line.length > prefix.length ? `${line} ${word}` : line + word;
  }
  if (line.length > prefix.length || !out.length) out.push(line);
  return out;
};

const WIDTH = 72;

const block = (b: Block): string[] => {
  switch (b.type) {
    case 'paragraph':
      return [...wrap(b.text, WIDTH), ''];
    case 'list':
      return [...b.items.flatMap((i) => wrap(i, WIDTH, '  - ', '    ')), ''];
    case 'fields':
      return [...b.rows.flatMap(([k, v]) => wrap(v, WIDTH, `  ${k}: `, '    ')), ''];
  }
};

export const noticeText = (n: Notice): string =>
  `${[
    ...wrap(n.headline, WIDTH),
    '',
    ...n.sections.flatMap((s) => [...(s.title ? [s.title.toUpperCase(), '-'.repeat(s.title.length), ''] : []), ...s.blocks.flatMap(block)]),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
