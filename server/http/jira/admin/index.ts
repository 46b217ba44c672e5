/**
 * The admin REST API (configuration writes as Jira Cloud performs them), one file per area. Every
 * route calls a `tracker.admin` operation on the write queue; none reads or writes the state itself.
 */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { statusRoutes } from './status-routes.ts';
import { taskRoutes } from './task-routes.ts';
import { workflowRoutes } from './workflow-routes.ts';
import { workflowSchemeRoutes } from './workflow-scheme-routes.ts';
import { fieldRoutes } from './field-routes.ts';
import { contextRoutes } from './context-routes.ts';
import { optionRoutes } from './option-routes.ts';
import { fieldConfigurationRoutes } from './field-configuration-routes.ts';
import { screenRoutes } from './screen-routes.ts';
import { screenSchemeRoutes } from './screen-scheme-routes.ts';
import { catalogRoutes } from './catalog-routes.ts';
import { issueTypeSchemeRoutes } from './issue-type-scheme-routes.ts';
import { schemeAdminRoutes } from './scheme-routes.ts';
import { peopleAdminRoutes } from './people-routes.ts';
import { filterAdminRoutes } from './filter-routes.ts';
import { projectPartRoutes } from './project-part-routes.ts';
import { bannerAuditRoutes } from './banner-audit-routes.ts';
import { projectAdminRoutes } from './project-routes.ts';
import { bulkRoutes } from './bulk-routes.ts';

export const adminRoutes = (r: Router, ctx: SandboxContext): void => {
  for (const add of [
    statusRoutes,
    workflowRoutes,
    workflowSchemeRoutes,
    fieldRoutes,
    contextRoutes,
    optionRoutes,
    fieldConfigurationRoutes,
    screenRoutes,
    screenSchemeRoutes,
    catalogRoutes,
    issueTypeSchemeRoutes,
    schemeAdminRoutes,
    peopleAdminRoutes,
    filterAdminRoutes,
    projectPartRoutes,
    bannerAuditRoutes,
    projectAdminRoutes,
    bulkRoutes,
    taskRoutes,
  ])
    add(r, ctx);
};
export { ADMIN_ROUTES } from './wire.ts';
