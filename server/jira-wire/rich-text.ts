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

/** Deeper documents are refused: real ones nest a few levels (lists in tables in panels), and the walk recurses. */
export const ADF_MAX_DEPTH = 100;

/** A document the sandbox cannot read as text: the message names where (`content[0].content[1].text`). */
export class AdfError extends TypeError {
  override readonly name = 'AdfError';
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the parts of a node the text is read from; node types Jira adds later pass as long as their shape is a node's. */
const checkNode = (node: unknown, path: string, depth: number): AdfNode => {
  if (depth > ADF_MAX_DEPTH) throw new AdfError(`${path} is nested deeper than ${ADF_MAX_DEPTH} levels`);
  if (!isPlain(node)) throw new AdfError(`${path} must be a node object`);
  if (typeof node.type !== 'string') throw new AdfError(`${path}.type must be a string`);
  if (node.type === 'text' && typeof node.text !== 'string') throw new AdfError(`${path}.text must be a string`);
  if (node.text !== undefined && typeof node.text !== 'string') throw new AdfError(`${path}.text must be a string`);
  if (node.content !== undefined && !Array.isArray(node.content)) throw new AdfError(`${path}.content must be a list of nodes`);
  if (node.attrs !== undefined && !isPlain(node.attrs)) throw new AdfError(`${path}.attrs must be an object`);
  return node as unknown as AdfNode;
};

const attrText = (node: AdfNode, path: string, ...keys: string[]): string => {
  for (const k of keys) {
    const v = node.attrs?.[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' && typeof v !== 'number') throw new AdfError(`${path}.attrs.${k} must be a string`);
    return String(v);
  }
  return '';
};

const inline = (raw: unknown, path: string, depth: number): string => {
  const node = checkNode(raw, path, depth);
  if (node.type === 'text') return node.text!;
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention') return attrText(node, path, 'text');
  if (node.type === 'emoji') return attrText(node, path, 'text', 'shortName');
  if (node.type === 'inlineCard') return attrText(node, path, 'url');
  const children = (node.content ?? []).map((c, i) => ({
    text: inline(c, `${path}.content[${i}]`, depth + 1),
    block: BLOCKS.has((c as AdfNode).type),
  }));
  return children.map((c) => c.text).join(children.some((c) => c.block) ? '\n\n' : '');
};

/** Whether a value looks like an ADF document (v3 input). */
export const isAdf = (value: unknown): value is AdfNode => typeof value === 'object' && value !== null && (value as AdfNode).type === 'doc';

/** ADF (or a plain string, which v3 callers sometimes send) → the stored string; AdfError when it is neither. */
export const fromAdf = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (!isAdf(value)) throw new AdfError('not an Atlassian Document Format document (an object with "type": "doc")');
  const doc = checkNode(value, 'doc', 0);
  return (doc.content ?? []).map((c, i) => inline(c, `content[${i}]`, 1)).join('\n\n');
};

/** Stored string → the version's form. */
export const richOut = (v: 2 | 3, text: string | null | undefined): unknown => (v === 3 ? toAdf(text) : (text ?? null));
