/**
 * The facts every notice is written from, gathered once: from the rehearsal's result.json, the
 * snapshot it ran on (names, groups, administrators, production's size), the project's settings
 * and the command's flags. Nothing here is worded for one format.
 */
import type { RehearsalResult } from '../rehearse/index.ts';
import type { Settings } from '../settings/index.ts';
import { effectsOf, type Effects } from './effects.ts';
import type { NoticeKind } from './notice.ts';
import { defaultWindow, estimate, type Estimate } from './schedule.ts';
import type { SnapshotFacts } from './snapshot-facts.ts';

export interface NoticeFacts {
  kind: NoticeKind;
  tracker: string;
  /** The change in a phrase: the one migration's description, or a summary of several. */
  title: string;
  ok: boolean;
  /** Why the rehearsal failed, when it did (the blocking hazards). */
  failures: string[];
  changes: { area: string; sentences: string[] }[];
  reasons: { id: string; description: string }[];
  projects: string[];
  people: { count: number; names: string[]; emails: string[] };
  groups: { name: string; count: number }[];
  effects: Effects;
  issues: { sample: number; production: number; touched: number; touchedProduction: number };
  notificationsCaused: { total: number; recipients: number; most: number };
  estimate: Estimate;
  /** Steps the runbook has people do by hand in production, to apply and to back out. */
  manualSteps: { apply: number; backout: number };
  /** What to allow in production: the scaled measurement or a minute per manual step, whichever is longer. */
  allowMs: { apply: number; backout: number };
  start: Date;
  windowMinutes: number;
  end: Date;
  backout: { command: string; steps: string[]; proven: boolean; proof: string; irreversible: { id: string; reason: string; recovery: string }[] };
  contact: string;
  link: string;
  runbook: string;
  evidence: string[];
  risks: string[];
  notChecked: string[];
  now: Date;
  rehearsedAt: Date;
  message?: string;
  /** For started/update/done/rolled-back: when the window's work began (the `started` notice, or --at). */
  startedAt?: Date;
  updateEveryMinutes: number;
  channels: string[];
}

export interface FactsInput {
  kind: NoticeKind;
  result: RehearsalResult;
  snapshot: SnapshotFacts;
  settings: Settings;
  now: Date;
  start: Date;
  windowMinutes?: number;
  message?: string;
  startedAt?: Date;
  /** Where the report is (a path or the configured URL) and its runbook. */
  link: string;
  runbook: string;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** BROWSE_PROJECTS → Browse Projects: the permission as the admin screens name it. */
export const plainWords = (sentence: string): string =>
  sentence.replace(/\b[A-Z]{2,}(?:_[A-Z]{2,})+\b/g, (k) =>
    k
      .toLowerCase()
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' '),
  );

const AREA_ORDER = [
  'statuses',
  'workflows',
  'issue types',
  'fields',
  'resolutions and priorities',
  'permissions',
  'notifications',
  'filters and boards',
  'projects and people',
  'other changes',
];

const changesByArea = (r: RehearsalResult): NoticeFacts['changes'] => {
  const by = new Map<string, string[]>();
  for (const m of r.migrations) {
    const list = m.changes ?? m.sentences.map((sentence) => ({ area: 'changes', sentence }));
    // Code-form changes describe themselves in the tool's words; the migration's description says it better.
    const custom = list.filter((c) => c.area === 'custom');
    for (const c of list) if (c.area !== 'custom') by.set(c.area, [...(by.get(c.area) ?? []), plainWords(c.sentence)]);
    if (custom.length) by.set('other changes', [...(by.get('other changes') ?? []), m.description]);
  }
  const rank = (a: string) => (AREA_ORDER.indexOf(a) === -1 ? AREA_ORDER.length : AREA_ORDER.indexOf(a));
  return [...by.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([area, sentences]) => ({ area, sentences }));
};

const titleOf = (r: RehearsalResult): string => {
  if (r.migrations.length === 1) return r.migrations[0]!.description.replace(/[.:]\s.*$/s, '').replace(/\.$/, '');
  return `${r.migrations.length} configuration changes`;
};

const projectLabel = (key: string, snap: SnapshotFacts): string => {
  const name = snap.projectNames.get(key);
  return name ? `${name} (${key})` : key;
};

const proofOf = (r: RehearsalResult): { proven: boolean; proof: string } => {
  const afterDown = r.runs.find((x) => x.phase === 'after-down');
  const restored = r.hashes.afterDown !== undefined && r.hashes.afterDown === r.hashes.baseline;
  const same = r.rollbackDifferences.length === 0 && afterDown !== undefined;
  const fp = r.hashes.baseline.replace(/^sha256:/, '').slice(0, 12);
  if (r.rollbackProven && restored && same) {
    return {
      proven: true,
      proof: `On the rehearsal copy the rollback was practised and checked: the configuration and all ${n(r.snapshot.issues)} issues came back exactly as they were (identical fingerprint ${fp}…), and ${n(afterDown!.observations)} checks of what people and integrations can do gave the same answers as before the change.`,
    };
  }
  const why = [
    ...(restored ? [] : ['the configuration and issues did not come back exactly']),
    ...(same ? [] : [afterDown ? `${r.rollbackDifferences.length} checks differ after rolling back` : 'the checks after rolling back did not run']),
    ...(restored && same ? ['applying the change again did not give the same result'] : []),
  ];
  return { proven: false, proof: `The rollback was NOT proven on the rehearsal copy: ${why.join('; ')}.` };
};

const evidenceOf = (r: RehearsalResult): string[] => {
  const runs = r.runs.map(
    (x) =>
      `${x.phase}: ${n(x.tests.passed)} tests passed, ${n(x.tests.failed)} failed, ${n(x.observations)} observations (${Math.round(x.ms / 1000)} s)`,
  );
  return [
    `Rehearsed on ${r.startedAt} on the snapshot ${r.snapshot.dir} (${r.snapshot.kind}, ${n(r.snapshot.issues)} issues in ${n(r.snapshot.projects)} projects), clock frozen at ${r.now}; verdict: ${r.verdict}.`,
    ...runs,
    `${n(r.expected.length)} intended differences (each declared by the change), ${n(r.regressions.length)} undeclared.`,
    `Hashes: baseline ${r.hashes.baseline}, after the change ${r.hashes.afterUp ?? '—'}, after rolling back ${r.hashes.afterDown ?? '—'}, after applying again ${r.hashes.afterUpAgain ?? '—'}.`,
  ];
};

const contactOf = (settings: Settings, snap: SnapshotFacts): string => {
  if (settings.announce.contact) return settings.announce.contact;
  const admins = snap.admins.slice(0, 3).map((a) => `${a.displayName} <${a.email}>`);
  return admins.length
    ? `the ${settings.announce.trackerName} administrators: ${admins.join(', ')}`
    : `the ${settings.announce.trackerName} administrators`;
};

export const gatherFacts = (input: FactsInput): NoticeFacts => {
  const { result: r, snapshot: snap, settings } = input;
  const diffs = [...r.expected, ...r.regressions];
  const personName = (id: string): string => snap.people.get(id.toLowerCase())?.displayName ?? snap.people.get(id)?.displayName ?? id;
  const effects = effectsOf(diffs, snap.projectNames, personName);
  const changes = changesByArea(r);

  const projectKeys = new Set<string>(effects.projects);
  for (const m of r.migrations) {
    for (const k of Object.keys(m.issues.byProject)) projectKeys.add(k);
    for (const s of m.sharedSchemes ?? []) for (const p of s.projects) projectKeys.add(p);
  }
  const people = new Set<string>([...effects.people].map((p) => p.toLowerCase()));
  const recipients = new Map<string, number>();
  for (const m of r.migrations) {
    for (const p of m.notifications.perRecipient) {
      people.add(p.recipient.toLowerCase());
      recipients.set(p.recipient, (recipients.get(p.recipient) ?? 0) + p.count);
    }
  }
  const names = [...people].map(personName).sort((a, b) => a.localeCompare(b));
  const groupCount = new Map<string, number>();
  for (const p of people) for (const g of snap.people.get(p)?.groups ?? []) groupCount.set(g, (groupCount.get(g) ?? 0) + 1);

  const est = estimate(r, snap.productionIssues);
  const production = snap.productionIssues ?? r.snapshot.productionIssues ?? r.snapshot.issues;
  const touched = r.migrations.reduce((a, m) => a + m.issues.total, 0);
  const manualSteps = {
    apply: r.migrations.reduce((a, m) => a + m.configChanges.length + (m.issues.total ? 1 : 0), 0),
    backout: r.migrations.reduce((a, m) => a + (m.backoutConfigChanges ?? m.configChanges).length + (m.issues.total ? 1 : 0), 0),
  };
  const allowMs = { apply: Math.max(est.prodUpMs, manualSteps.apply * 60_000), backout: Math.max(est.prodDownMs, manualSteps.backout * 60_000) };
  const windowMinutes = input.windowMinutes ?? defaultWindow(allowMs.apply, allowMs.backout);
  const { proven, proof } = proofOf(r);
  const steps = [...r.migrations].reverse().flatMap((m) =>
    (
      m.backout ??
      m.sentences
        .slice()
        .reverse()
        .map((s) => `Undo “${s.replace(/\.$/, '')}”.`)
    ).map((s) =>
      plainWords(
        s.replace(/“(configuration changes made directly by|\d+ issue\(s\) edited by) (up|down)\(\)”/, `“${m.description.replace(/\.$/, '')}”`),
      ),
    ),
  );

  const risks = [
    ...r.hazards.map((h) => `${h.severity === 'error' ? 'Blocking' : 'Warning'}: ${h.message}${h.migration ? ` (${h.migration})` : ''}.`),
    ...r.migrations
      .filter((m) => m.irreversible)
      .map((m) => `Irreversible in production: ${m.irreversible!.reason} Recovery: ${m.irreversible!.recovery}`),
    ...r.migrations.flatMap((m) =>
      (m.sharedSchemes ?? [])
        .filter((s) => s.projects.length > 1)
        .map(
          (s) =>
            `${m.id} changes the ${s.collection
              .replace(/s$/, '')
              .replace(/([A-Z])/g, ' $1')
              .toLowerCase()} “${s.scheme}”, which ${s.projects.length} projects share (${s.projects.join(', ')}): all of them get the change.`,
        ),
    ),
  ];

  return {
    kind: input.kind,
    tracker: settings.announce.trackerName,
    title: titleOf(r),
    ok: r.verdict === 'safe',
    failures: r.hazards.filter((h) => h.severity === 'error' || r.strict).map((h) => `${h.message}${h.migration ? ` (${h.migration})` : ''}`),
    changes,
    reasons: r.migrations.map((m) => ({ id: m.id, description: m.description })),
    projects: [...projectKeys].sort().map((k) => projectLabel(k, snap)),
    people: {
      count: people.size,
      names,
      emails: [...people]
        .map((p) => snap.people.get(p)?.email ?? (p.includes('@') ? p : ''))
        .filter(Boolean)
        .sort(),
    },
    groups: [...groupCount.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, count]) => ({ name, count })),
    effects,
    issues: {
      sample: r.snapshot.issues,
      production,
      touched,
      touchedProduction: r.snapshot.issues > 0 ? Math.round((touched * production) / r.snapshot.issues) : touched,
    },
    notificationsCaused: {
      total: [...recipients.values()].reduce((a, b) => a + b, 0),
      recipients: recipients.size,
      most: Math.max(0, ...recipients.values()),
    },
    estimate: est,
    manualSteps,
    allowMs,
    start: input.start,
    windowMinutes,
    end: new Date(input.start.getTime() + windowMinutes * 60_000),
    backout: {
      command: `npm run migrate:down -- --steps ${r.migrations.length}`,
      steps,
      proven,
      proof,
      irreversible: r.migrations.filter((m) => m.irreversible).map((m) => ({ id: m.id, ...m.irreversible! })),
    },
    contact: contactOf(settings, snap),
    link: input.link,
    runbook: input.runbook,
    evidence: evidenceOf(r),
    risks,
    notChecked: [...r.notRun, ...snap.notContained.map((x) => `${x} (not in the snapshot)`)],
    now: input.now,
    rehearsedAt: new Date(r.startedAt),
    ...(input.message !== undefined ? { message: input.message } : {}),
    ...(input.startedAt ? { startedAt: input.startedAt } : {}),
    updateEveryMinutes: settings.announce.updateEveryMinutes,
    channels: settings.announce.channels.map((c) => c.name),
  };
};
