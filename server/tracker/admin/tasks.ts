/**
 * Jira's asynchronous operations: the request is checked and answered at once (303 to
 * `/task/{id}`), the work runs afterwards in steps scheduled on the write queue — ENQUEUED, then
 * RUNNING, then COMPLETE with its result or FAILED with its message — so a client that does not
 * poll still sees the old state. The work is one configuration change (all or nothing), checked
 * again when it runs. `hold()` keeps tasks from finishing: they start (RUNNING) and wait there, so
 * tests and fault drills can look at a running task and the state it has not changed yet;
 * `release()` lets them finish.
 */
import { isTrackerError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from '../types.ts';
import type { AdminRecords, TaskRecord } from './records.ts';

/** Runs a step later (the sandbox: on its write queue, so each step is persisted). */
export type Scheduler = (step: () => void) => void;

export const defaultScheduler: Scheduler = (step) => {
  setTimeout(step, 0);
};

export interface TaskWork {
  kind: string;
  description: string;
  /** The change itself, run when the task runs; its return value is the task's result. */
  run: () => unknown;
}

/** Tasks kept in the records (the newest ones; Jira keeps finished tasks for a while too). */
const KEEP = 1000;

export class TaskRunner {
  private heldSteps: Array<() => void> | undefined;
  private readonly work = new Map<string, TaskWork>();

  constructor(
    private readonly records: () => AdminRecords,
    private readonly clock: Clock,
    private readonly schedule: Scheduler,
  ) {}

  /** Schedules a step; a finishing step waits while the runner is held. */
  private later(step: () => void, finishing = false): void {
    if (finishing && this.heldSteps) this.heldSteps.push(step);
    else this.schedule(step);
  }

  /** Queues the work; the task starts on a later step. */
  submit(actor: Actor, work: TaskWork): TaskRecord {
    const r = this.records();
    const id = String(Math.max(r.counters.task ?? 10000, 10000) + 1);
    r.counters.task = Number(id);
    const now = this.clock.now();
    const task: TaskRecord = {
      id,
      kind: work.kind,
      description: work.description,
      status: 'ENQUEUED',
      progress: 0,
      submittedBy: actor,
      submitted: now,
      lastUpdate: now,
    };
    r.tasks.push(task);
    if (r.tasks.length > KEEP) r.tasks.splice(0, r.tasks.length - KEEP);
    this.work.set(id, work);
    this.later(() => this.start(task));
    return task;
  }

  private cancelled(task: TaskRecord): void {
    const now = this.clock.now();
    Object.assign(task, { status: 'CANCELLED', finished: now, lastUpdate: now, message: 'The task was cancelled before it changed anything.' });
    this.drop(task);
  }

  private start(task: TaskRecord): void {
    if (task.status === 'CANCEL_REQUESTED') return this.cancelled(task);
    if (task.status !== 'ENQUEUED') return this.drop(task);
    const now = this.clock.now();
    Object.assign(task, { status: 'RUNNING', started: now, lastUpdate: now, progress: 0, message: 'The task is running.' });
    this.later(() => this.finish(task), true);
  }

  private finish(task: TaskRecord): void {
    const work = this.work.get(task.id);
    if (task.status === 'CANCEL_REQUESTED') return this.cancelled(task);
    if (task.status !== 'RUNNING' || !work) return this.drop(task);
    try {
      const result = work.run();
      const now = this.clock.now();
      Object.assign(task, {
        status: 'COMPLETE',
        progress: 100,
        finished: now,
        lastUpdate: now,
        message: 'Completed',
        ...(result !== undefined ? { result } : {}),
      });
    } catch (e) {
      const now = this.clock.now();
      const message = isTrackerError(e)
        ? [...e.body.errorMessages, ...Object.values(e.body.errors)].join(' ')
        : 'The task failed because of an internal error in the Understudy sandbox.';
      Object.assign(task, { status: 'FAILED', progress: 100, finished: now, lastUpdate: now, message });
      if (!isTrackerError(e)) console.error(`understudy sandbox: task ${task.id} (${task.kind}) failed:`, e);
    }
    this.drop(task);
  }

  private drop(task: TaskRecord): void {
    this.work.delete(task.id);
  }

  get(id: string): TaskRecord | undefined {
    return this.records().tasks.find((t) => t.id === id);
  }

  /** Asks a queued or running task to stop; false when it has finished already. */
  cancel(id: string): boolean {
    const task = this.get(id);
    if (!task || !['ENQUEUED', 'RUNNING'].includes(task.status)) return false;
    task.status = 'CANCEL_REQUESTED';
    task.lastUpdate = this.clock.now();
    if (!this.work.has(id)) {
      task.status = 'CANCELLED';
      task.finished = task.lastUpdate;
    }
    return true;
  }

  /** Whether any task is queued or running (Jira refuses some writes while one is). */
  busy(kind?: string): boolean {
    return this.records().tasks.some((t) => ['ENQUEUED', 'RUNNING', 'CANCEL_REQUESTED'].includes(t.status) && (!kind || t.kind === kind));
  }

  hold(): void {
    this.heldSteps ??= [];
  }

  release(): void {
    const steps = this.heldSteps ?? [];
    this.heldSteps = undefined;
    for (const s of steps) this.schedule(s);
  }

  get held(): boolean {
    return this.heldSteps !== undefined;
  }
}
