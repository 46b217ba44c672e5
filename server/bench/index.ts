/**
 * `npm run bench`: each step's speed as a ratio to a floor measured in the same run (reading, parsing,
 * serialising and writing the same issues), so the figures travel between machines; sections for the
 * store, the sandbox (against json-server), the migration engine and the whole rehearsal.
 */
export { parseSizes, runBench } from './run-bench.ts';
