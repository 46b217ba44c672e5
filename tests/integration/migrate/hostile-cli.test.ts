/**
 * Hostile and careless input to the commands (issue 17, points 9–13), one row per case, each run
 * through the real command in a child process with a time limit, on scratch folders outside the
 * project (migration files live in a dot-folder inside it, where 'understudy' resolves). A refused
 * command must exit 2 with one message, no stack trace and no path the user did not give; an
 * instance it touched keeps its hash and is left unlocked.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLock } from '../../../server/store/index.ts';
import { type BoundedResult, expectOneMessage, runCli } from '../../helpers/hostile-cli.ts';
import { collect, output, REPO } from '../../helpers/migrate-cli.ts';
import {
  diskState,
  functionSource,
  makeInstance,
  migrationsFolder,
  removeTemp,
  tempRoot,
  type MigrationsFolder,
} from '../../helpers/migrate-fixture.ts';

const ID = '20250101-000000-hostile';
const TINY = resolve(REPO, 'fixtures/tiny');
const BAD_JSON = '{ "defaults": { "instance": "x", }\n';

let root: string;
let n = 0;
const folders: MigrationsFolder[] = [];
beforeAll(async () => {
  root = await tempRoot('understudy-hostile-');
});
afterAll(async () => {
  for (const f of folders) f.remove();
  await removeTemp(root);
});

/** A fresh scratch folder for one row. */
const scratch = async (): Promise<string> => {
  const dir = join(root, `row-${++n}`);
  await mkdir(dir, { recursive: true });
  return dir;
};
const folderWith = (files: Record<string, string>): MigrationsFolder => {
  const f = migrationsFolder(files);
  folders.push(f);
  return f;
};
const tinyInstance = async (dir: string): Promise<string> => makeInstance('fixtures/tiny', join(dir, 'inst'));

/** A pid that is certainly not running: a child that has exited. */
const deadPid = (): number => {
  const r = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return r.pid!;
};
const writeLock = (inst: string, pid: number, host = hostname()) =>
  writeFile(join(inst, 'lock.json'), `${JSON.stringify({ pid, host, since: '2026-01-01T09:00:00.000Z', purpose: 'migrate:up' })}\n`);

/** Runs a migrate command on an instance and checks: one message, hash unchanged, lock released. */
const refusedOnInstance = async (
  inst: string,
  sub: string,
  args: string[],
  message: RegExp,
  given: string[],
  opts: { timeoutMs?: number } = {},
): Promise<BoundedResult> => {
  const before = await diskState(inst);
  const r = await runCli('migrate', [sub, '--instance', inst, ...args], { timeoutMs: opts.timeoutMs ?? 60_000 });
  expectOneMessage(r, message, [inst, ...given]);
  const after = await diskState(inst);
  expect(after.hash, 'hash unchanged').toBe(before.hash);
  expect(after.lock, 'lock released').toBeUndefined();
  return r;
};

// ---------------------------------------------------------------------------------------------
// 9: migrations are user code
// ---------------------------------------------------------------------------------------------
interface MisbehaviourRow {
  name: string;
  /** The migration file's source. */
  source: string;
  sub?: 'up' | 'status' | 'plan';
  args?: string[];
  message: RegExp;
  code?: 1 | 2;
}

const topLevel = (code: string) => `${code}\n${functionSource('ctx.log("never");')}`;

const MISBEHAVIOURS: MisbehaviourRow[] = [
  {
    name: 'process.exit(0) in up()',
    source: functionSource('process.exit(0);'),
    message: new RegExp(`migration ${ID} failed: up\\(\\) threw: process\\.exit\\(0\\) is not allowed in a migration`),
  },
  {
    name: 'process.exit(3) at import',
    source: topLevel('process.exit(3);'),
    message: new RegExp(`${ID}\\.ts: cannot be imported: process\\.exit\\(3\\) is not allowed in a migration`),
  },
  {
    name: 'process.exit() in down() (the proof of the pair)',
    source: functionSource('ctx.config.statuses[0].description = "x";', 'process.exit();'),
    message: new RegExp(`migration ${ID}.*down\\(\\) threw: process\\.exit\\(\\) is not allowed in a migration`),
  },
  {
    name: 'an endless loop in up()',
    source: functionSource('for (;;) {}'),
    args: ['--migration-timeout', '3'],
    message: new RegExp(`migration ${ID} failed: up\\(\\) did not finish within 3 s \\(--migration-timeout\\)`),
  },
  {
    name: 'an endless loop at import',
    source: topLevel('for (;;) {}'),
    args: ['--migration-timeout', '3'],
    message: new RegExp(`${ID}\\.ts: importing it did not finish within 3 s \\(--migration-timeout\\)`),
  },
  {
    name: 'an endless loop at import, under migrate:status',
    source: topLevel('while (true) {}'),
    sub: 'status',
    args: ['--migration-timeout', '3'],
    message: new RegExp(`${ID}\\.ts: importing it did not finish within 3 s`),
  },
  {
    name: 'a timer that throws, started in up()',
    source: functionSource('setTimeout(() => { throw new Error("late boom"); }, 0);'),
    message: new RegExp(`migration ${ID} failed: up\\(\\) .*migration functions must be synchronous`),
  },
  {
    name: 'a rejected promise left by up()',
    source: functionSource('Promise.reject(new Error("rejected in up"));'),
    message: new RegExp(`migration ${ID} failed: up\\(\\) .*rejected in up.*migration functions must be synchronous`),
  },
  {
    name: 'a rejection at import',
    source: topLevel('Promise.reject(new Error("boom at import"));'),
    message: new RegExp(`${ID}\\.ts: .*boom at import`),
  },
  {
    name: 'an out-of-range --migration-timeout',
    source: functionSource('ctx.log("fine");'),
    args: ['--migration-timeout', '0'],
    message: /--migration-timeout '0' is not a number of seconds/,
  },
];

describe('9: a misbehaving migration cannot hang, lie or strand the lock', () => {
  for (const row of MISBEHAVIOURS) {
    it(row.name, async () => {
      const dir = await scratch();
      const inst = await tinyInstance(dir);
      const folder = folderWith({ [`${ID}.ts`]: row.source });
      await refusedOnInstance(inst, row.sub ?? 'up', ['--migrations', folder.dir, ...(row.args ?? [])], row.message, [folder.dir], {
        timeoutMs: 45_000,
      });
    }, 60_000);
  }
});

// ---------------------------------------------------------------------------------------------
// 10: understudy.config.json is read by every command
// ---------------------------------------------------------------------------------------------
const MALFORMED_SETTINGS: Array<{ name: string; script: 'migrate' | 'validate' | 'sandbox'; args: string[] }> = [
  { name: 'migrate:status', script: 'migrate', args: ['status'] },
  { name: 'migrate:up', script: 'migrate', args: ['up'] },
  { name: 'migrate:create', script: 'migrate', args: ['create', 'a-slug'] },
  { name: 'migrate:unlock', script: 'migrate', args: ['unlock'] },
  { name: 'validate', script: 'validate', args: [] },
  { name: 'sandbox', script: 'sandbox', args: [] },
];

describe('10: understudy.config.json', () => {
  for (const row of MALFORMED_SETTINGS) {
    it(`a malformed file stops ${row.name} (exit 2, the file and the position)`, async () => {
      const cwd = await scratch();
      await writeFile(join(cwd, 'understudy.config.json'), BAD_JSON);
      const r = await runCli(row.script, row.args, { cwd, timeoutMs: 45_000 });
      expectOneMessage(r, /understudy\.config\.json:1:\d+: not valid JSON/, [cwd]);
      expect(await readdir(cwd)).toEqual(['understudy.config.json']);
    }, 60_000);
  }

  it('--config FILE that is malformed stops migrate:status', async () => {
    const dir = await scratch();
    const file = join(dir, 'settings.json');
    await writeFile(file, BAD_JSON);
    const r = await runCli('migrate', ['status', '--config', file, '--instance', join(dir, 'inst')]);
    expectOneMessage(r, /settings\.json:1:\d+: not valid JSON/, [dir]);
    expect(existsSync(join(dir, 'inst'))).toBe(false);
  }, 60_000);

  it('defaults.instance and defaults.snapshot are honoured by migrate:status', async () => {
    const cwd = await scratch();
    const folder = folderWith({});
    await writeFile(
      join(cwd, 'understudy.config.json'),
      JSON.stringify({ defaults: { instance: 'from-config/inst', snapshot: TINY, migrations: folder.dir } }),
    );
    const r = await runCli('migrate', ['status'], { cwd });
    expect(r.code, output(r)).toBe(0);
    expect(r.stdout).toContain(`created instance from-config/inst from ${TINY}`);
    expect(existsSync(join(cwd, 'from-config/inst/instance.json'))).toBe(true);
    expect(existsSync(join(cwd, '.understudy'))).toBe(false);
  }, 60_000);

  it('defaults.snapshot is honoured by validate', async () => {
    const cwd = await scratch();
    const bad = resolve(REPO, 'fixtures/invalid/malformed-json-config');
    await writeFile(join(cwd, 'understudy.config.json'), JSON.stringify({ defaults: { snapshot: bad } }));
    const r = await runCli('validate', [], { cwd });
    expect(r.code, output(r)).toBe(2);
    expect(r.stdout).toContain(`${bad}: invalid`);
  }, 60_000);

  it('defaults.snapshot is honoured by sandbox', async () => {
    const cwd = await scratch();
    await writeFile(join(cwd, 'understudy.config.json'), JSON.stringify({ defaults: { snapshot: 'no-such-snapshot' } }));
    const r = await runCli('sandbox', [], { cwd });
    expectOneMessage(r, /snapshot directory 'no-such-snapshot' does not exist/, [cwd]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// 11: file-system errors are messages
// ---------------------------------------------------------------------------------------------
describe('11: file-system errors become one message naming the path', () => {
  it('migrate:create --migrations FILE (EEXIST)', async () => {
    const dir = await scratch();
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    expectOneMessage(await runCli('migrate', ['create', 's', '--migrations', file]), new RegExp(`'${file}'.*not a folder`), [file]);
  }, 60_000);

  it('migrate:create --migrations FILE/sub (ENOTDIR)', async () => {
    const dir = await scratch();
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    const sub = join(file, 'sub');
    expectOneMessage(await runCli('migrate', ['create', 's', '--migrations', sub]), /not a folder/, [sub]);
  }, 60_000);

  it('migrate:create with a 300-character slug (ENAMETOOLONG)', async () => {
    const dir = await scratch();
    const r = await runCli('migrate', ['create', 'a'.repeat(300), '--migrations', join(dir, 'm')]);
    expectOneMessage(r, /the slug is 300 characters long; at most 100/, [dir]);
    expect(existsSync(join(dir, 'm'))).toBe(false);
  }, 60_000);

  for (const inst of ['/proc/x', '/proc/x/y']) {
    it(`migrate:status --instance ${inst} (ENOENT; no hang, no temporary name)`, async () => {
      const r = await runCli('migrate', ['status', '--instance', inst, '--snapshot', TINY], { timeoutMs: 45_000 });
      expectOneMessage(r, new RegExp(`cannot create the instance '${inst}'`), [inst, TINY]);
    }, 60_000);
  }

  // Tests run as root in CI: /proc/sys/vm/drop_caches (mode 0200) is a file even root cannot read.
  const UNREADABLE = '/proc/sys/vm/drop_caches';
  for (const file of ['instance.json', 'CURRENT', 'gens/gen-000001/config.json']) {
    it(`an unreadable instance: ${file} (EACCES)`, async () => {
      const dir = await scratch();
      const inst = await tinyInstance(dir);
      await rm(join(inst, file));
      await symlink(UNREADABLE, join(inst, file));
      const r = await runCli('migrate', ['status', '--instance', inst]);
      expectOneMessage(r, new RegExp(`cannot read '${inst}/${file}': permission denied`), [inst]);
      expect(await readLock(inst)).toBeUndefined();
    }, 60_000);
  }
});

// ---------------------------------------------------------------------------------------------
// 12: a stale lock can be cleared with a command the message names
// ---------------------------------------------------------------------------------------------
describe('12: stale locks', () => {
  it('migrate:up under a stale lock names the command that clears it', async () => {
    const dir = await scratch();
    const inst = await tinyInstance(dir);
    const pid = deadPid();
    await writeLock(inst, pid);
    const r = await runCli('migrate', ['up', '--instance', inst, '--migrations', folderWith({}).dir]);
    expectOneMessage(r, new RegExp(`stale lock: pid ${pid}[\\s\\S]*npm run migrate:unlock -- --instance ${inst}`), [inst]);
    expect((await readLock(inst))?.pid).toBe(pid);
  }, 60_000);

  it('migrate:status reads under a stale lock and says it is stale', async () => {
    const dir = await scratch();
    const inst = await tinyInstance(dir);
    const pid = deadPid();
    await writeLock(inst, pid);
    const r = await runCli('migrate', ['status', '--instance', inst, '--migrations', folderWith({}).dir]);
    expect(r.code, output(r)).toBe(0);
    expect(r.stdout).toMatch(/instance .*: hash sha256:/);
    expect(`${r.stdout}${r.stderr}`).toMatch(new RegExp(`stale lock.*pid ${pid}[\\s\\S]*npm run migrate:unlock -- --instance ${inst}`));
    expect((await readLock(inst))?.pid).toBe(pid);
  }, 60_000);

  it('migrate:unlock clears a lock whose owner is dead on this host; migrate:up works again', async () => {
    const dir = await scratch();
    const inst = await tinyInstance(dir);
    const pid = deadPid();
    await writeLock(inst, pid);
    const r = await runCli('migrate', ['unlock', '--instance', inst]);
    expect(r.code, output(r)).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`cleared the stale lock of pid ${pid}`));
    expect(await readLock(inst)).toBeUndefined();
    const up = await runCli('migrate', ['up', '--instance', inst, '--migrations', folderWith({}).dir]);
    expect(up.code, output(up)).toBe(0);
  }, 60_000);

  it('migrate:unlock refuses a lock whose owner is alive', async () => {
    const dir = await scratch();
    const inst = await tinyInstance(dir);
    await writeLock(inst, process.pid);
    const r = await runCli('migrate', ['unlock', '--instance', inst]);
    expectOneMessage(r, new RegExp(`is locked by pid ${process.pid} .* still running`), [inst]);
    expect((await readLock(inst))?.pid).toBe(process.pid);
  }, 60_000);

  it('migrate:unlock refuses a lock taken on another host', async () => {
    const dir = await scratch();
    const inst = await tinyInstance(dir);
    await writeLock(inst, 12345, 'elsewhere.example');
    const r = await runCli('migrate', ['unlock', '--instance', inst]);
    expectOneMessage(r, /on another host \(elsewhere\.example\)/, [inst]);
    expect((await readLock(inst))?.host).toBe('elsewhere.example');
  }, 60_000);

  it('sandbox --instance under a stale lock names the command that clears it', async () => {
    const dir = await scratch();
    const inst = await tinyInstance(dir);
    await writeLock(inst, deadPid());
    const r = await runCli('sandbox', ['--instance', inst]);
    expectOneMessage(r, new RegExp(`stale lock[\\s\\S]*npm run migrate:unlock -- --instance ${inst}`), [inst]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// 13: leftovers and hangs
// ---------------------------------------------------------------------------------------------
/** What Understudy left in a temporary directory (tsx keeps its cache there too). */
const ours = async (tmp: string): Promise<string[]> => (await readdir(tmp)).filter((f) => f.startsWith('understudy-'));

const runProbe = async (args: string[], tmp: string): Promise<BoundedResult> => {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(REPO, 'tests/helpers/run-command-probe.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { ...(await collect(child)), hung: false };
};

const mkfifo = (path: string) => {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed`);
};

describe('13: leftovers and hangs', () => {
  it('creating an instance removes what a killed creation left (owner dead), not what a live one is writing', async () => {
    const dir = await scratch();
    const dead = join(dir, `inst.creating-${deadPid()}-1700000000000`);
    const live = join(dir, `inst.creating-${process.pid}-1700000000001`);
    for (const d of [dead, live]) {
      await mkdir(join(d, 'gens'), { recursive: true });
      await writeFile(join(d, 'instance.json'), '{}');
    }
    const r = await runCli('migrate', ['status', '--instance', join(dir, 'inst'), '--snapshot', TINY, '--migrations', folderWith({}).dir]);
    expect(r.code, output(r)).toBe(0);
    expect(existsSync(dead), 'the dead creation is removed').toBe(false);
    expect(existsSync(live), "a live creation's folder is left alone").toBe(true);
  }, 60_000);

  it('validate refuses a FIFO named config.json instead of waiting on it', async () => {
    const dir = await scratch();
    const snap = join(dir, 'snap');
    await mkdir(snap);
    for (const f of ['manifest.json', 'issues.json']) await writeFile(join(snap, f), await readFile(join(TINY, f)));
    mkfifo(join(snap, 'config.json'));
    const r = await runCli('validate', ['--snapshot', snap], { timeoutMs: 30_000 });
    expect(r.hung, output(r)).toBe(false);
    expect(r.code, output(r)).toBe(2);
    expect(r.stdout).toMatch(/config\.json.*is not a regular file/);
  }, 60_000);

  it('migrate:up refuses a FIFO named like a migration', async () => {
    const dir = await scratch();
    const inst = await tinyInstance(dir);
    const folder = folderWith({});
    mkfifo(join(folder.dir, `${ID}.ts`));
    await refusedOnInstance(inst, 'up', ['--migrations', folder.dir], new RegExp(`${ID}\\.ts is not a regular file`), [folder.dir], {
      timeoutMs: 30_000,
    });
  }, 60_000);

  it('a FIFO named understudy.config.json is refused, not waited on', async () => {
    const cwd = await scratch();
    mkfifo(join(cwd, 'understudy.config.json'));
    const r = await runCli('validate', [], { cwd, timeoutMs: 30_000 });
    expectOneMessage(r, /understudy\.config\.json.*not a regular file/, [cwd]);
  }, 60_000);

  it('fixtures:generate --out elsewhere leaves the checkout alone', async () => {
    const dir = await scratch();
    const schemaDir = resolve(REPO, 'server/model/json-schema');
    const mtimes = async () => Object.fromEntries((await readdir(schemaDir)).map((f) => [f, statSync(join(schemaDir, f)).mtimeMs]));
    const before = await mtimes();
    const r = await runCli('fixtures-generate', ['--out', join(dir, 'out'), '--issues', '20']);
    expect(r.code, output(r)).toBe(0);
    expect(existsSync(join(dir, 'out/manifest.json'))).toBe(true);
    expect(await mtimes()).toEqual(before);
  }, 60_000);

  // The rehearsal runs migrations' code in its own process: however that code ends the process, one
  // message, exit 2 (never a success), and the temporary folder removed (server/common/temp-dir.ts).
  for (const row of [
    { mode: 'exit', message: /the command stopped before it finished \(exit code 0\)/ },
    { mode: 'timer', message: /thrown outside the command's own course, by a timer or a promise nobody waited for: late boom/ },
    { mode: 'rejection', message: /thrown outside the command's own course, by a timer or a promise nobody waited for: nobody waited/ },
  ]) {
    it(`in-process code that ends the process (${row.mode}) leaves no temporary folder and no success`, async () => {
      const dir = await scratch();
      const tmp = join(dir, 'tmp');
      await mkdir(tmp);
      const r = await runProbe([row.mode], tmp);
      expectOneMessage(r, row.message, [tmp]);
      expect(await ours(tmp)).toEqual([]);
    }, 60_000);
  }

  it('a signal nobody handles still removes the temporary folder', async () => {
    const dir = await scratch();
    const tmp = join(dir, 'tmp');
    await mkdir(tmp);
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(REPO, 'tests/helpers/run-command-probe.ts'), 'signal'], {
      cwd: REPO,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    await new Promise<void>((ready) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && ready()));
    expect((await ours(tmp)).length).toBe(1);
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(await ours(tmp)).toEqual([]);
  }, 60_000);

  it('a throwaway sandbox stopped by SIGHUP removes its temporary instance', async () => {
    const dir = await scratch();
    const tmp = join(dir, 'tmp');
    await mkdir(tmp);
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(REPO, 'scripts/sandbox.ts'), '--snapshot', TINY], {
      cwd: REPO,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await new Promise<void>((ready, failed) => {
      const timer = setTimeout(() => failed(new Error('the sandbox did not start')), 45_000);
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('sandbox ready')) {
          clearTimeout(timer);
          ready();
        }
      });
    });
    expect((await readdir(tmp)).filter((f) => f.startsWith('understudy-sandbox-')).length).toBe(1);
    child.kill('SIGHUP');
    await exited;
    expect((await readdir(tmp)).filter((f) => f.startsWith('understudy-sandbox-'))).toEqual([]);
  }, 60_000);
});
