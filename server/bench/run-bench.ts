/** Runs the bench sections and prints one table. No network traffic: everything is local files. */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../common/errors.ts';
import { storeSection } from './store-section.ts';
import { sandboxSection } from './sections/sandbox.ts';
import { migrateSection } from './sections/migrate.ts';
import { rehearseSection } from './sections/rehearse.ts';
import { applySection } from './sections/apply.ts';
import { formatRow, HEADER } from './table.ts';
import type { BenchOptions, BenchRow, BenchSection } from './types.ts';

/** Every section, in run order. Later parts append theirs here. */
export const SECTIONS: BenchSection[] = [storeSection, sandboxSection, migrateSection, rehearseSection, applySection];

export const DEFAULT_SIZES = [100_000, 1_000_000];

export const parseSizes = (text: string | undefined): number[] => {
  if (text === undefined) return DEFAULT_SIZES;
  const sizes = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (!sizes.length || sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    throw new UserError(`--sizes '${text}' is not a list of issue counts`, {
      details: ['expected positive integers separated by commas, e.g. --sizes 100000,1000000'],
    });
  }
  return sizes;
};

export const runBench = async (options: BenchOptions, print: (line: string) => void = console.log): Promise<BenchRow[]> => {
  const sections = options.only ? SECTIONS.filter((s) => s.name === options.only) : SECTIONS;
  if (!sections.length)
    throw new UserError(`--only '${options.only}' names no bench section`, {
      details: [`known sections: ${SECTIONS.map((s) => s.name).join(', ')}`],
    });
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const rows: BenchRow[] = [];
  print(HEADER);
  for (const section of sections) {
    await section.run({
      ...options,
      dataDir,
      log: print,
      row: (r) => {
        rows.push(r);
        print(formatRow(r));
      },
    });
  }
  return rows;
};
