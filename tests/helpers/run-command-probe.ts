/**
 * A command that misbehaves the ways in-process user code can (the rehearsal runs migrations'
 * code in its own process): it takes a temporary folder, then ends by `process.exit`, a throwing
 * timer, a rejected promise nobody waits for, or a signal. For the hostile-input tests: however it
 * ends, one message, exit 2, and no temporary folder left.
 */
import { runCommand } from '../../server/cli/run.ts';
import { makeTempDir } from '../../server/common/temp-dir.ts';

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

runCommand(async ([mode]) => {
  const temp = await makeTempDir('understudy-rehearsal-');
  process.stdout.write(`ready ${temp.dir}\n`);
  if (mode === 'exit') process.exit(0);
  if (mode === 'timer')
    setTimeout(() => {
      throw new Error('late boom');
    }, 0);
  if (mode === 'rejection') void Promise.reject(new Error('nobody waited'));
  await wait(mode === 'signal' ? 60_000 : 2_000);
  await temp.remove();
  return 0;
});
