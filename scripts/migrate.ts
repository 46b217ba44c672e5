import { runCommand } from '../server/cli/run.ts';
import { runMigrateCommand } from '../server/migrate/engine/command.ts';

runCommand((argv, io) => runMigrateCommand(argv, io));
