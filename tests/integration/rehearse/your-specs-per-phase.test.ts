/**
 * Your specs run in every phase of one Playwright run (server/rehearse/suite/per-phase.ts): each
 * top-level test and describe block of a file is declared once per phase, and each comes back in
 * each phase under the same title and file, with its observations under the same ids — hooks,
 * nested blocks, `test.skip` and a `test.extend`ed test included. A spec declared with
 * @playwright/test's own `test` belongs to no phase: the run stops and says how to declare it.
 * (No browser: these specs use only the REST fixtures.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PlaywrightRunner } from '../../../server/rehearse/runner/playwright-runner.ts';
import type { SuitePlan } from '../../../server/rehearse/suite/plan.ts';
import { scratchDir } from '../../helpers/rehearse-cli.ts';
import { REPO } from '../../helpers/migrate-cli.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';

const FIXTURES = resolve(REPO, 'tests/regression/fixtures.ts');
const NOW = '2025-02-10T12:00:00.000Z';
const PHASES = ['baseline', 'after-up', 'after-down'] as const;

const EMPTY_PLAN: SuitePlan = {
  now: NOW,
  personas: [],
  projects: [],
  creates: [],
  walks: [],
  unwalkable: [],
  samples: [],
  filters: [],
  boards: [],
  integrations: [],
  notes: [],
};

const SPEC = `import { expect, test } from ${JSON.stringify(FIXTURES)};
let before = 0;
test.beforeEach(async () => { before++; });
test('top level', async ({ sandbox, observe }) => {
  observe('personas', (await sandbox.personas()).length > 0);
  expect(before).toBeGreaterThan(0);
});
test.describe('a group', () => {
  test('first', async ({ observe }) => observe('one', 1));
  test.describe('nested', () => {
    test('second', async ({ sandbox, observe }) => {
      const res = await sandbox.api('admin', 'GET', '/rest/api/2/myself');
      observe('myself', res.status);
    });
  });
});
test.skip('left out', async () => {});
const mine = test.extend<{ extra: number }>({ extra: async ({}, use) => use(7) });
mine('extended', async ({ extra, observe }) => observe('extra', extra));
`;

// The project's own @playwright/test, by path: the scratch folder has no node_modules.
const PLAYWRIGHT = join(dirname(createRequire(join(REPO, 'package.json')).resolve('@playwright/test')), 'index.mjs');
const PLAIN = `import { test } from ${JSON.stringify(PLAYWRIGHT)};
test('declared with the plain test', async () => {});
`;

let dir: string;
const run = async (specs: string, name: string) => {
  const { config, issues } = tinyContent();
  return new PlaywrightRunner().run({
    suite: EMPTY_PLAN,
    phases: PHASES.map((phase) => ({ phase, state: { config, issues } })),
    now: NOW,
    reportDir: join(dir, `report-${name}`),
    workers: 1,
    userSpecs: specs,
    progress: () => {},
    onInternalError: (e) => {
      throw new Error(`a request failed with 500: ${JSON.stringify(e)}`);
    },
  });
};

beforeAll(async () => {
  dir = await scratchDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('your specs, once per phase on one worker', () => {
  it('every test and observation comes back in every phase, under the same title, file and id', async () => {
    const specs = join(dir, 'specs');
    await mkdir(specs, { recursive: true });
    await writeFile(join(specs, 'mine.spec.ts'), SPEC);
    const runs = await run(specs, 'mine');
    expect(runs.map((r) => r.run.phase)).toEqual([...PHASES]);
    const tests = (o: (typeof runs)[number]) =>
      o.observations
        .filter((x) => x.id.startsWith('specs|') && typeof x.value === 'string')
        .map((x) => `${x.id} = ${x.value}`)
        .sort();
    const facts = (o: (typeof runs)[number]) =>
      o.observations
        .filter((x) => typeof x.value !== 'string')
        .map((x) => `${x.id} = ${JSON.stringify(x.value)}`)
        .sort();
    for (const r of runs) {
      expect(r.run.tests).toEqual({ passed: 4, failed: 0, skipped: 1 });
      expect(tests(r)).toEqual(tests(runs[0]!));
      expect(facts(r)).toEqual(facts(runs[0]!));
    }
    const ids = tests(runs[0]!).join('\n');
    for (const title of ['top level', 'a group › first', 'a group › nested › second', 'extended']) expect(ids).toContain(`|${title} = passed`);
    expect(ids).not.toContain('[baseline]');
    expect(ids).toContain('mine.spec.ts|');
    const observed = facts(runs[0]!).join('\n');
    expect(observed).toContain(`specs|${join(specs, 'mine.spec.ts')}|a group › nested › second|myself = 200`);
    expect(observed).toContain('|extended|extra = 7');
  }, 180_000);

  it('a spec declared with @playwright/test’s own test stops the run and says how to declare it', async () => {
    const specs = join(dir, 'plain');
    await mkdir(specs, { recursive: true });
    await writeFile(join(specs, 'plain.spec.ts'), PLAIN);
    const e = await run(specs, 'plain').then(
      () => undefined,
      (x: unknown) => x as Error & { details?: string[] },
    );
    expect(e?.message).toContain('could not load the specs');
    expect(e?.details?.join('\n')).toContain(
      'test "declared with the plain test" is in no phase block: declare it with the test of tests/regression/fixtures.ts',
    );
  }, 180_000);
});
