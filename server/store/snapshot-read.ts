import { readdir, stat } from 'node:fs/promises';
import { readRegularFile } from '../common/read-regular.ts';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import type { Config, Integration, Issue, Manifest, Problem } from '../model/index.ts';
import { parseNdjson, readJsonFile, sha256, unreadable } from './json-files.ts';

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
}

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

  const out: RawSnapshot = {
    dir,
    manifest: undefined,
    config: undefined,
    issues: [],
    issueSources: [],
    integrations: [],
    fileHashes: {},
    problems: [],
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

const readIssues = async (dir: string, out: RawSnapshot): Promise<void> => {
  const { files, sharded } = await issueFilesOf(dir, out.manifest);
  for (const file of files) {
    if (sharded) {
      let text: Buffer;
      try {
        text = await readRegularFile(join(dir, file));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        out.problems.push(problem(file, code === 'ENOENT' ? 'issue shard named in manifest.json is missing' : unreadable(e)));
        continue;
      }
      out.fileHashes[file] = sha256(text);
      const { records, errors } = parseNdjson(text.toString('utf8'));
      for (const e of errors) out.problems.push(problem(file, `line ${e.line} is not valid JSON: ${e.message}`, `line ${e.line}`));
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
