/**
 * Permission schemes: grants added (`POST /permissionscheme/{id}/permission`) in the expand phase,
 * removed (`DELETE …/permission/{grantId}`) in the contract phase, name and description
 * (`PUT /permissionscheme/{id}`, without `permissions`, which would replace every grant). Data
 * Center has the same resource under /rest/api/2.
 */
import type { EntityChange } from '../plan/types.ts';
import { asList, asObj, minus, phaseOf, same } from './common.ts';
import { idOf, type EntityWriter, type RunContext, type StepDraft } from './types.ts';

const HOLDER_TYPE: Record<string, string> = { loggedIn: 'applicationRole' };

/** `BROWSE_PROJECTS:group:developers` → permission and holder, as normalised by the normaliser. */
const parseGrant = (g: string): { permission: string; type: string; value?: string } => {
  const [permission, type, ...rest] = g.split(':');
  return { permission: permission!, type: type!, ...(rest.length ? { value: rest.join(':') } : {}) };
};

const holderJson = (rc: RunContext, type: string, value: string | undefined): Record<string, unknown> => {
  const t = HOLDER_TYPE[type] ?? type;
  if (value === undefined) return { type: t };
  const id = type === 'group' ? (rc.dc ? value : idOf(rc, 'group', value)) : type === 'projectRole' ? idOf(rc, 'role', value) : value;
  return rc.dc ? { type: t, parameter: id } : { type: t, value: id };
};

const grants = (v: unknown): string[] => asList<string>(asObj(v).grants);

export const permissionSchemesWriter: EntityWriter = {
  name: 'permissionSchemes',
  collections: ['permissionSchemes'],
  plan: (changes) =>
    changes.flatMap((c): StepDraft[] => {
      const base = { writer: 'permissionSchemes', class: 'automatic' as const };
      if (c.from === null || c.to === null) {
        return [{ ...base, phase: phaseOf(c), changes: [c], title: `${c.from === null ? 'create' : 'delete'} the permission scheme '${c.key}'` }];
      }
      const added = minus(grants(c.to), grants(c.from));
      const removed = minus(grants(c.from), grants(c.to));
      const steps: StepDraft[] = [];
      let at: unknown = c.from;
      let key = c.key;
      const stage = (phase: StepDraft['phase'], title: string, next: unknown, rename?: string) => {
        const change: EntityChange = { collection: c.collection, key, ...(rename ? { rename } : {}), from: at, to: next };
        steps.push({ ...base, phase, title, changes: [change] });
        at = next;
        if (rename) key = rename;
      };
      if (added.length)
        stage('expand', `grant ${added.map(describeGrant).join(', ')} in '${c.key}'`, { ...asObj(at), grants: [...grants(at), ...added].sort() });
      const { grants: _g, ...restTo } = asObj(c.to);
      const { grants: g1, ...restAt } = asObj(at);
      if (!same(restTo, restAt)) stage('migrate', `rename or describe the permission scheme '${c.key}'`, { ...restTo, grants: g1 }, c.rename);
      if (removed.length) stage('contract', `revoke ${removed.map(describeGrant).join(', ')} in '${c.rename ?? c.key}'`, c.to);
      return steps;
    }),
  run: async (step, rc) => {
    for (const c of step.changes) {
      const to = asObj(c.to);
      if (c.from === null) {
        const made = await rc.send({
          method: 'POST',
          path: `${rc.api}/permissionscheme`,
          body: {
            name: to.name,
            description: to.description ?? '',
            permissions: grants(to).map((g) => {
              const p = parseGrant(g);
              return { permission: p.permission, holder: holderJson(rc, p.type, p.value) };
            }),
          },
        });
        void made;
        continue;
      }
      const id = idOf(rc, 'permissionScheme', c.key);
      if (c.to === null) {
        await rc.send({ method: 'DELETE', path: `${rc.api}/permissionscheme/${id}` });
        continue;
      }
      const from = asObj(c.from);
      if (from.name !== to.name || (from.description ?? '') !== (to.description ?? '')) {
        await rc.send({ method: 'PUT', path: `${rc.api}/permissionscheme/${id}`, body: { name: to.name, description: to.description ?? '' } });
      }
      for (const g of minus(grants(to), grants(from))) {
        const p = parseGrant(g);
        await rc.send({
          method: 'POST',
          path: `${rc.api}/permissionscheme/${id}/permission`,
          body: { permission: p.permission, holder: holderJson(rc, p.type, p.value) },
        });
      }
      for (const g of minus(grants(from), grants(to))) {
        const grantId = idOf(rc, 'grant', `${c.key}|${g}`);
        await rc.send({ method: 'DELETE', path: `${rc.api}/permissionscheme/${id}/permission/${grantId}` });
      }
    }
  },
};

const describeGrant = (g: string): string => {
  const p = parseGrant(g);
  return `${p.permission} to ${p.value ? `${p.type} '${p.value}'` : p.type}`;
};
