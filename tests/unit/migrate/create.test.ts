/** `migrate:create`'s slug: a table of bad slugs, each one message (exit 2) and nothing written. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../server/common/errors.ts';
import { createMigration, MAX_SLUG } from '../../../server/migrate/engine/create.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'understudy-create-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const NOW = new Date('2026-01-02T03:04:05Z');

describe('migrate:create slugs', () => {
  it.each([
    { name: 'none', slug: undefined, message: /needs a slug/ },
    { name: 'upper case', slug: 'Rename', message: /not a usable slug/ },
    { name: 'a path', slug: '../x', message: /not a usable slug/ },
    // A file name is at most 255 bytes: 300 characters was ENAMETOOLONG as an internal error.
    { name: '300 characters', slug: 'a'.repeat(300), message: /the slug is 300 characters long; at most 100/ },
    { name: 'one too many', slug: 'a'.repeat(MAX_SLUG + 1), message: new RegExp(`${MAX_SLUG + 1} characters long`) },
  ])('$name', async ({ slug, message }) => {
    const dir = join(root, 'refused');
    const e = await createMigration(dir, slug, NOW).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toMatch(message);
    expect(await readdir(dir).catch(() => 'none')).toBe('none');
  });

  it(`takes ${MAX_SLUG} characters`, async () => {
    const file = await createMigration(join(root, 'ok'), 'a'.repeat(MAX_SLUG), NOW);
    expect(file).toBe(join(root, 'ok', `20260102-030405-${'a'.repeat(MAX_SLUG)}.ts`));
  });
});
