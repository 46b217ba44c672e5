/** Child process for the concurrency test: reads and judges a snapshot through the validation cache, prints the outcome as JSON. */
import { readValidatedSnapshot } from '../../../../server/store/index.ts';

const [snapshot, cacheDir] = process.argv.slice(2) as [string, string];
const { cached, problems, snap } = await readValidatedSnapshot(snapshot, { cacheDir });
process.stdout.write(`${JSON.stringify({ cached, errors: problems.filter((p) => p.severity === 'error').length, issues: snap.issues.length })}\n`);
