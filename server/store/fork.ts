/**
 * A disposable copy of an instance for one regression run: the current generation (and the
 * attachments' content) hard-linked
 * (files are never modified in place, so source and fork cannot affect each other), built in a
 * temporary sibling and renamed into place.
 */
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../common/errors.ts';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { ensureDir } from '../common/ensure-dir.ts';
import { fsUserError } from '../common/fs-errors.ts';
import { linkOrCopy } from './durable-fs.ts';
import { ATTACHMENTS_DIR } from './attachment-content.ts';
import { GENS, genDir, MARKER, POINTER, readMarker, readMeta, readPointer, WRITER } from './instance-layout.ts';

const linkTree = async (from: string, to: string): Promise<void> => {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.name === WRITER) continue;
    if (entry.isDirectory()) await linkTree(join(from, entry.name), join(to, entry.name));
    else await linkOrCopy(join(from, entry.name), join(to, entry.name));
  }
};

/** Forks `srcDir` into `dstDir` (missing or empty) and returns the fork's directory. */
export const forkInstance = async (srcDir: string, dstDir: string): Promise<string> => {
  const src = resolve(srcDir);
  const dst = resolve(dstDir);
  await readMarker(src);
  const existing = await stat(dst).catch(() => undefined);
  if (existing && (!existing.isDirectory() || (await readdir(dst)).length > 0)) {
    throw new UserError(`cannot fork into '${dstDir}': it exists and is not empty`, {
      details: ['choose another directory, or remove this one first'],
    });
  }
  await ensureDir(dirname(dst)).catch((e: unknown) => {
    throw fsUserError(e, { path: dstDir, action: 'fork into' });
  });
  // A save in the source may remove the generation being linked: start again from the new pointer.
  for (let attempt = 1; ; attempt++) {
    const tmp = `${dst}.forking-${process.pid}-${Date.now()}`;
    try {
      const current = await readPointer(src);
      await readMeta(src, current);
      await mkdir(join(tmp, GENS), { recursive: true });
      await copyFile(join(src, MARKER), join(tmp, MARKER));
      await linkTree(genDir(src, current), genDir(tmp, current));
      // Attachment content is content-addressed and never changed in place: linked like the generation.
      if (await stat(join(src, ATTACHMENTS_DIR)).catch(() => undefined)) await linkTree(join(src, ATTACHMENTS_DIR), join(tmp, ATTACHMENTS_DIR));
      await writeFileAtomic(join(tmp, POINTER), `${current}\n`);
      await rename(tmp, dst);
      return dst;
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) throw e;
    }
  }
};
