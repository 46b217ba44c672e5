/**
 * Generated: per project × issue type, the create metadata (each field: required, default,
 * allowed values) and an issue created by a persona who could at baseline, filling what the
 * baseline required — through the web UI for a sample, through REST for the rest. A field made
 * required without a default shows up twice: in the metadata, and as a create that now fails.
 */
import { eachPhase, test } from '../phases.ts';
import type { Observation } from '../../result.ts';
import { errorsOf, inRehearsal, notificationObservations, record, SandboxClient, suitePlan, suiteUrl } from '../client.ts';
import { fillFields, pageErrors } from '../browser.ts';
import type { CreateCase } from '../plan.ts';
import { inParallel } from '../in-parallel.ts';

const plan = inRehearsal() ? suitePlan() : undefined;

const metaObservations = (c: CreateCase, status: number, body: any): Observation[] => {
  const base = { project: [c.project, c.projectName], issueType: [c.issueTypeName, c.issueType] };
  const where = `${c.issueTypeName} in ${c.projectName} (${c.project})`;
  if (status !== 200) {
    return [
      {
        check: 'createmeta',
        id: `createmeta|${c.project}|${c.issueTypeName}`,
        label: `${c.persona.displayName} can open the create form of a ${where}`,
        keys: base,
        value: { available: false, status },
      },
    ];
  }
  const out: Observation[] = [
    {
      check: 'createmeta',
      id: `createmeta|${c.project}|${c.issueTypeName}`,
      label: `${c.persona.displayName} can open the create form of a ${where}`,
      keys: base,
      value: { available: true },
    },
  ];
  for (const f of body.fields as any[]) {
    out.push({
      check: 'createmeta',
      id: `createmeta|${c.project}|${c.issueTypeName}|${f.fieldId}`,
      label: `field ${f.name} on the create form of a ${where}`,
      keys: { ...base, field: [f.fieldId, f.name] },
      value: {
        required: f.required,
        hasDefault: f.hasDefaultValue,
        allowed: f.allowedValues ? (f.allowedValues as any[]).map((a) => a.value ?? a.name ?? a.id) : undefined,
      },
    });
  }
  return out;
};

const outcome = (
  c: CreateCase,
  via: string,
  ok: boolean,
  errs: { messages: string[]; errors: Record<string, string> },
  fieldNames: Map<string, string>,
): Observation => ({
  check: 'createmeta',
  id: `createmeta|${c.project}|${c.issueTypeName}|create`,
  label: `${c.persona.displayName} creates a ${c.issueTypeName} in ${c.projectName} (${c.project}) through ${via}, filling what the baseline required`,
  keys: {
    project: [c.project, c.projectName],
    issueType: [c.issueTypeName, c.issueType],
    persona: [c.persona.email, c.persona.displayName],
    field: Object.keys(errs.errors).flatMap((id) => [id, fieldNames.get(id) ?? id]),
  },
  value: ok ? { created: true } : { created: false, ...errs },
});

eachPhase((phase) => {
  for (const project of plan?.projects ?? []) {
    const cases = plan!.creates.filter((c) => c.project === project.key);
    if (!cases.length) continue;
    test(`create: ${project.name} (${project.key})`, async ({ ui }) => {
      const api = new SandboxClient(suiteUrl(), phase);
      // The REST creates at once, the browser's one page one create at a time beside them.
      const created = await inParallel(
        cases,
        async (c): Promise<Observation[]> => {
          const obs: Observation[] = [];
          const meta = await api.call(c.persona.email, 'GET', `/rest/api/2/issue/createmeta/${c.project}/issuetypes/${c.issueType}?maxResults=200`);
          obs.push(...metaObservations(c, meta.status, meta.body));
          const names = new Map<string, string>(((meta.body?.fields ?? []) as any[]).map((f) => [f.fieldId, f.name]));
          const fork = await api.fork();
          try {
            if (c.ui) {
              const page = await ui.as(c.persona.accountId, fork);
              {
                await page.goto(`/secure/CreateIssue?pid=${encodeURIComponent(c.project)}&issuetype=${encodeURIComponent(c.issueType)}`);
                const summary = page.locator('form.issue-form [name="summary"]');
                if ((await summary.count()) === 0) {
                  obs.push(outcome(c, 'the web UI', false, await pageErrors(page), names));
                } else {
                  await summary.fill(c.summary);
                  await fillFields(page, c.fields);
                  await page.getByRole('button', { name: 'Create', exact: true }).click();
                  await page.waitForLoadState('domcontentloaded');
                  const ok = /\/browse\/[A-Z][A-Z0-9_]*-\d+$/.test(page.url());
                  obs.push(outcome(c, 'the web UI', ok, ok ? { messages: [], errors: {} } : await pageErrors(page), names));
                }
              }
            } else {
              const fields: Record<string, unknown> = { project: { key: c.project }, issuetype: { id: c.issueType }, summary: c.summary };
              for (const f of c.fields) fields[f.fieldId] = f.rest;
              const res = await api.call(c.persona.email, 'POST', '/rest/api/2/issue', { fields }, fork);
              obs.push(outcome(c, 'REST', res.status === 201, errorsOf(res.body), names));
            }
            obs.push(
              ...notificationObservations(`${c.persona.displayName} creates a ${c.issueTypeName} in ${c.project}`, c.project, await api.outbox(fork)),
            );
          } finally {
            await api.drop(fork);
          }
          return obs;
        },
        { oneAtATime: (c) => c.ui },
      );
      const obs = created.flat();
      record(obs, phase);
    });
  }
});
