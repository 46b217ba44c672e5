/**
 * Writes the report directory: result.json, summary.md, index.html, runbook.md and junit.xml.
 * Everything is rendered first, then written to temporary names and renamed into place, so a
 * reader never sees a half-written file. result.json is renamed last: when it is there, the rest is
 * too. Other files in the directory (traces, screenshots) are left alone.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../common/errors.ts';
import { writeFilesAtomic } from '../../common/atomic-write.ts';
import type { RehearsalResult } from '../result.ts';
import type { ReportContext } from './context.ts';
import { indexHtml } from './index-html.ts';
import { junitXml } from './junit-xml.ts';
import { runbookMarkdown } from './runbook-md.ts';
import { summaryMarkdown } from './summary-md.ts';

/** The report's file names, in the order they are put in place. */
export const REPORT_FILES = ['summary.md', 'index.html', 'runbook.md', 'junit.xml', 'result.json'] as const;

/** Returns the paths written, in `REPORT_FILES` order. */
export const writeReport = async (dir: string, r: RehearsalResult, ctx: ReportContext): Promise<string[]> => {
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'summary.md': summaryMarkdown(r),
    'index.html': indexHtml(r, ctx),
    'runbook.md': runbookMarkdown(r, ctx),
    'junit.xml': junitXml(r),
    'result.json': `${JSON.stringify(r, null, 2)}\n`,
  };
  const files = REPORT_FILES.map((name) => ({ path: join(dir, name), data: contents[name] }));
  try {
    await mkdir(dir, { recursive: true });
    await writeFilesAtomic(files);
  } catch (e) {
    throw new UserError(`cannot write the report to '${dir}': ${(e as Error)?.message ?? String(e)}`, {
      details: ['pass a writable directory with --report DIR'],
      cause: e,
    });
  }
  return files.map((f) => f.path);
};
