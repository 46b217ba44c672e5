/** The admin pages under /secure/admin: for personas with the global ADMINISTER permission only (403 otherwise). */
import { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { actorOf } from '../../context.ts';
import { html } from '../../../common/html.ts';
import { forbidden } from '../errors.ts';
import { sendPage } from '../layout.ts';
import { fieldsPage, screensPage } from './fields-screens.ts';
import { notificationSchemes, permissionSchemes } from './schemes.ts';
import { workflowList, workflowView } from './workflows.ts';

export const adminRoutes = (ctx: SandboxContext): Router => {
  const r = Router();
  r.use('/secure/admin', (req, res, next) => {
    if (ctx.tracker.isAdmin(actorOf(res))) next();
    else forbidden(ctx, req, res, 'administer the tracker (the global Administer permission is needed)');
  });
  r.get('/secure/admin', (req, res) =>
    sendPage(ctx, req, res, {
      title: 'Administration',
      body: html`<h1>Administration</h1><ul class="admin-links">
<li><a href="/secure/admin/workflows/ListWorkflows.jspa">Workflows</a></li>
<li><a href="/secure/admin/ViewPermissionSchemes.jspa">Permission schemes</a></li>
<li><a href="/secure/admin/ViewNotificationSchemes.jspa">Notification schemes</a></li>
<li><a href="/secure/admin/ViewCustomFields.jspa">Fields</a></li>
<li><a href="/secure/admin/ViewFieldScreens.jspa">Screens</a></li></ul>`,
    }),
  );
  r.get('/secure/admin/workflows/ListWorkflows.jspa', (req, res) => workflowList(ctx, req, res));
  r.get('/secure/admin/workflows/ViewWorkflowSteps.jspa', (req, res) => workflowView(ctx, req, res));
  r.get('/secure/admin/ViewPermissionSchemes.jspa', (req, res) => permissionSchemes(ctx, req, res));
  r.get('/secure/admin/ViewNotificationSchemes.jspa', (req, res) => notificationSchemes(ctx, req, res));
  r.get('/secure/admin/ViewCustomFields.jspa', (req, res) => fieldsPage(ctx, req, res));
  r.get('/secure/admin/ViewFieldScreens.jspa', (req, res) => screensPage(ctx, req, res));
  return r;
};
