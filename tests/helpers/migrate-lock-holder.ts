/** Child process for the lock tests: takes an instance's lock, says so, and waits to be killed. */
import { acquireLock } from '../../server/store/index.ts';

await acquireLock(process.argv[2]!, 'lock-holder test');
process.stdout.write(`locked ${process.pid}\n`);
setInterval(() => {}, 60_000);
