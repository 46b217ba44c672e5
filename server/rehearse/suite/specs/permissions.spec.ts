/**
 * Generated: the permission matrix personas × projects × (browse, create, edit, transition,
 * comment, administer), asked through REST (`mypermissions`) as each persona.
 */
import { test } from '@playwright/test';
import type { Observation } from '../../result.ts';
import { inRehearsal, record, SandboxClient, suitePlan } from '../client.ts';
import { MATRIX_PERMISSIONS, PERMISSION_WORDS } from '../permission-words.ts';

const plan = inRehearsal() ? suitePlan() : undefined;

for (const project of plan?.projects ?? []) {
  test(`permissions: ${project.name} (${project.key})`, async () => {
    const api = new SandboxClient();
    const obs: Observation[] = [];
    for (const p of plan!.personas) {
      const res = await api.call(
        p.email,
        'GET',
        `/rest/api/2/mypermissions?projectKey=${encodeURIComponent(project.key)}&permissions=${MATRIX_PERMISSIONS.join(',')}`,
      );
      for (const perm of MATRIX_PERMISSIONS) {
        const have = res.status === 200 ? res.body.permissions?.[perm]?.havePermission === true : false;
        obs.push({
          check: 'permissions',
          id: `permissions|${project.key}|${p.email}|${perm}`,
          label: `${p.displayName} may ${PERMISSION_WORDS[perm]} ${project.name} (${project.key})`,
          keys: { project: [project.key, project.name], persona: [p.email, p.displayName, p.accountId], permission: [perm] },
          value: have,
        });
      }
    }
    record(obs);
  });
}
