/**
 * An instance's first generation sharing the snapshot's issue shards instead of writing them: each
 * NDJSON shard is cloned copy-on-write, else hard-linked, else copied into the generation (the store
 * never modifies a file in place, and the snapshot is only read), then checked to hold the bytes
 * that were parsed: a hard link to the very file read, untouched since (same inode, size and
 * modification time, and it had not changed for seconds before it was read), or else read back
 * against their sha256; a shard changed since is written from the records instead. Later saves share such a `plain` shard again
 * while its records are unchanged (generation-write.ts), so an instance writes only what changes.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { writeDurable } from '../common/atomic-write.ts';
import type { Issue } from '../model/index.ts';
import { cloneOrLink } from './durable-fs.ts';
import type { ShardInfo } from './instance-layout.ts';
import type { ScratchBuffers } from './scratch-buffers.ts';
import { encodeShard, fingerprint } from './shard-codec.ts';
import { fileIdentity, type IssueShard } from './snapshot-read.ts';

/** The snapshot's shards an instance may share, and the directory they are in. */
export interface SharedIssues {
  snapshotDir: string;
  shards: readonly IssueShard[];
}

/** Whether these shards hold exactly `issues`, in order, each readable by the store as it is. */
export const shareable = (shards: readonly IssueShard[] | undefined, issues: readonly Issue[]): shards is readonly IssueShard[] =>
  shards !== undefined &&
  shards.length > 0 &&
  shards.every((s) => s.plain && s.count > 0) &&
  shards.reduce((n, s) => n + s.count, 0) === issues.length;

/** The issues per shard of a snapshot whose shards are all one size but the last (else undefined). */
export const uniformShardSize = (shards: readonly IssueShard[]): number | undefined => {
  const size = shards[0]?.count;
  if (size === undefined) return undefined;
  return shards.every((s, i) => (i === shards.length - 1 ? s.count <= size : s.count === size)) ? size : undefined;
};

/** The file's sha256, once it is on disk (a clone or a copy is flushed like any file the store writes). */
const durableSha256 = async (path: string): Promise<string> => {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
    const hash = createHash('sha256');
    await pipeline(handle.createReadStream({ highWaterMark: 1 << 20, autoClose: false }), hash);
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
};

/** A hard link to the very file read, unchanged since (see IssueShard.settled): its bytes are the ones parsed, without reading them again. */
const holdsWhatWasRead = async (path: string, shard: IssueShard): Promise<boolean> => {
  if (!shard.settled) return false;
  const handle = await open(path, 'r');
  try {
    if (fileIdentity(await handle.stat({ bigint: true })) !== shard.settled) return false;
    await handle.sync();
    return true;
  } finally {
    await handle.close();
  }
};

/** Fills `genPath/issues/` from the snapshot's shards (see the file comment); their ShardInfo, in order. */
export const shareIssueShards = async (
  genPath: string,
  share: SharedIssues,
  issues: readonly Issue[],
  scratch: ScratchBuffers,
): Promise<ShardInfo[]> => {
  await mkdir(join(genPath, 'issues'), { recursive: true });
  const out: ShardInfo[] = [];
  let start = 0;
  for (const [i, shard] of share.shards.entries()) {
    const file = `issues/${String(i + 1).padStart(5, '0')}.ndjson`;
    const to = join(genPath, file);
    const end = start + shard.count;
    const wanted = shard.sha256.replace(/^sha256:/, '');
    await cloneOrLink(join(share.snapshotDir, shard.file), to);
    if ((await holdsWhatWasRead(to, shard)) || (await durableSha256(to)) === wanted)
      out.push({ file, count: shard.count, bytes: shard.bytes, sha256: wanted, form: 'plain' });
    else {
      // Changed since it was read: the instance keeps what was read (and validated), in the store's own form.
      await rm(to, { force: true });
      const bytes = encodeShard(issues, start, end, scratch);
      await writeDurable(to, bytes);
      out.push({ file, count: shard.count, bytes: bytes.length, sha256: fingerprint(bytes) });
    }
    start = end;
  }
  return out;
};
