/**
 * What every part of the sandbox's HTTP app shares: the tracker (one code path for the REST API,
 * the web UI and the control API), the personas and their tokens, and how writes are persisted.
 * The REST/control part builds it; the web UI receives it.
 */
import type { Request, Response } from 'express';
import type { Actor, Tracker } from '../tracker/index.ts';
import type { AttachmentContent } from '../store/index.ts';

/** One active user of the snapshot, as `GET /_understudy/personas` returns it (exactly these keys). */
export interface Persona {
  accountId: string;
  displayName: string;
  email: string;
  /** Random per sandbox instance, never derived from names; valid for Basic (email:token) and Bearer. */
  token: string;
  groups: string[];
  /** Holds the global ADMINISTER permission. */
  admin: boolean;
}

/** The cookie the web UI's persona switcher sets; its value is personaCookieValue(persona) (account id + secret). */
export { PERSONA_COOKIE, personaCookieValue } from '../common/sandbox-names.ts';

export interface SandboxContext {
  tracker: Tracker;
  personas: () => readonly Persona[];
  /**
   * Runs a change to the tracker's state serialised with every other write, then persists it
   * (for an instance-backed sandbox). Use it for every request that writes.
   */
  write<T>(change: () => T): Promise<T>;
  /** The absolute base URL of this sandbox as the request reached it, under a Host it accepts (for `self` links). */
  baseUrl(req: Request): string;
  deploymentType: 'Cloud' | 'DataCenter';
  /** An announcement banner shown above every page (HTML written by `npm run announce`), if any. */
  banner?: string;
  /** Keeps an error that made a request fail with 500 (a bug): with the request and the stack, never on the wire. */
  internalError(req: Request, error: unknown): void;
  /** Where attachments' content is kept (the instance's attachments/ directory, or memory). */
  attachments: AttachmentContent;
  /** The largest attachment accepted, in bytes (Jira's default: 10 MB). */
  attachmentMaxBytes: number;
  /** `--mimic cloud-strict`: answer as Jira Cloud does today, not as leniently as older Cloud did. */
  strict: boolean;
  /** Cookie sessions of `/rest/auth/1/session`: session id → account id. */
  sessions: Map<string, string>;
}

export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The caller, as the auth middleware resolved it: an account id, or null when anonymous. */
export const actorOf = (res: Response): Actor => (res.locals.actor as Actor | undefined) ?? null;
