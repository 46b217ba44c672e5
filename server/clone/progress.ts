/** A progress line on stderr at most once a second: requests, entities, issues fetched, rate and ETA. */
export class Progress {
  private readonly started = Date.now();
  private last = 0;
  requests = 0;
  retries = 0;
  entities = 0;
  issues = 0;
  plannedIssues = 0;
  constructor(
    private readonly write: ((line: string) => void) | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  request(attempt: number): void {
    this.requests++;
    if (attempt > 0) this.retries++;
    this.maybe();
  }

  tick(what: string, n = 1): void {
    if (what === 'issues') this.issues += n;
    else this.entities += n;
    this.maybe();
  }

  line(): string {
    const s = Math.max(0.001, (this.now() - this.started) / 1000);
    const rate = this.requests / s;
    const issueRate = this.issues / s;
    const left = this.plannedIssues > this.issues && issueRate > 0 ? Math.round((this.plannedIssues - this.issues) / issueRate) : undefined;
    const planned = Math.max(this.plannedIssues, this.issues);
    return `clone: ${this.requests} requests (${this.retries} retried), ${this.entities} entities, ${this.issues}${planned ? `/${planned}` : ''} issues, ${rate.toFixed(1)} req/s${left !== undefined ? `, ETA ${left}s` : ''}`;
  }

  private maybe(): void {
    const t = this.now();
    if (!this.write || t - this.last < 1000) return;
    this.last = t;
    this.write(this.line());
  }

  done(): void {
    this.write?.(this.line());
  }
}
