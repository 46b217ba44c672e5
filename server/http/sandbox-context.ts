/**
 * Builds the SandboxContext every route works with: the Tracker over the state (frozen clock when
 * `now` is given), personas with random tokens, serialised and persisted writes, in-memory checkpoints.
 */
import type { Request } from 'express';
import type { Config, Issue, TrackerState } from '../model/index.ts';
import { fixedClock, type OutboxEntry, Tracker, type TrackerOptions } from '../tracker/index.ts';
import { DEFAULT_ATTACHMENT_MAX_BYTES, type Persona, type SandboxContext } from './context.ts';
import { internalErrorEntry, logToStderr, type InternalErrorEntry } from './internal-errors.ts';
import { memoryAttachmentContent, type AttachmentContent } from '../store/index.ts';
import { buildPersonas } from './personas.ts';
import { createWriteQueue } from './write-queue.ts';
import { acceptedHost, type NetworkOptions, type NetworkPolicy, networkPolicy, urlHost } from './network-policy.ts';

export interface SandboxContextOptions {
  /** The state served; mutated in place by writes (an InstanceState works as is). */
  state: TrackerState;
  /** Where notifications are recorded (InstanceState.outbox for an instance). */
  outbox?: Record<string, unknown>[];
  /** Freezes the clock (ISO date-time). */
  now?: string;
  deploymentType?: 'Cloud' | 'DataCenter';
  /** Saves the state after a batch of writes (an instance's `save`). */
  persist?: () => Promise<void>;
  /** Answer the legacy /search with 410, as Jira Cloud does since 2025. */
  legacySearchGone?: boolean;
  /** Persona tokens by account id, shared between contexts (the forks of one rehearsal sandbox). */
  tokens?: Map<string, string>;
  /** An announcement banner (HTML fragment) shown above every page. */
  banner?: string;
  /** Where a request that failed with 500 is kept (default: the sandbox's stderr). */
  onInternalError?: (e: InternalErrorEntry) => void;
  /** Milliseconds between the steps of an async task (default 0: the next turn of the event loop). */
  taskStepMs?: number;
  /** Attachment content store (default: in memory). */
  attachments?: AttachmentContent;
  /** Largest attachment in bytes (default 10 MB, as Jira). */
  attachmentMaxBytes?: number;
  /** `--mimic cloud-strict` (implies legacySearchGone). */
  strict?: boolean;
  /** Cookie sessions, shared between contexts like tokens. */
  sessions?: Map<string, string>;
  /** Persona lists by configuration object, shared between contexts that share tokens (a hub's forks). */
  personaCache?: WeakMap<Config, Persona[]>;
  /** Configuration indexes by configuration object, shared the same way (see TrackerOptions). */
  sharedIndexes?: TrackerOptions['sharedIndexes'];
  /** The counters of the issue list `state` copies (a fork's base): its index then needs no scan. */
  issueCounters?: TrackerOptions['issueCounters'];
  /** Where the sandbox listens and under which names it answers (default: loopback only). */
  network?: NetworkOptions;
}

export interface Checkpoint {
  config: Config;
  issues: Issue[];
  outbox: Record<string, unknown>[];
}

/** The context plus what only the control API and the script need. */
export interface FullSandboxContext extends SandboxContext {
  checkpoint(): Promise<void>;
  /** Restores the last checkpoint; false when none was taken. */
  restore(): Promise<boolean>;
  hasCheckpoint(): boolean;
  outbox: OutboxEntry[];
  /** Waits until every write so far is persisted. */
  flush(): Promise<void>;
  legacySearchGone: boolean;
  /** The Host names it answers under, and whether the control API goes beyond loopback. */
  network: NetworkPolicy;
}

export const createSandboxContext = (options: SandboxContextOptions): FullSandboxContext => {
  const outbox = (options.outbox ?? []) as unknown as OutboxEntry[];
  const queue = createWriteQueue(options.persist);
  // Each step of an async task runs on the write queue after the request that queued it, and is persisted.
  const schedule = (step: () => void) => {
    setTimeout(() => {
      queue.run(step).catch((e: unknown) => console.error('understudy sandbox: a task step failed:', e));
    }, options.taskStepMs ?? 0);
  };
  const tracker = new Tracker(options.state, {
    outbox,
    schedule,
    ...(options.now ? { clock: fixedClock(options.now) } : {}),
    ...(options.sharedIndexes ? { sharedIndexes: options.sharedIndexes } : {}),
    ...(options.issueCounters ? { issueCounters: options.issueCounters } : {}),
  });
  const tokens = options.tokens ?? new Map<string, string>();
  let personas: { config: Config; list: Persona[] } | undefined;
  let saved: Checkpoint | undefined;
  const network = networkPolicy(options.network);

  return {
    tracker,
    outbox,
    legacySearchGone: (options.legacySearchGone ?? false) || (options.strict ?? false),
    strict: options.strict ?? false,
    attachments: options.attachments ?? memoryAttachmentContent(),
    attachmentMaxBytes: options.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES,
    sessions: options.sessions ?? new Map<string, string>(),
    deploymentType: options.deploymentType ?? 'Cloud',
    ...(options.banner !== undefined ? { banner: options.banner } : {}),
    personas: () => {
      const config = tracker.config;
      if (personas?.config !== config) {
        const shared = options.personaCache?.get(config);
        const list = shared ?? buildPersonas(tracker, tokens);
        if (!shared) options.personaCache?.set(config, list);
        personas = { config, list };
      }
      return personas.list;
    },
    write: (change) => queue.run(change),
    flush: () => queue.flush(),
    network,
    // Never an arbitrary Host header: only one the sandbox answers under, else the address it was reached at.
    baseUrl: (req: Request) =>
      `${req.protocol}://${acceptedHost(network, req.get('host')) ?? `${urlHost(req.socket.localAddress ?? '127.0.0.1')}:${req.socket.localPort}`}`,
    internalError: (req, error) =>
      (options.onInternalError ?? logToStderr)(internalErrorEntry(req, error, (req.res?.locals.actor as string | null | undefined) ?? null)),
    checkpoint: () =>
      queue.run(() => {
        saved = structuredClone({
          config: tracker.config,
          issues: tracker.issues as Issue[],
          outbox: outbox as unknown as Record<string, unknown>[],
        });
      }),
    restore: () =>
      queue.run(() => {
        if (!saved) return false;
        const copy = structuredClone(saved);
        tracker.replaceState({ config: copy.config, issues: copy.issues });
        // No spread: an outbox can hold more entries than a call has arguments.
        outbox.length = 0;
        for (const e of copy.outbox as unknown as OutboxEntry[]) outbox.push(e);
        return true;
      }),
    hasCheckpoint: () => saved !== undefined,
  };
};
