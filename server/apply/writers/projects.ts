/**
 * Projects, Cloud and Data Center: versions (`PUT /version/{id}`: released, archived, date,
 * description, name; `POST /version` and `POST /version/{id}/move` for new ones), components
 * (`POST /component`, `PUT`/`DELETE /component/{id}`) and the project's name, description and lead
 * (`PUT /project/{key}`). Deleting a version, role actors, scheme assignments and archiving are
 * manual: Understudy has no writer for them yet.
 */
import { asList, asObj, changeLines, minus, movesTo, same } from './common.ts';
import { idOf, type EntityWriter, type RunContext } from './types.ts';
import type { EntityChange } from '../plan/types.ts';

type Obj = Record<string, unknown>;
const versions = (v: unknown): Obj[] => asList<Obj>(asObj(v).versions);
const components = (v: unknown): Obj[] => asList<Obj>(asObj(v).components);
const names = (l: Obj[]): string[] => l.map((x) => String(x.name));
const WRITTEN = ['versions', 'components', 'name', 'description', 'lead'];

const writable = (c: EntityChange): boolean => {
  if (c.from === null || c.to === null || c.rename) return false;
  const rest = (v: unknown) => Object.fromEntries(Object.entries(asObj(v)).filter(([k]) => !WRITTEN.includes(k)));
  return (
    same(rest(c.from), rest(c.to)) &&
    minus(names(versions(c.from)), names(versions(c.to))).length <= (versions(c.from).length === versions(c.to).length ? 1 : 0)
  );
};

export const projectsWriter: EntityWriter = {
  name: 'projects',
  collections: ['projects'],
  plan: (changes) =>
    changes.map((c) =>
      writable(c)
        ? {
            phase: 'migrate' as const,
            class: 'automatic' as const,
            writer: 'projects',
            changes: [c],
            title: `change the project ${c.key}: ${changeLines(c)
              .map((l) => l.replace(/^projects '[^']*'\.?/, ''))
              .join('; ')}`,
          }
        : {
            phase: c.from === null ? ('expand' as const) : c.to === null ? ('contract' as const) : ('migrate' as const),
            class: 'manual' as const,
            writer: 'manual',
            changes: [c],
            instructions: changeLines(c),
            title: `change the project ${c.key} by hand`,
            reason:
              'Understudy has no REST writer for this project change yet (creating, deleting or archiving a project, deleting a version, role actors, scheme assignments): Project settings',
          },
    ),
  run: async (step, rc) => {
    for (const c of step.changes) await converge(rc, c);
  },
};

const converge = async (rc: RunContext, c: EntityChange): Promise<void> => {
  const from = asObj(c.from);
  const to = asObj(c.to);
  const projectId = idOf(rc, 'project', c.key);
  if (from.name !== to.name || (from.description ?? '') !== (to.description ?? '') || from.lead !== to.lead) {
    await rc.send({
      method: 'PUT',
      path: `${rc.api}/project/${c.key}`,
      body: { name: to.name, description: to.description ?? '', ...(rc.dc ? { lead: to.lead } : { leadAccountId: to.lead }) },
    });
  }
  const vb = versions(c.from);
  const vt = versions(c.to);
  const renamed = vb.length === vt.length ? vb.findIndex((v, i) => v.name !== vt[i]!.name) : -1;
  for (const [i, v] of vt.entries()) {
    const was = renamed === i ? vb[i] : vb.find((x) => x.name === v.name);
    const body = {
      name: v.name,
      released: v.released === true,
      archived: v.archived === true,
      description: String(v.description ?? ''),
      ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}),
    };
    if (!was) await rc.send({ method: 'POST', path: `${rc.api}/version`, body: { ...body, projectId: Number(projectId) || projectId } });
    else if (!same(was, v)) await rc.send({ method: 'PUT', path: `${rc.api}/version/${idOf(rc, 'version', `${c.key}|${String(was.name)}`)}`, body });
  }
  if (minus(names(vt), names(vb)).length && renamed < 0) {
    const view = await rc.refresh();
    const now = names(versions(view.normal.entities.projects?.[c.key]));
    for (const [v, after] of movesTo(now, names(vt))) {
      await rc.send({
        method: 'POST',
        path: `${rc.api}/version/${idOf({ view }, 'version', `${c.key}|${v}`)}/move`,
        body: after === undefined ? { position: 'First' } : { after: `${rc.api}/version/${idOf({ view }, 'version', `${c.key}|${after}`)}` },
      });
    }
  }
  const cb = components(c.from);
  for (const comp of components(c.to)) {
    const was = cb.find((x) => x.name === comp.name);
    const body = {
      name: comp.name,
      description: String(comp.description ?? ''),
      ...(comp.lead ? (rc.dc ? { leadUserName: comp.lead } : { leadAccountId: comp.lead }) : {}),
    };
    if (!was) await rc.send({ method: 'POST', path: `${rc.api}/component`, body: { ...body, project: c.key } });
    else if (!same(was, comp))
      await rc.send({ method: 'PUT', path: `${rc.api}/component/${idOf(rc, 'component', `${c.key}|${String(comp.name)}`)}`, body });
  }
  for (const name of minus(names(cb), names(components(c.to))))
    await rc.send({ method: 'DELETE', path: `${rc.api}/component/${idOf(rc, 'component', `${c.key}|${name}`)}` });
};
