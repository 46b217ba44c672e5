import { mkdir, rename, rm, readdir, stat, writeFile } from 'node:fs/promises';
import { ensureDir } from '../common/ensure-dir.ts';
import { fsUserError } from '../common/fs-errors.ts';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../common/errors.ts';
import { canonicalHash, type Config, type Integration, type Issue, type Manifest } from '../model/index.ts';
import { sha256, toNdjson } from './json-files.ts';

/** Where the JSON Schema files for editors live (written by `npm run fixtures:generate`). */
export const JSON_SCHEMA_DIR = resolve(fileURLToPath(new URL('../model/json-schema/', import.meta.url)));

export const schemaRef = (fromDir: string, name: 'manifest' | 'config' | 'issues' | 'integration'): string => {
  const rel = relative(resolve(fromDir), join(JSON_SCHEMA_DIR, `${name}.schema.json`))
    .split('\\')
    .join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

export type ManifestInput = Omit<Manifest, '$schema' | 'formatVersion' | 'issues' | 'contentHashes' | 'canonicalHash'>;

export interface SnapshotContent {
  manifest: ManifestInput;
  config: Config;
  issues: readonly Issue[];
  integrations?: readonly { file: string; data: Integration }[];
}

export interface WriteSnapshotOptions {
  /** Issues per NDJSON shard; above this count the snapshot is sharded. Default 20,000. */
  shardSize?: number;
  /** Replace an existing directory. Without it, writing over a non-empty directory is refused. */
  overwrite?: boolean;
}

/**
 * Writes a snapshot directory: into a temporary sibling first, then renamed into place, so a
 * reader never sees half a snapshot. The manifest is written last, with the content hashes.
 */
export const writeSnapshot = async (outDir: string, content: SnapshotContent, options: WriteSnapshotOptions = {}): Promise<Manifest> => {
  const shardSize = options.shardSize ?? 20_000;
  const target = resolve(outDir);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !options.overwrite) {
    const entries = existing.isDirectory() ? await readdir(target) : ['(a file)'];
    if (entries.length)
      throw new UserError(`'${outDir}' already exists and is not empty`, { details: ['choose another --out directory, or remove this one first'] });
  }
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  await ensureDir(dirname(tmp)).catch((e: unknown) => {
    throw fsUserError(e, { path: outDir, action: 'write the snapshot to' });
  });
  await mkdir(tmp);
  try {
    const hashes: Record<string, string> = {};
    const put = async (file: string, text: string) => {
      await mkdir(join(tmp, file, '..'), { recursive: true });
      await writeFile(join(tmp, file), text);
      hashes[file] = sha256(text);
    };
    await put('config.json', `${JSON.stringify({ ...content.config, $schema: schemaRef(target, 'config') }, null, 2)}\n`);

    let issuesLayout: Manifest['issues'];
    if (content.issues.length > shardSize) {
      const files: string[] = [];
      for (let i = 0, n = 1; i < content.issues.length; i += shardSize, n++) {
        const file = `issues/${String(n).padStart(5, '0')}.ndjson`;
        await put(file, toNdjson(content.issues.slice(i, i + shardSize)));
        files.push(file);
      }
      issuesLayout = { layout: 'sharded', files };
    } else {
      await put('issues.json', `${JSON.stringify({ $schema: schemaRef(target, 'issues'), issues: content.issues }, null, 1)}\n`);
      issuesLayout = { layout: 'single', file: 'issues.json' };
    }
    for (const { file, data } of content.integrations ?? []) {
      await put(file, `${JSON.stringify({ ...data, $schema: schemaRef(join(target, 'integrations'), 'integration') }, null, 2)}\n`);
    }
    const manifest: Manifest = {
      $schema: schemaRef(target, 'manifest'),
      formatVersion: 1,
      ...content.manifest,
      issues: issuesLayout,
      contentHashes: hashes,
      canonicalHash: canonicalHash(content.config, content.issues as Issue[]),
    };
    await writeFile(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existing) await rm(target, { recursive: true, force: true });
    await rename(tmp, target);
    return manifest;
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
};
