/**
 * The observation sets the regression runner recorded on acme with the shipped migrations (golden/
 * acme-observations.json.gz, written by the old runner at commit 0ab11d8 with the clock frozen at
 * GOLDEN_NOW): ids and a digest of each observation's check, label, keys and value, per phase.
 * When acme, the shipped migrations or the suite change on purpose, UNDERSTUDY_UPDATE_GOLDEN=1
 * rewrites the file from a run (say why in the commit).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Observation, PhaseRun } from '../../../server/rehearse/index.ts';
import { REPO_ROOT } from '../../helpers/scratch.ts';

const GOLDEN = new URL('./golden/acme-observations.json.gz', import.meta.url);
export const GOLDEN_NOW = '2026-11-02T09:00:00.000Z';

// Your own specs' facts are named by their absolute file path: compared without the checkout's place.
const norm = (text: string) => text.split(`${REPO_ROOT}/`).join('<root>/');

export const digest = (list: readonly Observation[]): Record<string, string> =>
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

/** Per phase: the ids missing from, added to and changed against the golden set (the first ten of each), and the count. */
export const compareWithGolden = (runs: readonly PhaseRun[]) => {
  const now = Object.fromEntries(runs.map((x) => [x.run.phase, digest(x.observations)]));
  if (process.env.UNDERSTUDY_UPDATE_GOLDEN === '1')
    writeFileSync(
      GOLDEN,
      gzipSync(
        JSON.stringify({
          now: GOLDEN_NOW,
          runner: 'rewritten by UNDERSTUDY_UPDATE_GOLDEN=1',
          phases: { baseline: now.baseline, 'after-up': now['after-up'] },
        }),
      ),
    );
  const golden = JSON.parse(gunzipSync(readFileSync(GOLDEN)).toString('utf8')) as { phases: Record<string, Record<string, string>> };
  return (
    [
      ['baseline', golden.phases.baseline!],
      ['after-up', golden.phases['after-up']!],
      ['after-down', golden.phases.baseline!],
    ] as const
  ).map(([phase, expected]) => {
    const got = now[phase] ?? {};
    return {
      phase,
      missing: Object.keys(expected)
        .filter((id) => !(id in got))
        .slice(0, 10),
      added: Object.keys(got)
        .filter((id) => !(id in expected))
        .slice(0, 10),
      changed: Object.keys(expected)
        .filter((id) => id in got && got[id] !== expected[id])
        .slice(0, 10),
      count: Object.keys(got).length,
    };
  });
};
