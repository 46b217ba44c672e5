/** Helpers the writers share: readable change lines, the classification of a change, set differences. */
import { diff } from '../../migrate/index.ts';
import { canonicalJson } from '../outside.ts';
import type { EntityChange, Phase, StepClass } from '../plan/types.ts';
import type { StepDraft } from './types.ts';

type Obj = Record<string, unknown>;

const brief = (v: unknown): string => {
  const t = JSON.stringify(v) ?? 'nothing';
  return t.length > 100 ? `${t.slice(0, 97)}…` : t;
};

/** One line per difference: `statuses 'Needs Triage': added {...}`, `filters 'X'.jql: "a" → "b"`. */
export const changeLines = (c: EntityChange): string[] => {
  const where = `${c.collection} '${c.key}'`;
  if (c.from === null) return [`${where}: added ${brief(c.to)}`];
  if (c.to === null) return [`${where}: removed`];
  return diff(c.from, c.to).map((p) => {
    const path = p.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
    if (p.op === 'delete') return `${where}${path}: removed`;
    if (p.op === 'set') return `${where}${path}: ${brief(p.value)}`;
    return `${where}${path}: ${p.remove ? `${p.remove} removed at ${p.index + 1}` : ''}${p.remove && p.insert.length ? ', ' : ''}${p.insert.length ? `${brief(p.insert)} inserted at ${p.index + 1}` : ''}`;
  });
};

/** The phase of a change: adding is expanding, removing is contracting, the rest migrates. */
export const phaseOf = (c: EntityChange): Phase => (c.from === null ? 'expand' : c.to === null ? 'contract' : 'migrate');

/** A step a person must do: the change in the runbook's words, then apply reads it back. */
export const manualStep = (changes: EntityChange[], title: string, reason: string, writer = 'manual'): StepDraft => ({
  phase: phaseOf(changes[0]!),
  class: 'manual',
  writer,
  title,
  changes,
  reason,
  instructions: changes.flatMap(changeLines),
});

export const classified = (dc: boolean, dcReason: string | undefined): { class: StepClass; reason?: string } =>
  dc && dcReason ? { class: 'manual', reason: dcReason } : { class: 'automatic' };

export const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const asList = <T = unknown>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** Members of `a` not in `b` (strings). */
export const minus = (a: readonly string[], b: readonly string[]): string[] => {
  const s = new Set(b);
  return a.filter((x) => !s.has(x));
};

/** Equal as normalised values. */
export const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** `target` with the members of `from` named in `kept` put back where they were (a stage before their removal). */
export const withKept = <T>(target: readonly T[], from: readonly T[], kept: readonly T[], eq: (a: T, b: T) => boolean = (a, b) => a === b): T[] => {
  const out = [...target];
  for (const k of kept) {
    if (out.some((x) => eq(x, k))) continue;
    const at = from.findIndex((x) => eq(x, k));
    out.splice(Math.min(Math.max(at, 0), out.length), 0, k);
  }
  return out;
};

/** The moves that put `current` in `target` order: each as [item, the item it goes after (undefined: first)]. */
export const movesTo = <T>(current: readonly T[], target: readonly T[]): Array<[T, T | undefined]> => {
  const now = current.filter((x) => target.includes(x));
  const moves: Array<[T, T | undefined]> = [];
  target.forEach((t, i) => {
    if (now[i] === t) return;
    const at = now.indexOf(t);
    if (at >= 0) now.splice(at, 1);
    now.splice(i, 0, t);
    moves.push([t, i === 0 ? undefined : target[i - 1]]);
  });
  return moves;
};
