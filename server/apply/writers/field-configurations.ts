/**
 * Field configurations on Cloud: required, hidden and description per field
 * (`PUT /fieldconfiguration/{id}/fields`), name and description (`PUT /fieldconfiguration/{id}`).
 * A field no longer listed goes back to optional and visible. Data Center has no REST write for
 * field configurations: manual there.
 */
import { asObj, changeLines, same } from './common.ts';
import { idOf, type EntityWriter } from './types.ts';

type Obj = Record<string, unknown>;
const DC = 'Jira Data Center has no REST API for field configurations: Administration → Issues → Field configurations';
const items = (v: unknown): Record<string, Obj> => asObj(asObj(v).items) as Record<string, Obj>;

export const fieldConfigurationsWriter: EntityWriter = {
  name: 'fieldConfigurations',
  collections: ['fieldConfigurations'],
  plan: (changes, p) =>
    changes.map((c) => {
      if (c.from === null || c.to === null || p.dc) {
        return {
          phase: c.from === null ? ('expand' as const) : c.to === null ? ('contract' as const) : ('migrate' as const),
          class: 'manual' as const,
          writer: 'manual',
          changes: [c],
          instructions: changeLines(c),
          title: `${c.from === null ? 'create' : c.to === null ? 'delete' : 'change'} the field configuration '${c.key}' by hand`,
          reason: p.dc
            ? DC
            : 'Understudy has no REST writer for creating or deleting field configurations yet: Administration → Issues → Field configurations',
        };
      }
      const fields = [...new Set([...Object.keys(items(c.from)), ...Object.keys(items(c.to))])].filter(
        (f) => !same(items(c.from)[f], items(c.to)[f]),
      );
      return {
        phase: 'migrate' as const,
        class: 'automatic' as const,
        writer: 'fieldConfigurations',
        changes: [c],
        title: `set ${fields.map((f) => `'${f}'`).join(', ')} in the field configuration '${c.key}'${fields.length ? '' : ' (name, description)'}`,
      };
    }),
  run: async (step, rc) => {
    for (const c of step.changes) {
      const id = idOf(rc, 'fieldConfiguration', c.key);
      const from = asObj(c.from);
      const to = asObj(c.to);
      if (from.name !== to.name || (from.description ?? '') !== (to.description ?? '')) {
        await rc.send({ method: 'PUT', path: `${rc.api}/fieldconfiguration/${id}`, body: { name: to.name, description: to.description ?? '' } });
      }
      const changed = [...new Set([...Object.keys(items(c.from)), ...Object.keys(items(c.to))])].filter(
        (f) => !same(items(c.from)[f], items(c.to)[f]),
      );
      if (!changed.length) continue;
      await rc.send({
        method: 'PUT',
        path: `${rc.api}/fieldconfiguration/${id}/fields`,
        body: {
          fieldConfigurationItems: changed.map((f) => {
            const it = items(c.to)[f] ?? {};
            return {
              id: idOf(rc, 'field', f),
              isRequired: it.required === true,
              isHidden: it.hidden === true,
              description: String(it.description ?? ''),
            };
          }),
        },
      });
    }
  },
};
