/**
 * File-system errors a user causes become one message naming the path and what to do
 * (server/common/fs-errors.ts), whoever meets them: the commands, and the runner for any left over
 * (server/cli/run.ts). `ensureDir` never hangs where Node's recursive mkdir does (under /proc), and
 * `readRegularFile` refuses what is not a regular file (a FIFO would keep a read waiting).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportError } from '../../../server/cli/run.ts';
import { ensureDir } from '../../../server/common/ensure-dir.ts';
import { UserError } from '../../../server/common/errors.ts';
import { fsUserError, isFsError } from '../../../server/common/fs-errors.ts';
import { readRegularFile } from '../../../server/common/read-regular.ts';

const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: x, ${syscall} '${path}'`), { code, syscall, path });

describe('fsUserError', () => {
  it.each([
    { code: 'ENOENT', syscall: 'open', message: /^cannot open '\/p': does not exist$/ },
    { code: 'EACCES', syscall: 'open', message: /^cannot open '\/p': permission denied$/ },
    { code: 'EEXIST', syscall: 'mkdir', message: /^cannot create the folder '\/p': already exists$/ },
    { code: 'ENOTDIR', syscall: 'scandir', message: /^cannot list the folder '\/p': a part of the path is not a folder$/ },
    { code: 'EISDIR', syscall: 'read', message: /^cannot read '\/p': is a folder, not a file$/ },
    { code: 'ENAMETOOLONG', syscall: 'open', message: /the name is too long/ },
    { code: 'ENOSPC', syscall: 'write', message: /^cannot write '\/p': the disk is full$/ },
    { code: 'EROFS', syscall: 'mkdir', message: /the file system is read-only/ },
  ])('$code', ({ code, syscall, message }) => {
    const e = fsUserError(errno(code, syscall, '/p')) as UserError;
    expect(e).toBeInstanceOf(UserError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
    expect(e.details).toHaveLength(1);
  });

  it('names the path the user gave and the action, when the caller knows them', () => {
    const e = fsUserError(errno('ENOENT', 'mkdir', '/proc/x.creating-1-2'), { path: '/proc/x', action: 'create the instance' }) as UserError;
    expect(e.message).toBe("cannot create the instance '/proc/x': does not exist");
  });

  it('leaves other errors alone', () => {
    const other = new TypeError('x');
    expect(fsUserError(other)).toBe(other);
    expect(isFsError(errno('ECONNRESET', 'read', '/p'))).toBe(false);
  });

  it('the runner reports one left over as a user error (exit 2), not as an internal one', () => {
    const lines: string[] = [];
    const code = reportError(errno('ENOSPC', 'write', '/data/out.json'), { out: () => {}, err: (l) => lines.push(l) }, false);
    expect(code).toBe(2);
    expect(lines[0]).toBe("understudy: cannot write '/data/out.json': the disk is full");
    expect(lines.join('\n')).not.toMatch(/internal error|bug/);
  });
});

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'understudy-fs-errors-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('ensureDir', () => {
  it('makes missing folders, and is fine with existing ones', async () => {
    await ensureDir(join(root, 'a/b/c'));
    await ensureDir(join(root, 'a/b/c'));
    await ensureDir(root);
  });

  it.each([
    { name: 'a file in the way', path: () => join(root, 'file'), code: 'ENOTFOLDER' },
    { name: 'a file on the way', path: () => join(root, 'file/sub'), code: 'ENOTDIR' },
    // Node's mkdir(…, { recursive: true }) never returns for these.
    { name: 'a folder under /proc', path: () => '/proc/x', code: 'ENOENT' },
    { name: 'two folders under /proc', path: () => '/proc/x/y', code: 'ENOENT' },
  ])('refuses $name with an error the messages word', async ({ path, code }) => {
    await writeFile(join(root, 'file'), 'x');
    const e = await ensureDir(path()).catch((x: unknown) => x);
    expect((e as NodeJS.ErrnoException).code).toBe(code);
    expect(isFsError(e)).toBe(true);
  });
});

// A FIFO cannot be made without a child process: tests/integration/migrate/hostile-cli.test.ts has those rows.
describe('readRegularFile', () => {
  it('reads a file; a folder or a device is refused with an error the messages word', async () => {
    await writeFile(join(root, 'plain.json'), '{}');
    expect(await readRegularFile(join(root, 'plain.json'), 'utf8')).toBe('{}');
    const device = await readRegularFile('/dev/zero').catch((x: unknown) => x);
    expect((fsUserError(device) as UserError).message).toBe("cannot open '/dev/zero': is not a regular file (a FIFO, a device or a socket?)");
    const folder = await readRegularFile(root).catch((x: unknown) => x);
    expect((folder as NodeJS.ErrnoException).code).toBe('EISDIR');
  });
});
