/**
 * The seed of a randomised test (kill moments, fault positions), printed so a failing run can be
 * repeated: UNDERSTUDY_SEED overrides the test's default.
 */
export const SEED_ENV = 'UNDERSTUDY_SEED';

/** The seed to use: UNDERSTUDY_SEED when set, else `fallback`. */
export const seedFrom = (fallback: number, env: NodeJS.ProcessEnv = process.env): number => {
  const given = env[SEED_ENV];
  if (given !== undefined && !/^\d+$/.test(given))
    throw new Error(`${SEED_ENV}='${given}' is not a whole number: unset it or give e.g. ${SEED_ENV}=12345`);
  return given === undefined ? fallback : Number(given);
};

/** The seed of a test, printed with how to repeat the run. */
export const testSeed = (name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number => {
  const seed = seedFrom(fallback, env);
  console.log(`${name}: seed ${seed} (repeat with ${SEED_ENV}=${seed})`);
  return seed;
};
