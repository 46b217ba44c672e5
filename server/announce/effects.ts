/**
 * Turns the rehearsal's differences (what people and integrations could do before and after the
 * change) into sentences for the people affected: what they must do differently, what they will
 * notice, and who and what is touched. Differences that say the same thing for many people or
 * issue types are folded into one sentence.
 */
import type { Difference } from '../rehearse/index.ts';

export interface Effects {
  /** Things people must do differently (a required field, an option or a transition gone, access lost). */
  mustDo: string[];
  /** Things people will see change without having to act. */
  willNotice: string[];
  /** Integrations whose requests answer differently, with what changed. */
  integrations: { name: string; changes: string[] }[];
  /** Projects named by the differences (keys). */
  projects: Set<string>;
  /** People named by the differences (e-mail or account id, as recorded). */
  people: Set<string>;
}

const PERMISSION_WORDS: Record<string, string> = {
  BROWSE_PROJECTS: 'see',
  CREATE_ISSUES: 'create issues in',
  EDIT_ISSUES: 'edit issues in',
  TRANSITION_ISSUES: 'move issues through the workflow in',
  ADD_COMMENTS: 'comment in',
  ADMINISTER_PROJECTS: 'administer',
};

const key0 = (d: Difference, k: string): string | undefined => d.keys[k]?.[0];
const name1 = (d: Difference, k: string): string | undefined => d.keys[k]?.[1] ?? d.keys[k]?.[0];
const quote = (s: string): string => `“${s}”`;
const andList = (xs: readonly string[], max = 6): string => {
  const u = [...new Set(xs)];
  const shown = u.length > max ? [...u.slice(0, max), `${u.length - max} more`] : u;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
};
const people = (names: readonly string[]): string => {
  const u = [...new Set(names)];
  return u.length <= 4 ? andList(u) : `${u.length} people (${andList(u, 3)})`;
};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Groups items by a key, keeping first-seen order. */
const groupBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
};

const projectWords = (d: Difference, names: Map<string, string>): string => {
  const key = key0(d, 'project') ?? '';
  const name = d.keys.project?.[1] ?? names.get(key);
  return name && name !== key ? `${name} (${key})` : key;
};

const createmeta = (ds: Difference[], names: Map<string, string>, e: Effects): void => {
  const where = (list: Difference[]) =>
    andList(
      [...groupBy(list, (d) => projectWords(d, names)).entries()].map(
        ([p, xs]) => `${andList(xs.map((d) => key0(d, 'issueType') ?? 'new'))} issues in ${p}`,
      ),
    );
  // One sentence per field, change, project and what exactly changed, folded over issue types only.
  const removedOf = (d: Difference) => {
    const a = strings(obj(d.after).allowed);
    const b = strings(obj(d.before).allowed);
    return `${b.filter((v) => !a.includes(v)).join('\u0000')}|${a.filter((v) => !b.includes(v)).join('\u0000')}`;
  };
  const byFieldChange = groupBy(ds, (d) =>
    [
      name1(d, 'field'),
      d.change,
      key0(d, 'project'),
      obj(d.after).required ? 'req' : '',
      obj(d.after).hasDefault ? 'def' : '',
      d.change === 'allowedValues' ? removedOf(d) : '',
    ].join('|'),
  );
  for (const list of byFieldChange.values()) {
    const d = list[0]!;
    const field = quote(name1(d, 'field') ?? key0(d, 'field') ?? 'a field');
    const after = obj(d.after);
    if (d.id.endsWith('|create')) {
      if (d.change === 'create-fails')
        e.mustDo.push(`Creating ${where(list)} the usual way no longer works: check the report for what it now needs.`);
      else if (d.change === 'create-succeeds') e.willNotice.push(`Creating ${where(list)} works again.`);
      continue;
    }
    switch (d.change) {
      case 'required':
        e.mustDo.push(
          `When you create ${where(list)}, ${field} is now required${after.hasDefault ? ' (it starts with a default value you can change)' : ''}.`,
        );
        break;
      case 'added':
        if (after.required)
          e.mustDo.push(
            `When you create ${where(list)}, ${field} is new and required${after.hasDefault ? ' (it starts with a default value you can change)' : ''}.`,
          );
        else e.willNotice.push(`${field} now appears when you create ${where(list)}.`);
        break;
      case 'optional':
        e.willNotice.push(`${field} is no longer required when you create ${where(list)}.`);
        break;
      case 'removed':
        e.willNotice.push(`${field} is no longer on the form when you create ${where(list)}.`);
        break;
      case 'default':
        e.willNotice.push(`${field} starts with a different default when you create ${where(list)}.`);
        break;
      case 'unavailable':
        e.mustDo.push(`You can no longer create ${where(list)}.`);
        break;
      case 'available':
        e.willNotice.push(`You can now create ${where(list)}.`);
        break;
      case 'allowedValues': {
        const gone = new Set<string>();
        const added = new Set<string>();
        for (const x of list) {
          const b = strings(obj(x.before).allowed);
          const a = strings(obj(x.after).allowed);
          for (const v of b) if (!a.includes(v)) gone.add(v);
          for (const v of a) if (!b.includes(v)) added.add(v);
        }
        if (gone.size)
          e.mustDo.push(`${field} no longer offers ${andList([...gone].map(quote))} (when you create ${where(list)}); pick another value.`);
        if (added.size) e.willNotice.push(`${field} now also offers ${andList([...added].map(quote))} (when you create ${where(list)}).`);
        break;
      }
      default:
        e.willNotice.push(`${field} changes (${d.change}) when you create ${where(list)}.`);
    }
  }
};

const transitionName = (s: string): string => s.split(' → ')[0] ?? s;

const transitions = (ds: Difference[], names: Map<string, string>, e: Effects): void => {
  const offered = new Map<string, { gone: boolean; people: string[]; where: Set<string> }>();
  const walks: Difference[] = [];
  const hidden = groupBy(
    ds.filter((d) => d.change === 'hidden' || d.change === 'shown'),
    (d) => `${d.change}|${projectWords(d, names)}`,
  );
  for (const d of ds) {
    if (d.change === 'hidden' || d.change === 'shown') continue;
    if (d.id.startsWith('transitions|sees|')) {
      const b = strings(d.before).map(transitionName);
      const a = strings(d.after).map(transitionName);
      const where = `${key0(d, 'issueType')} issues`;
      const project = projectWords(d, names);
      for (const [list, gone] of [
        [b.filter((t) => !a.includes(t)), true],
        [a.filter((t) => !b.includes(t)), false],
      ] as const) {
        for (const t of list) {
          const k = `${gone}|${project}|${t}`;
          const entry = offered.get(k) ?? { gone, people: [], where: new Set<string>() };
          entry.people.push(name1(d, 'persona') ?? '');
          entry.where.add(where);
          offered.set(k, entry);
        }
      }
    } else walks.push(d);
  }
  for (const [k, v] of offered) {
    const [, project, name] = k.split('|');
    const t = quote(name!);
    if (v.gone) e.mustDo.push(`${t} is no longer offered on ${andList([...v.where])} in ${project} (for ${people(v.people)}).`);
    else e.willNotice.push(`New: ${t} on ${andList([...v.where])} in ${project} (for ${people(v.people)}).`);
  }
  for (const [k, list] of hidden) {
    const shown = k.startsWith('shown|');
    const p = k.slice(k.indexOf('|') + 1);
    (shown ? e.willNotice : e.mustDo).push(
      `${people(list.map((d) => name1(d, 'persona') ?? ''))} ${shown ? 'can now open' : 'can no longer open'} issues of ${p}.`,
    );
  }
  for (const list of groupBy(walks, (d) => `${key0(d, 'transition')}|${JSON.stringify(d.before)}|${JSON.stringify(d.after)}`).values()) {
    const d = list[0]!;
    const b = obj(d.before);
    const a = obj(d.after);
    const t = quote(key0(d, 'transition') ?? 'a transition');
    const where = andList(list.map((x) => `${key0(x, 'issueType')} issues in ${projectWords(x, names)}`));
    if (b.taken && !a.taken)
      e.mustDo.push(
        `${t} can no longer be completed on ${where}${Array.isArray(a.messages) && a.messages.length ? `: ${String(a.messages[0])}` : ''}.`,
      );
    else if (!b.taken && a.taken) e.willNotice.push(`${t} can now be completed on ${where}.`);
    else if (b.resolution !== a.resolution && b.status === a.status)
      e.willNotice.push(
        `${t} on ${where} now sets the resolution ${quote(String(a.resolution ?? 'none'))} instead of ${quote(String(b.resolution ?? 'none'))}.`,
      );
    else if (b.status !== a.status)
      e.willNotice.push(`${t} on ${where} now leads to ${quote(String(a.status))} instead of ${quote(String(b.status))}.`);
  }
};

const permissions = (ds: Difference[], names: Map<string, string>, e: Effects): void => {
  for (const list of groupBy(ds, (d) => `${d.change}|${key0(d, 'permission')}|${projectWords(d, names)}`).values()) {
    const d = list[0]!;
    const words = PERMISSION_WORDS[key0(d, 'permission') ?? ''] ?? `use the permission ${key0(d, 'permission')} in`;
    const who = people(list.map((x) => name1(x, 'persona') ?? ''));
    if (d.change === 'revoked') e.mustDo.push(`${who} can no longer ${words} ${projectWords(d, names)}.`);
    else if (d.change === 'granted') e.willNotice.push(`${who} can now ${words} ${projectWords(d, names)}.`);
  }
};

const lengthOf = (v: unknown): number | undefined =>
  Array.isArray(v) ? v.length : Array.isArray(obj(v).keys) ? (obj(v).keys as unknown[]).length : undefined;

const filtersAndBoards = (ds: Difference[], e: Effects): void => {
  for (const d of ds.filter((x) => x.check === 'filters')) {
    const name = quote(key0(d, 'filter') ?? 'a saved filter');
    const b = lengthOf(d.before);
    const a = lengthOf(d.after);
    if (d.change === 'reordered') e.willNotice.push(`The saved filter ${name} lists its issues in a different order.`);
    else if (d.change === 'removed') e.mustDo.push(`The saved filter ${name} no longer runs for everyone who used it.`);
    else if (a !== undefined && a === b)
      e.willNotice.push(`The saved filter ${name} returns a different mix or order of its ${b} issues (on the rehearsal copy).`);
    else
      e.willNotice.push(
        `The saved filter ${name} returns different issues${a !== undefined && b !== undefined ? ` (${b} before, ${a} after on the rehearsal copy)` : ''}.`,
      );
  }
  for (const [board, list] of groupBy(
    ds.filter((x) => x.check === 'boards'),
    (d) => key0(d, 'board') ?? '',
  )) {
    const colsOf = (xs: Difference[]) => xs.map((d) => key0(d, 'column')).filter((c): c is string => !!c);
    const cols = colsOf(list);
    const unmapped = cols.includes('(not on the board)');
    const reordered = colsOf(list.filter((d) => d.change === 'reordered')).filter((c) => c !== '(not on the board)');
    const named = colsOf(list.filter((d) => d.change !== 'reordered')).filter((c) => c !== '(not on the board)');
    if (named.length)
      e.willNotice.push(
        `On the board ${quote(board)}, the column${named.length === 1 ? '' : 's'} ${andList(named.map(quote))} show${named.length === 1 ? 's' : ''} different issues.`,
      );
    if (reordered.length)
      e.willNotice.push(
        `On the board ${quote(board)}, the column${reordered.length === 1 ? '' : 's'} ${andList(reordered.map(quote))} list${reordered.length === 1 ? 's' : ''} the same issues in a different order.`,
      );
    if (unmapped)
      e.mustDo.push(`Some issues of the board ${quote(board)} are in no column and so do not show on it: look for them in the issue search.`);
    if (!cols.length) e.willNotice.push(`The board ${quote(board)} changes (${list[0]!.change}).`);
  }
};

const notifications = (ds: Difference[], names: Map<string, string>, e: Effects, personName: (id: string) => string): void => {
  for (const list of groupBy(
    ds,
    (d) =>
      `${d.change === 'removed' || (typeof d.after === 'number' && typeof d.before === 'number' && d.after < d.before) ? 'fewer' : 'more'}|${key0(d, 'event')}|${key0(d, 'project')}`,
  ).values()) {
    const d = list[0]!;
    const fewer = d.change === 'removed' || (typeof d.after === 'number' && typeof d.before === 'number' && d.after < d.before);
    const project = key0(d, 'project') ? ` in ${projectWords(d, names)}` : '';
    const who = [...new Set(list.map((x) => personName(key0(x, 'recipient') ?? '')))];
    const verb = who.length === 1 ? 'gets' : 'get';
    e.willNotice.push(
      `${people(who)} ${fewer ? 'no longer' : 'now'} ${verb} “${key0(d, 'event')}” e-mails${project} ${fewer ? 'that came before' : 'that did not come before'}.`,
    );
  }
};

const integrations = (ds: Difference[], e: Effects): void => {
  for (const [name, list] of groupBy(ds, (d) => key0(d, 'integration') ?? '')) {
    const changes = list.map((d) => {
      const b = obj(d.before);
      const a = obj(d.after);
      const req = d.label.replace(/^.*? request \d+: /, '');
      const why = [...strings(a.errorMessages), ...Object.entries(obj(a.errors)).map(([k, v]) => `${k}: ${String(v)}`)][0];
      return `${req} now answers ${a.status ?? d.change} (was ${b.status ?? 'nothing'})${why ? `: ${why}` : ''}`;
    });
    e.integrations.push({ name, changes });
    const failing = list.some((d) => Number(obj(d.after).status) >= 400 && !(Number(obj(d.before).status) >= 400));
    (failing ? e.mustDo : e.willNotice).push(
      `The integration ${quote(name)} ${failing ? 'must be changed: some of its requests now fail' : 'gets different answers'} (${changes[0]}${changes.length > 1 ? `, and ${changes.length - 1} more` : ''}).`,
    );
  }
};

/** Effects of a set of differences; `projectNames` fills in names the keys do not carry. */
export const effectsOf = (
  diffs: readonly Difference[],
  projectNames: Map<string, string> = new Map(),
  personName: (id: string) => string = (id) => id,
): Effects => {
  const e: Effects = { mustDo: [], willNotice: [], integrations: [], projects: new Set(), people: new Set() };
  for (const d of diffs) {
    const p = key0(d, 'project');
    if (p) e.projects.add(p);
    for (const k of ['persona', 'recipient']) if (key0(d, k)) e.people.add(key0(d, k)!);
  }
  const by = (check: string) => diffs.filter((d) => d.check === check);
  createmeta(by('createmeta'), projectNames, e);
  transitions(by('transitions'), projectNames, e);
  permissions(by('permissions'), projectNames, e);
  filtersAndBoards(
    diffs.filter((d) => d.check === 'filters' || d.check === 'boards'),
    e,
  );
  notifications(by('notifications'), projectNames, e, personName);
  integrations(by('integrations'), e);
  for (const d of by('specs')) e.willNotice.push(`Your own check ${quote(d.label)} changes (${d.change}).`);
  return e;
};
