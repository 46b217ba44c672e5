import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { settingsSchemaText } from '../../../server/settings/write-schema.ts';
import { jsonErrorOffset } from '../../../server/settings/json-position.ts';

const committed = fileURLToPath(new URL('../../../understudy.config.schema.json', import.meta.url));

describe('understudy.config.schema.json', () => {
  it('is up to date with server/settings/schema.ts (regenerate: npx tsx server/settings/write-schema.ts)', async () => {
    expect(await readFile(committed, 'utf8')).toBe(settingsSchemaText());
  });
  it('accepts a full file and rejects an unknown key and a webhook without url, as an editor would', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(settingsSchemaText()) as object);
    expect(
      validate({
        $schema: './understudy.config.schema.json',
        rehearse: { workers: 3 },
        announce: { channels: [{ name: 't', kind: 'webhook', url: 'env:T' }] },
      }),
    ).toBe(true);
    expect(validate({ rehearse: { worker: 3 } })).toBe(false);
    expect(validate({ announce: { channels: [{ name: 't', kind: 'webhook' }] } })).toBe(false);
  });
});

describe('jsonErrorOffset', () => {
  it.each(['{}', ' [1, -2.5e3, "a\\u00e9\\n", true, false, null, {"x": []}] ', '"x"', '0'])('valid: %s', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonErrorOffset(text)).toBeUndefined();
  });
  it.each([
    ['{"a": 01}', 7],
    ['[1,]', 3],
    ['"\\x"', 2],
    ['"\\u12g4"', 3],
    ['{"a" 1}', 5],
    ['nul', 0],
    ['"a\tb"', 2],
  ] as const)('invalid: %s at %i', (text, at) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(at);
  });
});
