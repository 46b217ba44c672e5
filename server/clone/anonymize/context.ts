/** What every walker shares: personas, text replacement, field kinds and the report's tallies. */
import type { FieldKinds } from './field-kinds.ts';
import type { PersonaMap } from './personas.ts';
import type { TextAnonymizer } from './text.ts';

export interface Tally {
  references: Record<string, number>;
  untouched: Map<string, { count: number; why: string }>;
  textsReplaced: number;
  jqlRewritten: number;
  jqlUnknown: number;
}

export interface Ctx {
  personas: PersonaMap;
  fields: FieldKinds;
  /** Replaces the people named in configuration text, nothing else. */
  people(s: string): string;
  /** Replaces free text (and counts it); `keep`: lower-case words to leave in this call. */
  text(s: string, keep?: ReadonlySet<string>): string;
  /** Counts an account-id reference at a location, when present. */
  ref(location: string, ids: ReadonlyArray<string | null | undefined> | string | null | undefined): void;
  keep(what: string, why: string, n?: number): void;
  tally: Tally;
}

export const newTally = (): Tally => ({ references: {}, untouched: new Map(), textsReplaced: 0, jqlRewritten: 0, jqlUnknown: 0 });

export const makeCtx = (
  personas: PersonaMap,
  fields: FieldKinds,
  people: (s: string) => string,
  texts: TextAnonymizer | undefined,
  tally: Tally,
): Ctx => ({
  personas,
  fields,
  people,
  tally,
  text: (s, keep) => {
    if (!texts) throw new Error('understudy: free text was anonymised before the search guard was built; this is a bug in server/clone/anonymize');
    const out = texts.text(s, keep);
    if (out !== s) tally.textsReplaced++;
    return out;
  },
  ref: (location, ids) => {
    const list = Array.isArray(ids) ? ids : [ids];
    const n = list.filter((x) => typeof x === 'string' && personas.byAccountId.has(x)).length;
    if (n) tally.references[location] = (tally.references[location] ?? 0) + n;
  },
  keep: (what, why, n = 1) => {
    const e = tally.untouched.get(what);
    if (e) e.count += n;
    else tally.untouched.set(what, { count: n, why });
  },
});
