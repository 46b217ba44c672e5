/**
 * Runs one load loop in its own process, so the load generator never shares a thread with the
 * server it measures (the sandbox runs in the bench process; json-server in its own).
 * argv: JSON { base, paths, seconds, concurrency, headers }; prints the LoadResult as JSON.
 */
import { loadLoop } from './sandbox-load.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as {
  base: string;
  paths: string[];
  seconds: number;
  concurrency: number;
  headers?: Record<string, string>;
};
let n = 0;
loadLoop(spec.base, () => spec.paths[n++ % spec.paths.length]!, spec).then(
  (r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
  },
  (e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
