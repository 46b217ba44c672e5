/**
 * For unit tests of the migration engine (vitest only: it registers hooks): forks of one small
 * instance per test file, and in-memory migrations that edit every issue.
 */
import { afterAll, beforeAll } from 'vitest';
import { defineMigration } from '../../server/migrate/api.ts';
import type { LoadedMigration } from '../../server/migrate/load.ts';
import type { Issue } from '../../server/model/types.ts';
import { openInstance, type Instance } from '../../server/store/index.ts';
import { forkOf, makeInstance, removeTemp, tempRoot } from './migrate-fixture.ts';

/** An instance of fixtures/tiny prepared once for the test file (removed after it); `fresh()` opens a new fork of it. */
export const tinyInstances = (prefix: string): { fresh(): Promise<Instance> } => {
  let root = '';
  let base = '';
  beforeAll(async () => {
    root = await tempRoot(prefix);
    base = await makeInstance('fixtures/tiny', `${root}/base`);
  });
  afterAll(() => removeTemp(root));
  return { fresh: async () => openInstance(await forkOf(base, root)) };
};

/** A functions-form migration, loaded in memory (no file), that edits every issue with `edit`. */
export const editEveryIssue = (id: string, description: string, edit: (draft: Issue, key: string) => void): LoadedMigration => ({
  id,
  file: `migrations/${id}.ts`,
  checksum: 'sha256:test',
  migration: defineMigration({
    description,
    up(ctx) {
      for (const i of ctx.issues) ctx.editIssue(i.key, (d) => edit(d, i.key));
    },
  }),
});
