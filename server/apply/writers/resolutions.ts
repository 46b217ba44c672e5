/**
 * Resolutions (Cloud: `POST /resolution`, `PUT /resolution/{id}`, `PUT /resolution/move`,
 * `DELETE /resolution/{id}?replaceWith=` as an asynchronous task that moves every issue to the
 * replacement). The delete is recorded first: which issues had the resolution, so a backout can put
 * it back on them. Data Center has no REST write for resolutions: manual there.
 */
import { ORDER_KEY, type EntityChange } from '../plan/types.ts';
import { asList, asObj, classified, phaseOf } from './common.ts';
import { idOf, type EntityWriter, type PlanContext, type RunContext, type StepDraft } from './types.ts';

const DC = 'Jira Data Center has no REST API to create, change or delete resolutions: Administration → Issues → Resolutions';

/** The resolution issues move to when one is deleted: from the rehearsal's issue changes, else the operation's `mapTo`. */
export const replacementOf = (
  p: PlanContext,
  field: string,
  removedKey: string,
  keyOf: (id: string) => string,
  opKind: string,
  argOf: (a: Record<string, unknown>) => [unknown, unknown],
): string | undefined => {
  for (const c of p.migration.issueChanges) {
    if (c.field !== field || typeof c.from !== 'string' || keyOf(c.from) !== removedKey || typeof c.to !== 'string') continue;
    return p.after.keys.key(field === 'resolution' ? 'resolution' : 'option', c.to);
  }
  for (const op of p.migration.ops ?? []) {
    if (op.kind !== opKind) continue;
    const [removed, replacement] = argOf(asObj(op.args));
    if (removed === removedKey && typeof replacement === 'string') return replacement;
  }
  return undefined;
};

const jqlString = (s: string): string => `"${s.replace(/["\\]/g, '\\$&')}"`;

export const resolutionsWriter: EntityWriter = {
  name: 'resolutions',
  collections: ['resolutions'],
  plan: (changes, p) => {
    const order = changes.find((c) => c.key === ORDER_KEY);
    const entities = changes.filter((c) => c.key !== ORDER_KEY);
    const steps: StepDraft[] = entities.map((c): StepDraft => {
      const base = { phase: phaseOf(c), writer: 'resolutions', ...classified(p.dc, DC) };
      // The order moves with the entity that was added or removed; a reordering alone is its own step below.
      const withOrder: EntityChange[] = order && (c.from === null || c.to === null) ? [c, order] : [c];
      if (c.to === null) {
        const replaceWith = replacementOf(
          p,
          'resolution',
          c.key,
          (id) => p.before.keys.key('resolution', id),
          'removeResolution',
          (a) => [a.resolution, a.mapTo],
        );
        if (!replaceWith)
          return {
            ...base,
            class: 'manual',
            title: `delete the resolution '${c.key}'`,
            changes: withOrder,
            reason: 'Jira deletes a resolution only with a replacement for the issues that have it, and the rehearsal names none',
          };
        return {
          ...base,
          class: base.class === 'automatic' ? 'automatic-record' : base.class,
          title: `delete the resolution '${c.key}', moving its issues to '${replaceWith}'`,
          changes: withOrder,
          replaceWith,
          issues: {
            fields: { resolution: 'resolution' },
            fieldKeys: ['resolution'],
            jql: `resolution = ${jqlString(c.key)}`,
            byJira: true,
            from: c.key,
          },
        };
      }
      return {
        ...base,
        title: c.from === null ? `create the resolution '${c.key}'` : `change the resolution '${c.key}'${c.rename ? ` (now '${c.rename}')` : ''}`,
        changes: withOrder,
      };
    });
    if (order && !steps.some((s) => s.changes.includes(order)))
      steps.push({ phase: 'migrate', writer: 'resolutions', ...classified(p.dc, DC), title: 'reorder the resolutions', changes: [order] });
    return steps;
  },
  run: async (step, rc) => {
    for (const c of step.changes) {
      if (c.key === ORDER_KEY) continue;
      const to = asObj(c.to);
      if (c.from === null)
        await rc.send({
          method: 'POST',
          path: `${rc.api}/resolution`,
          body: { name: String(to.name ?? c.key), ...(to.description ? { description: to.description } : {}) },
        });
      else if (c.to === null)
        await rc.send({
          method: 'DELETE',
          path: `${rc.api}/resolution/${idOf(rc, 'resolution', c.key)}`,
          query: { replaceWith: idOf(rc, 'resolution', step.replaceWith!) },
        });
      else
        await rc.send({
          method: 'PUT',
          path: `${rc.api}/resolution/${idOf(rc, 'resolution', c.key)}`,
          body: { name: String(to.name ?? c.rename ?? c.key), description: String(to.description ?? '') },
        });
    }
    const order = step.changes.find((c) => c.key === ORDER_KEY);
    if (order) await moveAll(rc, asList<string>(order.to));
  },
};

/** Puts every resolution in the target order with one move (ids read after the step's creations). */
const moveAll = async (rc: RunContext, keys: string[]): Promise<void> => {
  const view = await rc.refresh();
  const now = view.normal.order.resolutions ?? [];
  if (JSON.stringify(now) === JSON.stringify(keys)) return;
  await rc.send({
    method: 'PUT',
    path: `${rc.api}/resolution/move`,
    body: { ids: keys.map((k) => idOf({ view }, 'resolution', k)), position: 'First' },
  });
};
