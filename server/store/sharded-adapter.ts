/**
 * lowdb's Adapter over an instance directory: `read()` loads the current generation shard by shard,
 * `write(data)` writes a new generation (see generation-write.ts). The rest of the code keeps
 * lowdb's interface: `db.data`, `db.read()`, `db.write()`, `db.update(fn)`.
 */
import type { Adapter } from 'lowdb';
import { cleanGenerations } from './generation-clean.ts';
import { readGeneration } from './generation-read.ts';
import { writeGeneration, type WriteHooks } from './generation-write.ts';
import { readMeta, readPointer, type GenerationMeta } from './instance-layout.ts';
import { DEFAULT_SHARD_SIZE, type InstanceState } from './instance-state.ts';

export class ShardedAdapter implements Adapter<InstanceState> {
  /** The generation last read or written: the base that unchanged shards are linked from. */
  meta: GenerationMeta | undefined;
  readonly dir: string;
  readonly shardSize: number;
  /** Called before every write (the lock check). */
  beforeWrite: (() => Promise<void>) | undefined;

  constructor(dir: string, options: { shardSize?: number; meta?: GenerationMeta } = {}) {
    this.dir = dir;
    this.shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
    this.meta = options.meta;
  }

  async read(): Promise<InstanceState> {
    const current = await readPointer(this.dir);
    await cleanGenerations(this.dir, current);
    const meta = await readMeta(this.dir, current);
    const state = await readGeneration(this.dir, meta);
    this.meta = meta;
    return state;
  }

  async write(data: InstanceState, hooks?: WriteHooks): Promise<void> {
    await this.beforeWrite?.();
    this.meta = await writeGeneration(this.dir, data, this.meta, this.meta?.shardSize ?? this.shardSize, hooks);
  }
}
