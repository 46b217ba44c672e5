/**
 * Options of a select-like field's context: create (children of cascading options too), update,
 * move, delete (refused while issues hold it or it has children), and replacing an option on issues
 * as an async task (`DELETE …/option/{id}/issue?replaceWith=`).
 */
import { OPTION_FIELD_TYPES } from '../../model/index.ts';
import type { Field, FieldContext, FieldOption, Issue } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import { changeItem } from '../history.ts';
import type { Actor } from '../types.ts';
import { conflict, moveInList, same } from './common.ts';
import { dryRun, write, type AdminEnv } from './env.ts';
import { contextOr404 } from './field-contexts.ts';
import { customFieldOr404 } from './fields.ts';
import { requireAdministrator } from './guard.ts';
import type { TaskRecord } from './records.ts';
import type { Tx } from './tx.ts';
import { matchAll } from '../jql/search.ts';
import { JqlError } from '../../model/index.ts';

const ADMIN_ONLY = 'Only Jira administrators can manage custom field options.';
type Child = Omit<FieldOption, 'children'>;

const optionField = (tx: Tx, fieldId: string, contextId: string): { f: Field; c: FieldContext; options: FieldOption[] } => {
  const f = customFieldOr404(tx.config, fieldId);
  if (!(OPTION_FIELD_TYPES as readonly string[]).includes(f.type)) throw badRequest(["The custom field doesn't support options."]);
  const c = contextOr404(f, contextId);
  c.options ??= [];
  return { f, c, options: c.options };
};

/** Every option and child of the context with its parent (undefined for top-level ones). */
const allOptions = (options: FieldOption[]): Array<{ option: Child; parent?: FieldOption }> =>
  options.flatMap((o) => [{ option: o as Child }, ...(o.children ?? []).map((ch) => ({ option: ch, parent: o }))]);

const holds = (value: unknown, id: string): boolean => {
  if (value === id) return true;
  if (Array.isArray(value)) return value.includes(id);
  if (value && typeof value === 'object') {
    const v = value as { parent?: string; child?: string };
    return v.parent === id || v.child === id;
  }
  return false;
};

/** The issues a JQL query finds (as the caller sees them); a bad query is Jira's 400. */
const matching = (env: AdminEnv, actor: Actor, jql: string): ((issue: Issue) => boolean) => {
  let found: Issue[];
  try {
    found = matchAll(env.ctx(), actor, jql);
  } catch (e) {
    if (e instanceof JqlError) throw badRequest([e.message]);
    throw e;
  }
  const ids = new Set(found.map((i) => i.id));
  return (issue) => ids.has(issue.id);
};

export interface OptionCreate {
  value: unknown;
  disabled?: boolean;
  optionId?: string;
}
export interface OptionUpdate {
  id: string;
  value?: unknown;
  disabled?: boolean;
}

const optionValue = (v: unknown): string => {
  if (typeof v !== 'string' || !v.trim()) throw badRequest(['The option value must not be empty.']);
  if (v.length > 255) throw badRequest(['The option value must not exceed 255 characters.']);
  return v.trim();
};

const taken = (siblings: readonly Child[], value: string, except?: string) => siblings.some((o) => o.id !== except && same(o.value, value));

export const fieldOptions = {
  create: (env: AdminEnv, actor: Actor, fieldId: string, contextId: string, list: OptionCreate[]): Array<Child & { optionId?: string }> => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const { f, options } = optionField(tx, fieldId, contextId);
      return list.map((input) => {
        const value = optionValue(input.value);
        const option: Child = { id: tx.nextId('option'), value, ...(input.disabled ? { disabled: true } : {}) };
        if (input.optionId !== undefined) {
          if (f.type !== 'cascading-select') throw badRequest(['Only cascading select fields take child options (optionId).']);
          const parent = options.find((o) => o.id === input.optionId);
          if (!parent) throw notFound(`The option with ID ${input.optionId} was not found.`);
          parent.children ??= [];
          if (taken(parent.children, value)) throw badRequest([`An option with the value '${value}' already exists under '${parent.value}'.`]);
          parent.children.push(option);
          return { ...option, optionId: parent.id };
        }
        if (taken(options, value)) throw badRequest([`An option with the value '${value}' already exists in this context.`]);
        options.push(option);
        return option;
      });
    });
  },

  update: (env: AdminEnv, actor: Actor, fieldId: string, contextId: string, list: OptionUpdate[]): Array<Child & { optionId?: string }> => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const { options } = optionField(tx, fieldId, contextId);
      const all = allOptions(options);
      return list.map((input) => {
        const hit = all.find((x) => x.option.id === String(input.id));
        if (!hit) throw notFound(`The option with ID ${input.id} was not found.`);
        if (input.value !== undefined) {
          const value = optionValue(input.value);
          if (taken(hit.parent ? (hit.parent.children ?? []) : options, value, hit.option.id))
            throw badRequest([`An option with the value '${value}' already exists in this context.`]);
          hit.option.value = value;
        }
        if (input.disabled !== undefined) {
          if (input.disabled) hit.option.disabled = true;
          else delete hit.option.disabled;
        }
        return { ...hit.option, ...(hit.parent ? { optionId: hit.parent.id } : {}) } as Child & { optionId?: string };
      });
    });
  },

  move: (
    env: AdminEnv,
    actor: Actor,
    fieldId: string,
    contextId: string,
    ids: string[],
    where: { after?: string; position?: 'First' | 'Last' },
  ): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    if (where.after !== undefined && where.position !== undefined)
      throw badRequest(["'after' and 'position' were provided. Only 'after' or 'position' can be specified."]);
    if (where.after === undefined && where.position === undefined) throw badRequest(["Either 'after' or 'position' must be provided."]);
    write(env, actor, (tx) => {
      const { options } = optionField(tx, fieldId, contextId);
      const hits = ids.map((id) => allOptions(options).find((x) => x.option.id === id));
      if (hits.some((x) => !x)) throw notFound(`The options were not found: ${ids.filter((_, i) => !hits[i]).join(', ')}.`);
      const parents = new Set(hits.map((x) => x!.parent?.id));
      if (parents.size > 1) throw badRequest(['Options to move must share a parent.']);
      const list = hits[0]!.parent ? (hits[0]!.parent.children ??= []) : options;
      if (where.after !== undefined && (!list.some((o) => o.id === where.after) || ids.includes(where.after)))
        throw badRequest([`The option ${where.after} to move after is not among the options being ordered.`]);
      moveInList(list as Child[], ids, where);
    });
  },

  delete: (env: AdminEnv, actor: Actor, fieldId: string, contextId: string, optionId: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const { f, c, options } = optionField(tx, fieldId, contextId);
      const hit = allOptions(options).find((x) => x.option.id === String(optionId));
      if (!hit) throw notFound(`The option with ID ${optionId} was not found.`);
      if (!hit.parent && (hit.option as FieldOption).children?.length)
        throw badRequest(['Options with cascading options cannot be deleted without deleting the cascading options first.']);
      const users = tx.issues.filter((i) => holds(i.customFields[f.id], hit.option.id));
      if (users.length)
        throw conflict(
          `The option '${hit.option.value}' is selected in ${users.length} issue${users.length === 1 ? '' : 's'} (${users
            .slice(0, 5)
            .map((i) => i.key)
            .join(
              ', ',
            )}${users.length > 5 ? ', …' : ''}): replace it first with DELETE /rest/api/3/field/${f.id}/context/${c.id}/option/${hit.option.id}/issue?replaceWith=OPTION_ID.`,
        );
      if (hit.parent) hit.parent.children = (hit.parent.children ?? []).filter((o) => o !== hit.option);
      else c.options = options.filter((o) => o.id !== hit.option.id);
      if (c.default !== undefined && holds(c.default, hit.option.id)) {
        if (Array.isArray(c.default)) c.default = c.default.filter((x) => x !== hit.option.id);
        else delete c.default;
        if (Array.isArray(c.default) && c.default.length === 0) delete c.default;
      }
    });
  },

  /** Replaces (or clears) the option on the issues holding it, optionally only those a JQL query finds: checked now, done by a task. */
  replace: (
    env: AdminEnv,
    actor: Actor,
    fieldId: string,
    contextId: string,
    optionId: string,
    replaceWith: string | undefined,
    jql: string | undefined,
  ): TaskRecord => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    const run = (tx: Tx) => {
      const jqlMatches = jql === undefined ? undefined : matching(env, actor, jql);
      const { f, options } = optionField(tx, fieldId, contextId);
      const hit = allOptions(options).find((x) => x.option.id === String(optionId));
      if (!hit) throw notFound(`The option with ID ${optionId} was not found.`);
      const by = replaceWith === undefined ? undefined : allOptions(options).find((x) => x.option.id === String(replaceWith));
      if (replaceWith !== undefined && !by) throw notFound(`The option with ID ${replaceWith} was not found.`);
      if (by && (by.parent?.id ?? null) !== (hit.parent?.id ?? null))
        throw badRequest([`Option ${replaceWith} cannot replace option ${optionId}: they are not at the same level of the cascading select.`]);
      const modified: number[] = [];
      for (const issue of tx.issues) {
        const before = issue.customFields[f.id];
        if (!holds(before, hit.option.id) || (jqlMatches && !jqlMatches(issue))) continue;
        let after: unknown;
        if (Array.isArray(before)) after = [...new Set(before.map((x) => (x === hit.option.id ? by?.option.id : x)).filter((x) => x !== undefined))];
        else if (before && typeof before === 'object') {
          const v = before as { parent: string; child?: string };
          after =
            v.parent === hit.option.id
              ? by
                ? { parent: by.option.id }
                : null
              : by
                ? { parent: v.parent, child: by.option.id }
                : { parent: v.parent };
        } else after = by?.option.id ?? null;
        const project = tx.ix.projects.get(issue.project)!;
        const item = changeItem(tx.ix, project, issue.issueType, f.id, before, after);
        tx.changeIssue(issue, [item], (w) => {
          if (after === null || (Array.isArray(after) && !after.length)) delete w.customFields[f.id];
          else w.customFields[f.id] = after;
        });
        modified.push(Number(issue.id));
      }
      return { modifiedIssues: modified, unmodifiedIssues: [] as number[], errors: { errorMessages: [], errors: {} } };
    };
    dryRun(env, actor, run);
    return env.tasks.submit(actor, {
      kind: 'option-replace',
      description: `Remove option ${optionId} from issues matched by '${jql ?? '*'}', and replace with ${replaceWith === undefined ? 'nothing' : `option ${replaceWith}`}`,
      run: () => write(env, actor, run),
    });
  },
};
