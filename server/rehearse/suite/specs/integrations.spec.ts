/**
 * Generated: every recorded integration in the snapshot's `integrations/` replayed through REST as
 * its persona, request by request, on its own fork: each request's status and errors, the
 * attachments, worklogs, links and watchers of the issues it works on, and the notifications the
 * integration's requests send.
 */
import { eachPhase, test } from '../phases.ts';
import type { Observation } from '../../result.ts';
import { activityObservations } from '../activity-observations.ts';
import { errorsOf, inRehearsal, notificationObservations, record, SandboxClient, suitePlan, suiteUrl } from '../client.ts';

const plan = inRehearsal() ? suitePlan() : undefined;

eachPhase((phase) => {
  for (const integration of plan?.integrations ?? []) {
    test(`integration: ${integration.name}`, async () => {
      const api = new SandboxClient(suiteUrl(), phase);
      const obs: Observation[] = [];
      const fork = await api.fork();
      try {
        let n = 0;
        for (const req of integration.requests) {
          n++;
          const res = req.attachment
            ? await api.upload(integration.as, req.path, req.attachment, fork)
            : await api.call(integration.as, req.method, req.path, req.body, fork);
          const ok = res.status >= 200 && res.status < 300;
          obs.push({
            check: 'integrations',
            id: `integrations|${integration.file}|${n}`,
            label: `${integration.name} request ${n}: ${req.method} ${req.path}`,
            keys: { integration: [integration.name, integration.file], request: [String(n)] },
            value: { status: res.status, ...(ok ? {} : errorsOf(res.body)) },
          });
        }
        obs.push(...(await activityObservations(api, integration, fork)));
        obs.push(...notificationObservations(`${integration.name} replays its requests`, '', await api.outbox(fork)));
      } finally {
        await api.drop(fork);
      }
      record(obs, phase);
    });
  }
});
