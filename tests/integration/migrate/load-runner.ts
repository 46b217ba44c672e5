/**
 * Loads migration folders in a tsx process, as the npm scripts do, and prints one JSON line per
 * folder: the ids and checksums, or the error message. Used by load.test.ts.
 */
import { loadMigrations } from '../../../server/migrate/load.ts';
import { describeMigration } from '../../../server/migrate/apply.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';

for (const dir of process.argv.slice(2)) {
  try {
    const loaded = await loadMigrations(dir);
    const c = tinyContent();
    process.stdout.write(
      `${JSON.stringify({
        dir,
        ok: true,
        ids: loaded.map((l) => l.id),
        checksums: loaded.map((l) => l.checksum),
        sentences: loaded.flatMap((l) => describeMigration(l.migration, { config: c.config, issues: c.issues })),
      })}\n`,
    );
  } catch (e) {
    process.stdout.write(
      `${JSON.stringify({ dir, ok: false, error: (e as Error).message, details: (e as { details?: string[] }).details ?? [] })}\n`,
    );
  }
}
