/**
 * Attachment content, content-addressed: each file is stored once under its sha256 in the
 * instance's attachments/ directory (outside the generations, so saves never rewrite it), and the
 * issue's attachment metadata names the digest, so the canonical hash covers the content. Files
 * are never removed when an attachment is deleted: checkpoints, forks and reverts may still name
 * them, and a digest names the same bytes forever. A memory double serves in-memory sandboxes.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.ts';

export const ATTACHMENTS_DIR = 'attachments';

export interface AttachmentContent {
  /** Stores the bytes (once per digest) and returns their sha256 in hex. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes of a digest, or undefined when none are stored. */
  get(sha256: string): Promise<Buffer | undefined>;
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const DIGEST = /^[0-9a-f]{64}$/;

export const memoryAttachmentContent = (): AttachmentContent => {
  const files = new Map<string, Buffer>();
  return {
    put: async (bytes) => {
      const d = sha256Of(bytes);
      if (!files.has(d)) files.set(d, Buffer.from(bytes));
      return d;
    },
    get: async (d) => files.get(d),
  };
};

/** Content in `<instanceDir>/attachments/<sha256>`, written durably (temporary file, fsync, rename). */
export const directoryAttachmentContent = (instanceDir: string): AttachmentContent => {
  const dir = join(instanceDir, ATTACHMENTS_DIR);
  return {
    put: async (bytes) => {
      const d = sha256Of(bytes);
      const path = join(dir, d);
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      )
        return d;
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(path, bytes);
      return d;
    },
    get: async (d) => {
      if (!DIGEST.test(d)) return undefined;
      const bytes = await readFile(join(dir, d)).catch(() => undefined);
      // A file changed on disk is not served as the attachment it no longer is.
      return bytes && sha256Of(bytes) === d ? bytes : undefined;
    },
  };
};
