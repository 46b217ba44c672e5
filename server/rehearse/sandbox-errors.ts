/**
 * Requests the rehearsal's sandbox answered with 500 are bugs in Understudy, not findings about the
 * change: each is kept with its request and stack in the report folder, and the result links the file.
 */
import { rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatInternalError, type InternalErrorEntry } from '../http/index.ts';
import type { RehearsalResult } from './result.ts';

export const SANDBOX_ERRORS_FILE = 'sandbox-errors.log';

/** Writes the log and links it from the result when there were any; otherwise removes one an earlier rehearsal left. */
export const keepSandboxErrors = async (reportDir: string, entries: readonly InternalErrorEntry[], result: RehearsalResult): Promise<void> => {
  const file = join(reportDir, SANDBOX_ERRORS_FILE);
  if (!entries.length) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(reportDir, { recursive: true });
  await writeFile(file, entries.map(formatInternalError).join('\n'), 'utf8');
  result.sandboxErrors = { count: entries.length, file: SANDBOX_ERRORS_FILE };
};
