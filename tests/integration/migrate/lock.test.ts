/**
 * One process owns an instance: while a child process holds the lock, every migrate command is
 * exit 2 naming the holder; when the holder dies (kill -9) its lock is reported as stale with how
 * to clear it, never taken over silently; once cleared, the commands work again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearStaleLock } from '../../../server/store/index.ts';
import { output, REPO, runMigrate } from '../../helpers/migrate-cli.ts';
import { diskState, makeInstance, migrationsFolder, opsSource, removeTemp, tempRoot, type MigrationsFolder } from '../../helpers/migrate-fixture.ts';

let root: string;
let folder: MigrationsFolder;
let holder: ChildProcess | undefined;
beforeAll(async () => {
  root = await tempRoot();
  folder = migrationsFolder({ '20250101-000000-rename.ts': opsSource(`op.renameStatus({ from: 'In Review', to: 'Code Review' })`) });
});
afterAll(async () => {
  holder?.kill('SIGKILL');
  folder.remove();
  await removeTemp(root);
});

/** Starts the lock holder and resolves once it holds the lock. */
const holdLock = (dir: string): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${REPO}/tests/helpers/migrate-lock-holder.ts`, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve(child));
    child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });

describe('the instance lock', () => {
  it('a held lock refuses every command (exit 2, naming the holder); a dead holder is reported stale with the way out', async () => {
    const inst = await makeInstance('fixtures/tiny', `${root}/inst`);
    const before = await diskState(inst);
    const args = ['--instance', inst, '--migrations', folder.dir];
    holder = await holdLock(inst);
    const pid = holder.pid!;

    for (const sub of ['up', 'down', 'status', 'plan', 'verify']) {
      const r = await runMigrate(sub, args);
      expect(r.code, output(r)).toBe(2);
      expect(r.stderr, sub).toMatch(new RegExp(`instance '${inst}' is locked by pid ${pid} on \\S+ since \\S+ for 'lock-holder test'`));
      expect(r.stderr, sub).toMatch(/wait for it to finish, or stop that process/);
    }

    holder.kill('SIGKILL');
    await new Promise((r) => holder!.once('exit', r));
    const stale = await runMigrate('up', args);
    expect(stale.code, output(stale)).toBe(2);
    expect(stale.stderr).toMatch(
      new RegExp(`stale lock: pid ${pid} on \\S+ since \\S+ for 'lock-holder test', and that process is no longer running`),
    );
    expect(stale.stderr).toMatch(new RegExp(`npm run migrate:unlock -- --instance ${inst}`));
    const still = await diskState(inst);
    expect([still.hash, still.generation, still.lock?.pid]).toEqual([before.hash, before.generation, pid]);

    expect((await clearStaleLock(inst))?.pid).toBe(pid);
    const up = await runMigrate('up', args);
    expect(up.code, output(up)).toBe(0);
    const after = await diskState(inst);
    expect(after.lock).toBeUndefined();
    expect(after.hash).not.toBe(before.hash);
  }, 90_000);
});
