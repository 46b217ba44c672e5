/** Loading a generation: shard by shard, reading the next shard while checking and parsing this one. */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { fsUserError, isFsError } from '../common/fs-errors.ts';
import type { Config, Issue } from '../model/index.ts';
import { genDir, genName, type GenerationMeta, type ShardInfo } from './instance-layout.ts';
import type { InstanceState } from './instance-state.ts';
import { ScratchBuffers } from './scratch-buffers.ts';
import { fingerprint, parseShardText } from './shard-codec.ts';

const damaged = (file: string, why: string) =>
  new UserError(`instance file '${file}' ${why}`, { details: ['the instance is damaged; remove it and create it again from its snapshot'] });

/** Reads a shard into a scratch buffer (see scratch-buffers.ts); the size must be the one meta.json records. */
const readShard = async (dir: string, shard: ShardInfo, scratch: ScratchBuffers): Promise<Buffer> => {
  const path = join(dir, shard.file);
  const fail = (e: NodeJS.ErrnoException) => {
    // Missing or short is damage; no permission (or a full disk of a network mount…) is the user's to fix.
    throw isFsError(e) && e.code !== 'ENOENT' ? fsUserError(e, { path, action: 'read' }) : damaged(path, `cannot be read (${e.code ?? e.message})`);
  };
  const handle = await open(path, 'r').catch(fail);
  try {
    const size = (await handle.stat().catch(fail)).size;
    if (size !== shard.bytes) throw damaged(path, `has ${size} bytes, expected ${shard.bytes}`);
    const buf = scratch.take(size);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await handle.read(buf, at, size - at, at).catch(fail);
      if (bytesRead === 0) throw damaged(path, `ended after ${at} bytes, expected ${size}`);
      at += bytesRead;
    }
    return buf.subarray(0, size);
  } finally {
    await handle.close();
  }
};

export const readShards = async (dir: string, shards: readonly ShardInfo[]): Promise<unknown[]> => {
  const out: unknown[] = [];
  const scratch = new ScratchBuffers();
  let next = shards[0] ? readShard(dir, shards[0], scratch) : undefined;
  for (let i = 0; i < shards.length; i++) {
    const bytes = await next!;
    // The next read fills the other buffer while this one is decoded.
    next = shards[i + 1] ? readShard(dir, shards[i + 1]!, scratch) : undefined;
    // The content must be what was saved: a generation's recorded hash (meta.hash) vouches for the data only so.
    if (fingerprint(bytes) !== shards[i]!.sha256)
      throw damaged(join(dir, shards[i]!.file), 'does not hold what was saved (its sha256 is not the one meta.json records)');
    const before = out.length;
    parseShardText(bytes.toString('utf8'), join(dir, shards[i]!.file), out);
    if (out.length - before !== shards[i]!.count)
      throw damaged(join(dir, shards[i]!.file), `holds ${out.length - before} records, expected ${shards[i]!.count}`);
  }
  return out;
};

export const readGeneration = async (instanceDir: string, meta: GenerationMeta): Promise<InstanceState> => {
  const dir = genDir(instanceDir, genName(meta.generation));
  const [config] = await readShards(dir, [meta.config]);
  const captures: Record<string, unknown[]> = {};
  for (const c of meta.captures) captures[c.name] = await readShards(dir, c.shards);
  return {
    config: config as Config,
    issues: (await readShards(dir, meta.issues)) as Issue[],
    ledger: (await readShards(dir, meta.ledger)) as Record<string, unknown>[],
    outbox: (await readShards(dir, meta.outbox)) as Record<string, unknown>[],
    captures,
    ...(meta.admin ? { admin: (await readShards(dir, meta.admin))[0] } : {}),
  };
};
