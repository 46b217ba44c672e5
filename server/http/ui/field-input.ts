/**
 * One field of a screen as a labelled form control, from the tracker's FieldMeta: required mark,
 * allowed values as choices, the error beside it (aria-invalid + aria-describedby). No `required`
 * attribute: the tracker decides what is missing and says so, exactly as for the REST API.
 */
import type { FieldMeta } from '../../tracker/index.ts';
import { html, type SafeHtml } from '../../common/html.ts';
import type { FormValue } from './form-values.ts';

export interface Choice {
  id: string;
  name: string;
}
/** Values for fields whose choices are people or groups (FieldMeta lists no allowed values for them). */
export interface Choices {
  users: Choice[];
  assignable: Choice[];
  groups: Choice[];
  /** Names a value that is no longer offered (an inactive reporter, an assignee who lost the permission). */
  nameOf: (id: string) => string;
}

const controlId = (fieldId: string) => `f-${fieldId}`;
const errorId = (fieldId: string) => `err-${fieldId}`;

const requiredMark = (m: FieldMeta): SafeHtml =>
  m.required ? html`<span class="req" aria-hidden="true">*</span><span class="visually-hidden"> (required)</span>` : html``;

const choicesOf = (m: FieldMeta, c: Choices): Choice[] => {
  if (m.allowedValues) {
    if (m.type !== 'cascading-select') return m.allowedValues;
    return m.allowedValues.flatMap((p) => [
      { id: p.id, name: p.name },
      ...(p.children ?? []).map((ch) => ({ id: `${p.id}:${ch.id}`, name: `${p.name} - ${ch.name}` })),
    ]);
  }
  if (m.fieldId === 'assignee') return c.assignable;
  if (m.type === 'user' || m.type === 'multi-user') return c.users;
  if (m.type === 'group' || m.type === 'multi-group') return c.groups;
  return [];
};

const has = (v: FormValue, id: string) => (Array.isArray(v) ? v.includes(id) : v === id);

/** The offered choices plus the current values they lack, so an untouched field keeps its value. */
const withCurrent = (list: Choice[], v: FormValue, c: Choices): Choice[] => {
  const missing = (Array.isArray(v) ? v : [v]).filter((id) => id !== '' && !list.some((o) => o.id === id));
  return missing.length ? [...list, ...missing.map((id) => ({ id, name: c.nameOf(id) }))] : list;
};

const describe = (m: FieldMeta, error: string | undefined, help?: string): SafeHtml => {
  const ids = [error ? errorId(m.fieldId) : '', help ? `${controlId(m.fieldId)}-help` : ''].filter(Boolean).join(' ');
  return html`${error ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}${m.required ? html` aria-required="true"` : ''}`;
};

const options = (list: Choice[], v: FormValue): SafeHtml[] =>
  list.map((o) => html`<option value="${o.id}"${has(v, o.id) ? html` selected` : ''}>${o.name}</option>`);

const boxes = (m: FieldMeta, list: Choice[], v: FormValue, kind: 'radio' | 'checkbox', error?: string): SafeHtml => {
  const none =
    kind === 'radio' && !m.required
      ? html`<label><input type="radio" name="${m.fieldId}" value=""${v === '' ? html` checked` : ''}${describe(m, error)}> None</label>`
      : html``;
  return html`<fieldset class="field" id="${controlId(m.fieldId)}"><legend>${m.name}${requiredMark(m)}</legend>${none}
${list.map((o) => html`<label><input type="${kind}" name="${m.fieldId}" value="${o.id}"${has(v, o.id) ? html` checked` : ''}${describe(m, error)}> ${o.name}</label>`)}
${errorText(m, error)}</fieldset>`;
};

const errorText = (m: FieldMeta, error: string | undefined): SafeHtml =>
  error ? html`<p class="field-error" id="${errorId(m.fieldId)}">${error}</p>` : html``;

const INPUT_TYPES: Record<string, string> = { text: 'text', url: 'url', number: 'text', date: 'date', datetime: 'datetime-local', labels: 'text' };
const HELP: Record<string, string> = {
  labels: 'Separate labels with spaces.',
  number: 'A number, e.g. 5 or 2.5.',
  datetime: 'Date and time in UTC.',
};

const control = (m: FieldMeta, v: FormValue, error: string | undefined, c: Choices): SafeHtml => {
  const id = controlId(m.fieldId);
  const help = HELP[m.type];
  const attrs = describe(m, error, help);
  const list = withCurrent(choicesOf(m, c), v, c);
  switch (m.type) {
    case 'paragraph':
      return html`<textarea id="${id}" name="${m.fieldId}" rows="4"${attrs}>${v}</textarea>`;
    case 'multi-select':
    case 'multi-user':
    case 'multi-group':
    case 'multi-version':
    case 'components':
      return html`<select id="${id}" name="${m.fieldId}" multiple size="${Math.min(6, Math.max(3, list.length))}"${attrs}>${options(list, v)}</select>`;
    case 'select':
    case 'cascading-select':
    case 'user':
    case 'group':
    case 'version':
    case 'priority':
    case 'resolution':
      return html`<select id="${id}" name="${m.fieldId}"${attrs}><option value="">${m.fieldId === 'assignee' ? 'Unassigned' : 'None'}</option>${options(list, v)}</select>`;
    default: {
      const type = INPUT_TYPES[m.type] ?? 'text';
      const value = Array.isArray(v) ? v.join(' ') : v;
      return html`<input id="${id}" name="${m.fieldId}" type="${type}" value="${value}"${m.type === 'number' ? html` inputmode="decimal"` : ''}${attrs}>${help ? html`<small id="${id}-help">${help}</small>` : ''}`;
    }
  }
};

/** A labelled control for one field, with its error beside it. */
export const fieldInput = (m: FieldMeta, value: FormValue, error: string | undefined, c: Choices): SafeHtml => {
  if (m.type === 'radio') return boxes(m, choicesOf(m, c), value, 'radio', error);
  if (m.type === 'checkboxes') return boxes(m, choicesOf(m, c), value, 'checkbox', error);
  return html`<div class="field${error ? ' has-error' : ''}"><label for="${controlId(m.fieldId)}">${m.name}${requiredMark(m)}</label>
${control(m, value, error, c)}${errorText(m, error)}</div>`;
};

/** Errors for fields that are not on the form (or general messages) to show at the top. */
export const unplacedErrors = (errors: Record<string, string>, meta: readonly FieldMeta[]): string[] =>
  Object.entries(errors)
    .filter(([k]) => !meta.some((m) => m.fieldId === k))
    .map(([k, v]) => `${k}: ${v}`);
