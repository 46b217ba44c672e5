/**
 * A generation records the canonical hash of what it holds (meta.json `hash`) when that is exactly
 * the hash of what loading it gives back, and loading checks every shard against its recorded
 * sha256, so a recorded hash vouches for the loaded data. Where the lines written are not the
 * records' canonical text, or the issues are not in id order, nothing is recorded.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalHash, HASH_VERSION } from '../../../server/model/hash.ts';
import type { Issue } from '../../../server/model/types.ts';
import { createInstance, openInstance, type Instance } from '../../../server/store/index.ts';
import { genDir, genName, type GenerationMeta } from '../../../server/store/instance-layout.ts';
import { makeSnapshot, tempDir } from './helpers/temp.ts';

const open: Instance[] = [];
afterEach(() => {
  for (const i of open.splice(0)) i.close();
});
const keep = (i: Instance): Instance => (open.push(i), i);

const instance = async (issues = 45, shardSize = 10): Promise<Instance> => {
  const root = await tempDir();
  return keep(await createInstance(await makeSnapshot(join(root, 'snap'), issues, 20), join(root, 'inst'), { shardSize }));
};
const memoryHash = (inst: Instance) => canonicalHash(inst.data.config, inst.data.issues);
const meta = async (inst: Instance): Promise<GenerationMeta> =>
  JSON.parse(await readFile(join(genDir(inst.dir, genName(inst.generation())), 'meta.json'), 'utf8')) as GenerationMeta;

describe('the hash a generation records', () => {
  it('is recorded on create and on every save, and is the hash of the data loaded back', async () => {
    const inst = await instance();
    expect(inst.recordedHash()).toBe(memoryHash(inst));
    expect((await meta(inst)).hash).toBe(memoryHash(inst));
    inst.data.issues[4]!.summary = 'changed';
    await inst.save();
    expect(inst.recordedHash()).toBe(memoryHash(inst));
    const again = keep(await openInstance(inst.dir));
    expect(again.recordedHash()).toBe(again.hash());
    expect(again.hash()).toBe(memoryHash(inst));
  });

  it('saveHashed records the hash it returns', async () => {
    const inst = await instance();
    inst.data.issues[0]!.labels = ['x'];
    const hash = await inst.saveHashed();
    expect((await meta(inst)).hash).toBe(hash);
    expect(inst.recordedHash()).toBe(hash);
  });

  it.each([
    ['issues stored out of id order', (inst: Instance) => void inst.data.issues.reverse()],
    ['an issue holding a Date', (inst: Instance) => void ((inst.data.issues[3] as unknown as Record<string, unknown>).when = new Date(0))],
    ['a config holding a Date', (inst: Instance) => void ((inst.data.config as unknown as Record<string, unknown>).when = new Date(0))],
  ])('is not recorded when a load would not give back exactly the data hashed: %s', async (_what, change) => {
    const inst = await instance();
    change(inst);
    await inst.save();
    expect((await meta(inst)).hash).toBeUndefined();
    expect(inst.recordedHash()).toBeUndefined();
    // saveHashed still gives the hash of memory; it just does not record it.
    expect(await inst.saveHashed()).toBe(memoryHash(inst));
    expect(inst.recordedHash()).toBeUndefined();
  });

  it('a hash recorded under another hash version is not used', async () => {
    const inst = await instance();
    const file = join(genDir(inst.dir, genName(inst.generation())), 'meta.json');
    const m = await meta(inst);
    expect(m.hashVersion).toBe(HASH_VERSION);
    await writeFile(file, JSON.stringify({ ...m, hashVersion: 'understudy-canonical-v0' }));
    const again = keep(await openInstance(inst.dir));
    expect(again.recordedHash()).toBeUndefined();
    expect(await again.generationHash()).toBe(again.hash());
  });

  it('a save that runs while issues and the config change records only the hash of what it wrote', async () => {
    let recordedWhileChanging = 0;
    for (let round = 0; round < 8; round++) {
      const inst = await instance(60, 4);
      const saving = inst.save();
      let saved = false;
      void saving.then(() => void (saved = true));
      for (let tick = 0; !saved && tick < 40; tick++) {
        await new Promise((r) => setTimeout(r, 1));
        const issues = inst.data.issues;
        const ids = issues.map((i) => Number(i.id));
        if ((tick + round) % 3 === 0) issues.splice(5 + round, 1);
        if ((tick + round) % 4 === 1) issues.push({ ...issues[0]!, id: String(Math.max(...ids) + 1), key: `T-${900 + tick}` });
        // Rounds 6 and 7 also insert out of id order: then no hash can be recorded.
        if (round >= 6 && tick === 1) issues.splice(2, 0, { ...issues[1]!, id: '1', key: 'T-1' });
        if ((tick + round) % 2 === 0) issues[issues.length - 1] = { ...issues[issues.length - 1]!, summary: `changed at ${tick}` };
        if (tick === round) inst.data.config = { ...inst.data.config, statuses: [...inst.data.config.statuses].reverse() };
      }
      await saving;
      const again = keep(await openInstance(inst.dir));
      const recorded = again.recordedHash();
      if (recorded !== undefined) {
        expect(recorded).toBe(again.hash());
        if (again.hash() !== memoryHash(inst)) recordedWhileChanging++;
      }
    }
    // At least one save was overtaken by changes and still recorded a (correct) hash.
    expect(recordedWhileChanging).toBeGreaterThan(0);
  });

  it('an issue whose keys are out of order is stored as its canonical text, so the hash is recorded', async () => {
    const inst = await instance();
    const i = inst.data.issues[7]!;
    inst.data.issues[7] = { zzz: 1, ...i } as unknown as Issue;
    await inst.save();
    expect(inst.recordedHash()).toBe(memoryHash(inst));
  });
});

describe('loading checks every shard against its sha256', () => {
  it('a shard changed in place with the same size is refused as damaged', async () => {
    const inst = await instance();
    const m = await meta(inst);
    const file = join(genDir(inst.dir, genName(m.generation)), m.issues[1]!.file);
    const text = await readFile(file, 'utf8');
    const changed = text.replace(/"summary":"(.)/, (_all, c: string) => `"summary":"${c === 'Q' ? 'R' : 'Q'}`);
    expect(changed.length).toBe(text.length);
    expect(changed).not.toBe(text);
    await writeFile(file, changed);
    await expect(openInstance(inst.dir)).rejects.toThrow(
      /00002\.ndjson' does not hold what was saved \(its sha256 is not the one meta\.json records\)/,
    );
  });

  it('so does a changed config.json', async () => {
    const inst = await instance();
    const file = join(genDir(inst.dir, genName(inst.generation())), 'config.json');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace(/"name":"(.)/, (_all, c: string) => `"name":"${c === 'Q' ? 'R' : 'Q'}`),
    );
    await expect(openInstance(inst.dir)).rejects.toThrow(/config\.json' does not hold what was saved/);
  });
});
