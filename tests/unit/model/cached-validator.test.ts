/**
 * Kept validators (server/model/cached-validator.ts): a kept copy answers exactly as the compiled
 * validator (errors included, with `verbose` data), is used instead of compiling, and is never run
 * when it was altered, torn, or can be written by someone else; a folder that cannot be written
 * costs only the compile.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachedValidator, isDate, keepableAjv, rewrite } from '../../../server/model/index.ts';
import { Config } from '../../../server/model/schema/index.ts';

const OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true, discriminator: true };
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'when', 'shape'],
  properties: {
    name: { type: 'string', minLength: 2, pattern: '^[A-Z]' },
    when: { type: 'string', format: 'date' },
    tags: { type: 'array', items: { enum: ['a', 'b'] }, uniqueItems: true },
    shape: {
      type: 'object',
      discriminator: { propertyName: 'kind' },
      required: ['kind'],
      oneOf: [
        { properties: { kind: { const: 'circle' }, r: { type: 'number', minimum: 0 } }, required: ['r'] },
        { properties: { kind: { const: 'square' }, side: { type: 'integer' } }, required: ['side'] },
      ],
    },
  },
};
const INPUTS: unknown[] = [
  { name: 'Ok', when: '2026-01-02', shape: { kind: 'circle', r: 1 } },
  { name: 'x', when: '2026-02-30', shape: { kind: 'circle', r: -1 } },
  { name: 'Ok', when: 'soon', tags: ['a', 'a', 'c'], shape: { kind: 'square', side: 1.5 }, extra: true },
  { when: 7, shape: { kind: 'triangle' } },
  null,
  [],
  'text',
];

const ajvWithFormats = () => keepableAjv(OPTIONS).addFormat('date', { type: 'string', validate: isDate });
const answers = (validate: ReturnType<typeof cachedValidator>) =>
  INPUTS.map((input) => [validate(input), JSON.parse(JSON.stringify(validate.errors ?? null))]);
const keptFiles = (dir: string): string[] => readdirSync(join(dir, 'validators')).filter((f) => f.endsWith('.cjs'));

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'understudy-validators-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a kept validator', () => {
  it('answers every input as the compiled one does, errors and their data included', () => {
    const compiled = answers(cachedValidator(ajvWithFormats(), SCHEMA, false));
    const first = answers(cachedValidator(ajvWithFormats(), SCHEMA, dir));
    expect(keptFiles(dir)).toHaveLength(1);
    const ajv = ajvWithFormats();
    const compile = vi.spyOn(ajv, 'compile');
    const kept = answers(cachedValidator(ajv, SCHEMA, dir));
    expect(compile).not.toHaveBeenCalled();
    expect(first).toEqual(compiled);
    expect(kept).toEqual(compiled);
    expect(compiled.filter(([valid]) => valid)).toHaveLength(1);
  });

  it('is kept and loaded for the snapshot configuration schema, with the same verdicts', () => {
    const schema = rewrite(JSON.parse(JSON.stringify(Config))) as object;
    const bad = { tracker: { kind: 'nope' }, statuses: [{ id: 1, name: '', category: 'later', extra: 1 }] };
    const withFormats = () => keepableAjv(OPTIONS).addFormat('date', { type: 'string', validate: isDate }).addFormat('email', /@/);
    const fresh = cachedValidator(withFormats(), schema, dir);
    const ajv = withFormats();
    const compile = vi.spyOn(ajv, 'compile');
    const kept = cachedValidator(ajv, schema, dir);
    expect(compile).not.toHaveBeenCalled();
    expect(kept(bad)).toBe(fresh(bad));
    expect(kept.errors?.length).toBeGreaterThan(3);
    expect(kept.errors).toEqual(fresh.errors);
  });

  it('is told apart by options, formats and schema: each keeps its own file', () => {
    cachedValidator(ajvWithFormats(), SCHEMA, dir);
    cachedValidator(keepableAjv({ ...OPTIONS, allErrors: false }).addFormat('date', { type: 'string', validate: isDate }), SCHEMA, dir);
    cachedValidator(keepableAjv(OPTIONS).addFormat('date', /^\d{4}-\d\d-\d\d$/), SCHEMA, dir);
    cachedValidator(ajvWithFormats(), { ...SCHEMA, required: ['name'] }, dir);
    cachedValidator(ajvWithFormats(), SCHEMA, dir);
    expect(keptFiles(dir)).toHaveLength(4);
  });

  it('never comes from an instance that did not ask to keep its code, nor when the folder is turned off', () => {
    cachedValidator(ajvWithFormats(), SCHEMA, false);
    const ajv = ajvWithFormats();
    const compile = vi.spyOn(ajv, 'compile');
    cachedValidator(ajv, SCHEMA, false);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a kept file that cannot be trusted is not run: it is compiled again and rewritten', () => {
  const poisoned = (mend: (path: string, text: string) => void) => {
    cachedValidator(ajvWithFormats(), SCHEMA, dir);
    const [name] = keptFiles(dir);
    const path = join(dir, 'validators', name!);
    mend(path, readFileSync(path, 'utf8'));
    const ajv = ajvWithFormats();
    const compile = vi.spyOn(ajv, 'compile');
    (globalThis as { poisonRan?: boolean }).poisonRan = false;
    const validate = cachedValidator(ajv, SCHEMA, dir);
    return { compile, validate, path };
  };
  const POISON = 'globalThis.poisonRan = true;';

  it.each([
    ['code changed under its header', (p: string, t: string) => writeFileSync(p, t.replace('"use strict";', `"use strict";${POISON}`))],
    ['torn half way', (p: string, t: string) => writeFileSync(p, t.slice(0, t.length / 2))],
    ['no header', (p: string, t: string) => writeFileSync(p, `${POISON}${t.slice(t.indexOf('\n') + 1)}`)],
    ['writable by others', (p: string) => chmodSync(p, 0o666)],
    ['in a folder others may write', (p: string) => chmodSync(join(p, '..'), 0o777)],
  ])('%s', (_what, mend) => {
    const { compile, validate, path } = poisoned(mend);
    expect((globalThis as { poisonRan?: boolean }).poisonRan).toBe(false);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(answers(validate)).toEqual(answers(cachedValidator(ajvWithFormats(), SCHEMA, false)));
    chmodSync(join(path, '..'), 0o700);
    chmodSync(path, 0o600);
    // Rewritten sound: the next instance loads it.
    const ajv = ajvWithFormats();
    const again = vi.spyOn(ajv, 'compile');
    cachedValidator(ajv, SCHEMA, dir);
    expect(again).not.toHaveBeenCalled();
  });
});

it('a cache folder that cannot be made only costs the compile', () => {
  const blocked = join(dir, 'a-file');
  writeFileSync(blocked, 'not a folder');
  const validate = cachedValidator(ajvWithFormats(), SCHEMA, blocked);
  expect(answers(validate)).toEqual(answers(cachedValidator(ajvWithFormats(), SCHEMA, false)));
  expect(readFileSync(blocked, 'utf8')).toBe('not a folder');
});
