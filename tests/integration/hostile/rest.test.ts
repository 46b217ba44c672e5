/**
 * The hostile-input suite, REST and web forms: every family's table through the REST runner against
 * sandboxes in a child process (kit/sandbox-child.ts). `npm test` runs the sample (kit/sample.ts);
 * `npm run test:soak:hostile` runs every case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REST_FAMILIES } from './rest/index.ts';
import { runRestCase } from './kit/rest-runner.ts';
import { Sandboxes } from './kit/sandboxes.ts';
import { SAMPLE_EVERY, sampled, title } from './kit/sample.ts';
import { recordFailure } from './kit/report.ts';

const sb = new Sandboxes();
beforeAll(() => sb.start(), 90_000);
afterAll(() => sb.stop());

const only = process.env.UNDERSTUDY_HOSTILE_FAMILY;

for (const f of REST_FAMILIES.filter((x) => !only || only.split(',').includes(x.family))) {
  describe(`REST ${f.family}`, () => {
    it.each(sampled(f.cases, SAMPLE_EVERY.rest).map((c) => [title(c), c] as const))('%s', async (_name, c) => {
      const problems = await runRestCase(sb, c);
      recordFailure('rest', f.family, c, problems);
      expect(problems).toEqual([]);
    });
  });
}
