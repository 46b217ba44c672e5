/**
 * Workflows on Cloud, through the current API: the workflow read with its version token
 * (`POST /workflows`), the new definition checked by `POST /workflows/update/validation`, then
 * written by `POST /workflows/update` (a task when Jira makes one). Statuses a workflow gains are
 * created by the statuses writer first. A status the workflow loses is mapped, for every project ×
 * issue type using the workflow, to the status the rehearsal moved its issues to (else the
 * workflow's initial status), as Jira requires. Creating and deleting workflows, and every workflow
 * write on Data Center (its REST API has none), are manual.
 */
import type { ConditionTree, PostFunction, Validator } from '../../model/index.ts';
import { conditionTreeJson, currentConditions, currentRule, postFunctionRule, validatorRule } from '../outside.ts';
import { asList, asObj, changeLines } from './common.ts';
import { WriteRefused } from '../production/writer.ts';
import { modelValue } from '../production/issues.ts';
import { idOf, type EntityWriter, type RunContext } from './types.ts';

type Obj = Record<string, unknown>;
const TYPE: Record<string, string> = { initial: 'INITIAL', global: 'GLOBAL', directed: 'DIRECTED' };
const CATEGORY: Record<string, string> = { todo: 'TODO', 'in-progress': 'IN_PROGRESS', done: 'DONE' };

const manualReason = (dc: boolean, c: { from: unknown; to: unknown }): string | undefined => {
  if (dc) return 'Jira Data Center has no REST API to change workflows: Administration → Issues → Workflows (edit, publish the draft)';
  if (c.from === null || c.to === null)
    return 'Understudy has no REST writer for creating or deleting workflows yet: Administration → Issues → Workflows';
  return undefined;
};

export const workflowsWriter: EntityWriter = {
  name: 'workflows',
  collections: ['workflows'],
  plan: (changes, p) =>
    changes.map((c) => {
      const reason = manualReason(p.dc, c);
      const title = `update the workflow '${c.key}'`;
      return reason
        ? {
            phase: 'migrate' as const,
            class: 'manual' as const,
            writer: 'manual',
            title: `${title} by hand`,
            changes: [c],
            reason,
            instructions: changeLines(c),
          }
        : { phase: 'migrate' as const, class: 'automatic' as const, writer: 'workflows', title, changes: [c] };
    }),
  run: async (step, rc) => {
    for (const c of step.changes) await writeWorkflow(rc, c.key, c.to);
  },
};

/** Validates, then writes, a workflow's new definition (normalised). */
export const writeWorkflow = async (rc: RunContext, key: string, to: unknown): Promise<void> => {
  const payload = await updatePayload(rc, key, asObj(to));
  const check = await rc.send({
    method: 'POST',
    path: `${rc.api}/workflows/update/validation`,
    body: { payload, validationOptions: { levels: ['ERROR'] } },
  });
  const errors = asList<Obj>(asObj(check.body).errors).filter((e) => e.level === undefined || e.level === 'ERROR');
  if (errors.length)
    throw new WriteRefused(`POST ${rc.api}/workflows/update/validation`, 400, errors.map((e) => String(e.message ?? JSON.stringify(e))).join('; '));
  await rc.send({ method: 'POST', path: `${rc.api}/workflows/update`, body: payload });
};

/** Every project × issue type whose issues follow the workflow, with its id: what writers that touch issues through a workflow need. */
export const workflowOf = (rc: Pick<RunContext, 'view'>, projectKey: string, issueTypeId: string): string | undefined => {
  const config = rc.view.config;
  const p = config.projects.find((x) => x.key === projectKey);
  const scheme = p && config.workflowSchemes.find((s) => s.id === p.schemes.workflowScheme);
  if (!scheme) return undefined;
  return scheme.mappings.find((m) => m.issueType === issueTypeId)?.workflow ?? scheme.defaultWorkflow;
};

/** What `--dry-run` asks Jira to check without writing. */
export const validateWorkflow = async (rc: RunContext, key: string, to: unknown): Promise<string[]> => {
  const payload = await updatePayload(rc, key, asObj(to));
  const check = await rc.send({
    method: 'POST',
    path: `${rc.api}/workflows/update/validation`,
    body: { payload, validationOptions: { levels: ['ERROR', 'WARNING'] } },
  });
  return asList<Obj>(asObj(check.body).errors).map((e) => `${String(e.level ?? 'ERROR')}: ${String(e.message ?? JSON.stringify(e))}`);
};

const updatePayload = async (rc: RunContext, key: string, to: Obj): Promise<Obj> => {
  const id = idOf(rc, 'workflow', key);
  const read = asObj(await rc.reader.read({ method: 'POST', path: `${rc.api}/workflows`, body: { workflowIds: [id] } }));
  const current = asList<Obj>(read.workflows)[0];
  if (!current) throw new Error(`production's workflow '${key}' could not be read back by id ${id}`);
  const status = (k: string) => idOf(rc, 'status', k);
  const existing = new Map(asList<Obj>(current.transitions).map((t) => [String(t.name), String(t.id)]));
  let next = Math.max(0, ...asList<Obj>(current.transitions).map((t) => Number(t.id) || 0)) + 1;
  const groupName = (id: string) => rc.view.config.groups.find((g) => g.id === id)?.name;
  const statuses = asList<Obj>(to.statuses).map((s) => String(s.status));
  const layout = Object.fromEntries(
    asList<Obj>(to.statuses)
      .filter((s) => s.layout)
      .map((s) => [String(s.status), s.layout]),
  );
  const transitions = asList<Obj>(to.transitions).map((t) => {
    const tk = String(t.key);
    const rules = denormaliseRules(rc, asObj(t.rules));
    const known = rc.view.keys.id('transition', `${key}|${tk}`) ?? existing.get(String(t.name));
    return {
      id: known ?? String(next++),
      name: t.name,
      description: String(t.description ?? ''),
      type: TYPE[String(t.type)] ?? 'DIRECTED',
      toStatusReference: status(String(t.to)),
      links: asList<string>(t.from).map((f) => ({ fromStatusReference: status(f), fromPort: 0, toPort: 0 })),
      conditions: currentConditions(rules.conditions ? conditionTreeJson(groupName, rules.conditions) : undefined),
      validators: rules.validators.map((v) => currentRule(validatorRule(v))),
      actions: rules.postFunctions.map((p) => currentRule(postFunctionRule(p))),
      ...(t.screen
        ? { transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: idOf(rc, 'screen', String(t.screen)) } } }
        : {}),
      triggers: [],
      properties: {},
    };
  });
  const removed = asList<Obj>(current.statuses)
    .map((s) => String(s.statusReference))
    .filter((sid) => !statuses.some((k) => status(k) === sid));
  const initial = asList<Obj>(to.transitions).find((t) => t.type === 'initial');
  const target = initial ? status(String(initial.to)) : status(statuses[0]!);
  const statusMappings = removed.length
    ? usersOf(rc, id).map(([projectId, issueTypeId]) => ({
        projectId,
        issueTypeId,
        statusMigrations: removed.map((old) => ({ oldStatusReference: old, newStatusReference: target })),
      }))
    : [];
  return {
    statuses: statuses.map((k) => {
      const s = rc.view.config.statuses.find((x) => x.id === status(k))!;
      return { id: s.id, name: s.name, statusReference: s.id, statusCategory: CATEGORY[s.category] ?? 'TODO', description: s.description ?? '' };
    }),
    workflows: [
      {
        id,
        version: current.version,
        description: String(to.description ?? ''),
        statuses: statuses.map((k) => ({ statusReference: status(k), ...(layout[k] ? { layout: layout[k] } : {}), properties: {} })),
        transitions,
        ...(statusMappings.length ? { statusMappings } : {}),
      },
    ],
  };
};

/** Every project × issue type whose issues follow the workflow (through its project's workflow scheme). */
const usersOf = (rc: RunContext, workflowId: string): Array<[string, string]> => {
  const config = rc.view.config;
  const out: Array<[string, string]> = [];
  for (const p of config.projects) {
    const scheme = config.workflowSchemes.find((s) => s.id === p.schemes.workflowScheme);
    const types = config.issueTypeSchemes.find((s) => s.id === p.schemes.issueTypeScheme)?.issueTypes ?? [];
    if (!scheme) continue;
    for (const t of types)
      if ((scheme.mappings.find((m) => m.issueType === t)?.workflow ?? scheme.defaultWorkflow) === workflowId) out.push([p.id, t]);
  }
  return out;
};

/** The normalised rules back in production's ids. */
const denormaliseRules = (rc: RunContext, r: Obj): { conditions?: ConditionTree; validators: Validator[]; postFunctions: PostFunction[] } => {
  const tree = (t: Obj): ConditionTree => ({
    op: t.op as 'all' | 'any',
    conditions: asList<Obj>(t.conditions).map((c) => {
      if ('op' in c) return tree(c);
      if (c.type === 'inGroup') return { ...c, group: idOf(rc, 'group', String(c.group)) };
      if (c.type === 'inProjectRole') return { ...c, role: idOf(rc, 'role', String(c.role)) };
      if (c.type === 'fieldValue') {
        const field = idOf(rc, 'field', String(c.field));
        return { ...c, field, ...(c.value !== undefined ? { value: modelValue(rc.view, field, c.value) } : {}) };
      }
      return c;
    }) as ConditionTree['conditions'],
  });
  return {
    ...(r.conditions ? { conditions: tree(asObj(r.conditions)) } : {}),
    validators: asList<Obj>(r.validators).map((v) =>
      v.type === 'fieldRequired'
        ? { ...v, fields: asList<string>(v.fields).map((f) => idOf(rc, 'field', f)) }
        : v.type === 'fieldMatches'
          ? { ...v, field: idOf(rc, 'field', String(v.field)) }
          : v,
    ) as Validator[],
    postFunctions: asList<Obj>(r.postFunctions).map((p) =>
      p.type === 'setResolution'
        ? { ...p, resolution: idOf(rc, 'resolution', String(p.resolution)) }
        : p.type === 'setField'
          ? { ...p, field: idOf(rc, 'field', String(p.field)), value: modelValue(rc.view, idOf(rc, 'field', String(p.field)), p.value) }
          : p,
    ) as PostFunction[],
  };
};
