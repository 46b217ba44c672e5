/**
 * The regression runner observes what it observed before it was made faster: on acme with the
 * shipped migrations, the observation set of every phase — ids, and a digest of each one's check,
 * label, keys and value — equals the old runner's (three Playwright runs, one per phase, recorded in
 * golden/acme-observations.json.gz at commit 0ab11d8 with the same frozen clock). When acme, the
 * shipped migrations or the suite change on purpose, UNDERSTUDY_UPDATE_GOLDEN=1 rewrites the file
 * from this run (say why in the commit).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { loadMigrations } from '../../../server/migrate/index.ts';
import { proveInMemory } from '../../../server/rehearse/memory-proof.ts';
import { buildSuitePlan, type Observation, PlaywrightRunner } from '../../../server/rehearse/index.ts';
import { DEFAULT_SETTINGS } from '../../../server/settings/index.ts';
import { readSnapshot } from '../../../server/store/index.ts';
import { REPO_ROOT, scratchFolder } from '../../helpers/scratch.ts';

const GOLDEN = new URL('./golden/acme-observations.json.gz', import.meta.url);
const NOW = '2026-11-02T09:00:00.000Z';
const dir = scratchFolder('understudy-parity-');
afterAll(() => rm(dir, { recursive: true, force: true }));

// Your own specs' facts are named by their absolute file path: compared without the checkout's place.
const norm = (text: string) => text.split(`${REPO_ROOT}/`).join('<root>/');
const digest = (list: readonly Observation[]): Record<string, string> =>
  Object.fromEntries(
    list
      .map(
        (o) =>
          [
            norm(o.id),
            createHash('sha256')
              .update(norm(JSON.stringify([o.check, o.label, o.keys, o.value])))
              .digest('hex')
              .slice(0, 16),
          ] as const,
      )
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

it('acme: every phase observes exactly what the old runner did', async () => {
  const snap = await readSnapshot('fixtures/acme');
  const baseline = { config: snap.config!, issues: snap.issues };
  const proof = proveInMemory(baseline, await loadMigrations('migrations'), NOW);
  const r = DEFAULT_SETTINGS.rehearse;
  const suite = buildSuitePlan(baseline, snap.integrations, NOW, {
    uiSample: r.uiSample,
    personaSample: r.personaSample,
    issuesPerStatus: r.issuesPerStatus,
    uiCreatesPerProject: 1,
  });
  const errors: unknown[] = [];
  const runs = await new PlaywrightRunner().run({
    suite,
    phases: [
      { phase: 'baseline', state: structuredClone(baseline) },
      { phase: 'after-up', state: proof.after },
      { phase: 'after-down', state: structuredClone(baseline) },
    ],
    now: NOW,
    reportDir: dir,
    workers: r.workers,
    progress: () => {},
    onInternalError: (e) => errors.push(e),
  });
  expect(errors).toEqual([]);
  const now = Object.fromEntries(runs.map((x) => [x.run.phase, digest(x.observations)]));
  if (process.env.UNDERSTUDY_UPDATE_GOLDEN === '1')
    writeFileSync(
      GOLDEN,
      gzipSync(
        JSON.stringify({
          now: NOW,
          runner: 'rewritten by UNDERSTUDY_UPDATE_GOLDEN=1',
          phases: { baseline: now.baseline, 'after-up': now['after-up'] },
        }),
      ),
    );
  const golden = JSON.parse(gunzipSync(readFileSync(GOLDEN)).toString('utf8')) as { phases: Record<string, Record<string, string>> };
  for (const [phase, expected] of [
    ['baseline', golden.phases.baseline!],
    ['after-up', golden.phases['after-up']!],
    ['after-down', golden.phases.baseline!],
  ] as const) {
    const got = now[phase]!;
    const missing = Object.keys(expected).filter((id) => !(id in got));
    const added = Object.keys(got).filter((id) => !(id in expected));
    const changed = Object.keys(expected).filter((id) => id in got && got[id] !== expected[id]);
    expect({ phase, missing: missing.slice(0, 10), added: added.slice(0, 10), changed: changed.slice(0, 10) }).toEqual({
      phase,
      missing: [],
      added: [],
      changed: [],
    });
    expect(Object.keys(got).length, phase).toBeGreaterThanOrEqual(4206);
  }
}, 900_000);
