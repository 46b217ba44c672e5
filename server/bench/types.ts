/** The bench is a list of sections; later parts (sandbox, migrations, rehearsal) add theirs. */
export interface BenchOptions {
  sizes: number[];
  only: string | undefined;
  /** Where generated snapshots are cached and scratch files go (gitignored). */
  dataDir: string;
  seed: number;
}

export interface BenchRow {
  section: string;
  size: number;
  step: string;
  seconds: number | undefined;
  /** seconds / floor seconds, when the step is compared with the floor. */
  ratio?: number;
  /** CPU seconds (user + system) of this process: steadier than wall time on a busy machine. */
  cpu?: number;
  cpuRatio?: number;
  note?: string;
}

export interface BenchContext extends BenchOptions {
  log: (line: string) => void;
  /** Records a row and prints it at once, so a long run shows progress. */
  row: (row: BenchRow) => void;
}

export interface BenchSection {
  name: string;
  run: (ctx: BenchContext) => Promise<void>;
}

/** Times an async step. */
export const timed = async <T>(fn: () => Promise<T> | T): Promise<{ value: T; seconds: number; cpu: number }> => {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const value = await fn();
  const cpu = process.cpuUsage(cpuStart);
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: (cpu.user + cpu.system) / 1e6 };
};
