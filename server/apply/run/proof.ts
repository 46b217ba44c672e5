/**
 * The proof that production is back (or where the change left it): its configuration read again
 * through the clone's adapter, normalised, hashed and compared with the expected state; and every
 * issue value the change overwrote checked issue by issue against the record taken before it.
 */
import { describeChange, normalChanges, normalHash, type NormalConfig } from '../normalise/index.ts';
import { findIssues, normalisedValue, typeOfField } from '../production/issues.ts';
import type { IssueEdit, IssueValues } from '../plan/types.ts';
import { same } from '../writers/common.ts';
import { refresh, type Exec } from './executor.ts';

export interface Proof {
  ok: boolean;
  configOk: boolean;
  issuesChecked: number;
  issuesWrong: number;
  lines: string[];
}

/** What no read of production can show, said with every proof. */
export const PROOF_LIMITS = [
  'the proof covers the configuration as the clone adapter reads it (every entity it converts, with ids Jira re-assigns replaced by content keys, and without vendor detail in `ext`) and the values of the fields the change overwrote, issue by issue',
  'it cannot cover: the issue history (Jira keeps a changelog entry for each value changed and put back), issues\' "updated" times, e-mails and notifications Jira sent, audit log records, the ids of re-created entities (normalised away), and what the adapter does not read (see the clone\'s "What is not copied")',
];

export interface IssueExpectation {
  edit: IssueEdit;
  values: IssueValues[];
}

/** The configuration without the named entities (`collection/key`): what others changed behind apply's back. */
const without = (n: NormalConfig, entities: readonly string[]): NormalConfig => {
  if (!entities.length) return n;
  const out: NormalConfig = { entities: { ...n.entities }, order: { ...n.order } };
  for (const e of entities) {
    const [collection, ...rest] = e.split('/');
    const key = rest.join('/');
    out.entities[collection!] = Object.fromEntries(Object.entries(out.entities[collection!] ?? {}).filter(([k]) => k !== key));
  }
  return out;
};

export const prove = async (
  x: Exec,
  target: NormalConfig,
  issues: readonly IssueExpectation[],
  what: string,
  drifted: readonly string[] = [],
): Promise<Proof> => {
  const view = await refresh(x);
  const now = normalHash(without(view.normal, drifted));
  const want = normalHash(without(target, drifted));
  const configOk = now === want;
  const lines = [
    `configuration ${what}: ${now} ${configOk ? '==' : '!='} ${want} (normalised${drifted.length ? `, leaving out what was changed behind apply's back: ${drifted.join(', ')}` : ''})`,
  ];
  if (!configOk)
    for (const c of normalChanges(without(target, drifted), without(view.normal, drifted)).slice(0, 20))
      lines.push(`  differs: ${describeChange(c)}`);
  let checked = 0;
  let wrong = 0;
  for (const { edit, values } of issues) {
    if (!values.length) continue;
    const found = await findIssues(
      x.prod.reader,
      x.prod.dc,
      { keys: values.map((v) => v.key) },
      edit.fieldKeys.map((k) => edit.fields[k]!),
    );
    const byKey = new Map(found.map((f) => [f.key, f]));
    for (const v of values) {
      checked++;
      const f = byKey.get(v.key);
      const ok =
        f !== undefined &&
        edit.fieldKeys.every((k) =>
          same(normalisedValue(f.fields[edit.fields[k]!], typeOfField(view.config, edit.fields[k]!), view.keys), v.values[k] ?? null),
        );
      if (!ok) {
        wrong++;
        if (wrong <= 10) lines.push(`  issue ${v.key}: ${edit.fieldKeys.join(', ')} not as recorded`);
      }
    }
  }
  if (checked) lines.push(`issue values: ${checked - wrong} of ${checked} as recorded, checked issue by issue`);
  return { ok: configOk && wrong === 0, configOk, issuesChecked: checked, issuesWrong: wrong, lines };
};
