/** Which project × issue type pairs an operation on a field covers, and the contexts that apply there. */
import { type Field, fieldApplies, type FieldContext, fieldContextFor, issueTypesOf, type Project } from '../../model/index.ts';
import type { Lookup } from '../lookup.ts';
import { fail } from '../names.ts';
import type { TrackerState } from '../types.ts';
import { q } from './define.ts';

export interface Scope {
  /** Project keys or names; every project where the field applies when left out. */
  projects?: string[];
  /** Issue type names; every type of those projects when left out. */
  issueTypes?: string[];
}

export interface Pair {
  project: Project;
  typeId: string;
}

export const pairKey = (projectKey: string, typeId: string): string => `${projectKey}\u0000${typeId}`;

/** The pairs in scope where the field applies; fails when there are none. */
export const pairsInScope = (s: TrackerState, look: Lookup, field: Field, scope: Scope): Pair[] => {
  const projects = scope.projects ? look.projects(scope.projects, 'projects') : s.config.projects.filter((p) => !p.archived);
  const types = scope.issueTypes ? new Set(look.issueTypes(scope.issueTypes, 'issueTypes').map((t) => t.id)) : undefined;
  const pairs: Pair[] = [];
  for (const project of projects) {
    for (const typeId of issueTypesOf(s.config, project)) {
      if (types && !types.has(typeId)) continue;
      if (fieldApplies(field, project.key, typeId)) pairs.push({ project, typeId });
    }
  }
  if (!pairs.length) fail(look.site, `field ${q(field.name)} applies to no project × issue type in the given scope`);
  return pairs;
};

/** The contexts that apply to at least one pair in scope, in the field's order. */
export const contextsInScope = (s: TrackerState, look: Lookup, field: Field, scope: Scope): FieldContext[] => {
  if (!field.custom) fail(look.site, `field ${q(field.name)} is a system field and has no contexts to hold a default`);
  const used = new Set(pairsInScope(s, look, field, scope).map((p) => fieldContextFor(field, p.project.key, p.typeId)));
  return field.contexts.filter((c) => used.has(c));
};
