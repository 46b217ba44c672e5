/** Child process for the kill test: saves the instance in a loop, alternating two known states. */
import { openInstance } from '../../../../server/store/index.ts';
import { applyVariant } from './variants.ts';

const dir = process.argv[2]!;
const inst = await openInstance(dir);
for (let n = 0; ; n++) {
  applyVariant(inst.data, (n % 2) as 0 | 1);
  await inst.save();
  process.stdout.write(`saved ${n}\n`);
}
