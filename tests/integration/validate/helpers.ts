import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, hasErrors } from '../../../server/model/problems.ts';
import { validateSnapshotData } from '../../../server/model/validate.ts';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';

export const ROOT = join(import.meta.dirname, '../../..');
export const INVALID_DIR = join(ROOT, 'fixtures/invalid');

export const invalidCases = (): { name: string; dir: string; expected: string[] }[] =>
  readdirSync(INVALID_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      name: d.name,
      dir: join(INVALID_DIR, d.name),
      expected: readFileSync(join(INVALID_DIR, d.name, 'expected.txt'), 'utf8')
        .split('\n')
        .filter(Boolean),
    }));

/** Validates a snapshot directory in-process: the printed lines and whether any is an error. */
export const validateDir = async (dir: string): Promise<{ lines: string[]; invalid: boolean; issues: number }> => {
  const snapshot = await readSnapshot(dir);
  const problems = validateSnapshotData(snapshot);
  return { lines: problems.map(formatProblem), invalid: hasErrors(problems), issues: snapshot.issues.length };
};

/** Runs the real command. */
export const runValidate = (args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/validate.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
