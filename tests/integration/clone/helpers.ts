/** Shared by the clone tests: a recording io, a temp dir, files of a directory tree, snapshot validation. */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandIo } from '../../../server/cli/run.ts';
import type { Config } from '../../../server/model/types.ts';
import { validateSnapshotData } from '../../../server/model/validate.ts';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';

export const recordingIo = (): CommandIo & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
};

const made: string[] = [];
export const tempDir = async (name: string): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), `understudy-clone-${name}-`));
  made.push(dir);
  return dir;
};
/** Removes the temp dirs (and the `.clone-partial` siblings inside them) this file made. */
export const removeTempDirs = async (): Promise<void> => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
};

/** Every file under `dir` with its text (missing dir: none). */
export const filesUnder = async (dir: string): Promise<Map<string, string>> => {
  const out = new Map<string, string>();
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(p.slice(dir.length + 1), await readFile(p, 'utf8'));
    }
  };
  if (await stat(dir).catch(() => undefined)) await walk(dir);
  return out;
};

export const snapshotErrors = async (dir: string): Promise<string[]> => {
  const snap = await readSnapshot(dir);
  return [...snap.problems, ...validateSnapshotData(snap)].filter((p) => p.severity === 'error').map((p) => `${p.file} ${p.path}: ${p.message}`);
};

/** Jira lists watchers only to holders of View Voters and Watchers: the cloning administrator gets it, as the README advises. */
export const adminSeesWatchers = (s: { config: Config }) => {
  const admins = new Set(s.config.globalPermissions.filter((g) => g.permission === 'ADMINISTER').map((g) => g.group));
  for (const ps of s.config.permissionSchemes)
    for (const group of admins)
      ps.grants.push({ id: `pg-clone-watchers-${group}`, permission: 'VIEW_VOTERS_AND_WATCHERS', holder: { type: 'group', value: group } });
};
