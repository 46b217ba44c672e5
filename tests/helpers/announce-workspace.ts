/**
 * A scratch project for announce tests: a copy of a rehearsal report under `report/`, the bundled
 * snapshot linked at `fixtures/acme` (where result.json says the rehearsal ran), and an optional
 * understudy.config.json. Commands run in-process with the workspace as cwd.
 */
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportError, type CommandIo } from '../../server/cli/run.ts';
import { runAnnounceCommand, type AnnounceDeps } from '../../server/announce/command.ts';

export const FIXTURE_REPORT = resolve('tests/unit/announce/fixtures/report');

export interface Workspace {
  dir: string;
  report: string;
  cleanup: () => Promise<void>;
}

export const makeWorkspace = async (settings?: unknown, reportFrom = FIXTURE_REPORT): Promise<Workspace> => {
  const dir = await mkdtemp(join(tmpdir(), 'understudy-announce-'));
  await mkdir(join(dir, 'fixtures'), { recursive: true });
  await symlink(resolve('fixtures/acme'), join(dir, 'fixtures', 'acme'), 'dir');
  await cp(reportFrom, join(dir, 'report'), { recursive: true });
  if (settings !== undefined)
    await writeFile(join(dir, 'understudy.config.json'), typeof settings === 'string' ? settings : JSON.stringify(settings, null, 2));
  return { dir, report: join(dir, 'report'), cleanup: () => rm(dir, { recursive: true, force: true }) };
};

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `announce` in-process the way scripts/announce.ts does (errors become exit codes). */
export const announce = async (ws: Workspace, argv: string[], deps: AnnounceDeps = {}): Promise<Run> => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l) };
  let code: number;
  try {
    code = await runAnnounceCommand(['--report', 'report', ...argv], io, { cwd: ws.dir, env: {}, ...deps });
  } catch (e) {
    code = reportError(e, io, false);
  }
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
};
