/** docs/result-json.md documents every field of the result's types, so a new field cannot land undocumented. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('docs/result-json.md', () => {
  it('names every field of server/rehearse/result.ts and steps.ts StepRecord', async () => {
    const doc = await readFile('docs/result-json.md', 'utf8');
    // StepRecord only of steps.ts: StepIo and StepLog are how steps are shown, not what result.json holds.
    const sources = [
      await readFile('server/rehearse/result.ts', 'utf8'),
      (await readFile('server/rehearse/steps.ts', 'utf8')).split('export interface StepIo')[0]!,
    ];
    const fields = new Set<string>();
    for (const src of sources) {
      for (const block of src.matchAll(/export interface \w+[^{]*\{([\s\S]*?)\n\}/g)) {
        // Nested inline object types ({ passed: number; … }) count as fields too.
        for (const m of block[1]!.matchAll(/(?:^|[{;,]|\n)\s*(\w+)\??:/g)) fields.add(m[1]!);
      }
    }
    expect(fields.size).toBeGreaterThan(40);
    const missing = [...fields].filter((f) => !doc.includes(`\`${f}\``) && !new RegExp(`[{ ,]${f}[ ,}]`).test(doc));
    expect(missing).toEqual([]);
  });
});
