/**
 * Saved filters' JQL parses, and the fields and values it names exist (failure mode 5: a removed
 * field, option or status silently breaks filters and the boards built on them).
 */
import type { ConfigIndex } from '../config-index.ts';
import { fieldLabel, parseJql, type Clause, type FieldRef, type Operand, type Query } from '../jql/index.ts';
import type { Field } from '../types.ts';
import { knownCandidates, q, type Candidate } from '../suggest.ts';
import type { ConfigRule, Report } from './rule.ts';

/** What a JQL field's values name, so that they can be checked against the configuration. */
type ValueKind = 'project' | 'issueType' | 'status' | 'priority' | 'resolution' | 'user' | 'component' | 'version' | 'linkType' | 'any';

const SYSTEM: Record<string, ValueKind> = {
  project: 'project',
  issuetype: 'issueType',
  type: 'issueType',
  status: 'status',
  priority: 'priority',
  resolution: 'resolution',
  assignee: 'user',
  reporter: 'user',
  creator: 'user',
  watcher: 'user',
  voter: 'user',
  component: 'component',
  fixversion: 'version',
  affectedversion: 'version',
  issuelinktype: 'linkType',
  statuscategory: 'any',
  labels: 'any',
  summary: 'any',
  description: 'any',
  environment: 'any',
  text: 'any',
  comment: 'any',
  created: 'any',
  createddate: 'any',
  updated: 'any',
  updateddate: 'any',
  resolved: 'any',
  resolutiondate: 'any',
  due: 'any',
  duedate: 'any',
  lastviewed: 'any',
  key: 'any',
  issuekey: 'any',
  id: 'any',
  issue: 'any',
  parent: 'any',
  // Provided by Jira Software on every board's filter; the model has no entity for them.
  rank: 'any',
  sprint: 'any',
  // Issue activity (time tracking, worklogs, votes, watchers) and saved filters.
  timespent: 'any',
  originalestimate: 'any',
  timeoriginalestimate: 'any',
  remainingestimate: 'any',
  timeestimate: 'any',
  worklogdate: 'any',
  worklogauthor: 'user',
  worklogcomment: 'any',
  votes: 'any',
  watchers: 'any',
  filter: 'any',
  request: 'any',
  savedfilter: 'any',
  searchrequest: 'any',
};
/** Values JQL accepts for these kinds whatever the configuration says. */
const BUILT_IN: Partial<Record<ValueKind, string[]>> = { resolution: ['unresolved'] };

const namedIds = (list: readonly { id: string; name: string }[]): Candidate[] => list.map((e) => ({ id: e.id, name: e.name }));

const candidatesFor = (ix: ConfigIndex, kind: ValueKind): Candidate[] => {
  const c = ix.config;
  switch (kind) {
    case 'project':
      return c.projects.flatMap((p) => [{ id: p.key, name: p.name }, { id: p.id }]);
    case 'issueType':
      return namedIds(c.issueTypes);
    case 'status':
      return namedIds(c.statuses);
    case 'priority':
      return namedIds(c.priorities);
    case 'resolution':
      return namedIds(c.resolutions);
    case 'user':
      return c.users.flatMap((u) => [{ id: u.accountId, name: u.displayName }, { id: u.email }]);
    case 'component':
      return c.projects.flatMap((p) => namedIds(p.components));
    case 'version':
      return c.projects.flatMap((p) => namedIds(p.versions));
    case 'linkType':
      return c.issueLinkTypes.flatMap((l) => [{ id: l.id, name: l.name }, { id: l.inward }, { id: l.outward }]);
    case 'any':
      return [];
  }
};

const customFieldCandidates = (f: Field): Candidate[] | undefined => {
  if (['select', 'multi-select', 'radio', 'checkboxes', 'cascading-select'].includes(f.type)) {
    return f.contexts.flatMap((c) =>
      (c.options ?? []).flatMap((o) => [{ id: o.id, name: o.value }, ...(o.children ?? []).map((ch) => ({ id: ch.id, name: ch.value }))]),
    );
  }
  return undefined;
};

const cfNumber = (f: Field): string | undefined => /(\d+)$/.exec(String(f.refs?.jira ?? f.id))?.[1];

/** Resolves a JQL field reference to the candidates of its values ([] = any value), or reports it. */
const resolveField = (ix: ConfigIndex, ref: FieldRef, report: (m: string) => void): Candidate[] | undefined => {
  if (ref.kind === 'cf') {
    const f = ix.config.fields.find((x) => x.custom && cfNumber(x) === ref.id);
    if (!f) report(`field ${q(fieldLabel(ref))} does not exist (no custom field has the number ${ref.id})`);
    return f ? (customFieldCandidates(f) ?? []) : undefined;
  }
  const name = ref.name.toLowerCase();
  const kind = SYSTEM[name];
  if (kind) return kind === 'any' ? [] : candidatesFor(ix, kind).concat((BUILT_IN[kind] ?? []).map((id) => ({ id })));
  const f = ix.config.fields.find((x) => x.name.toLowerCase() === name || x.id.toLowerCase() === name);
  if (f) return customFieldCandidates(f) ?? (f.type === 'user' || f.type === 'multi-user' ? candidatesFor(ix, 'user') : []);
  const known = [...Object.keys(SYSTEM).map((id) => ({ id })), ...ix.config.fields.filter((x) => x.custom).map((x) => ({ id: x.name }))];
  report(`field ${q(ref.name)} does not exist (${knownCandidates(ref.name, known)})`);
  return undefined;
};

const checkOperand = (op: Operand, field: string, values: Candidate[], report: (m: string) => void): void => {
  if (op.kind === 'list') return op.items.forEach((i) => checkOperand(i, field, values, report));
  if (op.kind !== 'value' || values.length === 0) return;
  const v = op.value.toLowerCase();
  if (values.some((c) => c.id.toLowerCase() === v || c.name?.toLowerCase() === v)) return;
  report(`the value ${q(op.value)} does not exist for the field ${q(field)} (${knownCandidates(op.value, values)})`);
};

const walk = (ix: ConfigIndex, clause: Clause, report: (m: string) => void): void => {
  if (clause.kind === 'and' || clause.kind === 'or') return clause.clauses.forEach((c) => walk(ix, c, report));
  if (clause.kind === 'not') return walk(ix, clause.clause, report);
  const values = resolveField(ix, clause.field, report);
  // Text search and ordering comparisons take free values; `<` on dates, `~` on text.
  if (values && !['~', '!~'].includes(clause.operator)) checkOperand(clause.operand, fieldLabel(clause.field), values, report);
};

export const checkJql = (ix: ConfigIndex, jql: string, report: (m: string) => void): void => {
  let query: Query;
  try {
    query = parseJql(jql);
  } catch (e) {
    report(`${(e as Error).message} (query: ${jql})`);
    return;
  }
  if (query.where) walk(ix, query.where, report);
  for (const s of query.orderBy) resolveField(ix, s.field, report);
};

export const filterJql: ConfigRule = {
  name: 'filter-jql',
  about: "saved filters' JQL parses, and names existing fields and existing values (statuses, projects, issue types, options, users…)",
  run: (ix, report: Report) =>
    ix.config.filters.forEach((f, fi) => {
      const seen = new Set<string>();
      checkJql(ix, f.jql, (m) => {
        if (seen.has(m)) return;
        seen.add(m);
        report(`filters[${fi}].jql`, `filter ${q(f.name)}: ${m}`);
      });
    }),
};
