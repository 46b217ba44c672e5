/** `npm run apply -- --url URL`: see server/apply/. Credentials never reach a message (redacted on the way out). */
import { runCommand } from '../server/cli/run.ts';
import { runApplyCommand } from '../server/apply/index.ts';
import { redactError } from '../server/clone/credentials.ts';

runCommand((argv, io) =>
  runApplyCommand(argv, io).catch((e: unknown) => {
    throw redactError(e, process.env);
  }),
);
