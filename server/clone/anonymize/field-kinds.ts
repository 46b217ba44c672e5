/** Which fields hold people and which hold free text, from the configuration. */
import type { Config, FieldRef } from '../../model/index.ts';

export interface FieldKinds {
  /** Field id or changelog field name (any case) → holds account ids. */
  isUserField(idOrName: string): boolean;
  /** Custom field id → holds free text (text, paragraph, url). */
  isTextField(id: string): boolean;
  /** JQL field reference → holds account ids. */
  isUserRef(ref: FieldRef): boolean;
  /** Patterns a text field's value must match (workflow `fieldMatches` validators). */
  patternsOf(id: string): RegExp[];
}

const USER_SYSTEM = new Set(['assignee', 'reporter', 'creator', 'watcher', 'watchers', 'voter', 'voters']);
/** Free text system fields, as changelog items name them. */
export const TEXT_SYSTEM = new Set(['summary', 'description', 'environment']);

export const fieldKinds = (config: Config): FieldKinds => {
  const user = new Set<string>(USER_SYSTEM);
  const text = new Set<string>();
  const cf = new Map<string, string>();
  for (const f of config.fields) {
    if (f.type === 'user' || f.type === 'multi-user') {
      user.add(f.id.toLowerCase());
      user.add(f.name.trim().toLowerCase());
    }
    if (f.custom && (f.type === 'text' || f.type === 'paragraph' || f.type === 'url')) text.add(f.id);
    const n = /^customfield_(\d+)$/.exec(f.id)?.[1];
    if (f.custom) for (const ref of [f.id, n, ...Object.values(f.refs ?? {}).map(String)]) if (ref) cf.set(ref.replace(/^customfield_/, ''), f.id);
  }
  const patterns = new Map<string, RegExp[]>();
  for (const w of config.workflows)
    for (const t of w.transitions)
      for (const v of t.rules.validators) {
        if (v.type !== 'fieldMatches') continue;
        try {
          patterns.set(v.field, [...(patterns.get(v.field) ?? []), new RegExp(v.pattern, 'u')]);
        } catch {
          /* an invalid pattern is the validator's problem, not ours */
        }
      }
  const isUserField = (idOrName: string) => user.has(idOrName.trim().toLowerCase());
  return {
    isUserField,
    isTextField: (id) => text.has(id),
    isUserRef: (ref) => (ref.kind === 'cf' ? isUserField(cf.get(ref.id) ?? '') : isUserField(ref.name)),
    patternsOf: (id) => patterns.get(id) ?? [],
  };
};
