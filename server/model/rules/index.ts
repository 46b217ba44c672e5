/** Every configuration rule, in the order their problems are reported. */
import type { ConfigRule } from './rule.ts';
import { uniqueIds } from './unique-ids.ts';
import { uniqueNames } from './unique-names.ts';
import { fieldContexts } from './field-contexts.ts';
import { peopleReferences, projectReferences, schemeCoverage } from './project-references.ts';
import { projectAccess } from './project-access.ts';
import { notificationRecipients, permissionHolders } from './principals.ts';
import { schemeReferences } from './scheme-references.ts';
import { screenReferences } from './screen-references.ts';
import { workflowReferences } from './workflow-references.ts';
import { workflowInitial, workflowReachable } from './workflow-structure.ts';
import { boardColumns, filterReferences } from './filters-boards.ts';
import { filterJql } from './filter-jql.ts';

export const CONFIG_RULES: readonly ConfigRule[] = [
  uniqueIds,
  uniqueNames,
  peopleReferences,
  fieldContexts,
  projectReferences,
  schemeReferences,
  schemeCoverage,
  screenReferences,
  workflowReferences,
  workflowInitial,
  workflowReachable,
  permissionHolders,
  notificationRecipients,
  projectAccess,
  filterReferences,
  filterJql,
  boardColumns,
];

export type { ConfigRule, Report } from './rule.ts';
