/**
 * Your specs in every phase of one Playwright run, on one worker: the `test` of
 * tests/regression/fixtures.ts declares each top-level test and describe block once per phase,
 * inside a `[phase]` describe block — as the generated specs do with `eachPhase` — instead of
 * repeating the file once per phase (Playwright starts a worker and a browser per repeat index).
 *
 * What is declared inside a phase block (the tests of a describe block, nested blocks) stays as it
 * is; hooks and `test.describe.configure` at the top of a file apply to every phase; calls that only
 * look like declarations (`test.skip(condition)`, `test.skip()` in a test) pass through.
 *
 * Playwright takes a test's location from its caller (here), so the outcome reporter and the
 * `observe` fixture take a test's file from its file suite and title path (`specFileOf`), not from
 * `testInfo.file`.
 */
import { resolve } from 'node:path';
import type { TestInfo, TestType } from '@playwright/test';
import { phaseFromTitle, phaseTitle, suitePhases } from './client.ts';

type Declare = (...args: any[]) => unknown;

const isDeclaration = (args: readonly unknown[]): boolean => typeof args[0] === 'string' && typeof args.at(-1) === 'function';

/** `declare` wrapped: at the top of a file, once per phase inside its `[phase]` block. */
const perPhase = <F extends Declare>(t: TestType<object, object>, state: { depth: number }, declare: F): F =>
  ((...args: unknown[]) => {
    if (state.depth > 0 || !isDeclaration(args)) return declare(...args);
    for (const phase of suitePhases()) {
      t.describe(phaseTitle(phase), () => {
        state.depth++;
        try {
          declare(...args);
        } finally {
          state.depth--;
        }
      });
    }
  }) as F;

/** A test type whose declarations at the top of a file happen once per phase of the run. */
export const declaredPerPhase = <T extends TestType<any, any>>(t: T): T => {
  const state = { depth: 0 };
  const wrap = <F extends Declare>(f: F): F => perPhase(t, state, f);
  const describe = t.describe;
  const phased = Object.assign(wrap(t), t, {
    only: wrap(t.only),
    skip: wrap(t.skip),
    fixme: wrap(t.fixme),
    fail: Object.assign(wrap(t.fail), t.fail),
    describe: Object.assign(wrap(describe), describe, {
      only: wrap(describe.only),
      skip: wrap(describe.skip),
      fixme: wrap(describe.fixme),
      serial: Object.assign(wrap(describe.serial), describe.serial, { only: wrap(describe.serial.only) }),
      parallel: Object.assign(wrap(describe.parallel), describe.parallel, { only: wrap(describe.parallel.only) }),
    }),
    extend: (fixtures: Parameters<T['extend']>[0]) => declaredPerPhase(t.extend(fixtures)),
  });
  return phased as unknown as T;
};

/** The phase a test of your specs observes: its `[phase]` block's (or the run's only phase). */
export const phaseOfTest = (info: Pick<TestInfo, 'titlePath'>): string => {
  const named = info.titlePath.map(phaseFromTitle).find((p) => p !== undefined);
  if (named) return named;
  const phases = suitePhases();
  if (phases.length === 1) return phases[0]!;
  throw new Error(
    `this test is in no phase block of this run (${phases.join(', ')}): declare it with the test of tests/regression/fixtures.ts, not @playwright/test's`,
  );
};

/** A test's title under its describe blocks, the phase block left out: the same in every phase. */
export const titleWithoutPhase = (info: Pick<TestInfo, 'titlePath'>): string =>
  info.titlePath
    .slice(1)
    .filter((t) => phaseFromTitle(t) === undefined)
    .join(' › ');

/** The spec file a test is declared in (absolute): its title path starts with the file, relative to the config's folder. */
export const specFileOf = (info: Pick<TestInfo, 'titlePath' | 'config'>): string => resolve(info.config.rootDir, info.titlePath[0]!);
