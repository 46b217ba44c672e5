/**
 * The canonical hash changes when any single config entity or issue field changes, and does not
 * change for key order or issue storage order. Table-driven over every leaf and list of a state.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalHash } from '../../../server/model/hash.ts';
import type { Config, Issue } from '../../../server/model/types.ts';
import { createInstance, openInstance } from '../../../server/store/index.ts';
import { makeSnapshot, tempDir } from './helpers/temp.ts';
import { tinyConfig, tinyIssues } from './helpers/tiny-tracker.ts';

type Path = (string | number)[];
interface State {
  config: Config;
  issues: Issue[];
}
const state = (): State => ({ config: tinyConfig(), issues: tinyIssues(3) });
const hashOf = (s: State) => canonicalHash(s.config, s.issues);

const paths = (v: unknown, at: Path, leaves: Path[], lists: Path[]): void => {
  if (Array.isArray(v)) {
    if (v.length > 0) lists.push(at);
    v.forEach((e, i) => paths(e, [...at, i], leaves, lists));
  } else if (v !== null && typeof v === 'object') {
    for (const [k, e] of Object.entries(v)) paths(e, [...at, k], leaves, lists);
  } else leaves.push(at);
};

const parentOf = (root: unknown, path: Path): [Record<string | number, unknown>, string | number] => {
  let node = root as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  return [node, path[path.length - 1]!];
};

const changeLeaf = (v: unknown): unknown =>
  typeof v === 'string' ? `${v}x` : typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : 'was-null';

const leaves: Path[] = [];
const lists: Path[] = [];
paths(state(), [], leaves, lists);
const base = hashOf(state());

describe('canonical hash sensitivity', () => {
  it('covers many paths', () => {
    expect(leaves.length).toBeGreaterThan(150);
    expect(lists.length).toBeGreaterThan(30);
  });

  it.each(leaves.map((p) => [p.join('.'), p] as const))('changes when %s changes', (_name, path) => {
    const s = state();
    const [parent, key] = parentOf(s, path);
    parent[key] = changeLeaf(parent[key]);
    expect(hashOf(s)).not.toBe(base);
  });

  it.each(lists.map((p) => [p.join('.'), p] as const))('changes when an entry of %s is removed, or two are swapped', (_name, path) => {
    const removed = state();
    const [parent, key] = parentOf(removed, path);
    (parent[key] as unknown[]).pop();
    expect(hashOf(removed)).not.toBe(base);
    const swapped = state();
    const [p2, k2] = parentOf(swapped, path);
    const list = p2[k2] as unknown[];
    if (list.length > 1 && JSON.stringify(list[0]) !== JSON.stringify(list[1]) && path[0] !== 'issues') {
      [list[0], list[1]] = [list[1], list[0]];
      expect(hashOf(swapped)).not.toBe(base);
    }
  });

  it('ignores key order, $schema and the storage order of issues', () => {
    const s = state();
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, e]) => [k, reversed(e)]),
            )
          : v;
    expect(hashOf({ config: { ...(reversed(s.config) as Config), $schema: 'x.json' }, issues: [...(reversed(s.issues) as Issue[])].reverse() })).toBe(
      base,
    );
  });

  it('survives save and open for a sample of changes', async () => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 3, 100);
    const inst = await createInstance(snap, join(root, 'inst'), { shardSize: 2 });
    for (const path of leaves.filter((_, i) => i % 25 === 0)) {
      const [parent, key] = parentOf(inst.data, path);
      parent[key] = changeLeaf(parent[key]);
      const expected = inst.hash();
      await inst.save();
      expect((await openInstance(join(root, 'inst'))).hash()).toBe(expected);
    }
  });
});
