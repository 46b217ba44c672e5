/** Screens, tabs, screen schemes, issue type screen schemes, field configurations and their schemes, issue type schemes (admin). */
import type { Router } from 'express';
import type { Config, Project } from '../../model/index.ts';
import type { SandboxContext } from '../context.ts';
import { notFound } from './errors.ts';
import { numId, pageOf, qList, requireAdmin, route, type J } from './handler.ts';
import { BUILT_IN_FIELDS } from '../../jira-wire/index.ts';
import { describedBy } from '../../tracker/index.ts';

const byProject = <S extends { id: string }>(j: J, schemes: readonly S[], kind: keyof Project['schemes']) => {
  const ids = qList(j.req, 'projectId');
  return schemes.flatMap((s) => {
    const projectIds = j.ctx.tracker.config.projects.filter((p) => p.schemes[kind] === s.id && (!ids.length || ids.includes(p.id))).map((p) => p.id);
    return projectIds.length ? [{ scheme: s, projectIds }] : [];
  });
};

const filterIds = <S extends { id: string }>(j: J, list: readonly S[]): S[] => {
  const ids = qList(j.req, 'id');
  return ids.length ? list.filter((s) => ids.includes(s.id)) : [...list];
};

const fieldName = (j: J, id: string) => j.ctx.tracker.field(id)?.name ?? BUILT_IN_FIELDS.find((b) => b.id === id)?.name ?? id;

const isDefaultFc = (config: Config, id: string) => config.fieldConfigurations[0]?.id === id;

export const screenRoutes = (r: Router, ctx: SandboxContext): void => {
  const config = (j: J) => j.ctx.tracker.config;
  const screenOr404 = (j: J, id: string) => {
    const s = config(j).screens.find((x) => x.id === id);
    if (!s) throw notFound(`The screen with id '${id}' does not exist.`);
    return s;
  };
  r.get(
    '/screens',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, filterIds(j, config(j).screens), (s) => ({ id: numId(s.id), name: s.name, description: s.description ?? '' }), 100);
    }),
  );
  r.get(
    '/screens/:id/tabs',
    route(ctx, (j, req) => {
      requireAdmin(j);
      return screenOr404(j, String(req.params.id)).tabs.map((t) => ({ id: numId(t.id), name: t.name }));
    }),
  );
  r.get(
    '/screens/:id/tabs/:tab/fields',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const tab = screenOr404(j, String(req.params.id)).tabs.find((t) => t.id === String(req.params.tab));
      if (!tab) throw notFound(`The screen tab with id '${String(req.params.tab)}' does not exist.`);
      return tab.fields.map((f) => ({ id: f, name: fieldName(j, f) }));
    }),
  );
  r.get(
    '/screens/:id/availableFields',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const used = new Set(screenOr404(j, String(req.params.id)).tabs.flatMap((t) => t.fields));
      return config(j)
        .fields.filter((f) => !used.has(f.id))
        .map((f) => ({ id: f.id, name: f.name }));
    }),
  );
  r.get(
    '/screenscheme',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, filterIds(j, config(j).screenSchemes), (s) => ({
        id: numId(s.id),
        name: s.name,
        description: describedBy(s),
        screens: Object.fromEntries(
          Object.entries(s.screens)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, numId(v as string)]),
        ),
      }));
    }),
  );
  r.get(
    '/issuetypescreenscheme',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, filterIds(j, config(j).issueTypeScreenSchemes), (s) => ({ id: s.id, name: s.name, description: describedBy(s) }));
    }),
  );
  r.get(
    '/issuetypescreenscheme/mapping',
    route(ctx, (j) => {
      requireAdmin(j);
      const ids = qList(j.req, 'issueTypeScreenSchemeId');
      const rows = config(j)
        .issueTypeScreenSchemes.filter((s) => !ids.length || ids.includes(s.id))
        .flatMap((s) => [
          ...s.mappings.map((m) => ({ issueTypeScreenSchemeId: s.id, issueTypeId: m.issueType, screenSchemeId: m.screenScheme })),
          { issueTypeScreenSchemeId: s.id, issueTypeId: 'default', screenSchemeId: s.default },
        ]);
      return pageOf(j, rows, (x) => x, 100);
    }),
  );
  r.get(
    '/issuetypescreenscheme/project',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, byProject(j, config(j).issueTypeScreenSchemes, 'issueTypeScreenScheme'), ({ scheme, projectIds }) => ({
        issueTypeScreenScheme: { id: scheme.id, name: scheme.name, description: '' },
        projectIds,
      }));
    }),
  );
  r.get(
    '/fieldconfiguration',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, filterIds(j, config(j).fieldConfigurations), (f) => ({
        id: numId(f.id),
        name: f.name,
        description: f.description ?? '',
        isDefault: isDefaultFc(config(j), f.id),
      }));
    }),
  );
  r.get(
    '/fieldconfiguration/:id/fields',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const fc = config(j).fieldConfigurations.find((f) => f.id === String(req.params.id));
      if (!fc) throw notFound(`The field configuration was not found.`);
      // Every field, as Jira lists them: those with settings first (in their stored order), then the rest with the defaults.
      const configured = new Set(fc.items.map((i) => i.field));
      const rest = config(j)
        .fields.filter((f) => !configured.has(f.id))
        .map((f) => ({ field: f.id }));
      return pageOf(
        j,
        [...fc.items, ...rest],
        (i: (typeof fc.items)[number]) => ({
          id: i.field,
          isHidden: i.hidden ?? false,
          isRequired: i.required ?? false,
          ...(i.description ? { description: i.description } : {}),
        }),
        100,
      );
    }),
  );
  r.get(
    '/fieldconfigurationscheme',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, filterIds(j, config(j).fieldConfigurationSchemes), (s) => ({ id: s.id, name: s.name, description: describedBy(s) }));
    }),
  );
  r.get(
    '/fieldconfigurationscheme/mapping',
    route(ctx, (j) => {
      requireAdmin(j);
      const ids = qList(j.req, 'fieldConfigurationSchemeId');
      const rows = config(j)
        .fieldConfigurationSchemes.filter((s) => !ids.length || ids.includes(s.id))
        .flatMap((s) => [
          ...s.mappings.map((m) => ({ fieldConfigurationSchemeId: s.id, issueTypeId: m.issueType, fieldConfigurationId: m.fieldConfiguration })),
          { fieldConfigurationSchemeId: s.id, issueTypeId: 'default', fieldConfigurationId: s.default },
        ]);
      return pageOf(j, rows, (x) => x, 100);
    }),
  );
  r.get(
    '/fieldconfigurationscheme/project',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, byProject(j, config(j).fieldConfigurationSchemes, 'fieldConfigurationScheme'), ({ scheme, projectIds }) => ({
        fieldConfigurationScheme: { id: scheme.id, name: scheme.name, description: '' },
        projectIds,
      }));
    }),
  );
  r.get(
    '/issuetypescheme',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, filterIds(j, config(j).issueTypeSchemes), (s) => ({
        id: s.id,
        name: s.name,
        description: describedBy(s),
        ...(s.defaultIssueType ? { defaultIssueTypeId: s.defaultIssueType } : {}),
        isDefault: config(j).issueTypeSchemes[0]?.id === s.id,
      }));
    }),
  );
  r.get(
    '/issuetypescheme/mapping',
    route(ctx, (j) => {
      requireAdmin(j);
      const ids = qList(j.req, 'issueTypeSchemeId');
      const rows = config(j)
        .issueTypeSchemes.filter((s) => !ids.length || ids.includes(s.id))
        .flatMap((s) => s.issueTypes.map((t) => ({ issueTypeSchemeId: s.id, issueTypeId: t })));
      return pageOf(j, rows, (x) => x, 100);
    }),
  );
  r.get(
    '/issuetypescheme/project',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, byProject(j, config(j).issueTypeSchemes, 'issueTypeScheme'), ({ scheme, projectIds }) => ({
        issueTypeScheme: {
          id: scheme.id,
          name: scheme.name,
          description: '',
          ...(scheme.defaultIssueType ? { defaultIssueTypeId: scheme.defaultIssueType } : {}),
        },
        projectIds,
      }));
    }),
  );
};
