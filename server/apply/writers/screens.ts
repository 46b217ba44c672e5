/**
 * Fields on screen tabs (`POST /screens/{s}/tabs/{t}/fields`, `DELETE …/fields/{f}`,
 * `POST …/fields/{f}/move`), Cloud and Data Center alike: added fields in the expand phase (placed
 * where the rehearsal put them), removed ones in the contract phase. Tabs themselves (added,
 * removed, renamed) are manual: Understudy has no writer for them yet.
 */
import { asList, asObj, changeLines, minus, movesTo, same, withKept } from './common.ts';
import { idOf, type EntityWriter, type RunContext, type StepDraft } from './types.ts';
import type { EntityChange } from '../plan/types.ts';

type Tab = { name: string; fields: string[] };
const tabs = (v: unknown): Tab[] => asList<Tab>(asObj(v).tabs);

const stage = (from: unknown, to: unknown, keepRemoved: boolean, addNew: boolean): unknown => ({
  ...asObj(to),
  tabs: tabs(to).map((t, i) => {
    const was = tabs(from)[i]?.fields ?? [];
    const removed = minus(was, t.fields);
    const target = addNew ? t.fields : t.fields.filter((f) => was.includes(f));
    return { name: t.name, fields: keepRemoved ? withKept(target, was, removed) : target };
  }),
});

export const screensWriter: EntityWriter = {
  name: 'screens',
  collections: ['screens'],
  plan: (changes) =>
    changes.flatMap((c): StepDraft[] => {
      const sameTabs =
        c.from !== null &&
        c.to !== null &&
        same(
          tabs(c.from).map((t) => t.name),
          tabs(c.to).map((t) => t.name),
        ) &&
        !c.rename &&
        same({ ...asObj(c.from), tabs: null }, { ...asObj(c.to), tabs: null });
      if (!sameTabs)
        return [
          {
            phase: c.from === null ? 'expand' : c.to === null ? 'contract' : 'migrate',
            class: 'manual',
            writer: 'manual',
            title: `change the screen '${c.key}' by hand`,
            changes: [c],
            reason: 'Understudy has no REST writer for creating, deleting or renaming screens and tabs yet: Administration → Issues → Screens',
            instructions: changeLines(c),
          },
        ];
      const steps: StepDraft[] = [];
      let at: unknown = c.from;
      const push = (phase: StepDraft['phase'], title: string, next: unknown) => {
        if (same(at, next)) return;
        steps.push({ phase, class: 'automatic', writer: 'screens', title, changes: [{ collection: 'screens', key: c.key, from: at, to: next }] });
        at = next;
      };
      const added = tabs(c.to).flatMap((t, i) => minus(t.fields, tabs(c.from)[i]?.fields ?? []));
      const removed = tabs(c.from).flatMap((t, i) => minus(t.fields, tabs(c.to)[i]?.fields ?? []));
      const s1 = stage(c.from, c.to, true, true);
      push(
        added.length ? 'expand' : 'migrate',
        added.length ? `add ${added.map((f) => `'${f}'`).join(', ')} to the screen '${c.key}'` : `reorder the fields of the screen '${c.key}'`,
        s1,
      );
      push('contract', `remove ${removed.map((f) => `'${f}'`).join(', ')} from the screen '${c.key}'`, c.to);
      return steps;
    }),
  run: async (step, rc) => {
    for (const c of step.changes) await converge(rc, c);
  },
};

const converge = async (rc: RunContext, c: EntityChange): Promise<void> => {
  const screenId = idOf(rc, 'screen', c.key);
  for (const [i, t] of tabs(c.to).entries()) {
    const tabId = idOf(rc, 'tab', `${c.key}|${t.name}`);
    const base = `${rc.api}/screens/${screenId}/tabs/${tabId}/fields`;
    const was = tabs(c.from)[i]?.fields ?? [];
    for (const f of minus(t.fields, was)) await rc.send({ method: 'POST', path: base, body: { fieldId: idOf(rc, 'field', f) } });
    for (const f of minus(was, t.fields)) await rc.send({ method: 'DELETE', path: `${base}/${encodeURIComponent(idOf(rc, 'field', f))}` });
    const now = [...was.filter((f) => t.fields.includes(f)), ...minus(t.fields, was)];
    for (const [f, after] of movesTo(now, t.fields)) {
      await rc.send({
        method: 'POST',
        path: `${base}/${encodeURIComponent(idOf(rc, 'field', f))}/move`,
        body: after === undefined ? { position: 'First' } : { after: idOf(rc, 'field', after) },
      });
    }
  }
};
