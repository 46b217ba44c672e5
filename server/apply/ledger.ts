/**
 * Production's ledger, beside the journal: one entry per migration `apply` carried out on the
 * site, with everything its backout needs — the steps, the issue values each overwrote (recorded
 * before it ran) and the normalised states before and after — so `migrate:down --url` works from
 * an older checkout, after the migration files were edited or deleted. States are kept in a file
 * per migration (`ledger/<id>.json`); `ledger.json` is small and replaced atomically.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { writeFileAtomic } from '../common/atomic-write.ts';
import type { NormalConfig } from './normalise/index.ts';
import type { IssueValues, Step } from './plan/types.ts';

export interface ProductionLedgerEntry {
  id: string;
  description: string;
  /** The migration file's checksum when it was applied (the rehearsal's). */
  checksum?: string;
  state: 'applied' | 'reverted';
  runId: string;
  appliedAt: string;
  appliedBy: string;
  revertedAt?: string;
  revertedBy?: string;
  steps: Step[];
  /** Issue values each step overwrote, by step id. */
  records: Record<string, IssueValues[]>;
  beforeHash: string;
  afterHash: string;
}

export interface LedgerFile {
  formatVersion: 1;
  url: string;
  entries: ProductionLedgerEntry[];
}

export interface LedgerStates {
  before: NormalConfig;
  after: NormalConfig;
}

const LEDGER = 'ledger.json';

export class ProductionLedger {
  constructor(
    readonly dir: string,
    readonly url: string,
  ) {}

  async read(): Promise<LedgerFile> {
    let text: string;
    try {
      text = await readFile(join(this.dir, LEDGER), 'utf8');
    } catch {
      return { formatVersion: 1, url: this.url, entries: [] };
    }
    try {
      return JSON.parse(text) as LedgerFile;
    } catch {
      throw new UserError(`the production ledger ${join(this.dir, LEDGER)} is not valid JSON`, {
        details: ['it is written atomically by apply; restore it from a backup of that folder'],
      });
    }
  }

  async write(l: LedgerFile): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(join(this.dir, LEDGER), `${JSON.stringify(l, null, 1)}\n`);
  }

  async writeStates(id: string, s: LedgerStates): Promise<void> {
    await mkdir(join(this.dir, 'ledger'), { recursive: true });
    await writeFileAtomic(join(this.dir, 'ledger', `${id}.json`), `${JSON.stringify(s)}\n`);
  }

  async readStates(id: string): Promise<LedgerStates> {
    const file = join(this.dir, 'ledger', `${id}.json`);
    try {
      return JSON.parse(await readFile(file, 'utf8')) as LedgerStates;
    } catch (e) {
      throw new UserError(
        `the production ledger has no readable states for ${id} (${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        { details: ['the ledger folder is incomplete; the backout cannot be proven without it'] },
      );
    }
  }

  /** Records a migration as applied (replacing an earlier entry of the same id), or as reverted. */
  async put(entry: ProductionLedgerEntry, states?: LedgerStates): Promise<void> {
    if (states) await this.writeStates(entry.id, states);
    const l = await this.read();
    const i = l.entries.findIndex((e) => e.id === entry.id);
    if (i >= 0) l.entries.splice(i, 1);
    l.entries.push(entry);
    await this.write(l);
  }
}

/** Applied entries in the order they were applied. */
export const appliedOf = (l: LedgerFile): ProductionLedgerEntry[] => l.entries.filter((e) => e.state === 'applied');
