/**
 * Does a value fit a field? One checker for issue values (against the context that applies to the
 * issue's project × type) and for values in the configuration (defaults, setField post functions,
 * fieldValue conditions), where any of the field's contexts may supply the option.
 */
import { optionsOf, type ConfigIndex, type ContextOptions } from '../config-index.ts';
import type { Field } from '../types.ts';
import type { Severity } from '../problems.ts';
import { knownCandidates, q } from '../suggest.ts';
import type { Report } from './rule.ts';

export interface ValueScope {
  /** Options of the context that applies; null where no context applies (reported elsewhere). */
  options: ContextOptions | null;
  /** Component and version ids of the issue's project; undefined in config, where any project's count. */
  components?: ReadonlySet<string>;
  versions?: ReadonlySet<string>;
}
export interface ValueProblem {
  message: string;
  severity: Severity;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const bad = (message: string, severity: Severity = 'error'): ValueProblem => ({ message, severity });
const expect = (v: unknown, what: string): ValueProblem => bad(`${q(v)} is not ${what}`);

const optionProblem = (field: Field, scope: ValueScope, id: unknown): ValueProblem | undefined => {
  if (typeof id !== 'string') return expect(id, `an option id of field ${q(field.name)}`);
  const opts = scope.options;
  if (!opts || opts.options.has(id)) return undefined;
  const known = [...opts.options.values()].map((o) => ({ id: o.id, name: o.value }));
  const where = opts.context.name ? `context ${q(opts.context.name)}` : `context ${q(opts.context.id)}`;
  return bad(`unknown option ${q(id)} of field ${q(field.name)} in ${where} (${knownCandidates(id, known)})`);
};

const refProblem = (
  kind: string,
  id: unknown,
  map: { has(k: string): boolean },
  candidates: () => readonly { id: string; name?: string }[],
): ValueProblem | undefined => {
  if (typeof id !== 'string') return expect(id, `a ${kind} id`);
  return map.has(id) ? undefined : bad(`unknown ${kind} ${q(id)} (${knownCandidates(id, candidates())})`);
};

const each = (v: unknown, what: string, one: (x: unknown) => ValueProblem | undefined): ValueProblem | undefined => {
  if (!Array.isArray(v)) return expect(v, `a list of ${what}`);
  const seen = new Set<unknown>();
  for (const x of v) {
    if (seen.has(x)) return bad(`${q(x)} is listed twice`);
    seen.add(x);
    const p = one(x);
    if (p) return p;
  }
  return undefined;
};

const userProblem = (ix: ConfigIndex, v: unknown): ValueProblem | undefined => refProblem('user', v, ix.users, ix.candidates.user);

/** Version or component ids of every project: what a value in the configuration (no project yet) may name. */
const anyProject = (ix: ConfigIndex, list: 'versions' | 'components'): ReadonlySet<string> =>
  new Set(ix.config.projects.flatMap((p) => p[list].map((x) => x.id)));

export const valueProblem = (ix: ConfigIndex, field: Field, v: unknown, scope: ValueScope): ValueProblem | undefined => {
  switch (field.type) {
    case 'text':
    case 'paragraph':
    case 'url':
      return typeof v === 'string' ? undefined : expect(v, 'a string');
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? undefined : expect(v, 'a number');
    case 'date':
      return typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : expect(v, "a date 'YYYY-MM-DD'");
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? undefined : expect(v, 'an ISO date-time');
    case 'select':
    case 'radio':
      return optionProblem(field, scope, v);
    case 'multi-select':
    case 'checkboxes':
      return each(v, 'option ids', (x) => optionProblem(field, scope, x));
    case 'cascading-select': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return expect(v, 'an object {parent, child?} of option ids');
      const { parent, child, ...rest } = v as Record<string, unknown>;
      if (Object.keys(rest).length) return bad(`unknown key ${q(Object.keys(rest)[0])} in a cascading value (expected parent and child)`);
      const p = optionProblem(field, scope, parent);
      if (p || child === undefined || !scope.options) return p;
      const children = scope.options.children.get(parent as string);
      return typeof child === 'string' && children?.has(child)
        ? undefined
        : bad(
            `child option ${q(child)} is not a child of ${q(parent)} in field ${q(field.name)} (its children: ${[...(children ?? [])].join(', ') || 'none'})`,
          );
    }
    case 'user':
      return userProblem(ix, v);
    case 'multi-user':
      return each(v, 'account ids', (x) => userProblem(ix, x));
    case 'group':
      return refProblem('group', v, ix.groups, ix.candidates.group);
    case 'multi-group':
      return each(v, 'group ids', (x) => refProblem('group', x, ix.groups, ix.candidates.group));
    case 'labels':
      return each(v, 'labels', (x) => (typeof x === 'string' && /^\S+$/.test(x) ? undefined : expect(x, 'a label (a word without spaces)')));
    case 'version':
      return refProblem('version', v, scope.versions ?? anyProject(ix, 'versions'), () => []);
    case 'multi-version':
      return each(v, 'version ids', (x) => refProblem('version', x, scope.versions ?? anyProject(ix, 'versions'), () => []));
    case 'components':
      return each(v, 'component ids', (x) => refProblem('component', x, scope.components ?? anyProject(ix, 'components'), () => []));
    case 'priority':
      return refProblem('priority', v, ix.priorities, ix.candidates.priority);
  }
};

/** All options of every context of a field: what a value in the configuration may name. */
const allOptions = (field: Field): ContextOptions => {
  const merged = optionsOf({ id: '(any context)', projects: [], issueTypes: [], options: field.contexts.flatMap((c) => c.options ?? []) });
  return { ...merged, context: { ...merged.context, name: 'any context' } };
};

export const checkConfigValue = (ix: ConfigIndex, field: Field, value: unknown, path: string, report: Report, scope?: ValueScope): void => {
  if (value === null) return;
  const p = valueProblem(ix, field, value, scope ?? { options: allOptions(field) });
  if (p) report(path, `${p.message} (field ${q(field.name)} is of type ${field.type})`, p.severity);
};
