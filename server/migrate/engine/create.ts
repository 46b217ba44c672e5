/** `migrate:create -- <slug>`: writes a commented template with a sortable timestamp prefix. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDir } from '../../common/ensure-dir.ts';
import { UserError } from '../../common/errors.ts';
import { fsUserError } from '../../common/fs-errors.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYYMMDD-HHMMSS` in UTC, so names sort in the order they were created wherever they were made. */
export const timestampPrefix = (d: Date): string =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A file name is at most 255 bytes on most file systems; the timestamp and the extension take 19. */
export const MAX_SLUG = 100;

export const template = (slug: string): string => `import { defineMigration, op } from 'understudy';

/**
 * ${slug}
 *
 * Operations know their inverse and capture what they destroy, so no \`down\` is written by hand.
 * Name things as admins see them: status, field, option and issue type names, project keys.
 * The operations: see README.md, "Writing a migration" (your editor completes \`op.\` too).
 * Then: npm run migrate:plan, then npm run rehearse.
 */
export default defineMigration({
  description: 'What changes and why, in a sentence or two (shown in the plan, the report and the notices).',
  ops: [
    // op.renameStatus({ from: 'In Review', to: 'Code Review' }),
    // op.requireField({ field: 'Severity', projects: ['WEB'], issueTypes: ['Bug'], default: 'S3 - Minor', backfill: true }),
  ],
  // The regression differences this change intends; any other difference fails the rehearsal:
  // expect: [{ check: 'createmeta', project: 'WEB', issueType: 'Bug', field: 'Severity', change: 'required', reason: 'Severity is now required on bugs' }],
  // When the change cannot be undone in production, say so and how to recover:
  // irreversible: { reason: '…', recovery: '…' },
});
`;

export const createMigration = async (dir: string, slug: string | undefined, now = new Date()): Promise<string> => {
  if (!slug)
    throw new UserError('migrate:create needs a slug', { details: ['usage: npm run migrate:create -- <slug>   (e.g. require-severity-on-bugs)'] });
  if (!SLUG.test(slug))
    throw new UserError(`'${slug}' is not a usable slug`, {
      details: ['use lower-case letters, digits and single hyphens, e.g. require-severity-on-bugs'],
    });
  if (slug.length > MAX_SLUG)
    throw new UserError(`the slug is ${slug.length} characters long; at most ${MAX_SLUG}`, {
      details: ['a few words say what the change does, e.g. require-severity-on-bugs; the description inside the file says the rest'],
    });
  const file = join(dir, `${timestampPrefix(now)}-${slug}.ts`);
  await ensureDir(dir).catch((e: unknown) => {
    throw fsUserError(e, { path: dir, action: 'create the migrations folder', fix: 'pass --migrations DIR naming a folder (it is made if missing)' });
  });
  try {
    await writeFile(file, template(slug), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UserError(`${file} already exists`, { details: ['wait a second and run it again, or choose another slug'] });
    throw fsUserError(e, { path: file, action: 'write' });
  }
  return file;
};
