import { spawnSync } from 'node:child_process';
import { UserError } from '../../common/errors.ts';
import { BrowserNotFound, CHROMIUM_ENV, findChromium, type FoundBrowser } from './find-chromium.ts';

export const NO_BROWSER_HINT = `no Chromium found: run 'apt-get update && apt-get install -y chromium' (as root), or 'npx playwright install chromium', or set ${CHROMIUM_ENV}=/path/to/chromium`;

interface EnsureIo {
  say: (line: string) => void;
}

const run = (cmd: string, args: string[], timeoutMs: number) =>
  spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs, encoding: 'utf8' });

/**
 * Makes sure a browser is there before anything needs one: a found one is used; else Playwright's
 * own install is tried (time-boxed: it cannot download on machines without internet); else, as
 * root with apt-get, Debian's chromium is installed and we say so; else one line says how to get one.
 */
export const ensureChromium = async (io: EnsureIo, env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser> => {
  try {
    const found = await findChromium(env);
    if (found) return found;
  } catch (e) {
    if (e instanceof BrowserNotFound) throw new UserError(e.message);
    throw e;
  }
  io.say('understudy: no Chromium found; trying `npx playwright install chromium` (30 s at most)…');
  run('npx', ['--no-install', 'playwright', 'install', 'chromium'], 30_000);
  const own = await findChromium(env);
  if (own) return own;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = run('sh', ['-c', 'command -v apt-get'], 5_000).status === 0;
  if (isRoot && hasApt) {
    io.say("understudy: installing Debian's chromium with apt-get (needed for the browser tests)…");
    const update = run('apt-get', ['update', '-qq'], 300_000);
    const install = update.status === 0 ? run('apt-get', ['install', '-y', '-qq', 'chromium'], 600_000) : update;
    const found = await findChromium(env);
    if (found) {
      io.say(`understudy: installed ${found.path}`);
      return found;
    }
    throw new UserError(`installing chromium with apt-get failed: ${(install.stderr ?? '').trim().split('\n').pop() ?? 'unknown error'}`, {
      details: [NO_BROWSER_HINT],
    });
  }
  throw new UserError(NO_BROWSER_HINT);
};
