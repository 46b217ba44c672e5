/**
 * The canonical hash of a generation (server/model/hash.ts), fed from the issue lines as they are
 * written, so that one serialisation serves the files and the hash. Two uses:
 * - `saveHashed` needs the hash of the data in memory whatever it costs (`complete`): lines that
 *   are not their record's canonical text are hashed by their canonical text, and issues stored out
 *   of id order are hashed in id order at the end. No one changes the data meanwhile (the
 *   migration engine holds the instance).
 * - every save records the hash in meta.json when it is exactly the hash of what loading the
 *   generation gives back: the config and every line written are canonical text and the ids of the
 *   lines written ascend. A plain save may run while the sandbox keeps changing issues, so both are
 *   checked on what is written, shard by shard, and the hash is given up at the first line that
 *   fails them (a plain save never pays more than one pass of sha256).
 */
import type { Hash } from 'node:crypto';
import { classify, compareIds, type Config, digest, type Issue, IssueLinesHash, OTHER, prototypesClean, startHash } from '../model/index.ts';
import { canonicalLines } from './shard-codec.ts';

export class WrittenHash {
  private readonly lines: IssueLinesHash | undefined;
  private readonly hash: Hash | undefined;
  private lastId: string | undefined;
  private exact: boolean;
  private done: string | undefined;

  /** Call in the same tick as the config is serialised for writing: the config hashed must be the config written. */
  constructor(config: Config, issues: readonly Issue[], complete: boolean) {
    // The config is stored as its canonical text only when it is plain JSON data.
    const configExact = prototypesClean() && classify(config) !== OTHER;
    if (complete) {
      this.lines = new IssueLinesHash(config, issues);
      this.exact = configExact && this.lines.streams;
    } else {
      this.exact = configExact;
      this.hash = configExact ? startHash(config) : undefined;
    }
  }

  /** Whether this is the hash of the data in memory whatever it costs (saveHashed), fed every line. */
  get needsEveryLine(): boolean {
    return this.lines !== undefined;
  }

  /** A shard is stored in lines that are not its canonical text: no hash is recorded (a complete hash cannot give up). */
  abandon(): void {
    if (this.lines) throw new Error('WrittenHash.abandon: a complete hash needs every line');
    this.exact = false;
  }

  /** Whether the next shard's lines are wanted (then encodeShard must list the diverging ones). */
  get wanted(): boolean {
    return this.lines !== undefined || this.exact;
  }

  /** The bytes written for records[start, end), and the lines among them that are not canonical text. */
  shard(records: readonly unknown[], start: number, end: number, bytes: Buffer, diverging: ReadonlyMap<number, string>): void {
    if (this.lines) {
      if (this.lines.streams && diverging.size === 0) this.lines.addBytes(bytes, end - start);
      else {
        this.exact = false;
        for (const line of canonicalLines(bytes.toString('utf8'), diverging)) this.lines.add(line);
      }
      return;
    }
    if (!this.exact) return;
    if (diverging.size > 0 || !this.idsAscend(records, start, end)) {
      this.exact = false;
      return;
    }
    this.hash!.update(bytes);
  }

  /** The canonical hash of the data saved (only with `complete`). */
  complete(): string {
    if (!this.lines) throw new Error('WrittenHash.complete: not a complete hash');
    this.done ??= this.lines.digest();
    return this.done;
  }

  /** The hash to record in meta.json, when it is exactly the hash of what a load gives back. */
  recorded(): string | undefined {
    if (!this.exact) return undefined;
    if (this.lines) return this.complete();
    this.done ??= digest(this.hash!);
    return this.done;
  }

  /** The ids of the records just written ascend from the last shard's (the order canonicalHash checks). */
  private idsAscend(records: readonly unknown[], start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      const id = (records[i] as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || (this.lastId !== undefined && compareIds(this.lastId, id) > 0)) return false;
      this.lastId = id;
    }
    return true;
  }
}
