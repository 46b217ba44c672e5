/**
 * Rich text between the API versions: v2 speaks wiki-markup strings, v3 the Atlassian Document
 * Format. The store keeps the string; v3 wraps it as paragraphs (blank lines) with hard breaks
 * (single newlines) and reads ADF back by its text, so v2 → v3 → v2 gives the same string.
 */
export interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
  attrs?: Record<string, unknown>;
  version?: number;
}

export const toAdf = (text: string | null | undefined): AdfNode | null => {
  if (text === null || text === undefined) return null;
  const paragraphs = text === '' ? [] : text.split(/\n{2,}/);
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) => ({
      type: 'paragraph',
      content: p
        .split('\n')
        .flatMap((line, i): AdfNode[] => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]),
    })),
  };
};

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'listItem',
  'bulletList',
  'orderedList',
  'panel',
  'rule',
  'table',
  'tableRow',
]);

const inline = (node: AdfNode): string => {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention') return String(node.attrs?.text ?? '');
  if (node.type === 'emoji') return String(node.attrs?.text ?? node.attrs?.shortName ?? '');
  if (node.type === 'inlineCard') return String(node.attrs?.url ?? '');
  const children = node.content ?? [];
  if (children.some((c) => BLOCKS.has(c.type))) return children.map(inline).join('\n\n');
  return children.map(inline).join('');
};

/** Whether a value looks like an ADF document (v3 input). */
export const isAdf = (value: unknown): value is AdfNode => typeof value === 'object' && value !== null && (value as AdfNode).type === 'doc';

/** ADF (or a plain string, which v3 callers sometimes send) → the stored string. */
export const fromAdf = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (!isAdf(value)) throw new TypeError('not an Atlassian Document Format document');
  return (value.content ?? []).map(inline).join('\n\n');
};

/** Stored string → the version's form. */
export const richOut = (v: 2 | 3, text: string | null | undefined): unknown => (v === 3 ? toAdf(text) : (text ?? null));
