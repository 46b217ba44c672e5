import { describe, expect, it } from 'vitest';
import {
  componentByRef,
  fieldByRef,
  issueTypeByRef,
  optionByRef,
  priorityByRef,
  resolutionByRef,
  statusByRef,
  userByRef,
  versionByRef,
} from '../../../server/tracker/lookups.ts';
import { ConfigIndex } from '../../../server/model/index.ts';
import { makeTracker } from './setup.ts';

const t = makeTracker();
const ix = new ConfigIndex(t.config);
const acme = t.project('ACME')!;

describe('lookups for the REST layer', () => {
  it.each([
    ['field by id', () => fieldByRef(ix, 'customfield_10010')?.name, 'Severity'],
    ['field by name, any case', () => fieldByRef(ix, 'story points')?.id, 'customfield_10014'],
    ['unknown field', () => fieldByRef(ix, 'Sevrity'), undefined],
    ['option by value in the applicable context', () => optionByRef(ix, 'customfield_10010', 'ACME', '10001', { value: 'major' })?.id, 'opt-sev-2'],
    ['option of another context', () => optionByRef(ix, 'customfield_10010', 'SEC', '10001', { value: 'Major' }), undefined],
    ['option by id', () => optionByRef(ix, 'customfield_10010', 'SEC', '10001', { id: 'opt-sev-s2' })?.value, 'Theoretical'],
    ['child option', () => optionByRef(ix, 'customfield_10012', 'ACME', '10001', { value: 'Paris' }, 'opt-loc-eu')?.id, 'opt-loc-eu-par'],
    ['user by e-mail', () => userByRef(ix, 'Carol@Tiny.Example')?.accountId, 'u-carol'],
    ['user by display name', () => userByRef(ix, 'dave defender')?.accountId, 'u-dave'],
    ['version by name', () => versionByRef(acme, '2.0')?.id, 'ver-2'],
    ['component by name', () => componentByRef(acme, 'frontend')?.id, 'cmp-2'],
    ['priority by name', () => priorityByRef(ix, 'low')?.id, '4'],
    ['resolution by id', () => resolutionByRef(ix, '3')?.name, 'Duplicate'],
    ['status by name', () => statusByRef(ix, 'in review')?.id, '3'],
    ['issue type by name', () => issueTypeByRef(ix, 'SUB-TASK')?.id, '10003'],
  ])('%s', (_n, fn, expected) => {
    expect(fn()).toBe(expected);
  });
});
