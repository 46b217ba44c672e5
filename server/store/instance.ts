/** Instances: a snapshot's working copy in a directory of generations (read and written through lowdb, which stays inside the store). */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { ensureDir } from '../common/ensure-dir.ts';
import { UserError } from '../common/errors.ts';
import { fsUserError } from '../common/fs-errors.ts';
import { canonicalHash, HASH_VERSION } from '../model/index.ts';
import { readGeneration } from './generation-read.ts';
import { readSnapshot, type RawSnapshot } from './snapshot-read.ts';
import { fsyncDir } from '../common/atomic-write.ts';
import { writeGeneration } from './generation-write.ts';
import { shareable, uniformShardSize } from './generation-share.ts';
import { readMarker, MARKER, POINTER, type GenerationMeta, type InstanceMarker } from './instance-layout.ts';
import { DEFAULT_SHARD_SIZE, type InstanceState } from './instance-state.ts';
import { pidAlive } from './durable-fs.ts';
import { assertNotLockedByOther } from './lock.ts';
import { ShardedAdapter } from './sharded-adapter.ts';

export type { InstanceState } from './instance-state.ts';

/** What an instance keeps beside its configuration and issues; the canonical hash does not cover it. */
export type InstanceRecords = Pick<InstanceState, 'ledger' | 'outbox' | 'captures'>;

export interface Instance {
  readonly dir: string;
  readonly marker: InstanceMarker;
  /**
   * The state, to read and to change in place. Taking it tells the instance that its configuration
   * or issues may change: from then on `hash()` hashes the data in memory, until the next `reload()`.
   */
  readonly data: InstanceState;
  /** The ledger, outbox and captures: reading or changing them leaves the recorded hash trusted. */
  readonly records: InstanceRecords;
  /** Writes a new generation (only changed shards are rewritten). */
  save(): Promise<void>;
  /**
   * Saves and returns the canonical hash of what was saved, computed from the lines written (one
   * serialisation instead of two). `beforeLedger(hash)` runs after the issues are written and
   * before the ledger, outbox and captures are: it may record the hash there, never change config
   * or issues; if it throws, nothing is saved and the error is passed on.
   */
  saveHashed(beforeLedger?: (hash: string) => void): Promise<string>;
  /**
   * Canonical hash of config + issues (server/model/hash.ts). While nobody has taken `data` since
   * the generation was read (a command that has just opened the instance, a fresh one), it is the
   * hash that generation recorded, without a pass over every issue; otherwise it is computed from memory.
   */
  hash(): string;
  /** Reads the current generation again: what memory held is dropped (and the recorded hash holds again). */
  reload(): Promise<void>;
  /** The canonical hash the generation last read or written recorded (GenerationMeta.hash), if it recorded one. */
  recordedHash(): string | undefined;
  /**
   * The canonical hash of the generation last read or written, as it is on disk: the recorded one,
   * or else computed by reading that generation (the data in memory is left alone).
   */
  generationHash(): Promise<string>;
  /** The generation currently on disk for this instance. */
  generation(): number;
  /** Forgets the data; saving afterwards is an error. */
  close(): void;
}

export interface CreateOptions {
  /** Issues per shard (default 20,000). */
  shardSize?: number;
  /** A snapshot the caller has already read (and validated), so it is not read twice; its config and issues become the instance's data. */
  snapshot?: RawSnapshot;
  /**
   * Share the snapshot's NDJSON issue shards (a copy-on-write clone, else a hard link, else a copy,
   * each checked against what was read) instead of writing every issue again; later saves write
   * only the shards that change. For instances that live beside their snapshot briefly (the
   * sandbox's throwaway one): a hard-linked file that someone edits in place in the snapshot makes
   * the instance refuse to load as damaged. The first generation records no canonical hash, so
   * `hash()` is computed from the data. A snapshot with one issues.json is written as usual.
   */
  shareSnapshotShards?: boolean;
}

/** A generation's recorded hash, when it was computed the way this version hashes. */
const recorded = (meta: GenerationMeta | undefined): string | undefined => (meta?.hashVersion === HASH_VERSION ? meta.hash : undefined);

const makeInstance = (dir: string, marker: InstanceMarker, adapter: ShardedAdapter, db: Low<InstanceState>): Instance => {
  let closed = false;
  // The data in memory is the generation last read or written, and nobody has taken it to change since.
  let pristine = true;
  adapter.beforeWrite = async () => {
    if (closed) throw new Error(`instance '${dir}' is closed`);
    await assertNotLockedByOther(dir);
  };
  return {
    dir,
    marker,
    get data() {
      pristine = false;
      return db.data;
    },
    get records(): InstanceRecords {
      return db.data;
    },
    save: () => db.write(),
    reload: async () => {
      await db.read();
      pristine = true;
    },
    saveHashed: async (beforeLedger) => {
      if (closed) throw new Error(`instance '${dir}' is closed`);
      let hash: string | undefined;
      await adapter.write(db.data, {
        afterIssues: (h) => {
          hash = h;
          beforeLedger?.(h);
        },
      });
      return hash!;
    },
    hash: () => (pristine ? recorded(adapter.meta) : undefined) ?? canonicalHash(db.data.config, db.data.issues),
    recordedHash: () => recorded(adapter.meta),
    generationHash: async () => {
      const meta = adapter.meta;
      if (!meta) throw new Error(`instance '${dir}' has no generation yet`);
      const saved = recorded(meta);
      if (saved) return saved;
      const data = await readGeneration(dir, meta);
      return canonicalHash(data.config, data.issues);
    },
    generation: () => adapter.meta?.generation ?? 0,
    close: () => {
      closed = true;
      db.data = undefined as unknown as InstanceState;
    },
  };
};

/** 'missing', 'empty' (a folder with nothing in it), 'file' (something that is not a folder) or 'full'. */
const targetState = async (dir: string, given: string): Promise<'missing' | 'empty' | 'file' | 'full'> => {
  const st = await stat(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw fsUserError(e, { path: given, action: 'create the instance' });
  });
  if (!st) return 'missing';
  if (!st.isDirectory()) return 'file';
  return (await readdir(dir)).length === 0 ? 'empty' : 'full';
};

/** `DIR.creating-<pid>-<time>`: where an instance is built before it is renamed into place. */
const CREATING = /^(.+)\.creating-(\d+)-\d+$/;

/**
 * Removes what a creation killed half way left beside `target` (kill -9 skips every clean-up): a
 * `.creating-` folder whose creator is no longer running on this host. A live creator's is left alone.
 */
const cleanAbandonedCreations = async (target: string): Promise<void> => {
  const parent = dirname(target);
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const m = CREATING.exec(name);
    if (!m || join(parent, m[1]!) !== target) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || pidAlive(pid)) continue;
    await rm(join(parent, name), { recursive: true, force: true });
  }
};

export const instanceExists = async (dir: string): Promise<boolean> =>
  (await stat(join(dir, MARKER)).catch(() => undefined)) !== undefined && (await stat(join(dir, POINTER)).catch(() => undefined)) !== undefined;

/**
 * Creates an instance from a snapshot. The snapshot is only read. The instance is built in a
 * temporary sibling and renamed into place, so a crash leaves no half instance at `instanceDir`.
 * Only parsing is checked here (invalid JSON is a UserError); semantic validation is the caller's.
 */
export const createInstance = async (snapshotDir: string, instanceDir: string, options: CreateOptions = {}): Promise<Instance> => {
  const target = resolve(instanceDir);
  const state0 = await targetState(target, instanceDir);
  if (state0 === 'file' || state0 === 'full') {
    throw new UserError(`cannot create an instance in '${instanceDir}': it exists and ${state0 === 'file' ? 'is not a folder' : 'is not empty'}`, {
      details: ['choose another --instance directory, or remove this one first'],
    });
  }
  const snap = options.snapshot ?? (await readSnapshot(snapshotDir));
  if (snap.problems.length > 0 || !snap.config) {
    throw new UserError(`snapshot '${snapshotDir}' cannot be read`, {
      details: snap.problems.length ? snap.problems.map((p) => `${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}`) : ['config.json is missing'],
    });
  }
  const {
    contentHashes: _h,
    canonicalHash: _c,
    issues: _i,
    $schema: _s,
    ...manifest
  } = snap.manifest ?? ({} as NonNullable<RawSnapshot['manifest']>);
  const marker: InstanceMarker = {
    format: 'understudy-instance',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    source: { dir: resolve(snapshotDir), manifest: snap.manifest ? manifest : undefined },
  };
  const state: InstanceState = { config: snap.config, issues: snap.issues, ledger: [], outbox: [], captures: {} };

  const shards = options.shareSnapshotShards && shareable(snap.issueShards, snap.issues) ? snap.issueShards : undefined;
  // Later saves cut the issues where the snapshot did, so an unchanged shard is shared again.
  const shardSize = options.shardSize ?? (shards && uniformShardSize(shards)) ?? DEFAULT_SHARD_SIZE;

  // The user's path in every message: never the temporary sibling it is built in.
  const fail = (e: unknown) => fsUserError(e, { path: instanceDir, action: 'create the instance' });
  await ensureDir(dirname(target)).catch((e: unknown) => {
    throw fail(e);
  });
  await cleanAbandonedCreations(target);
  const tmp = `${target}.creating-${process.pid}-${Date.now()}`;
  let meta: GenerationMeta;
  try {
    await mkdir(tmp);
    await writeFile(join(tmp, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    meta = await writeGeneration(tmp, state, undefined, shardSize, {}, shards ? { snapshotDir: resolve(snapshotDir), shards } : undefined);
    await rename(tmp, target);
    await fsyncDir(dirname(target));
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw fail(e);
  }
  const adapter = new ShardedAdapter(target, { meta, shardSize });
  const db = new Low<InstanceState>(adapter, state);
  return makeInstance(target, marker, adapter, db);
};

/** Opens an instance: cleans what an interrupted save left, loads the current generation. */
export const openInstance = async (instanceDir: string): Promise<Instance> => {
  const dir = resolve(instanceDir);
  const marker = await readMarker(dir);
  const adapter = new ShardedAdapter(dir);
  const db = new Low<InstanceState>(adapter, {
    config: undefined as unknown as InstanceState['config'],
    issues: [],
    ledger: [],
    outbox: [],
    captures: {},
  });
  await db.read();
  return makeInstance(dir, marker, adapter, db);
};
