/**
 * Writes each kind of notice from the facts, in the words of the people affected: what changes,
 * why, who is affected, what to do differently, when, the way back, whom to ask.
 */
import type { NoticeFacts } from './facts.ts';
import { fields, list, paragraph, type Block, type Notice, type NoticeKind, type Section } from './notice.ts';
import { formatDuration, formatTime, formatWhen } from './schedule.ts';

const n = (x: number): string => x.toLocaleString('en-US');
const cap = (items: readonly string[], max: number, more: string): string[] =>
  items.length > max ? [...items.slice(0, max), `…and ${items.length - max} more ${more}.`] : [...items];
const upper = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const minutes = (m: number): string => (m % 60 === 0 ? `${m / 60} h` : m > 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`);

const whatChanges = (f: NoticeFacts, max = 20): Section => ({
  title: 'What changes',
  blocks: f.changes.flatMap((c): Block[] => [paragraph(`${upper(c.area)}:`), list(cap(c.sentences, max, 'in the report'))]),
});

const why = (f: NoticeFacts): Section => ({ title: 'Why', blocks: [list(f.reasons.map((r) => r.description))] });

const who = (f: NoticeFacts): Section => {
  const rows: string[] = [];
  if (f.projects.length) rows.push(`Projects: ${f.projects.join(', ')}.`);
  if (f.people.count) {
    const groups = f.groups
      .slice(0, 6)
      .map((g) => `${g.name} (${g.count})`)
      .join(', ');
    rows.push(
      `People: ${n(f.people.count)} ${f.people.count === 1 ? 'person' : 'people'} of the rehearsal's sample see a difference${groups ? `, in the groups ${groups}` : ''}.`,
    );
  }
  if (f.issues.touched) {
    rows.push(
      `Issues: up to ${n(f.issues.touched)} of the ${n(f.issues.sample)} issues on the rehearsal copy change${f.issues.production > f.issues.sample ? `; in production up to about ${n(f.issues.touchedProduction)} of ${n(f.issues.production)}` : ''}.`,
    );
  } else rows.push('Issues: no issue changes; only the configuration does.');
  if (f.effects.integrations.length)
    rows.push(
      `Integrations: ${f.effects.integrations.map((i) => `${i.name} (${i.changes.length} request${i.changes.length === 1 ? '' : 's'} answer differently)`).join('; ')}.`,
    );
  else rows.push('Integrations: every recorded integration gets the same answers as before.');
  if (f.notificationsCaused.total)
    rows.push(
      `E-mail: the change itself sends ${n(f.notificationsCaused.total)} notifications to ${n(f.notificationsCaused.recipients)} people (at most ${n(f.notificationsCaused.most)} to one person) on the rehearsal copy.`,
    );
  return { title: 'Who is affected', blocks: [list(rows)] };
};

const mustDo = (f: NoticeFacts): Section => ({
  title: 'What you need to do differently',
  blocks: [f.effects.mustDo.length ? list(cap(f.effects.mustDo, 15, 'in the report')) : paragraph('Nothing: you work as before.')],
});

const willNotice = (f: NoticeFacts): Section | undefined =>
  f.effects.willNotice.length ? { title: 'What you will notice', blocks: [list(cap(f.effects.willNotice, 12, 'in the report'))] } : undefined;

const when = (f: NoticeFacts): Section => ({
  title: 'When',
  blocks: [
    fields([
      ['Starts', formatWhen(f.start)],
      ['Window', `${minutes(f.windowMinutes)}, until ${formatTime(f.end, f.start)}`],
      ['Allow', `${formatDuration(f.allowMs.apply)} to apply; ${formatDuration(f.allowMs.backout)} to roll back if needed`],
    ]),
    paragraph(
      `How we know: the runbook has ${n(f.manualSteps.apply)} steps to do by hand in production (${n(f.manualSteps.backout)} to back out), counted at a minute each. The rehearsal applied the change in ${formatDuration(f.estimate.upMs).replace(/^about /, '')} and rolled it back in ${formatDuration(f.estimate.downMs).replace(/^about /, '')} on its copy (in-process, no manual steps): ${f.estimate.scaling}.`,
    ),
  ],
});

const backout = (f: NoticeFacts, title = 'If something goes wrong', max = 12): Section => ({
  title,
  blocks: [
    paragraph(`We put everything back as it was, in this order (the Backout section of the runbook ${f.runbook} has every step):`),
    list(cap(f.backout.steps, max, 'in the runbook')),
    ...(f.backout.irreversible.length
      ? [list(f.backout.irreversible.map((i) => `Cannot be fully undone in production: ${i.reason} Recovery: ${i.recovery}`))]
      : []),
    fields([
      [
        'Allow for the rollback',
        `${formatDuration(f.allowMs.backout)} (${n(f.manualSteps.backout)} runbook steps; ${formatDuration(f.estimate.downMs).replace(/^about /, '')} on the rehearsal copy)`,
      ],
      ['Rehearsed with', `${f.backout.command} on the rehearsal copy`],
    ]),
    paragraph(f.backout.proof),
  ],
});

const ask = (f: NoticeFacts): Section => ({
  title: 'Questions',
  blocks: [paragraph(`Ask ${f.contact}. The full rehearsal report: ${f.link}`)],
});

const sections = (...xs: (Section | undefined)[]): Section[] => xs.filter((x): x is Section => x !== undefined);

const elapsedOf = (f: NoticeFacts): number => (f.startedAt ? Math.max(0, f.now.getTime() - f.startedAt.getTime()) : 0);
const nextUpdate = (f: NoticeFacts): string => formatTime(new Date(f.now.getTime() + f.updateEveryMinutes * 60_000), f.now);

const headsUp = (f: NoticeFacts): Notice => ({
  kind: 'heads-up',
  tone: 'info',
  link: f.link,
  subject: `[${f.tracker}] Planned change on ${formatWhen(f.start)}: ${f.title}`,
  headline: `On ${formatWhen(f.start)} we change ${f.tracker}: ${f.title}. The window is ${minutes(f.windowMinutes)}.`,
  sections: sections(whatChanges(f), why(f), who(f), mustDo(f), willNotice(f), when(f), backout(f), ask(f)),
});

const started = (f: NoticeFacts): Notice => {
  const at = f.startedAt ?? f.now;
  return {
    kind: 'started',
    tone: 'warning',
    link: f.link,
    subject: `[${f.tracker}] Change in progress: ${f.title}`,
    headline: `We started changing ${f.tracker} at ${formatTime(at, at)}: ${f.title}. We expect to finish by ${formatTime(new Date(Math.ceil((at.getTime() + f.allowMs.apply) / 60_000) * 60_000), at)}; the window ends at ${formatTime(f.end, at)}.`,
    sections: sections(
      {
        title: 'Meanwhile',
        blocks: [
          list([
            ...(f.projects.length
              ? [
                  `Please hold off on editing issues in ${f.projects.join(', ')} until the all-clear: if we have to roll back, values changed in the meantime may be put back to what they were.`,
                ]
              : []),
            `The next update comes by ${nextUpdate(f)}, or sooner if something changes.`,
            ...(f.message ? [f.message] : []),
          ]),
        ],
      },
      whatChanges(f, 8),
      mustDo(f),
      backout(f, 'If something goes wrong'),
      ask(f),
    ),
  };
};

const update = (f: NoticeFacts): Notice => ({
  kind: 'update',
  tone: 'warning',
  link: f.link,
  subject: `[${f.tracker}] Update, ${formatDuration(elapsedOf(f)).replace(/^about /, '')} in: ${f.title}`,
  headline: f.message!,
  sections: sections(
    {
      title: 'Where we are',
      blocks: [
        fields([
          ['Started', f.startedAt ? formatWhen(f.startedAt) : 'not recorded'],
          ['Elapsed', formatDuration(elapsedOf(f))],
          ['Allowed for the change', formatDuration(f.allowMs.apply)],
          ['Window ends', formatTime(f.end, f.now)],
          ['Next update', `by ${nextUpdate(f)}`],
        ]),
      ],
    },
    backout(f, 'If we have to roll back'),
    ask(f),
  ),
});

const done = (f: NoticeFacts): Notice => ({
  kind: 'done',
  tone: 'success',
  link: f.link,
  subject: `[${f.tracker}] Done: ${f.title}`,
  headline: `The change to ${f.tracker} is complete: ${f.title}.${f.startedAt ? ` It took ${formatDuration(elapsedOf(f))} (started ${formatTime(f.startedAt, f.now)}, finished ${formatTime(f.now, f.now)}).` : ` Finished at ${formatTime(f.now, f.now)}.`}`,
  sections: sections(
    ...(f.message ? [{ title: 'What happened', blocks: [paragraph(f.message)] }] : []),
    mustDo(f),
    willNotice(f),
    whatChanges(f, 10),
    {
      title: 'If you see a problem',
      blocks: [
        paragraph(
          `Tell ${f.contact} straight away. ${f.backout.proven ? 'The way back is ready and was practised on the rehearsal copy' : 'The way back is written down in the runbook (the rehearsal could not prove it)'}: allow ${formatDuration(f.allowMs.backout)}.`,
        ),
        paragraph(`The full rehearsal report: ${f.link}`),
      ],
    },
  ),
});

const rolledBack = (f: NoticeFacts): Notice => ({
  kind: 'rolled-back',
  tone: 'danger',
  link: f.link,
  subject: `[${f.tracker}] Rolled back: ${f.title}`,
  headline: `We backed out the change to ${f.tracker} (${f.title}). ${f.tracker} works as it did before${f.startedAt ? ` ${formatTime(f.startedAt, f.now)}` : ''}.`,
  sections: sections(
    {
      title: 'What happened',
      blocks: [
        paragraph(
          f.message ?? `The change was backed out during the window${f.startedAt ? `, ${formatDuration(elapsedOf(f))} after it started` : ''}.`,
        ),
      ],
    },
    { title: 'What was restored', blocks: [list(f.backout.steps), paragraph(f.backout.proof)] },
    {
      title: 'What comes next',
      blocks: [
        paragraph(
          'Work as you did before the change. We will find the cause, rehearse a corrected change and announce a new window before trying again.',
        ),
      ],
    },
    ask(f),
  ),
});

const changeRequest = (f: NoticeFacts): Notice => ({
  kind: 'change-request',
  tone: 'info',
  link: f.link,
  subject: `Change request: ${f.tracker}: ${f.title}`,
  headline: `Change ${f.tracker}'s configuration: ${f.title}. ${f.backout.proven ? 'Rehearsed on a copy of production and rolled back there with proof' : 'Rehearsed on a copy of production; the rollback was not proven'}; allow ${formatDuration(f.allowMs.apply)} to apply, ${formatDuration(f.allowMs.backout)} to roll back.`,
  sections: [
    { title: 'Summary', blocks: [paragraph(`${f.title}.`), ...whatChanges(f, 12).blocks] },
    { title: 'Reason', blocks: [list(f.reasons.map((r) => `${r.description} (${r.id})`))] },
    { title: 'Impact', blocks: [...who(f).blocks, paragraph('What users must do differently:'), ...mustDo(f).blocks] },
    {
      title: 'Risk',
      blocks: [
        f.risks.length ? list(f.risks) : paragraph('No hazard found by the rehearsal.'),
        paragraph('Not covered by the rehearsal:'),
        list(cap(f.notChecked, 20, 'in the report')),
      ],
    },
    { title: 'Test evidence', blocks: [list(f.evidence), paragraph(f.backout.proof), paragraph(`Report: ${f.link}`)] },
    {
      title: 'Implementation plan',
      blocks: [
        paragraph(`Follow the runbook ${f.runbook}: ${f.reasons.length} step${f.reasons.length === 1 ? '' : 's'}, in this order:`),
        list(f.reasons.map((r) => `${r.id}: ${r.description}`)),
        paragraph(
          `Allow ${formatDuration(f.allowMs.apply)}: ${n(f.manualSteps.apply)} steps by hand at a minute each, or the rehearsal's measurement scaled to production if longer (${f.estimate.scaling}).`,
        ),
      ],
    },
    { title: 'Backout plan', blocks: backout(f, '', Number.POSITIVE_INFINITY).blocks },
    { title: 'Schedule', blocks: when(f).blocks },
    {
      title: 'Communication plan',
      blocks: [
        list([
          `Heads-up to the people affected (${f.people.count ? `${n(f.people.count)} people of the sample, ` : ''}projects ${f.projects.join(', ') || 'none'}) at least a day before: npm run announce -- heads-up.`,
          `At the start of the window: npm run announce -- started; progress every ${f.updateEveryMinutes} min: npm run announce -- update --message "…".`,
          'At the end: npm run announce -- done, or npm run announce -- rolled-back if it is backed out.',
          `Channels: ${f.channels.length ? f.channels.join(', ') : 'the notices are written to the report folder (no channel configured in understudy.config.json)'}; every notice is recorded in the report's communication log.`,
        ]),
      ],
    },
  ],
});

const COMPOSERS: Record<NoticeKind, (f: NoticeFacts) => Notice> = {
  'heads-up': headsUp,
  started,
  update,
  done,
  'rolled-back': rolledBack,
  'change-request': changeRequest,
};

export const composeNotice = (f: NoticeFacts): Notice => COMPOSERS[f.kind](f);
