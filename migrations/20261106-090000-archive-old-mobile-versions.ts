import { defineMigration } from 'understudy';

const CUTOFF = '2025-11-01';
const MARK = 'archivedByMigration';

/**
 * Written as functions because no operation archives versions by date. `up` marks what it archived
 * (in the version's `ext` bag) so that `down` un-archives exactly those and not the versions that
 * were archived already: the rehearsal runs `down` after `up` and fails when the hash differs.
 */
export default defineMigration({
  description: `Archive the Mobile Apps versions released before ${CUTOFF}, so version pickers show current releases only.`,
  expect: [{ check: 'createmeta', project: 'MOB', change: 'allowedValues', reason: 'Archived versions are no longer offered in version pickers.' }],
  up(ctx) {
    const project = ctx.config.projects.find((p) => p.key === 'MOB');
    if (!project) throw new Error('project MOB not found');
    for (const v of project.versions) {
      if (v.released && !v.archived && v.releaseDate !== undefined && v.releaseDate < CUTOFF) {
        v.archived = true;
        v.ext = { ...v.ext, [MARK]: ctx.migrationId };
        ctx.log(`archived ${v.name} (released ${v.releaseDate})`);
      }
    }
  },
  down(ctx) {
    const project = ctx.config.projects.find((p) => p.key === 'MOB');
    if (!project) throw new Error('project MOB not found');
    for (const v of project.versions) {
      if (v.ext?.[MARK] !== ctx.migrationId) continue;
      v.archived = false;
      const { [MARK]: _mark, ...rest } = v.ext;
      if (Object.keys(rest).length) v.ext = rest;
      else delete v.ext;
    }
  },
});
