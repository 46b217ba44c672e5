/**
 * Statuses (Cloud: `POST/PUT/DELETE /rest/api/3/statuses`, global scope). Data Center has no REST
 * write for statuses: manual there.
 */
import { classified, phaseOf, asObj } from './common.ts';
import { idOf, type EntityWriter } from './types.ts';

const CATEGORY: Record<string, string> = { todo: 'TODO', 'in-progress': 'IN_PROGRESS', done: 'DONE' };
const DC = 'Jira Data Center has no REST API to create, change or delete statuses: Administration → Issues → Statuses';

export const statusesWriter: EntityWriter = {
  name: 'statuses',
  collections: ['statuses'],
  plan: (changes, p) =>
    changes.map((c) => ({
      phase: phaseOf(c),
      writer: 'statuses',
      changes: [c],
      ...classified(p.dc, DC),
      title: c.from === null ? `create the status '${c.key}'` : c.to === null ? `delete the status '${c.key}'` : `change the status '${c.key}'`,
    })),
  run: async (step, rc) => {
    for (const c of step.changes) {
      const to = asObj(c.to);
      const body = {
        name: String(to.name ?? c.key),
        statusCategory: CATEGORY[String(to.category)] ?? 'TODO',
        ...(to.description ? { description: to.description } : {}),
      };
      if (c.from === null) await rc.send({ method: 'POST', path: `${rc.api}/statuses`, body: { scope: { type: 'GLOBAL' }, statuses: [body] } });
      else if (c.to === null) await rc.send({ method: 'DELETE', path: `${rc.api}/statuses`, query: { id: idOf(rc, 'status', c.key) } });
      else await rc.send({ method: 'PUT', path: `${rc.api}/statuses`, body: { statuses: [{ id: idOf(rc, 'status', c.key), ...body }] } });
    }
  },
};
