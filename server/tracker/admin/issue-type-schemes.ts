/** Issue type schemes: create, update, delete, their issue types (add, move, remove) and project assignment. */
import type { IssueTypeScheme } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { moveInList } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import { checkedName, entityOr404, setDescription, type Kind } from './named.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'Only Jira administrators can access issue type schemes.';

export const ISSUE_TYPE_SCHEME: Kind<IssueTypeScheme> = {
  list: (c) => c.issueTypeSchemes,
  set: (c, l) => {
    c.issueTypeSchemes = l;
  },
  idKind: 'issueTypeScheme',
  what: 'issue type scheme',
  notFound: 'The issue type scheme was not found.',
  taken: () => 'The name is used by another scheme.',
  adminOnly: ADMIN_ONLY,
  descriptionInExt: true,
};

const checkTypes = (tx: Tx, ids: readonly string[]): void => {
  const missing = ids.filter((id) => !tx.config.issueTypes.some((t) => t.id === id));
  if (missing.length) throw notFound(`These issue types were not found: ${missing.join(', ')}`);
  if (new Set(ids).size !== ids.length) throw badRequest(['The issue type IDs must not contain duplicates.']);
};

/** Issue types of the project's issues that the scheme lacks (by issue id, as Jira's message names them). */
const strayIssues = (tx: Tx, projectKeys: readonly string[], types: readonly string[]): string[] =>
  tx.issues.filter((i) => projectKeys.includes(i.project) && !types.includes(i.issueType)).map((i) => i.id);

const withScheme = (env: AdminEnv, actor: Actor, id: string, fn: (s: IssueTypeScheme, tx: Tx) => void): void => {
  requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
  write(env, actor, (tx) => fn(entityOr404(tx, ISSUE_TYPE_SCHEME, id), tx));
};

const users = (tx: Tx, s: IssueTypeScheme) => tx.config.projects.filter((p) => p.schemes.issueTypeScheme === s.id).map((p) => p.key);

export const issueTypeSchemes = {
  create: (
    env: AdminEnv,
    actor: Actor,
    input: { name: unknown; description?: unknown; issueTypeIds: string[]; defaultIssueTypeId?: string },
  ): IssueTypeScheme => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const name = checkedName(tx, ISSUE_TYPE_SCHEME, input.name);
      checkTypes(tx, input.issueTypeIds);
      if (!input.issueTypeIds.length) throw badRequest(['The issue type scheme must have at least one issue type.']);
      if (input.defaultIssueTypeId !== undefined && !input.issueTypeIds.includes(input.defaultIssueTypeId))
        throw badRequest(['The default issue type ID has to be present in issue type IDs list.']);
      const s: IssueTypeScheme = {
        id: tx.nextId('issueTypeScheme'),
        name,
        issueTypes: [...input.issueTypeIds],
        ...(input.defaultIssueTypeId ? { defaultIssueType: input.defaultIssueTypeId } : {}),
      };
      setDescription(ISSUE_TYPE_SCHEME, s, input.description);
      tx.config.issueTypeSchemes.push(s);
      return s;
    });
  },
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown; defaultIssueTypeId?: string | null }): void =>
    withScheme(env, actor, id, (s, tx) => {
      if (input.name !== undefined) s.name = checkedName(tx, ISSUE_TYPE_SCHEME, input.name, s.id);
      setDescription(ISSUE_TYPE_SCHEME, s, input.description);
      if (input.defaultIssueTypeId === null) delete s.defaultIssueType;
      else if (input.defaultIssueTypeId !== undefined) {
        if (!s.issueTypes.includes(input.defaultIssueTypeId))
          throw badRequest(['The default issue type has to be one of the issue types of the scheme.']);
        s.defaultIssueType = input.defaultIssueTypeId;
      }
    }),
  delete: (env: AdminEnv, actor: Actor, id: string): void =>
    withScheme(env, actor, id, (s, tx) => {
      const projects = users(tx, s);
      if (projects.length)
        throw badRequest([`The issue type scheme '${s.name}' is used by ${projects.join(', ')}: assign those projects another scheme first.`]);
      tx.config.issueTypeSchemes = tx.config.issueTypeSchemes.filter((x) => x !== s);
    }),
  addIssueTypes: (env: AdminEnv, actor: Actor, id: string, ids: string[]): void =>
    withScheme(env, actor, id, (s, tx) => {
      checkTypes(tx, ids);
      const present = ids.filter((t) => s.issueTypes.includes(t));
      if (present.length)
        throw badRequest([`These issue types were not added because they are already present in the issue type scheme: ${present.join(', ')}`]);
      s.issueTypes.push(...ids);
    }),
  moveIssueTypes: (env: AdminEnv, actor: Actor, id: string, ids: string[], where: { after?: string; position?: 'First' | 'Last' }): void =>
    withScheme(env, actor, id, (s) => {
      const missing = [...ids, ...(where.after ? [where.after] : [])].filter((t) => !s.issueTypes.includes(t));
      if (missing.length)
        throw badRequest([
          `The issue type scheme does not include some of the specified issue types. Issue type IDs missing from the scheme are:  ${missing.join(', ')}`,
        ]);
      const list = s.issueTypes.map((t) => ({ id: t }));
      moveInList(list, ids, where);
      s.issueTypes = list.map((x) => x.id);
    }),
  removeIssueType: (env: AdminEnv, actor: Actor, id: string, issueTypeId: string): void =>
    withScheme(env, actor, id, (s, tx) => {
      if (!s.issueTypes.includes(issueTypeId)) throw notFound(`The issue type ${issueTypeId} is not in the issue type scheme.`);
      const rest = s.issueTypes.filter((t) => t !== issueTypeId);
      if (!rest.some((t) => !tx.config.issueTypes.find((x) => x.id === t)?.subtask))
        throw badRequest(["Can't remove the last standard issue type from the issue type scheme."]);
      const stray = strayIssues(tx, users(tx, s), rest);
      if (stray.length)
        throw badRequest([
          `The issue type ${issueTypeId} is used by issues in projects that use this scheme: ${stray.slice(0, 10).join(', ')}${stray.length > 10 ? ', …' : ''}`,
        ]);
      s.issueTypes = rest;
      if (s.defaultIssueType === issueTypeId) delete s.defaultIssueType;
    }),
  assign: (env: AdminEnv, actor: Actor, projectId: string, schemeId: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const s = entityOr404(tx, ISSUE_TYPE_SCHEME, schemeId);
      const p = tx.config.projects.find((x) => x.id === String(projectId) || x.key === String(projectId));
      if (!p) throw notFound('The project was not found.');
      const stray = strayIssues(tx, [p.key], s.issueTypes);
      if (stray.length)
        throw badRequest([
          `This issue type scheme can't be assigned to the project. This is because some issues in this project use issue types not present in the scheme. Before assigning the scheme to the project, update the issue types on these issues: ${stray.join(', ')}`,
        ]);
      p.schemes.issueTypeScheme = s.id;
    });
  },
};
