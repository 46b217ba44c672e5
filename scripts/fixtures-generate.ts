/** `npm run fixtures:generate -- [--seed N] [--issues N] [--out DIR] [--force]`: thin entry point. */
import { runCommand } from '../server/cli/run.ts';
import { fixturesGenerate } from '../server/fixtures/command.ts';

runCommand((argv, io) => fixturesGenerate(argv, io));
