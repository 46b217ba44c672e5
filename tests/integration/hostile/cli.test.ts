/**
 * The hostile-input suite, commands: every command's table through the CLI runner (each case in its
 * own scratch folder and temporary directory, two at a time). `npm test` runs the sample
 * (kit/sample.ts); `npm run test:soak:hostile` runs every case.
 */
import { describe, expect, it } from 'vitest';
import { CLI_FAMILIES } from './cli/index.ts';
import { CLI_BOUND_MS, runCliCase } from './kit/cli-runner.ts';
import { recordFailure } from './kit/report.ts';
import { SAMPLE_EVERY, sampled, title } from './kit/sample.ts';

const only = process.env.UNDERSTUDY_HOSTILE_FAMILY;

// Two commands at a time (the machine has two cores and other suites run beside this one); a case
// whose run changed the checkout runs again alone, so that the change is its own and not its neighbour's.
const SLOTS = 2;
let running = 0;
const waiting: (() => void)[] = [];
const slot = async <T>(work: () => Promise<T>, weight = 1): Promise<T> => {
  while (running + weight > SLOTS) await new Promise<void>((r) => waiting.push(r));
  running += weight;
  try {
    return await work();
  } finally {
    running -= weight;
    for (const wake of waiting.splice(0)) wake();
  }
};

for (const f of CLI_FAMILIES.filter((x) => !only || only.split(',').includes(x.family))) {
  describe.concurrent(`CLI ${f.family}`, () => {
    it.each(sampled(f.cases, SAMPLE_EVERY.cli).map((c) => [title(c), c] as const))(
      '%s',
      async (_name, c) => {
        let { problems, out } = await slot(() => runCliCase(c));
        if (problems.some((p) => p.startsWith('changed the checkout'))) ({ problems, out } = await slot(() => runCliCase(c), SLOTS));
        recordFailure('cli', f.family, c, problems, out);
        expect(problems, out.slice(-1500)).toEqual([]);
      },
      CLI_BOUND_MS * 6 + 60_000,
    );
  });
}
