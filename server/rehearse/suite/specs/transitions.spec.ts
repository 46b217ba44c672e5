/**
 * Generated, per workflow: the transitions a sample of personas sees on sample issues (one per
 * status), and every transition walked by a persona who could take it at baseline — through REST,
 * and a sample through the web UI as well — each on its own fork: where the issue ends up,
 * the errors a form shows, the notifications it sends.
 */
import { eachPhase, test } from '../phases.ts';
import type { Observation } from '../../result.ts';
import { errorsOf, inRehearsal, notificationObservations, record, SandboxClient, suitePlan, suiteUrl } from '../client.ts';
import { fillFields, pageErrors, type UiSession } from '../browser.ts';
import type { WalkStep } from '../plan.ts';
import { inParallel } from '../in-parallel.ts';

const plan = inRehearsal() ? suitePlan() : undefined;

const stateOf = async (api: SandboxClient, as: string, key: string, fork: string) => {
  const res = await api.call(as, 'GET', `/rest/api/2/issue/${key}?fields=status,resolution`, undefined, fork);
  return res.status === 200
    ? { status: res.body.fields.status?.name as string, resolution: (res.body.fields.resolution?.name ?? null) as string | null }
    : { status: `HTTP ${res.status}`, resolution: null };
};

const viaUi = async (ui: UiSession, s: WalkStep, fork: string) => {
  const page = await ui.as(s.persona.accountId, fork);
  {
    await page.goto(`/browse/${s.issueKey}`);
    const button = page.getByRole('button', { name: s.transitionName, exact: true });
    if ((await button.count()) === 0) return { taken: false, messages: [`no "${s.transitionName}" button on ${s.issueKey}`], errors: {} };
    await button.first().click();
    await page.waitForLoadState('domcontentloaded');
    if (page.url().includes('/transition/')) {
      await fillFields(page, s.fields);
      if (s.comment) await page.locator('form [name="comment"]').fill(s.comment);
      await page.getByRole('button', { name: s.transitionName, exact: true }).first().click();
      await page.waitForLoadState('domcontentloaded');
    }
    const taken = new RegExp(`/browse/${s.issueKey}$`).test(page.url());
    return { taken, ...(taken ? { messages: [], errors: {} } : await pageErrors(page)) };
  }
};

const viaRest = async (api: SandboxClient, s: WalkStep, fork: string) => {
  const listed = await api.call(s.persona.email, 'GET', `/rest/api/2/issue/${s.issueKey}/transitions`, undefined, fork);
  const t = ((listed.body?.transitions ?? []) as any[]).find((x) => x.name === s.transitionName);
  if (!t) return { taken: false, messages: [`"${s.transitionName}" is not offered to ${s.persona.displayName} on ${s.issueKey}`], errors: {} };
  const fields: Record<string, unknown> = {};
  for (const f of s.fields) fields[f.fieldId] = f.rest;
  const body = {
    transition: { id: t.id },
    ...(s.fields.length ? { fields } : {}),
    ...(s.comment ? { update: { comment: [{ add: { body: s.comment } }] } } : {}),
  };
  const res = await api.call(s.persona.email, 'POST', `/rest/api/2/issue/${s.issueKey}/transitions`, body, fork);
  return { taken: res.status === 204, ...(res.status === 204 ? { messages: [], errors: {} } : errorsOf(res.body)) };
};

eachPhase((phase) => {
  const workflows = [...new Set([...(plan?.walks ?? []).map((w) => w.workflow)])];
  for (const wf of workflows) {
    test(`transitions: ${wf}`, async ({ ui }) => {
      const api = new SandboxClient(suiteUrl(), phase);
      // Every transition through REST; the sample through the web UI as well, each on its own fork
      // (the REST walks at once, the browser's one page one walk at a time beside them).
      const runs = plan!.walks.filter((w) => w.workflow === wf).flatMap((s) => [{ s, browser: false }, ...(s.ui ? [{ s, browser: true }] : [])]);
      const walked = await inParallel(
        runs,
        async ({ s, browser }): Promise<Observation[]> => {
          const fork = await api.fork();
          try {
            const r = browser ? await viaUi(ui, s, fork) : await viaRest(api, s, fork);
            const after = await stateOf(api, s.persona.email, s.issueKey, fork);
            return [
              {
                check: 'transitions',
                id: `transitions|walk${browser ? '-ui' : ''}|${s.id}`,
                label: `${s.persona.displayName} takes "${s.transitionName}" on ${s.issueKey} (${s.issueTypeName} in ${s.project}, from ${s.fromStatus}) through ${browser ? 'the web UI' : 'REST'}`,
                keys: {
                  project: [s.project],
                  issueType: [s.issueTypeName],
                  persona: [s.persona.email, s.persona.displayName, s.persona.accountId],
                  issue: [s.issueKey],
                  transition: [s.transitionName, s.transitionId],
                  status: [s.fromStatus, s.toStatus],
                  workflow: [s.workflow],
                },
                value: {
                  taken: r.taken,
                  status: after.status,
                  resolution: after.resolution,
                  ...(r.taken ? {} : { messages: r.messages, errors: r.errors }),
                },
              },
              ...notificationObservations(
                `${s.persona.displayName} takes "${s.transitionName}" on ${s.issueKey}${browser ? ' in the web UI' : ''}`,
                s.project,
                await api.outbox(fork),
              ),
            ];
          } finally {
            await api.drop(fork);
          }
        },
        { oneAtATime: (r) => r.browser },
      );
      const obs = walked.flat();
      record(obs, phase);
    });
  }

  if (plan?.samples.length) {
    test('transitions each persona sees on sample issues', async () => {
      const api = new SandboxClient(suiteUrl(), phase);
      const asked = plan.samples.flatMap((s) => s.personas.map((p) => ({ s, p })));
      const obs = await inParallel(
        asked,
        async ({ s, p }): Promise<Observation> => {
          const res = await api.call(p.email, 'GET', `/rest/api/2/issue/${s.issueKey}/transitions`);
          const names = res.status === 200 ? ((res.body.transitions ?? []) as any[]).map((t) => `${t.name} → ${t.to?.name}`) : [`HTTP ${res.status}`];
          return {
            check: 'transitions',
            id: `transitions|sees|${s.issueKey}|${p.email}`,
            label: `the transitions ${p.displayName} sees on ${s.issueKey} (${s.issueTypeName} in ${s.project}, ${s.status})`,
            keys: {
              project: [s.project],
              issueType: [s.issueTypeName],
              persona: [p.email, p.displayName, p.accountId],
              issue: [s.issueKey],
              status: [s.status],
            },
            value: names,
          };
        },
        { limit: 6 },
      );
      record(obs, phase);
    });
  }
});
