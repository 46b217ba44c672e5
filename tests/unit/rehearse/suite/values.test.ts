/** The values the generated suite fills in: one per field type, as a model value, as REST JSON and as a form value. */
import { describe, expect, it } from 'vitest';
import { formValueFor, modelValueFor, restValueFor } from '../../../../server/rehearse/suite/values.ts';
import { toModel } from '../../../../server/http/ui/form-values.ts';
import { FIELD_TYPES } from '../../../../server/model/schema/vocab.ts';
import type { FieldMeta } from '../../../../server/tracker/index.ts';

const NOW = '2025-06-01T12:34:56.789Z';
const ctx = { accountId: 'u-bob', groupId: 'g-devs', now: NOW };
const options = [
  { id: 'o1', name: 'One' },
  { id: 'o2', name: 'Two' },
  { id: 'o3', name: 'Three' },
];
const meta = (type: string, allowedValues?: FieldMeta['allowedValues']): FieldMeta => ({
  fieldId: `f-${type}`,
  name: type,
  type,
  custom: true,
  required: true,
  hasDefaultValue: false,
  ...(allowedValues ? { allowedValues } : {}),
});

describe('modelValueFor', () => {
  const cases: Array<{ type: string; allowed?: FieldMeta['allowedValues']; model: unknown }> = [
    { type: 'text', model: 'Rehearsal' },
    { type: 'paragraph', model: 'Written by the Understudy rehearsal.' },
    { type: 'url', model: 'https://example.test/rehearsal' },
    { type: 'number', model: 1 },
    { type: 'date', model: '2025-06-01' },
    { type: 'datetime', model: '2025-06-01T12:34:00.000Z' },
    { type: 'labels', model: ['rehearsal'] },
    { type: 'user', model: 'u-bob' },
    { type: 'multi-user', model: ['u-bob'] },
    { type: 'group', model: 'g-devs' },
    { type: 'multi-group', model: ['g-devs'] },
    { type: 'select', allowed: options, model: 'o1' },
    { type: 'radio', allowed: options, model: 'o1' },
    { type: 'priority', allowed: options, model: 'o1' },
    { type: 'multi-select', allowed: options, model: ['o1'] },
    { type: 'checkboxes', allowed: options, model: ['o1'] },
    { type: 'components', allowed: options, model: ['o1'] },
    { type: 'version', allowed: options, model: 'o3' },
    { type: 'multi-version', allowed: options, model: ['o3'] },
    {
      type: 'cascading-select',
      allowed: [
        {
          id: 'p1',
          name: 'P',
          children: [
            { id: 'c1', name: 'C' },
            { id: 'c2', name: 'D' },
          ],
        },
        { id: 'p2', name: 'Q' },
      ],
      model: { parent: 'p1', child: 'c1' },
    },
    { type: 'cascading-select', allowed: [{ id: 'p2', name: 'Q', children: [] }], model: { parent: 'p2' } },
  ];
  it.each(cases)('$type → $model', ({ type, allowed, model }) => {
    expect(modelValueFor(meta(type, allowed), ctx)).toEqual(model);
  });
  it('covers every field type the model knows', () => {
    expect(FIELD_TYPES.filter((t) => !cases.some((c) => c.type === t))).toEqual([]);
  });
  it('versions take the last offered (the current release), other lists the first', () => {
    const releases = [
      { id: 'ver-1', name: '1.0' },
      { id: 'ver-2', name: '2.0' },
    ];
    expect(modelValueFor(meta('version', releases), ctx)).toBe('ver-2');
    expect(modelValueFor(meta('multi-version', releases), ctx)).toEqual(['ver-2']);
    expect(modelValueFor(meta('select', releases), ctx)).toBe('ver-1');
  });
  const none: Array<{ name: string; m: FieldMeta; c?: typeof ctx }> = [
    { name: 'a select with no options', m: meta('select', []) },
    { name: 'a select without allowed values', m: meta('select') },
    { name: 'a version with no versions', m: meta('version', []) },
    { name: 'a multi-select with no options', m: meta('multi-select', []) },
    { name: 'a cascading select with no options', m: meta('cascading-select', []) },
    { name: 'a group when the persona is in none', m: meta('group'), c: { accountId: 'u-erin', now: NOW } as typeof ctx },
    { name: 'a multi-group when the persona is in none', m: meta('multi-group'), c: { accountId: 'u-erin', now: NOW } as typeof ctx },
  ];
  it.each(none)('undefined for $name', ({ m, c }) => {
    expect(modelValueFor(m, c ?? ctx)).toBeUndefined();
  });
});

describe('restValueFor and formValueFor', () => {
  const cases: Array<{ type: string; model: unknown; rest: unknown; form: string | string[] }> = [
    { type: 'text', model: 'Rehearsal', rest: 'Rehearsal', form: 'Rehearsal' },
    { type: 'number', model: 1, rest: 1, form: '1' },
    { type: 'date', model: '2025-06-01', rest: '2025-06-01', form: '2025-06-01' },
    { type: 'datetime', model: '2025-06-01T12:34:00.000Z', rest: '2025-06-01T12:34:00.000Z', form: '2025-06-01T12:34' },
    { type: 'labels', model: ['rehearsal'], rest: ['rehearsal'], form: 'rehearsal' },
    { type: 'user', model: 'u-bob', rest: { accountId: 'u-bob' }, form: 'u-bob' },
    { type: 'multi-user', model: ['u-bob'], rest: [{ accountId: 'u-bob' }], form: ['u-bob'] },
    { type: 'group', model: 'g-devs', rest: { groupId: 'g-devs' }, form: 'g-devs' },
    { type: 'multi-group', model: ['g-devs'], rest: [{ groupId: 'g-devs' }], form: ['g-devs'] },
    { type: 'select', model: 'o1', rest: { id: 'o1' }, form: 'o1' },
    { type: 'priority', model: '3', rest: { id: '3' }, form: '3' },
    { type: 'multi-select', model: ['o1'], rest: [{ id: 'o1' }], form: ['o1'] },
    { type: 'components', model: ['cmp-1'], rest: [{ id: 'cmp-1' }], form: ['cmp-1'] },
    { type: 'version', model: 'ver-2', rest: { id: 'ver-2' }, form: 'ver-2' },
    { type: 'multi-version', model: ['ver-2'], rest: [{ id: 'ver-2' }], form: ['ver-2'] },
    { type: 'cascading-select', model: { parent: 'p1', child: 'c1' }, rest: { id: 'p1', child: { id: 'c1' } }, form: 'p1:c1' },
    { type: 'cascading-select', model: { parent: 'p2' }, rest: { id: 'p2' }, form: 'p2' },
  ];
  it.each(cases)('$type: REST $rest, form $form', ({ type, model, rest, form }) => {
    expect(restValueFor(type, model)).toEqual(rest);
    expect(formValueFor(type, model)).toEqual(form);
  });
  it.each(cases)('$type: the form value reads back as the model value', ({ type, model }) => {
    expect(toModel(type, formValueFor(type, model))).toEqual(model);
  });
  it('every chosen model value survives the form round trip', () => {
    for (const type of FIELD_TYPES) {
      const m = meta(type, type === 'cascading-select' ? [{ id: 'p', name: 'P', children: [{ id: 'c', name: 'C' }] }] : options);
      const v = modelValueFor(m, ctx);
      expect(v, type).toBeDefined();
      expect(toModel(type, formValueFor(type, v)), type).toEqual(v);
    }
  });
});
