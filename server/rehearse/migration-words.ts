/**
 * Words about a migration that the report and the notices need beyond its plan: which area of the
 * tracker each sentence changes, and the recorded inverse as sentences (what `migrate:down` does).
 */
import { isOpsMigration, type LedgerEntry, type MigrationSpec, opDefinition } from '../migrate/index.ts';
import type { ChangeSentence } from './result.ts';

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Pairs each sentence with its operation's area; sentences of function-form code are 'custom'. */
export const changeAreas = (migration: MigrationSpec | undefined, sentences: readonly string[]): ChangeSentence[] =>
  sentences.map((sentence, i) => {
    const kind = migration && isOpsMigration(migration) ? migration.ops[i]?.kind : undefined;
    return { area: (kind && opDefinition(kind)?.area) || 'custom', sentence };
  });

/**
 * The recorded inverse of an applied migration as sentences, in the order `migrate:down` applies
 * them (last operation first). Each recorded step carries the sentence of what it undoes.
 */
export const backoutSentences = (entry: Pick<LedgerEntry, 'inverse'>): string[] => {
  const out: { note: string; parts: string[] }[] = [];
  for (const op of [...entry.inverse].reverse()) {
    const args = (op.args ?? {}) as { note?: unknown; patches?: unknown[]; count?: unknown };
    const note = typeof args.note === 'string' ? args.note : `Undo (${op.kind})`;
    const count = op.bulkCount ?? (typeof args.count === 'number' ? args.count : undefined);
    const part =
      op.kind === 'restoreConfig'
        ? `the configuration as it was (${plural(args.patches?.length ?? 0, 'change')})`
        : count !== undefined
          ? `the values captured from ${plural(count, 'issue')}`
          : '';
    const last = out.at(-1);
    if (last && last.note === note) {
      if (part) last.parts.push(part);
    } else out.push({ note, parts: part ? [part] : [] });
  }
  return out.map(({ note, parts }) => {
    const what = note.replace(/^Undo:\s*/, '').replace(/\.$/, '');
    return `Undo “${what}”${parts.length ? `: puts back ${parts.join(' and ')}` : ''}.`;
  });
};
