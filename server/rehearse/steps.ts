/** Timed steps of a rehearsal, shown live and kept for the report. */
export interface StepRecord {
  name: string;
  ok: boolean;
  ms: number;
  evidence: string[];
}

export interface StepIo {
  progress: (line: string) => void;
}

export class StepLog {
  readonly steps: StepRecord[] = [];
  constructor(private readonly io: StepIo) {}

  /** Runs one step: prints its start, its outcome with its duration and the evidence lines. */
  async run<T>(name: string, fn: (evidence: string[]) => Promise<T> | T, judge: (value: T) => boolean = () => true): Promise<T> {
    this.io.progress(`▶ ${name}…`);
    const evidence: string[] = [];
    const started = performance.now();
    try {
      const value = await fn(evidence);
      const ok = judge(value);
      this.finish(name, ok, started, evidence);
      return value;
    } catch (e) {
      evidence.push((e as Error)?.message ?? String(e));
      this.finish(name, false, started, evidence);
      throw e;
    }
  }

  private finish(name: string, ok: boolean, started: number, evidence: string[]): void {
    const ms = Math.round(performance.now() - started);
    this.steps.push({ name, ok, ms, evidence });
    this.io.progress(`${ok ? '✔' : '✘'} ${name} (${ms} ms)`);
    for (const line of evidence) this.io.progress(`    ${line}`);
  }
}
