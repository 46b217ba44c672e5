import type { BigIntStats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertRegularFile } from '../common/read-regular.ts';
import { UserError } from '../common/errors.ts';
import type { Config, Integration, Issue, Manifest, Problem } from '../model/index.ts';
import { parseNdjson, readJsonFile, sha256, unreadable } from './json-files.ts';
import { ScratchBuffers } from './scratch-buffers.ts';

/** What a snapshot directory holds, parsed but not yet validated. */
export interface RawSnapshot {
  dir: string;
  manifest: Manifest | undefined;
  config: Config | undefined;
  issues: Issue[];
  /** Which file each issue came from, for messages (`issues/0003.ndjson:17`). */
  issueSources: string[];
  integrations: { file: string; data: Integration }[];
  /** sha256 of each file's bytes, by path inside the snapshot. */
  fileHashes: Record<string, string>;
  /** Files that could not be read or parsed. */
  problems: Problem[];
  /**
   * The NDJSON issue shards as read (sharded layout only), in order: what an instance can share
   * instead of writing them again (absent from a snapshot made in memory). `plain`: every line that is not empty is one record (no line of
   * only spaces), so the store reads the file back as the very records parsed here.
   */
  issueShards?: IssueShard[];
}

export interface IssueShard {
  file: string;
  count: number;
  bytes: number;
  /** As in fileHashes (`sha256:` + hex). */
  sha256: string;
  plain: boolean;
  /**
   * The file read, as `fileIdentity` gives it, when it had not changed for a while before it was
   * read (a write afterwards changes its modification time): a hard link with this identity holds
   * the bytes parsed without reading them again.
   */
  settled?: string;
}

/** Device, inode, size and modification time (ns) of a file. */
export const fileIdentity = (st: BigIntStats): string => `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;

/** A file untouched this long before it was read is not being written (timestamps are coarser than a nanosecond). */
const SETTLED_NS = 2_000_000_000n;

/** Reads a whole file into a scratch buffer (no fresh shard-sized Buffer per file: see scratch-buffers.ts); what it was, if settled. */
const readWhole = async (path: string, scratch: ScratchBuffers): Promise<{ bytes: Buffer; settled?: string }> => {
  await assertRegularFile(path); // a FIFO would keep open() waiting for a writer
  const handle = await open(path, 'r');
  try {
    const st = await handle.stat({ bigint: true });
    const settled = BigInt(Date.now()) * 1_000_000n - st.mtimeNs > SETTLED_NS ? fileIdentity(st) : undefined;
    let buf = scratch.take(Number(st.size) + 1);
    let at = 0;
    for (;;) {
      if (at === buf.length) buf = scratch.grow(at, at * 2);
      const { bytesRead } = await handle.read(buf, at, buf.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // A file that grew or shrank while read is not the one stat described.
    return { bytes: buf.subarray(0, at), ...(settled && BigInt(at) === st.size ? { settled } : {}) };
  } finally {
    await handle.close();
  }
};

const problem = (file: string, message: string, path = ''): Problem => ({ severity: 'error', file, path, message, rule: 'parse' });

/**
 * Reads a snapshot directory without judging its content. A missing directory is a UserError;
 * unreadable or malformed files become problems so that validation can report all of them.
 */
export const readSnapshot = async (dir: string): Promise<RawSnapshot> => {
  const st = await stat(dir).catch(() => undefined);
  if (!st)
    throw new UserError(`snapshot directory '${dir}' does not exist`, {
      details: ['pass an existing snapshot with --snapshot DIR (the bundled one is fixtures/acme)'],
    });
  if (!st.isDirectory())
    throw new UserError(`snapshot '${dir}' is not a directory`, {
      details: ['a snapshot is a directory with manifest.json, config.json and issues'],
    });

  const out: RawSnapshot & { issueShards: IssueShard[] } = {
    dir,
    manifest: undefined,
    config: undefined,
    issues: [],
    issueSources: [],
    integrations: [],
    fileHashes: {},
    problems: [],
    issueShards: [],
  };

  const manifest = await readJsonFile<Manifest>(join(dir, 'manifest.json'));
  if (manifest.ok) {
    out.manifest = manifest.value;
    out.fileHashes['manifest.json'] = sha256(manifest.bytes);
  } else out.problems.push(problem('manifest.json', manifest.message));

  const config = await readJsonFile<Config>(join(dir, 'config.json'));
  if (config.ok) {
    out.config = config.value;
    out.fileHashes['config.json'] = sha256(config.bytes);
  } else out.problems.push(problem('config.json', config.message));

  await readIssues(dir, out);
  await readIntegrations(dir, out);
  return out;
};

const issueFilesOf = async (dir: string, manifest: Manifest | undefined): Promise<{ files: string[]; sharded: boolean }> => {
  const layout = manifest?.issues;
  if (layout && typeof layout === 'object' && layout.layout === 'sharded' && Array.isArray(layout.files))
    return { files: layout.files, sharded: true };
  if (layout && typeof layout === 'object' && layout.layout === 'single' && typeof layout.file === 'string')
    return { files: [layout.file], sharded: false };
  // No usable manifest: take what is there.
  const shardDir = await readdir(join(dir, 'issues')).catch(() => undefined);
  if (shardDir)
    return {
      files: shardDir
        .filter((f) => f.endsWith('.ndjson'))
        .sort()
        .map((f) => `issues/${f}`),
      sharded: true,
    };
  return { files: ['issues.json'], sharded: false };
};

const readIssues = async (dir: string, out: RawSnapshot & { issueShards: IssueShard[] }): Promise<void> => {
  const { files, sharded } = await issueFilesOf(dir, out.manifest);
  const scratch = new ScratchBuffers();
  for (const file of files) {
    if (sharded) {
      let text: Buffer;
      let settled: string | undefined;
      try {
        ({ bytes: text, settled } = await readWhole(join(dir, file), scratch));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        out.problems.push(problem(file, code === 'ENOENT' ? 'issue shard named in manifest.json is missing' : unreadable(e)));
        continue;
      }
      const hash = sha256(text);
      out.fileHashes[file] = hash;
      const { records, errors, blank } = parseNdjson(text.toString('utf8'));
      for (const e of errors) out.problems.push(problem(file, `line ${e.line} is not valid JSON: ${e.message}`, `line ${e.line}`));
      out.issueShards.push({
        file,
        count: records.length,
        bytes: text.length,
        sha256: hash,
        plain: errors.length === 0 && blank === 0,
        ...(settled ? { settled } : {}),
      });
      for (const r of records) {
        out.issues.push(r as Issue);
        out.issueSources.push(file);
      }
    } else {
      const parsed = await readJsonFile<{ issues?: unknown }>(join(dir, file));
      if (!parsed.ok) {
        out.problems.push(problem(file, parsed.message));
        continue;
      }
      out.fileHashes[file] = sha256(parsed.bytes);
      const list = parsed.value?.issues;
      if (!Array.isArray(list)) {
        out.problems.push(
          problem(
            file,
            `expected an object with an 'issues' array, got ${Array.isArray(parsed.value) ? 'a bare array' : typeof parsed.value}`,
            'issues',
          ),
        );
        continue;
      }
      for (const r of list) {
        out.issues.push(r as Issue);
        out.issueSources.push(file);
      }
    }
  }
};

const readIntegrations = async (dir: string, out: RawSnapshot): Promise<void> => {
  const names = await readdir(join(dir, 'integrations')).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = `integrations/${name}`;
    const parsed = await readJsonFile<Integration>(join(dir, file));
    if (!parsed.ok) {
      out.problems.push(problem(file, parsed.message));
      continue;
    }
    out.fileHashes[file] = sha256(parsed.bytes);
    out.integrations.push({ file, data: parsed.value });
  }
};
