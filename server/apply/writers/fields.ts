/**
 * Options and defaults of custom fields' contexts on Cloud: options added
 * (`POST /field/{f}/context/{c}/option`), changed in place (`PUT …/option`: value, disabled),
 * reordered (`PUT …/option/move`), removed after moving their issues to the replacement
 * (`DELETE …/option/{o}/issue?replaceWith=`, a task) and then deleted (`DELETE …/option/{o}`), and
 * context defaults (`PUT /field/{f}/context/defaultValue`). Everything else about a field (creating
 * one, its contexts' projects and types, its name) is manual here: Understudy has no writer for it
 * yet. Data Center has no REST write for options: manual there.
 */
import { asList, asObj, changeLines, minus, same } from './common.ts';
import { replacementOf } from './resolutions.ts';
import { idOf, type EntityWriter, type RunContext, type StepDraft } from './types.ts';
import type { EntityChange } from '../plan/types.ts';

type Obj = Record<string, unknown>;
const DC =
  'Jira Data Center has no REST API for custom field options and defaults: Administration → Issues → Custom fields → Contexts and default values';

const contexts = (v: unknown): Record<string, Obj> => asObj(asObj(v).contexts) as Record<string, Obj>;
const values = (ctx: Obj | undefined): string[] => asList<Obj>(ctx?.options).map((o) => String(o.value));
const jqlString = (s: string): string => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** Only option lists and defaults differ (same field, same contexts with the same scope). */
const onlyOptions = (from: unknown, to: unknown): boolean => {
  const strip = (v: unknown) => ({
    ...asObj(v),
    contexts: Object.fromEntries(Object.entries(contexts(v)).map(([k, c]) => [k, { projects: c.projects, issueTypes: c.issueTypes }])),
  });
  return same(strip(from), strip(to));
};

export const fieldsWriter: EntityWriter = {
  name: 'fields',
  collections: ['fields'],
  plan: (changes, p) =>
    changes.flatMap((c): StepDraft[] => {
      const removes =
        c.from !== null &&
        c.to !== null &&
        Object.entries(contexts(c.from)).some(([ck, ctx]) => minus(values(ctx), values(contexts(c.to)[ck])).length > 0);
      const manual = (reason: string): StepDraft[] => [
        {
          phase: c.from === null ? 'expand' : c.to === null || removes ? 'contract' : 'migrate',
          class: 'manual',
          writer: 'manual',
          title: `change the field '${c.key}' by hand`,
          changes: [c],
          reason,
          instructions: changeLines(c),
        },
      ];
      if (c.from === null || c.to === null || c.rename || !onlyOptions(c.from, c.to))
        return manual(
          'Understudy has no REST writer for creating, deleting, renaming or re-scoping a field yet: Administration → Issues → Custom fields',
        );
      if (p.dc) return manual(DC);
      const fieldId = p.after.keys.id('field', c.key)!;
      const steps: StepDraft[] = [];
      // Each removed option is its own contract step: its issues are recorded, then moved by Jira.
      let at = c.to as Obj;
      const removals: { ctx: string; value: string }[] = [];
      for (const [ck, ctx] of Object.entries(contexts(c.from)))
        for (const v of minus(values(ctx), values(contexts(c.to)[ck]))) removals.push({ ctx: ck, value: v });
      // The migrate (or expand) step goes from `from` to `to` with the removed options still there.
      const keep = (v: Obj, upto: number): Obj => ({
        ...v,
        contexts: Object.fromEntries(
          Object.entries(contexts(v)).map(([ck, ctx]) => {
            const gone = removals.slice(upto).filter((r) => r.ctx === ck);
            const fromOpts = asList<Obj>(contexts(c.from)[ck]?.options);
            const opts = [...asList<Obj>(ctx.options)];
            for (const r of gone) {
              const at0 = fromOpts.findIndex((o) => o.value === r.value);
              opts.splice(Math.min(at0, opts.length), 0, fromOpts[at0]!);
            }
            return [ck, { ...ctx, options: opts }];
          }),
        ),
      });
      const first = keep(c.to as Obj, 0);
      if (!same(first, c.from)) {
        const adds = Object.entries(contexts(first)).some(([ck, ctx]) => minus(values(ctx), values(contexts(c.from)[ck])).length > 0);
        const onlyAdds =
          adds &&
          same(keep(c.from as Obj, 0), c.from) &&
          Object.entries(contexts(c.from)).every(([ck, ctx]) =>
            same(
              asList(ctx.options),
              asList<Obj>(contexts(first)[ck]?.options).filter((o) => values(ctx).includes(String(o.value))),
            ),
          );
        steps.push({
          phase: onlyAdds ? 'expand' : 'migrate',
          class: 'automatic',
          writer: 'fields',
          field: fieldId,
          title: `change the options of '${c.key}'`,
          changes: [{ collection: 'fields', key: c.key, from: c.from, to: first }],
        });
      }
      at = first;
      removals.forEach((r, i) => {
        const next = keep(c.to as Obj, i + 1);
        const replaceWith = replacementOf(
          p,
          fieldId,
          r.value,
          (id) => p.before.keys.key('option', id),
          'removeOption',
          (a) => [a.option, a.replaceWith],
        );
        steps.push({
          phase: 'contract',
          class: 'automatic-record',
          writer: 'fields',
          field: fieldId,
          changes: [{ collection: 'fields', key: c.key, from: at, to: next }],
          title: `remove the option '${r.value}' of '${c.key}'${replaceWith ? `, moving its issues to '${replaceWith}'` : ''}`,
          ...(replaceWith ? { replaceWith } : {}),
          issues: {
            fields: { [c.key]: fieldId },
            fieldKeys: [c.key],
            jql: `cf[${fieldId.replace(/^customfield_/, '')}] = ${jqlString(r.value)}`,
            byJira: true,
            from: r.value,
          },
        });
        at = next;
      });
      return steps;
    }),
  run: async (step, rc) => {
    for (const c of step.changes) await converge(rc, step.field!, c, step.replaceWith);
  },
};

const optionId = (rc: RunContext, fieldKey: string, ctxKey: string, value: string): string => idOf(rc, 'option', `${fieldKey}|${ctxKey}|${value}`);

/** Takes each context of the field from `from` to `to`. */
const converge = async (rc: RunContext, fieldId: string, c: EntityChange, replaceWith: string | undefined): Promise<void> => {
  for (const [ck, target] of Object.entries(contexts(c.to))) {
    const was = contexts(c.from)[ck] ?? {};
    const ctxId = idOf(rc, 'context', `${c.key}|${ck}`);
    const base = `${rc.api}/field/${fieldId}/context/${ctxId}/option`;
    const now = values(was);
    const want = values(target);
    const wantOpts = asList<Obj>(target.options);
    if (now.length === want.length && minus(now, want).length === 1) {
      // One value changed in place: a rename keeps the option (and its issues).
      const i = now.findIndex((v, n) => v !== want[n]);
      await rc.send({
        method: 'PUT',
        path: base,
        body: { options: [{ id: optionId(rc, c.key, ck, now[i]!), value: want[i], disabled: wantOpts[i]?.disabled === true }] },
      });
    } else {
      const added = wantOpts.filter((o) => !now.includes(String(o.value)));
      if (added.length)
        await rc.send({ method: 'POST', path: base, body: { options: added.map((o) => ({ value: o.value, disabled: o.disabled === true })) } });
      for (const v of minus(now, want)) {
        const id = optionId(rc, c.key, ck, v);
        if (replaceWith)
          await rc.send({ method: 'DELETE', path: `${base}/${id}/issue`, query: { replaceWith: optionId(rc, c.key, ck, replaceWith) } });
        await rc.send({ method: 'DELETE', path: `${base}/${id}` });
      }
    }
    const view = await rc.refresh();
    const current = asObj(asObj(view.normal.entities.fields?.[c.key]).contexts)[ck] as Obj | undefined;
    const flags = wantOpts.filter((o) =>
      asList<Obj>(current?.options).some((x) => x.value === o.value && (x.disabled === true) !== (o.disabled === true)),
    );
    if (flags.length)
      await rc.send({
        method: 'PUT',
        path: base,
        body: { options: flags.map((o) => ({ id: optionId(rc, c.key, ck, String(o.value)), value: o.value, disabled: o.disabled === true })) },
      });
    if (!same(values(current), want) && want.length)
      await rc.send({
        method: 'PUT',
        path: `${base}/move`,
        body: { customFieldOptionIds: want.map((v) => optionId(rc, c.key, ck, v)), position: 'First' },
      });
    if (!same(was.default, target.default)) await setDefault(rc, fieldId, ctxId, c.key, ck, target.default);
  }
};

const setDefault = async (rc: RunContext, fieldId: string, ctxId: string, fieldKey: string, ctxKey: string, value: unknown): Promise<void> => {
  const ids = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => optionId(rc, fieldKey, ctxKey, String(v)));
  const body = Array.isArray(value)
    ? { contextId: ctxId, type: 'option.multiple', optionIds: ids }
    : { contextId: ctxId, type: 'option.single', ...(ids[0] ? { optionId: ids[0] } : {}) };
  await rc.send({ method: 'PUT', path: `${rc.api}/field/${fieldId}/context/defaultValue`, body: { defaultValues: [body] } });
};
