/**
 * Production's configuration, digested for `drift`: the canonical config hash (in the manifest)
 * plus one digest per entity (in `drift-digest.json` beside it), so drift can say where production
 * changed without the snapshot keeping production's unanonymised configuration. People are digested
 * as one whole: a digest per user would let anyone test guesses of names and e-mail addresses.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type Config, configHash } from '../model/index.ts';

export const DIGEST_FILE = 'drift-digest.json';

export interface DriftDigest {
  formatVersion: 1;
  /** What was read: the same scope is read again by `drift`. */
  scope: { projects?: string[] };
  configHash: string;
  entities: Record<string, string>;
}

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const PEOPLE = new Set(['users', 'groups']);

export const entityDigests = (config: Config): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [kind, value] of Object.entries(config)) {
    if (kind === '$schema') continue;
    if (PEOPLE.has(kind) || !Array.isArray(value)) {
      out[kind] = sha(canonicalJson(value));
      continue;
    }
    value.forEach((e: Record<string, unknown>, i) => {
      const id = e.id ?? e.key ?? (e.permission !== undefined ? `${String(e.permission)}:${String(e.group)}` : String(i));
      out[`${kind}/${String(id)}`] = sha(canonicalJson(e));
    });
    // Order is state too (priorities, statuses): a reordering shows as a change of the list.
    out[`${kind}#order`] = sha(canonicalJson(value.map((e: Record<string, unknown>) => e.id ?? e.key ?? null)));
  }
  return out;
};

export const digestOf = (config: Config, scope: DriftDigest['scope']): DriftDigest => ({
  formatVersion: 1,
  scope,
  configHash: configHash(config),
  entities: entityDigests(config),
});

export interface DriftChange {
  what: string;
  change: 'changed' | 'added' | 'removed';
}

export const compareDigests = (before: Record<string, string>, after: Record<string, string>): DriftChange[] => {
  const out: DriftChange[] = [];
  for (const [k, v] of Object.entries(before)) {
    if (!(k in after)) out.push({ what: k, change: 'removed' });
    else if (after[k] !== v) out.push({ what: k, change: 'changed' });
  }
  for (const k of Object.keys(after)) if (!(k in before)) out.push({ what: k, change: 'added' });
  return out.sort((a, b) => (a.what < b.what ? -1 : a.what > b.what ? 1 : 0));
};
