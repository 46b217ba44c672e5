/**
 * The real regression runner: the generated specs and the user's own, run by Playwright with a real
 * browser and through the REST API, against one sandbox (a ForkHub on 127.0.0.1) that serves the
 * phase under test, with the clock frozen.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../common/errors.ts';
import { ForkHub, listen, loadUiRouter } from '../../http/index.ts';
import { NO_BROWSER_HINT } from '../browser/ensure-chromium.ts';
import { BrowserNotFound, findChromium } from '../browser/find-chromium.ts';
import { runRegression } from '../regression-run.ts';
import type { PhaseRun, RegressionInput, RegressionRunner } from './regression-runner.ts';

export class PlaywrightRunner implements RegressionRunner {
  readonly name = 'Playwright';
  readonly checkName = 'find a browser';
  readonly leavesOut: readonly string[] = [];

  // Only find one: installing a browser is for `npm test`; a rehearsal without one is exit 2 at once.
  async check(): Promise<string[]> {
    const b = await findChromium().catch((e: unknown) => {
      throw e instanceof BrowserNotFound ? new UserError(e.message) : e;
    });
    if (!b) throw new UserError(NO_BROWSER_HINT);
    return [`${b.path} (${b.source})`];
  }

  async run(input: RegressionInput): Promise<PhaseRun[]> {
    const planFile = join(input.reportDir, '.observations', 'suite-plan.json');
    await mkdir(join(input.reportDir, '.observations'), { recursive: true });
    await writeFile(planFile, JSON.stringify(input.suite));
    const hub = new ForkHub({ now: input.now, ui: await loadUiRouter(), onInternalError: input.onInternalError });
    const server = await listen(hub.app);
    try {
      const out: PhaseRun[] = [];
      for (const { phase, state } of input.phases) {
        hub.load(state);
        out.push(
          await runRegression({
            phase,
            url: server.url,
            planFile,
            reportDir: input.reportDir,
            workers: input.workers,
            ...(input.shard ? { shard: input.shard } : {}),
            ...(input.userSpecs ? { userSpecs: input.userSpecs } : {}),
            progress: input.progress,
            ...(input.signal ? { signal: input.signal } : {}),
          }),
        );
      }
      return out;
    } finally {
      await server.close();
    }
  }
}
