/**
 * The write-ahead journal of one run against one site, in `.understudy/production/<host>-<port>/`
 * (or `--ledger DIR`): `plan.json` (the steps and the expected states, written once before the
 * first write) and `journal.json` (what happened, replaced atomically at every event: a step's
 * intent with the prior state it read and the issue values it recorded, the ids Jira gave, the
 * outcome and its read-back). A `kill -9` at any moment leaves one of the two versions of
 * journal.json on disk, never half of one; `--resume` continues from it. Holds no credential.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../common/errors.ts';
import { writeFileAtomic } from '../../common/atomic-write.ts';
import type { Json } from '../normalise/entities.ts';
import type { NormalConfig } from '../normalise/index.ts';
import type { IssueValues, ProductionPlan } from '../plan/types.ts';

export const JOURNAL_FILE = 'journal.json';
export const PLAN_FILE = 'plan.json';

export type RunMode = 'apply' | 'down';
export type RunState = 'applying' | 'backing-out' | 'applied' | 'backed-out' | 'stopped' | 'backout-failed';
/** A run in another state is unfinished: `--resume` finishes it (forward, or backing out). */
export const TERMINAL: readonly RunState[] = ['applied', 'backed-out'];

export interface StepRecord {
  state: 'running' | 'done' | 'skipped' | 'failed';
  startedAt: string;
  endedAt?: string;
  ms?: number;
  /** The step's entities as production had them just before it ran. */
  prior?: Record<string, Json | null>;
  /** The issue values it overwrote, read first. */
  record?: IssueValues[];
  /** What must survive a kill inside the step (fields put on a screen for an edit). */
  scratch?: Record<string, unknown>;
  /** Ids Jira assigned to what the step created, by content key. */
  ids?: Record<string, string>;
  /** The asynchronous tasks Jira ran for the step's requests. */
  tasks?: string[];
  /** `as planned`, or what differed. */
  readBack?: string[];
  error?: string;
  manualConfirmedAt?: string;
}

export interface PlanFile {
  formatVersion: 1;
  runId: string;
  mode: RunMode;
  plan: ProductionPlan;
  /** Expected normalised state before the first migration and after each (apply), or the reverse (down). */
  states: NormalConfig[];
}

export interface BannerRecord {
  previous: Json | null;
  set: boolean;
  restored: boolean;
  error?: string;
}

export interface Journal {
  formatVersion: 1;
  runId: string;
  mode: RunMode;
  url: string;
  deploymentType: 'Cloud' | 'DataCenter';
  by: { user: string; account: { id: string; name: string } };
  /** The rehearsal carried out: its report and its result's startedAt. */
  rehearsal?: { report: string; startedAt: string };
  startedAt: string;
  updatedAt: string;
  state: RunState;
  /** Whether a failure backs out by itself. */
  backout: boolean;
  steps: Record<string, StepRecord>;
  /** Records of the backout steps, by the forward step's id. */
  back: Record<string, StepRecord>;
  failure?: { step?: string; message: string; drifted?: string[] };
  proof?: { ok: boolean; lines: string[] };
  banner?: BannerRecord;
  events: { at: string; what: string }[];
}

export class JournalStore {
  constructor(readonly dir: string) {}

  get file(): string {
    return join(this.dir, JOURNAL_FILE);
  }

  async writePlan(p: PlanFile): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(join(this.dir, PLAN_FILE), `${JSON.stringify(p)}\n`);
  }

  async readPlan(): Promise<PlanFile> {
    return readJson<PlanFile>(join(this.dir, PLAN_FILE), 'plan');
  }

  async write(j: Journal): Promise<void> {
    j.updatedAt = new Date().toISOString();
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(join(this.dir, JOURNAL_FILE), `${JSON.stringify(j, null, 1)}\n`);
  }

  async read(): Promise<Journal | undefined> {
    try {
      await readFile(this.file);
    } catch {
      return undefined;
    }
    return readJson<Journal>(this.file, 'journal');
  }
}

const readJson = async <T>(file: string, what: string): Promise<T> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read the ${what} ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, {
      details: ['pass the --ledger DIR the run used'],
    });
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UserError(`the ${what} ${file} is not valid JSON`, {
      details: ['it was edited or damaged; it is written atomically by apply and never half-written by a kill'],
    });
  }
};

export const event = (j: Journal, what: string): void => {
  j.events.push({ at: new Date().toISOString(), what });
};
