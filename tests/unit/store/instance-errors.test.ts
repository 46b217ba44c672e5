import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../server/common/errors.ts';
import { createInstance, openInstance } from '../../../server/store/index.ts';
import { makeSnapshot, snapshotFileHashes, tempDir } from './helpers/temp.ts';

const userError = async (p: Promise<unknown>): Promise<UserError> => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
};

describe('createInstance refuses', () => {
  const cases: [string, (root: string, snap: string) => Promise<string>, RegExp][] = [
    [
      'a target that is not empty',
      async (root) => {
        await mkdir(join(root, 'inst'));
        await writeFile(join(root, 'inst', 'x'), '');
        return join(root, 'inst');
      },
      /exists and is not empty/,
    ],
    [
      'a target that is a file',
      async (root) => {
        await writeFile(join(root, 'inst'), '');
        return join(root, 'inst');
      },
      /exists and is not a folder/,
    ],
    [
      'a snapshot with malformed config.json',
      async (root, snap) => {
        await writeFile(join(snap, 'config.json'), '{"tracker": ');
        return join(root, 'inst');
      },
      /cannot be read/,
    ],
    [
      'a snapshot with a malformed issue line',
      async (root, snap) => {
        await writeFile(join(snap, 'issues', '00002.ndjson'), '{"id": "1"}\n{oops\n');
        return join(root, 'inst');
      },
      /cannot be read/,
    ],
    [
      'a snapshot without config.json',
      async (root, snap) => {
        const { rm } = await import('node:fs/promises');
        await rm(join(snap, 'config.json'));
        return join(root, 'inst');
      },
      /cannot be read/,
    ],
  ];
  it.each(cases)('%s', async (_name, prepare, message) => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 45, 20);
    const target = await prepare(root, snap);
    const before = await snapshotFileHashes(snap);
    const err = await userError(createInstance(snap, target));
    expect(`${err.message} ${err.details.join(' ')}`).toMatch(message);
    expect(await snapshotFileHashes(snap)).toEqual(before);
    expect((await readdir(root)).filter((n) => n.includes('creating'))).toEqual([]);
  });

  it('a missing snapshot directory', async () => {
    const root = await tempDir();
    const err = await userError(createInstance(join(root, 'nope'), join(root, 'inst')));
    expect(err.message).toMatch(/does not exist/);
  });

  it('accepts an empty existing target', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'inst'));
    const inst = await createInstance(await makeSnapshot(join(root, 'snap'), 3), join(root, 'inst'));
    expect(inst.data.issues).toHaveLength(3);
  });
});

describe('openInstance refuses', () => {
  const cases: [string, (root: string) => Promise<string>, RegExp, RegExp][] = [
    ['a missing directory', async (root) => join(root, 'missing'), /does not exist/, /create one from a snapshot/],
    [
      'a directory that is not an instance',
      async (root) => {
        await mkdir(join(root, 'plain'));
        return join(root, 'plain');
      },
      /not an Understudy instance/,
      /create one from a snapshot/,
    ],
    [
      'a snapshot passed as instance',
      async (root) => makeSnapshot(join(root, 'snap'), 3),
      /not an Understudy instance/,
      /pass the directory of an instance/,
    ],
    [
      'an instance without its pointer',
      async (root) => {
        const inst = await createInstance(await makeSnapshot(join(root, 's2'), 3), join(root, 'i2'));
        const { rm } = await import('node:fs/promises');
        await rm(join(inst.dir, 'CURRENT'));
        return inst.dir;
      },
      /no valid CURRENT/,
      /damaged/,
    ],
    [
      'an instance with a truncated shard',
      async (root) => {
        const inst = await createInstance(await makeSnapshot(join(root, 's3'), 30, 100), join(root, 'i3'), { shardSize: 10 });
        const gen = (await readFile(join(inst.dir, 'CURRENT'), 'utf8')).trim();
        const file = join(inst.dir, 'gens', gen, 'issues', '00002.ndjson');
        const { unlink } = await import('node:fs/promises');
        const text = await readFile(file, 'utf8');
        await unlink(file); // a new inode: never write through a hard link
        await writeFile(file, text.slice(0, 100));
        return inst.dir;
      },
      /00002\.ndjson' has 100 bytes/,
      /damaged/,
    ],
  ];
  it.each(cases)('%s', async (_name, prepare, message, hint) => {
    const root = await tempDir();
    const err = await userError(openInstance(await prepare(root)));
    expect(err.message).toMatch(message);
    expect(err.details.join(' ')).toMatch(hint);
  });
});
