/**
 * Saving = writing a complete new generation directory, then switching the pointer.
 * Crash safety: every file is fsync'd, then the generation's directories, then CURRENT is replaced
 * by one atomic rename; the previous generation is removed only after. A kill at any moment leaves
 * CURRENT naming a complete generation (the old one or the new one).
 * Cheap saves: a shard whose serialised bytes have the fingerprint of a shard of the previous
 * generation is hard-linked, not rewritten (files are never modified in place, so sharing is safe);
 * so is an issue shard shared with the snapshot (`plain`, generation-share.ts) whose records still
 * serialise as the snapshot wrote them.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { fsyncDir, writeDurable, writeFileAtomic } from '../common/atomic-write.ts';
import { HOST, linkOrCopy, pidAlive } from './durable-fs.ts';
import { GENS, genDir, genName, META, POINTER, WRITER, type GenerationMeta, type ShardInfo } from './instance-layout.ts';
import type { InstanceState } from './instance-state.ts';
import { ScratchBuffers } from './scratch-buffers.ts';
import { encodeShard, fingerprint, plainFingerprint, storageJson } from './shard-codec.ts';
import { shareIssueShards, type SharedIssues } from './generation-share.ts';
import { HASH_VERSION, withPlainJson } from '../model/index.ts';
import { WrittenHash } from './written-hash.ts';

const CONFIG = 'config.json';

interface Reuse {
  byHash: Map<string, string>;
  /** The previous generation's `plain` issue shards, by file name (their place in the order). */
  plain: Map<string, ShardInfo>;
  prevDir: string | undefined;
  scratch: ScratchBuffers;
}

/** A `plain` shard of the previous generation at this place whose records serialise to its bytes still. */
const unchangedPlain = (reuse: Reuse, file: string, records: readonly unknown[], start: number, end: number): ShardInfo | undefined => {
  const prev = reuse.plain.get(file);
  return prev && reuse.prevDir && prev.count === end - start && plainFingerprint(records, start, end) === prev.sha256 ? prev : undefined;
};

/** Writes one collection's shards into `dir/sub/`, linking unchanged ones. Serialising the next shard overlaps writing this one. */
const writeShards = async (
  genPath: string,
  sub: string,
  records: readonly unknown[],
  shardSize: number,
  reuse: Reuse,
  hash?: WrittenHash,
): Promise<ShardInfo[]> => {
  const out: ShardInfo[] = [];
  if (records.length === 0) return out;
  await mkdir(join(genPath, sub), { recursive: true });
  let pending: Promise<void> = Promise.resolve();
  for (let start = 0, n = 1; start < records.length; start += shardSize, n++) {
    const end = Math.min(records.length, start + shardSize);
    const file = `${sub}/${String(n).padStart(5, '0')}.ndjson`;
    const plain = unchangedPlain(reuse, file, records, start, end);
    if (plain && !hash?.needsEveryLine) {
      // Shared again as it is; its lines are not the canonical text a recorded hash is made of.
      hash?.abandon();
      out.push({ ...plain });
      await pending;
      pending = linkOrCopy(join(reuse.prevDir!, plain.file), join(genPath, file));
      continue;
    }
    const diverging = hash?.wanted ? new Map<number, string>() : undefined;
    const bytes = encodeShard(records, start, end, reuse.scratch, diverging);
    if (diverging) hash!.shard(records, start, end, bytes, diverging);
    if (plain) {
      // A complete hash needs the canonical lines (just fed to it); the file is still the one shared.
      out.push({ ...plain });
      await pending;
      pending = linkOrCopy(join(reuse.prevDir!, plain.file), join(genPath, file));
      continue;
    }
    const sha256 = fingerprint(bytes);
    out.push({ file, count: end - start, bytes: bytes.length, sha256 });
    await pending;
    const old = reuse.byHash.get(sha256);
    pending = old && reuse.prevDir ? linkOrCopy(join(reuse.prevDir, old), join(genPath, file)) : writeDurable(join(genPath, file), bytes);
  }
  await pending;
  return out;
};

const reuseFrom = (instanceDir: string, prev: GenerationMeta | undefined): Reuse => {
  const byHash = new Map<string, string>();
  const plain = new Map<string, ShardInfo>();
  if (prev) {
    for (const s of prev.issues) if (s.form === 'plain') plain.set(s.file, s);
    byHash.set(prev.config.sha256, prev.config.file);
    for (const s of [...prev.issues, ...prev.ledger, ...prev.outbox, ...prev.captures.flatMap((c) => c.shards), ...(prev.admin ?? [])])
      byHash.set(s.sha256, s.file);
  }
  return { byHash, plain, prevDir: prev ? genDir(instanceDir, genName(prev.generation)) : undefined, scratch: new ScratchBuffers() };
};

const writeConfig = async (genPath: string, config: unknown, reuse: Reuse): Promise<ShardInfo> => {
  const bytes = Buffer.from(`${storageJson(config)}\n`, 'utf8');
  const sha256 = fingerprint(bytes);
  const old = reuse.byHash.get(sha256);
  if (old && reuse.prevDir) await linkOrCopy(join(reuse.prevDir, old), join(genPath, CONFIG));
  else await writeDurable(join(genPath, CONFIG), bytes);
  return { file: CONFIG, count: 1, bytes: bytes.length, sha256 };
};

/** Claims gens/gen-N; a leftover from a dead writer is removed, a live writer is a UserError. */
const claimGeneration = async (instanceDir: string, n: number): Promise<string> => {
  const path = genDir(instanceDir, genName(n));
  await mkdir(join(instanceDir, GENS), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await mkdir(path);
      await writeFile(join(path, WRITER), JSON.stringify({ pid: process.pid, host: HOST, since: new Date().toISOString() }));
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const writer = await readFile(join(path, WRITER), 'utf8').then(
        (t) => JSON.parse(t) as { pid: number; host: string },
        () => undefined,
      );
      if (writer && writer.host === HOST && writer.pid !== process.pid && pidAlive(writer.pid)) {
        throw new UserError(`instance '${instanceDir}' is being saved by another process (pid ${writer.pid})`, {
          details: ['one process owns an instance at a time: take acquireLock() before writing'],
        });
      }
      await rm(path, { recursive: true, force: true });
    }
  }
  throw new Error(`cannot claim generation ${genName(n)} in '${instanceDir}'`);
};

/**
 * `afterIssues` receives the canonical hash of config + issues (server/model/hash.ts) computed from
 * the very lines written, once the issues are written and before the ledger, outbox and captures
 * are: the caller can record that hash in the ledger of the same generation without serialising
 * every issue a second time. It may change the ledger, outbox and captures, never config or issues;
 * if it throws, nothing is saved.
 */
export interface WriteHooks {
  afterIssues?: (hash: string) => void;
}

/**
 * Writes generation prev+1 and makes it current. `share`: the snapshot's issue shards to share
 * instead of writing them (the first generation of an instance made from that snapshot).
 */
export const writeGeneration = async (
  instanceDir: string,
  state: InstanceState,
  prev: GenerationMeta | undefined,
  shardSize: number,
  hooks: WriteHooks = {},
  share?: SharedIssues,
): Promise<GenerationMeta> => {
  const n = (prev?.generation ?? 0) + 1;
  const onDisk = await readFile(join(instanceDir, POINTER), 'utf8').then(
    (t) => t.trim(),
    () => undefined,
  );
  const expected = prev ? genName(prev.generation) : undefined;
  if (onDisk !== expected) {
    throw new UserError(
      `instance '${instanceDir}' was saved by someone else since it was opened (now at ${onDisk ?? 'nothing'}, opened at ${expected ?? 'nothing'})`,
      {
        details: ['one process owns an instance at a time: take acquireLock() before opening it for writing, then open it again'],
      },
    );
  }
  const path = await claimGeneration(instanceDir, n);
  let meta: GenerationMeta;
  try {
    meta = await fillGeneration(instanceDir, path, n, state, prev, shardSize, hooks, share);
  } catch (e) {
    await rm(path, { recursive: true, force: true });
    throw e;
  }
  // The switch: before this rename the old generation is current, after it the new one.
  await writeFileAtomic(join(instanceDir, POINTER), `${genName(n)}\n`);
  if (prev) await rm(genDir(instanceDir, genName(prev.generation)), { recursive: true, force: true });
  return meta;
};

const fillGeneration = async (
  instanceDir: string,
  path: string,
  n: number,
  state: InstanceState,
  prev: GenerationMeta | undefined,
  shardSize: number,
  hooks: WriteHooks,
  share: SharedIssues | undefined,
): Promise<GenerationMeta> => {
  const reuse = reuseFrom(instanceDir, prev);
  // Made in the same tick as the config is serialised below: the config hashed is the config written.
  const written = new WrittenHash(state.config, state.issues, hooks.afterIssues !== undefined);
  const config = await writeConfig(path, state.config, reuse);
  if (share && hooks.afterIssues) throw new Error('writeGeneration: a shared generation records no hash of its lines');
  if (share) written.abandon();
  const issues = share
    ? await shareIssueShards(path, share, state.issues, reuse.scratch)
    : await writeShards(path, 'issues', state.issues, shardSize, reuse, written);
  if (hooks.afterIssues) {
    const count = state.issues.length;
    hooks.afterIssues(written.complete());
    if (state.issues.length !== count) throw new Error('writeGeneration: afterIssues changed the issues');
  }
  const hash = written.recorded();
  const meta: GenerationMeta = {
    format: 'understudy-generation',
    formatVersion: 1,
    generation: n,
    savedAt: new Date().toISOString(),
    shardSize,
    config,
    issues,
    ...(hash !== undefined ? { hash, hashVersion: HASH_VERSION } : {}),
    ledger: await writeShards(path, 'ledger', state.ledger, shardSize, reuse),
    outbox: await writeShards(path, 'outbox', state.outbox, shardSize, reuse),
    captures: [],
    ...(state.admin !== undefined ? { admin: await writeShards(path, 'admin', [state.admin], shardSize, reuse) } : {}),
  };
  const names = Object.keys(state.captures);
  for (let i = 0; i < names.length; i++) {
    meta.captures.push({
      name: names[i]!,
      shards: await writeShards(path, `captures/${String(i + 1).padStart(4, '0')}`, state.captures[names[i]!] ?? [], shardSize, reuse),
    });
  }
  await writeDurable(join(path, META), `${withPlainJson(() => JSON.stringify(meta, null, 1))}\n`);
  for (const sub of [
    'issues',
    'ledger',
    'outbox',
    'admin',
    ...meta.captures.map((_, i) => `captures/${String(i + 1).padStart(4, '0')}`),
    'captures',
    '.',
  ]) {
    await fsyncDir(join(path, sub)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  await fsyncDir(join(instanceDir, GENS));
  return meta;
};
