import { runCommand } from '../server/cli/run.ts';
import { runMigrateCommand } from '../server/migrate/engine/command.ts';
import { isProductionCommand, runProductionCommand } from '../server/apply/index.ts';
import { redactError } from '../server/clone/credentials.ts';

// migrate:down and migrate:status with --url act on production (server/apply), else on an instance.
runCommand((argv, io) =>
  isProductionCommand(argv)
    ? runProductionCommand(argv, io).catch((e: unknown) => {
        throw redactError(e, process.env);
      })
    : runMigrateCommand(argv, io),
);
