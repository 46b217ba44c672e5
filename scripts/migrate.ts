/**
 * `npm run migrate:* -- …`: migrate:down and migrate:status with --url act on production
 * (server/apply), else on an instance (server/migrate). Each loads only its own part: a command's
 * start-up is most of a quick one's time.
 */
import { runCommand } from '../server/cli/run.ts';

const namesUrl = (argv: readonly string[]) => argv.some((a) => a === '--url' || a.startsWith('--url='));

runCommand(async (argv, io) => {
  if (namesUrl(argv)) {
    const apply = await import('../server/apply/index.ts');
    if (apply.isProductionCommand(argv)) {
      const { redactError } = await import('../server/clone/credentials.ts');
      return apply.runProductionCommand(argv, io).catch((e: unknown) => {
        throw redactError(e, process.env);
      });
    }
  }
  const { runMigrateCommand } = await import('../server/migrate/engine/command.ts');
  return runMigrateCommand(argv, io);
});
