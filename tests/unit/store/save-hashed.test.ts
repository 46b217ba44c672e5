/** saveHashed: the hash computed from the lines written is the canonical hash of the data in memory, whatever the data. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalHash } from '../../../server/model/hash.ts';
import type { Issue } from '../../../server/model/types.ts';
import { createInstance, openInstance, type Instance } from '../../../server/store/index.ts';
import { makeSnapshot, tempDir } from './helpers/temp.ts';

const open: Instance[] = [];
afterEach(() => {
  for (const i of open.splice(0)) i.close();
});

const instance = async (issues = 45, shardSize = 10): Promise<Instance> => {
  const root = await tempDir();
  const inst = await createInstance(await makeSnapshot(join(root, 'snap'), issues, 20), join(root, 'inst'), { shardSize });
  open.push(inst);
  return inst;
};

const memoryHash = (inst: Instance) => canonicalHash(inst.data.config, inst.data.issues);
const raw = (i: Issue) => i as unknown as Record<string, unknown>;

describe('saveHashed', () => {
  it('returns the canonical hash of memory, and the saved instance loads to the same hash', async () => {
    const inst = await instance();
    inst.data.issues[3]!.summary = 'changed';
    const hash = await inst.saveHashed();
    expect(hash).toBe(memoryHash(inst));
    const reopened = await openInstance(inst.dir);
    open.push(reopened);
    expect(reopened.hash()).toBe(hash);
  });

  it.each([
    ['issues stored out of id order', (inst: Instance) => inst.data.issues.reverse()],
    [
      'an issue whose keys are out of order',
      (inst: Instance) => {
        const i = inst.data.issues[7]!;
        inst.data.issues[7] = { zzz: 1, ...i, aaa: { b: 1, a: 2 } } as unknown as Issue;
      },
    ],
    [
      'a Date, an undefined member and index keys',
      (inst: Instance) => {
        raw(inst.data.issues[1]!).when = new Date(0);
        raw(inst.data.issues[2]!).gone = undefined;
        raw(inst.data.issues[12]!).byIndex = { 10: 'ten', 2: 'two', x: 'x' };
      },
    ],
    ['one issue in a shard of its own', (inst: Instance) => void inst.data.issues.push({ ...inst.data.issues[0]!, id: '999999', key: 'ZZZ-1' })],
    ['no issues at all', (inst: Instance) => void inst.data.issues.splice(0)],
  ])('%s', async (_what, change) => {
    const inst = await instance();
    change(inst);
    expect(await inst.saveHashed()).toBe(memoryHash(inst));
  });

  it('hands the hash over before the ledger is written, so the ledger of the same generation can record it', async () => {
    const inst = await instance();
    let seen = '';
    const hash = await inst.saveHashed((h) => {
      seen = h;
      inst.data.ledger.push({ hashAfter: h });
    });
    expect(seen).toBe(hash);
    const reopened = await openInstance(inst.dir);
    open.push(reopened);
    expect(reopened.data.ledger).toEqual([{ hashAfter: hash }]);
  });

  it('saves nothing when the callback throws, or when it changes the issues', async () => {
    const inst = await instance();
    const generation = inst.generation();
    const before = inst.hash();
    inst.data.issues[0]!.summary = 'not saved';
    await expect(
      inst.saveHashed(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await expect(inst.saveHashed(() => void inst.data.issues.pop())).rejects.toThrow(/changed the issues/);
    expect(inst.generation()).toBe(generation);
    const reopened = await openInstance(inst.dir);
    open.push(reopened);
    expect(reopened.hash()).toBe(before);
  });
});
