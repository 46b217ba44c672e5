/** `npm run drift -- --snapshot DIR`: see server/clone/drift.ts. */
import { runCommand } from '../server/cli/run.ts';
import { driftMain } from '../server/clone/drift.ts';
import { redactError } from '../server/clone/credentials.ts';

runCommand((argv, io) =>
  driftMain(argv, io).catch((e: unknown) => {
    throw redactError(e, process.env);
  }),
);
