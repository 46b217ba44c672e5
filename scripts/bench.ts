/** `npm run bench -- [--sizes 100000,1000000] [--only store] [--seed N] [--data bench-data]`: exit 1 when a target fails. */
import { parseFlags, runCommand, type CommandIo } from '../server/cli/run.ts';
import { parseSizes, runBench } from '../server/bench/run-bench.ts';

const USAGE = 'npm run bench -- [--sizes 100000,1000000] [--only store] [--seed 42] [--data bench-data] [--debug]';

runCommand(async (argv: string[], io: CommandIo) => {
  const { values } = parseFlags(
    argv,
    {
      sizes: { type: 'string' },
      only: { type: 'string' },
      seed: { type: 'string', default: '42' },
      data: { type: 'string', default: 'bench-data' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.out(`usage: ${USAGE}`);
    return 0;
  }
  const rows = await runBench(
    { sizes: parseSizes(values.sizes), only: values.only, seed: Number(values.seed), dataDir: values.data ?? 'bench-data' },
    io.out,
  );
  return rows.some((r) => r.note?.startsWith('FAIL')) ? 1 : 0;
});
