/**
 * Values the generated suite fills in: for a field a form or a request must carry, a valid model
 * value chosen from the configuration (the first allowed option, the acting persona, a fixed date
 * on the rehearsal's frozen clock), and that value in the two forms a client sends it — Jira REST
 * JSON (v2) and the web form's `name=value`.
 */
import type { FieldMeta } from '../../tracker/index.ts';
import { type FormValue, toForm } from '../../http/index.ts';

export interface FillContext {
  /** The acting persona (user fields are filled with them). */
  accountId: string;
  /** A group the persona is in (group fields). */
  groupId?: string;
  /** The frozen clock (ISO). */
  now: string;
}

const MULTI = new Set(['multi-select', 'checkboxes', 'multi-user', 'multi-group', 'multi-version', 'components']);

/** A valid model value for a field, or undefined when none can be chosen (no options, no group). */
export const modelValueFor = (m: FieldMeta, c: FillContext): unknown => {
  // People pick the current release, not the oldest one: versions take the last offered.
  const first = m.type === 'version' || m.type === 'multi-version' ? m.allowedValues?.at(-1) : m.allowedValues?.[0];
  const wrap = (v: unknown) => (v === undefined ? undefined : MULTI.has(m.type) ? [v] : v);
  switch (m.type) {
    case 'text':
      return 'Rehearsal';
    case 'paragraph':
      return 'Written by the Understudy rehearsal.';
    case 'url':
      return 'https://example.test/rehearsal';
    case 'number':
      return 1;
    case 'date':
      return c.now.slice(0, 10);
    case 'datetime':
      return `${c.now.slice(0, 16)}:00.000Z`;
    case 'labels':
      return ['rehearsal'];
    case 'user':
    case 'multi-user':
      return wrap(c.accountId);
    case 'group':
    case 'multi-group':
      return wrap(c.groupId);
    case 'cascading-select': {
      if (!first) return undefined;
      const child = first.children?.[0];
      return child ? { parent: first.id, child: child.id } : { parent: first.id };
    }
    default:
      // select, radio, multi-select, checkboxes, version, components, priority, resolution, …
      return first ? wrap(first.id) : undefined;
  }
};

/** A model value as Jira REST v2 JSON (what an integration would send). */
export const restValueFor = (type: string, value: unknown): unknown => {
  const each = (v: unknown): unknown => {
    switch (type) {
      case 'user':
      case 'multi-user':
        return { accountId: v };
      case 'group':
      case 'multi-group':
        return { groupId: v };
      case 'cascading-select': {
        const c = v as { parent: string; child?: string };
        return c.child ? { id: c.parent, child: { id: c.child } } : { id: c.parent };
      }
      case 'text':
      case 'paragraph':
      case 'url':
      case 'number':
      case 'date':
      case 'datetime':
      case 'labels':
        return v;
      default:
        return { id: v };
    }
  };
  if (type === 'labels') return value;
  return Array.isArray(value) ? value.map(each) : each(value);
};

/** A model value as the web form's value (a string, or a list for multi-value controls). */
export const formValueFor = (type: string, value: unknown): FormValue => toForm(type, value);
