/**
 * `migrate:plan`: what pending migrations would do, computed by applying them in memory (the
 * instance is never saved): sentences, a readable configuration diff, the issues touched per
 * project / type / status, the notifications the change itself would cause, and every project that
 * shares a changed scheme.
 */
import { type Config, ConfigIndex, type Issue } from '../../model/index.ts';
import type { InstanceState } from '../../store/index.ts';
import { recipientsFor } from '../../tracker/index.ts';
import { applyMigration } from '../apply.ts';
import { type LoadedMigration, prepareMigration } from '../load.ts';
import type { Irreversible } from '../migration.ts';
import type { ExpectedDifference } from '../expect.ts';
import { configChanges, sharedSchemeChanges, type SharedSchemeChange } from './config-changes.ts';
import { invalidSummary, ruleErrors } from './rules-check.ts';

export interface PlanItem {
  id: string;
  description: string;
  sentences: string[];
  configChanges: string[];
  issues: { total: number; byProject: Record<string, number>; byType: Record<string, number>; byStatus: Record<string, number> };
  notifications: { total: number; perRecipient: { recipient: string; count: number }[] };
  sharedSchemes: SharedSchemeChange[];
  expect: ExpectedDifference[];
  irreversible?: Irreversible;
  error?: string;
}

const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

const nameOf = (list: readonly { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;

const issueBreakdown = (config: Config, issues: readonly Issue[], ids: readonly string[]): PlanItem['issues'] => {
  const wanted = new Set(ids);
  const out: PlanItem['issues'] = { total: wanted.size, byProject: {}, byType: {}, byStatus: {} };
  for (const i of issues) {
    if (!wanted.has(i.id)) continue;
    bump(out.byProject, i.project);
    bump(out.byType, nameOf(config.issueTypes, i.issueType));
    bump(out.byStatus, nameOf(config.statuses, i.status));
  }
  return out;
};

/** Notifications a bulk change causes: one `updated` event per touched issue, through each project's scheme. */
export const changeNotifications = (config: Config, issues: readonly Issue[], ids: readonly string[]): PlanItem['notifications'] => {
  const ix = new ConfigIndex(config);
  const wanted = new Set(ids);
  const counts = new Map<string, number>();
  for (const issue of issues) {
    if (!wanted.has(issue.id)) continue;
    for (const r of recipientsFor(ix, 'updated', issue, null)) counts.set(r.email, (counts.get(r.email) ?? 0) + 1);
  }
  const perRecipient = [...counts]
    .map(([recipient, count]) => ({ recipient, count }))
    .sort((a, b) => b.count - a.count || (a.recipient < b.recipient ? -1 : 1));
  return { total: perRecipient.reduce((n, r) => n + r.count, 0), perRecipient };
};

/**
 * `observe` receives each migration's configuration before and after it (the rehearsal's report
 * draws workflow diagrams and the runbook's backout from them).
 */
export const planMigrations = async (
  state: InstanceState,
  pending: readonly LoadedMigration[],
  now: string,
  observe?: (id: string, before: Config, after: Config) => void,
): Promise<PlanItem[]> => {
  const items: PlanItem[] = [];
  for (const m of pending) {
    const before = structuredClone(state.config);
    const item: PlanItem = {
      id: m.id,
      description: m.migration.description,
      sentences: [],
      configChanges: [],
      issues: { total: 0, byProject: {}, byType: {}, byStatus: {} },
      notifications: { total: 0, perRecipient: [] },
      sharedSchemes: [],
      expect: m.migration.expect ?? [],
      ...(m.migration.irreversible ? { irreversible: m.migration.irreversible } : {}),
    };
    items.push(item);
    try {
      await prepareMigration(m, state, { now, actor: null, proveDown: false });
      const applied = applyMigration(state, m.migration, { migrationId: m.id, now, actor: null, proveDown: false, discardOnFailure: true });
      item.sentences = applied.sentences;
      item.configChanges = configChanges(before, state.config);
      item.issues = issueBreakdown(state.config, state.issues, applied.touched.issueIds);
      item.notifications = changeNotifications(state.config, state.issues, applied.touched.issueIds);
      item.sharedSchemes = sharedSchemeChanges(before, state.config);
      observe?.(m.id, before, structuredClone(state.config));
      // migrate:up would refuse it: say so here, and stop (later items would build on a state that is never saved).
      const problems = ruleErrors(state);
      if (problems.length) {
        item.error = invalidSummary(problems);
        break;
      }
    } catch (e) {
      item.error = (e as Error)?.message ?? String(e);
      break;
    }
  }
  return items;
};

const counts = (m: Record<string, number>) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

export const renderPlan = (items: readonly PlanItem[]): string[] => {
  if (!items.length) return ['nothing pending: every migration in the folder is applied'];
  const out: string[] = [];
  for (const it of items) {
    out.push(`${it.id} — ${it.description}`);
    if (it.error) out.push(`  CANNOT APPLY: ${it.error}`);
    // An op that failed leaves nothing to show; a result the rules refuse still shows what it did.
    if (it.error && !it.sentences.length) continue;
    for (const s of it.sentences) out.push(`  • ${s}`);
    out.push(`  configuration changes (${it.configChanges.length}):`);
    for (const c of it.configChanges.slice(0, 40)) out.push(`    ${c}`);
    if (it.configChanges.length > 40) out.push(`    … and ${it.configChanges.length - 40} more`);
    out.push(
      it.issues.total
        ? `  issues touched: ${it.issues.total} (projects: ${counts(it.issues.byProject)}; types: ${counts(it.issues.byType)}; statuses: ${counts(it.issues.byStatus)})`
        : '  issues touched: none',
    );
    const top = it.notifications.perRecipient
      .slice(0, 5)
      .map((r) => `${r.recipient} ${r.count}`)
      .join(', ');
    out.push(`  notifications the change would send: ${it.notifications.total}${top ? ` (most: ${top})` : ''}`);
    for (const s of it.sharedSchemes)
      out.push(`  shared scheme changed: ${s.scheme} (${s.collection}) is used by ${s.projects.length ? s.projects.join(', ') : 'no project'}`);
    if (it.irreversible) out.push(`  IRREVERSIBLE in production: ${it.irreversible.reason}; recovery: ${it.irreversible.recovery}`);
  }
  return out;
};
