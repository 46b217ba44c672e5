/**
 * Generated: the permission matrix personas × projects × (browse, create, edit, transition,
 * comment, administer), asked through REST (`mypermissions`) as each persona.
 */
import { eachPhase, test } from '../phases.ts';
import type { Observation } from '../../result.ts';
import { inRehearsal, record, SandboxClient, suitePlan, suiteUrl } from '../client.ts';
import { inParallel } from '../in-parallel.ts';
import { MATRIX_PERMISSIONS, PERMISSION_WORDS } from '../permission-words.ts';

const plan = inRehearsal() ? suitePlan() : undefined;

eachPhase((phase) => {
  for (const project of plan?.projects ?? []) {
    test(`permissions: ${project.name} (${project.key})`, async () => {
      const api = new SandboxClient(suiteUrl(), phase);
      const perPersona = await inParallel(
        plan!.personas,
        async (p): Promise<Observation[]> => {
          const res = await api.call(
            p.email,
            'GET',
            `/rest/api/2/mypermissions?projectKey=${encodeURIComponent(project.key)}&permissions=${MATRIX_PERMISSIONS.join(',')}`,
          );
          return MATRIX_PERMISSIONS.map((perm) => ({
            check: 'permissions',
            id: `permissions|${project.key}|${p.email}|${perm}`,
            label: `${p.displayName} may ${PERMISSION_WORDS[perm]} ${project.name} (${project.key})`,
            keys: { project: [project.key, project.name], persona: [p.email, p.displayName, p.accountId], permission: [perm] },
            value: res.status === 200 ? res.body.permissions?.[perm]?.havePermission === true : false,
          }));
        },
        { limit: 6 },
      );
      const obs = perPersona.flat();
      record(obs, phase);
    });
  }
});
