/**
 * Telling people as apply goes, through the announce command's notices and channels (each one in
 * the report's communication log): `started` just before the first write, an `update` when a
 * step runs longer than the rehearsal said to allow and every `announce.updateEveryMinutes`,
 * `done` or `rolled-back` at the end — each with the journal's real figures. On Cloud, with
 * --send, production's announcement banner is set for the window and the previous one put back
 * after (`GET/PUT /rest/api/3/announcementBanner`); a banner write that fails is a failed step.
 */
import { runAnnounceCommand, type AnnounceDeps } from '../announce/index.ts';
import { appendLog } from '../announce/index.ts';
import type { CommandIo } from '../cli/index.ts';
import type { RehearsalResult } from '../rehearse/index.ts';
import type { Step } from './plan/types.ts';
import type { Production } from './production/connect.ts';
import { event, type Journal, type JournalStore } from './run/journal.ts';

export interface NoticeOptions {
  reportDir: string;
  result: RehearsalResult;
  send: boolean;
  config?: string;
  noHeadsUp?: string;
  updateEveryMinutes: number;
  /** How long a step may take before an update goes out (default: from the rehearsal's timings). */
  stepAllowanceMs?: number;
  deps: AnnounceDeps;
  io: CommandIo;
}

const minutes = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60_000).toFixed(1)} min`);

export class Notifier {
  private periodic: NodeJS.Timeout | undefined;
  private slow: NodeJS.Timeout | undefined;
  private readonly t0 = Date.now();
  private done = 0;
  private current: Step | undefined;
  sent: string[] = [];

  constructor(
    private readonly o: NoticeOptions,
    private readonly prod: Production,
    private readonly journal: Journal,
    private readonly store: JournalStore,
    private readonly total: number,
  ) {
    // A resumed run has told people already.
    for (const e of journal.events) {
      const m = /^notice (\S+)$/.exec(e.what);
      if (m) this.sent.push(m[1]!);
    }
  }

  private async notice(kind: 'started' | 'update' | 'done' | 'rolled-back', message: string): Promise<void> {
    const lines: string[] = [];
    const io: CommandIo = { out: () => undefined, err: (l) => lines.push(l) };
    const argv = [
      kind,
      '--report',
      this.o.reportDir,
      '--message',
      message,
      ...(this.o.send ? ['--send'] : []),
      ...(this.o.config ? ['--config', this.o.config] : []),
    ];
    try {
      const code = await runAnnounceCommand(argv, io, this.o.deps);
      this.sent.push(kind);
      this.o.io.out(
        `  notice '${kind}' ${this.o.send ? (code === 0 ? 'sent' : 'NOT delivered on every channel (see the communication log)') : 'written (dry run: add --send to deliver it)'}`,
      );
    } catch (e) {
      this.o.io.err(`understudy: the '${kind}' notice could not be written: ${(e as Error).message}`);
    }
    for (const l of lines.filter((x) => /^[✔✘]/.test(x))) this.o.io.out(`    ${l}`);
    event(this.journal, `notice ${kind}`);
    await this.store.write(this.journal);
  }

  private figures(): string {
    return `${this.done} of ${this.total} steps done in ${minutes(Date.now() - this.t0)}`;
  }

  /** Before the first write: the `started` notice and the banner. */
  async started(): Promise<void> {
    if (this.sent.includes('started')) return;
    const why = this.o.noHeadsUp ? ` No heads-up was sent beforehand: ${this.o.noHeadsUp}.` : '';
    await this.notice(
      'started',
      `Applying the change to ${this.prod.url}: ${this.total} steps, each read back as it goes; it backs out by itself if a step fails.${why}`,
    );
    await this.setBanner();
    const every = this.o.updateEveryMinutes * 60_000;
    this.periodic = setInterval(() => {
      void this.notice('update', `In progress: ${this.figures()}${this.current ? `; now: ${this.current.title}` : ''}.`);
    }, every);
    this.periodic.unref();
  }

  stepStarted(step: Step): void {
    this.current = step;
    clearTimeout(this.slow);
    const allowance = this.o.stepAllowanceMs ?? allowanceOf(this.o.result, step);
    this.slow = setTimeout(() => {
      void this.notice(
        'update',
        `A step is taking longer than the rehearsal said to allow (${minutes(allowance)}): ${step.title}. ${this.figures()}; it goes on.`,
      );
    }, allowance);
    this.slow.unref();
  }

  stepEnded(): void {
    clearTimeout(this.slow);
    this.done++;
    this.current = undefined;
  }

  async finished(outcome: { state: string; proofLines: string[]; failure?: string; backedOut: number }): Promise<void> {
    clearInterval(this.periodic);
    clearTimeout(this.slow);
    if (!this.sent.includes('started')) return;
    if (outcome.state === 'applied')
      await this.notice('done', `Applied: ${this.figures()}; every step read back as planned. ${outcome.proofLines[0] ?? ''}`);
    else
      await this.notice(
        'rolled-back',
        `${outcome.failure ? `A step failed: ${outcome.failure}. ` : ''}${outcome.backedOut} step${outcome.backedOut === 1 ? '' : 's'} backed out in ${minutes(Date.now() - this.t0)}. ${outcome.proofLines.join(' ')}`,
      );
    await this.restoreBanner();
  }

  private async setBanner(): Promise<void> {
    if (!this.o.send || this.prod.dc) return;
    const path = '/rest/api/3/announcementBanner';
    const previous = this.journal.banner?.previous ?? (await this.prod.writer.send({ method: 'GET', path })).body ?? null;
    this.journal.banner = { previous: previous as never, set: false, restored: false };
    await this.store.write(this.journal);
    const message = `Jira configuration change in progress (${this.o.result.migrations.map((m) => m.description.split(/[.:]/)[0]).join('; ')}). Some screens may change while it runs.`;
    await this.prod.writer.send({ method: 'PUT', path, body: { message, isEnabled: true, isDismissible: false, visibility: 'public' } });
    this.journal.banner.set = true;
    event(this.journal, 'banner set');
    await this.store.write(this.journal);
    await appendLog(this.o.reportDir, [
      {
        at: new Date().toISOString(),
        rehearsal: this.o.result.startedAt,
        kind: 'started',
        channel: 'production banner',
        outcome: 'written',
        subject: message,
      },
    ]);
  }

  async restoreBanner(): Promise<void> {
    const b = this.journal.banner;
    if (!b?.set || b.restored) return;
    const p = (b.previous ?? {}) as { message?: string; isEnabled?: boolean; isDismissible?: boolean; visibility?: string };
    try {
      await this.prod.writer.send({
        method: 'PUT',
        path: '/rest/api/3/announcementBanner',
        body: {
          message: p.message ?? '',
          isEnabled: p.isEnabled ?? false,
          isDismissible: p.isDismissible ?? true,
          visibility: p.visibility ?? 'public',
        },
      });
      b.restored = true;
      event(this.journal, 'banner put back');
      await appendLog(this.o.reportDir, [
        {
          at: new Date().toISOString(),
          rehearsal: this.o.result.startedAt,
          kind: 'done',
          channel: 'production banner',
          outcome: 'written',
          subject: 'the previous banner put back',
        },
      ]);
    } catch (e) {
      b.error = (e as Error).message;
      this.o.io.err(
        `understudy: the previous announcement banner could not be put back: ${b.error}; set it in Jira (Administration → System → Announcement banner)`,
      );
    }
    await this.store.write(this.journal);
  }
}

/** What the rehearsal said to allow for a step: its migration's measured time, three times, at least 30 s. */
const allowanceOf = (r: RehearsalResult, step: Step): number => {
  const m = r.migrations.find((x) => x.id === step.migration);
  const scale = r.snapshot.productionIssues && r.snapshot.issues ? Math.max(1, r.snapshot.productionIssues / r.snapshot.issues) : 1;
  return Math.max(30_000, 3 * (m?.upMs ?? 0) * scale);
};
