/**
 * Markdown for text that came from a cloned tracker: on one line, with the characters that would
 * make HTML, links, code or table cells backslash-escaped, so a name cannot reshape the comment,
 * and no '@mention' that would notify somebody.
 */
export const mdText = (value: unknown): string =>
  String(value ?? '')
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    // '@name' in a pull-request comment notifies that user or team: a zero-width joiner keeps it text.
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200d');

/** A Markdown table; cells are escaped unless given as `{ raw }`. */
export const mdTable = (head: readonly string[], rows: readonly (readonly (string | { raw: string })[])[]): string[] => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...rows.map((cells) => `| ${cells.map((c) => (typeof c === 'string' ? mdText(c) : c.raw)).join(' | ')} |`),
];

/**
 * Text in a code span, literally: nothing inside one is Markdown or HTML. The fence is one backtick
 * longer than the longest run inside. Not for table cells, where `|` still splits the cell.
 */
export const mdCode = (value: unknown): string => {
  const text = String(value ?? '').replace(/\r?\n|\r/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
};
