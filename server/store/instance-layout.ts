/**
 * The instance directory:
 *   instance.json        marker: format, creation time, the source snapshot's manifest
 *   CURRENT              pointer: the name of the current generation (replaced by one atomic rename)
 *   gens/gen-000042/     one complete generation: meta.json, config.json, issues/, ledger/, outbox/, captures/, admin/
 *   lock.json            who holds the instance (acquireLock)
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { fsUserError } from '../common/fs-errors.ts';
import { readRegularFile } from '../common/read-regular.ts';
import type { Manifest } from '../model/index.ts';

export const MARKER = 'instance.json';
export const POINTER = 'CURRENT';
export const GENS = 'gens';
export const LOCK = 'lock.json';
export const META = 'meta.json';
export const WRITER = 'writer.json';

export interface InstanceMarker {
  format: 'understudy-instance';
  formatVersion: 1;
  createdAt: string;
  /** The snapshot it was created from (manifest without content hashes), for export. */
  source: { dir: string; manifest: Partial<Manifest> | undefined };
}

export interface ShardInfo {
  file: string;
  count: number;
  bytes: number;
  sha256: string;
  /**
   * `plain`: an issue shard shared with the snapshot the instance was made from, whose lines are
   * `JSON.stringify` of each record with its keys in the snapshot's order (the store's own lines sort
   * them). Loading it gives the same data; a save shares it again while its records still serialise
   * to these bytes.
   */
  form?: 'plain';
}

/** meta.json of a generation: written last, so a generation without it is incomplete. */
export interface GenerationMeta {
  format: 'understudy-generation';
  formatVersion: 1;
  generation: number;
  savedAt: string;
  shardSize: number;
  config: ShardInfo;
  issues: ShardInfo[];
  /**
   * The canonical hash of config + issues as saved (server/model/hash.ts), recorded when it is
   * exactly the hash of what loading this generation gives back: every record's line is its
   * canonical text (config included) and the issues are stored in id order. The shards' content is
   * checked against their sha256 when loaded, so a loaded generation's data hashes to this.
   */
  hash?: string;
  /** The HASH_VERSION `hash` was computed under; a hash of another version is not used. */
  hashVersion?: string;
  ledger: ShardInfo[];
  outbox: ShardInfo[];
  captures: { name: string; shards: ShardInfo[] }[];
  /** The tracker's administration records, one record (absent before any was kept). */
  admin?: ShardInfo[];
}

export const genName = (n: number): string => `gen-${String(n).padStart(6, '0')}`;
export const genNumber = (name: string): number | undefined => {
  const m = /^gen-(\d{6,})$/.exec(name);
  return m ? Number(m[1]) : undefined;
};
export const genDir = (instanceDir: string, name: string): string => join(instanceDir, GENS, name);

const howToCreate = 'create one from a snapshot first (the migrate and sandbox commands create it from --snapshot on first use)';

/** A file of the instance; undefined when it does not exist; any other failure (EACCES, a FIFO) is a message naming it. */
const readInstanceFile = async (path: string): Promise<string | undefined> => {
  try {
    return await readRegularFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fsUserError(e, { path, action: 'read' });
  }
};

/** Reads the marker; a missing directory or a directory that is not an instance is a UserError. */
export const readMarker = async (instanceDir: string): Promise<InstanceMarker> => {
  const st = await stat(instanceDir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw fsUserError(e, { path: instanceDir, action: 'read the instance' });
  });
  if (!st) throw new UserError(`instance directory '${instanceDir}' does not exist`, { details: [howToCreate] });
  if (!st.isDirectory()) throw new UserError(`instance '${instanceDir}' is not a directory`, { details: [howToCreate] });
  const text = await readInstanceFile(join(instanceDir, MARKER));
  let marker: Partial<InstanceMarker> | undefined;
  try {
    marker = text === undefined ? undefined : (JSON.parse(text) as Partial<InstanceMarker>);
  } catch {
    marker = undefined;
  }
  if (marker?.format !== 'understudy-instance') {
    throw new UserError(`'${instanceDir}' is not an Understudy instance (no valid ${MARKER})`, {
      details: [`pass the directory of an instance, or ${howToCreate}; a half-created instance can be removed and created again`],
    });
  }
  return marker as InstanceMarker;
};

/** The current generation's name, or a UserError saying the instance is damaged. */
export const readPointer = async (instanceDir: string): Promise<string> => {
  const text = await readInstanceFile(join(instanceDir, POINTER));
  const name = text?.trim();
  if (!name || genNumber(name) === undefined) {
    throw new UserError(`instance '${instanceDir}' has no valid ${POINTER} pointer`, {
      details: ['the instance is damaged; remove it and create it again from its snapshot'],
    });
  }
  return name;
};

export const readMeta = async (instanceDir: string, name: string): Promise<GenerationMeta> => {
  const path = join(genDir(instanceDir, name), META);
  const text = await readInstanceFile(path);
  if (text === undefined)
    throw new UserError(`instance '${instanceDir}': current generation ${name} has no ${META}`, {
      details: ['the instance is damaged; remove it and create it again from its snapshot'],
    });
  try {
    return JSON.parse(text) as GenerationMeta;
  } catch {
    throw new UserError(`instance '${instanceDir}': ${path} is not valid JSON`, {
      details: ['the instance is damaged; remove it and create it again from its snapshot'],
    });
  }
};
