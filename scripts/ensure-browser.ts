import { runCommand } from '../server/cli/run.ts';
import { ensureChromium } from '../server/rehearse/browser/ensure-chromium.ts';

runCommand(async (_argv, io) => {
  const found = await ensureChromium({ say: io.err });
  io.out(`understudy: browser ${found.path} (${found.source})`);
  return 0;
});
