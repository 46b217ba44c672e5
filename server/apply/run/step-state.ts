/**
 * Where production is, for one step, keyed by content: at the step's result (skip it), at its
 * start (run it), or elsewhere (production changed behind apply's back: stop and say what). And
 * the read-back after a step: its entities as planned, and the issues it wrote with the values
 * planned for them, issue by issue.
 */
import type { Json } from '../normalise/entities.ts';
import { findIssues, normalisedValue, typeOfField } from '../production/issues.ts';
import type { View } from '../production/read.ts';
import { keyAfter, ORDER_KEY, type EntityChange, type IssueValues, type Step } from '../plan/types.ts';
import { same } from '../writers/common.ts';
import type { Reader } from '../outside.ts';

const at = (view: View, collection: string, key: string): Json | null =>
  key === ORDER_KEY ? (view.normal.order[collection] ?? null) : (view.normal.entities[collection]?.[key] ?? null);

/** The step's entities as production has them now, by `collection/key`. */
export const currentOf = (step: Step, view: View): Record<string, Json | null> =>
  Object.fromEntries(
    step.changes.flatMap((c) => [
      [`${c.collection}/${c.key}`, at(view, c.collection, c.key)],
      ...(c.rename ? [[`${c.collection}/${c.rename}`, at(view, c.collection, c.rename)]] : []),
    ]),
  );

const isAtStart = (c: EntityChange, view: View): boolean =>
  same(at(view, c.collection, c.key), c.from) && (!c.rename || at(view, c.collection, c.rename) === null);
const isAtEnd = (c: EntityChange, view: View): boolean =>
  same(at(view, c.collection, keyAfter(c)), c.to) && (!c.rename || at(view, c.collection, c.key) === null);

export type Where = { at: 'start' } | { at: 'end' } | { at: 'elsewhere'; what: string[]; entities: string[] };

export const whereIs = (step: Step, view: View): Where => {
  if (!step.changes.length) return { at: 'start' };
  if (step.changes.every((c) => isAtEnd(c, view))) return { at: 'end' };
  if (step.changes.every((c) => isAtStart(c, view))) return { at: 'start' };
  const off = step.changes.filter((c) => !isAtStart(c, view));
  return { at: 'elsewhere', what: off.map((c) => describeDrift(c, view)), entities: off.map((c) => `${c.collection}/${c.key}`) };
};

const describeDrift = (c: EntityChange, view: View): string => {
  const now = at(view, c.collection, c.key);
  const name = `${c.collection} '${c.key}'${c.key === ORDER_KEY ? ' (their order)' : ''}`;
  if (now === null && c.from !== null) return `${name} is gone`;
  if (now !== null && c.from === null) return `${name} exists already, and not as the step would make it`;
  return `${name} is not as it was when the plan was made`;
};

/** What the issues must hold after the step: its recorded issues with the planned values. */
export const expectedIssues = (step: Step, record: IssueValues[] | undefined): IssueValues[] => {
  const edit = step.issues;
  if (!edit) return [];
  if (edit.restore) return edit.restore;
  const k = edit.fieldKeys[0]!;
  const value = edit.byJira ? (step.replaceWith ?? null) : (edit.set?.[k] ?? null);
  return (record ?? []).map((r) => ({ key: r.key, values: { ...r.values, [k]: value as never } }));
};

/** Differences between production after a step and what the step planned: none means read back as planned. */
export const readBack = async (step: Step, view: View, reader: Reader, dc: boolean, record: IssueValues[] | undefined): Promise<string[]> => {
  const out: string[] = [];
  for (const c of step.changes) if (!isAtEnd(c, view)) out.push(`${c.collection} '${keyAfter(c)}' is not as planned`);
  const want = expectedIssues(step, record);
  if (want.length) {
    const edit = step.issues!;
    const found = await findIssues(
      reader,
      dc,
      { keys: want.map((w) => w.key) },
      edit.fieldKeys.map((k) => edit.fields[k]!),
    );
    const byKey = new Map(found.map((f) => [f.key, f]));
    const wrong: string[] = [];
    for (const w of want) {
      const f = byKey.get(w.key);
      if (!f) {
        wrong.push(`${w.key} is missing`);
        continue;
      }
      for (const k of edit.fieldKeys) {
        const id = edit.fields[k]!;
        const v = normalisedValue(f.fields[id], typeOfField(view.config, id), view.keys);
        if (!same(v, w.values[k] ?? null)) wrong.push(`${w.key} ${k}: ${JSON.stringify(v)} (planned ${JSON.stringify(w.values[k] ?? null)})`);
      }
    }
    if (wrong.length)
      out.push(
        `${wrong.length} of ${want.length} issues do not hold the planned values: ${wrong.slice(0, 5).join('; ')}${wrong.length > 5 ? '; …' : ''}`,
      );
  }
  return out;
};
