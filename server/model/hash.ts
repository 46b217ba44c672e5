import { createHash, type Hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { Config, Issue } from './types.ts';

/**
 * The canonical hash of a tracker's state: what rollbacks are proven with.
 *
 * Covers: the whole configuration (every entity with its `refs` and `ext`) and every issue with
 * all its fields, comments, history, links, watchers, worklogs, votes, remote links, properties and
 * attachments' metadata, whose sha256 stands for the content (kept outside config and issues).
 * Ignores: object key order, formatting, the `$schema` pointers of files, the order in which issues
 * are stored (issues are hashed in id order: a tracker shows no intrinsic order of issues), and
 * everything outside config and issues (the migration ledger, the notification outbox, manifests,
 * and the tracker's admin records — id counters, workflow and scheme version counters, the audit
 * log, async tasks, the announcement banner and its history, the trash, filter favourites). Those
 * records are history, not state: a create followed by its delete, an update followed by its
 * revert, or a banner set and put back, hash as before, although ids are never reused and versions
 * only move forward.
 * Keeps: the order of every list inside config and issues. Where a tracker shows an order (options,
 * screen fields, board columns, workflow statuses, priorities) that order is state; we treat every
 * list as ordered, which is stricter than needed, and every inverse restores positions.
 *
 * Exactly: sha256 over the UTF-8 bytes of
 *   `${HASH_VERSION}\nconfig\n` + canonicalJson(config without $schema) + `\nissues\n`
 *   + for each issue in id order: canonicalJson(issue) + `\n`
 * (ids compare numerically when both are safe integers, else as strings). Pinned by
 * tests/unit/store/hash-pin.test.ts.
 */
export const HASH_VERSION = 'understudy-canonical-v1';

const stripSchema = (config: Config): Omit<Config, '$schema'> => {
  const { $schema: _ignored, ...rest } = config;
  return rest;
};

export const compareIds = (a: string, b: string): number => {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isSafeInteger(na) && Number.isSafeInteger(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
};

/** Incremental hasher: feed the config once and issues in any order of calls, sorted by the caller. */
export const startHash = (config: Config): Hash =>
  createHash('sha256')
    .update(`${HASH_VERSION}\nconfig\n`)
    .update(canonicalJson(stripSchema(config)))
    .update('\nissues\n');

/**
 * Feeds many strings into a hash through one reused byte buffer. On 100k acme issues: 1.8 s, against
 * 2.1–2.8 s for 1 MB concatenated strings (they must be flattened, and they load the collector); a
 * hash update per string costs about the same there, but a native call per line adds up for short lines.
 */
class ChunkedFeed {
  private readonly buf = Buffer.allocUnsafe(1 << 22);
  private at = 0;
  constructor(private readonly hash: Hash) {}

  /** Appends the UTF-8 bytes of `text` and a newline. */
  line(text: string): void {
    if (text.length * 3 + 1 > this.buf.length - this.at) {
      this.flush();
      if (text.length * 3 + 1 > this.buf.length) {
        this.hash.update(text).update('\n');
        return;
      }
    }
    this.at += this.buf.write(text, this.at, 'utf8');
    this.buf[this.at++] = 10;
  }

  flush(): void {
    if (this.at) this.hash.update(this.buf.subarray(0, this.at));
    this.at = 0;
  }
}

/** Feeds issues (already in id order) into the hash. */
export const hashIssuesInto = (hash: Hash, issues: readonly Issue[]): void => {
  const feed = new ChunkedFeed(hash);
  for (const issue of issues) feed.line(canonicalJson(issue));
  feed.flush();
};

export const digest = (hash: Hash): string => `sha256:${hash.digest('hex')}`;

/**
 * The canonical hash built from issues' canonical lines as someone else produces them (the store
 * while it writes a generation: one serialisation serves the file and the hash). Lines arrive in
 * storage order; when that is id order they stream into the hash, otherwise they are kept and fed
 * in id order at the end. The bytes hashed are exactly those of `canonicalHash`.
 */
export class IssueLinesHash {
  private readonly hash: Hash;
  private readonly inIdOrder: boolean;
  private readonly lines: string[] = [];
  private readonly feed: ChunkedFeed;
  private count = 0;

  constructor(
    config: Config,
    private readonly issues: readonly Issue[],
  ) {
    this.hash = startHash(config);
    this.feed = new ChunkedFeed(this.hash);
    this.inIdOrder = isSortedById(issues);
  }

  /** Whether `addBytes` can be used (the issues are stored in id order). */
  get streams(): boolean {
    return this.inIdOrder;
  }

  /** The UTF-8 bytes of the next `count` canonical lines, each ending in a newline (only when `streams`). */
  addBytes(bytes: Uint8Array, count: number): void {
    if (!this.inIdOrder) throw new Error('IssueLinesHash.addBytes: the issues are not in id order');
    this.feed.flush();
    this.hash.update(bytes);
    this.count += count;
  }

  /** The canonical line (without newline) of issues[n], for n = 0, 1, 2, … in turn. */
  add(line: string): void {
    this.count++;
    if (this.inIdOrder) this.feed.line(line);
    else this.lines.push(line);
  }

  digest(): string {
    if (this.count !== this.issues.length) throw new Error(`IssueLinesHash: ${this.count} lines for ${this.issues.length} issues`);
    if (!this.inIdOrder) {
      const order = this.issues.map((_, n) => n).sort((a, b) => compareIds(this.issues[a]!.id, this.issues[b]!.id));
      for (const n of order) this.feed.line(this.lines[n]!);
    }
    this.feed.flush();
    return digest(this.hash);
  }
}

/** Canonical hash of config + issues. Issues are hashed in id order whatever order they are stored in. */
export const canonicalHash = (config: Config, issues: readonly Issue[]): string => {
  const hash = startHash(config);
  hashIssuesInto(hash, sortedById(issues));
  return digest(hash);
};

/** Hash of the configuration alone (drift checks compare production's configuration with it). */
export const configHash = (config: Config): string =>
  `sha256:${createHash('sha256')
    .update(`${HASH_VERSION}\nconfig\n`)
    .update(canonicalJson(stripSchema(config)))
    .digest('hex')}`;

export const sortedById = (issues: readonly Issue[]): readonly Issue[] =>
  isSortedById(issues) ? issues : [...issues].sort((a, b) => compareIds(a.id, b.id));

const isSortedById = (issues: readonly Issue[]): boolean => {
  for (let i = 1; i < issues.length; i++) if (compareIds(issues[i - 1]!.id, issues[i]!.id) > 0) return false;
  return true;
};
