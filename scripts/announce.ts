import { runCommand } from '../server/cli/run.ts';
import { runAnnounceCommand } from '../server/announce/command.ts';

runCommand((argv, io) => runAnnounceCommand(argv, io));
