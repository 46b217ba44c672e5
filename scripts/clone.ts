/** `npm run clone`: see server/clone/cli.ts. */
import { runCommand } from '../server/cli/run.ts';
import { cloneMain } from '../server/clone/cli.ts';

runCommand(cloneMain);
