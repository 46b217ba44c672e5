/** Priorities and resolutions: add, rename, remove with a mapping. Built from one pattern. */
import type { Config, Issue, PostFunction, Priority, Resolution } from '../../model/index.ts';
import { assertNameFree, fail } from '../names.ts';
import { SPECS, type Lookup } from '../lookup.ts';
import { defineOp, q } from './define.ts';
import { insertIndex, nextId } from './common.ts';

type Entry = Priority | Resolution;
type Key = 'priorities' | 'resolutions';

export interface AddCatalogArgs {
  name: string;
  description?: string;
  /** Position among the others (priorities are shown in order, highest first). At the end by default. */
  before?: string;
  after?: string;
}
export interface AddPriorityArgs extends AddCatalogArgs {
  /** CSS colour shown beside the priority. */ color?: string;
}
export type AddResolutionArgs = AddCatalogArgs;
export interface RenamePriorityArgs {
  from: string;
  to: string;
}
export interface RenameResolutionArgs {
  from: string;
  to: string;
}
export interface RemovePriorityArgs {
  priority: string /** Required when issues or post functions use it. */;
  mapTo?: string;
}
export interface RemoveResolutionArgs {
  resolution: string /** Required when issues or post functions use it. */;
  mapTo?: string;
}

interface Kind {
  key: Key;
  issueKey: 'priority' | 'resolution';
  what: string;
  spec: typeof SPECS.priority;
  find: (l: Lookup, n: unknown, arg: string) => Entry;
}

const KINDS: Record<'priority' | 'resolution', Kind> = {
  priority: { key: 'priorities', issueKey: 'priority', what: 'priority', spec: SPECS.priority, find: (l, n, a) => l.priority(n, a) },
  resolution: { key: 'resolutions', issueKey: 'resolution', what: 'resolution', spec: SPECS.resolution, find: (l, n, a) => l.resolution(n, a) },
};

const postFunctionsUsing = (c: Config, id: string): PostFunction[] =>
  c.workflows.flatMap((w) => w.transitions.flatMap((t) => t.rules.postFunctions)).filter((p) => p.type === 'setResolution' && p.resolution === id);

const adder = <A extends AddPriorityArgs>(k: Kind, kind: string) =>
  defineOp<A, { entry: Entry; at: number }>({
    kind,
    area: 'resolutions and priorities',
    required: ['name'],
    optional: k.key === 'priorities' ? ['description', 'color', 'before', 'after'] : ['description', 'before', 'after'],
    describe: (a) => `Add the ${k.what} ${q(a.name)}${a.before ? ` before ${q(a.before)}` : a.after ? ` after ${q(a.after)}` : ''}.`,
    prepare: (s, a, look, site) => {
      const list = s.config[k.key] as Entry[];
      const anchor = a.before ?? a.after;
      const anchorId = anchor === undefined ? undefined : k.find(look, anchor, a.before !== undefined ? 'before' : 'after').id;
      return {
        entry: {
          id: nextId(
            list.map((x) => x.id),
            k.what,
          ),
          name: assertNameFree(site, k.spec, list, a.name),
          ...(a.description !== undefined ? { description: a.description } : {}),
          ...(a.color !== undefined ? { color: a.color } : {}),
        },
        at: insertIndex(site, list, (x) => x.id === anchorId, a, `${k.what} list`),
      };
    },
    mutate: (s, p) => void (s.config[k.key] as Entry[]).splice(p.at, 0, p.entry),
  });

const renamer = (k: Kind, kind: string) =>
  defineOp<{ from: string; to: string }, { entry: Entry; to: string }>({
    kind,
    area: 'resolutions and priorities',
    required: ['from', 'to'],
    optional: [],
    describe: (a) => `Rename the ${k.what} ${q(a.from)} to ${q(a.to)}.`,
    prepare: (s, a, look, site) => {
      const entry = k.find(look, a.from, 'from');
      return { entry, to: assertNameFree(site, k.spec, s.config[k.key] as Entry[], a.to, entry, 'to') };
    },
    mutate: (_s, p) => void (p.entry.name = p.to),
  });

const remover = <A>(k: Kind, kind: string, arg: keyof A & string) =>
  defineOp<A, { entry: Entry; mapTo: Entry | undefined; issues: Issue[] }>({
    kind,
    area: 'resolutions and priorities',
    required: [arg],
    optional: ['mapTo' as keyof A & string],
    describe: (a) => {
      const r = a as Record<string, unknown>;
      return `Remove the ${k.what} ${q(r[arg])}${r.mapTo ? `, changing issues that have it to ${q(r.mapTo)}` : ''}.`;
    },
    prepare: (s, a, look, site) => {
      const r = a as Record<string, unknown>;
      const entry = k.find(look, r[arg], arg);
      const mapTo = r.mapTo === undefined ? undefined : k.find(look, r.mapTo, 'mapTo');
      if (mapTo === entry) fail(site, `mapTo: cannot map ${q(entry.name)} to itself`);
      const issues = s.issues.filter((i) => i[k.issueKey] === entry.id);
      if (!mapTo && issues.length)
        fail(
          site,
          `mapTo is required: ${issues.length} issue(s) have the ${k.what} ${q(entry.name)} (e.g. ${issues
            .slice(0, 3)
            .map((i) => i.key)
            .join(', ')})`,
        );
      if (!mapTo && k.key === 'resolutions' && postFunctionsUsing(s.config, entry.id).length) {
        fail(site, `mapTo is required: workflow post functions set the resolution ${q(entry.name)}`);
      }
      return { entry, mapTo, issues };
    },
    mutate: (s, { entry, mapTo, issues }, rec) => {
      if (mapTo) {
        for (const i of issues)
          rec.change(i, k.issueKey, mapTo.id, {
            field: k.issueKey,
            fieldId: k.issueKey,
            from: entry.id,
            fromString: entry.name,
            to: mapTo.id,
            toString: mapTo.name,
          });
        if (k.key === 'resolutions') for (const p of postFunctionsUsing(s.config, entry.id)) if (p.type === 'setResolution') p.resolution = mapTo.id;
      }
      (s.config as unknown as Record<Key, Entry[]>)[k.key] = (s.config[k.key] as Entry[]).filter((x) => x !== entry);
    },
  });

export const addPriority = adder<AddPriorityArgs>(KINDS.priority, 'addPriority');
export const renamePriority = renamer(KINDS.priority, 'renamePriority');
export const removePriority = remover<RemovePriorityArgs>(KINDS.priority, 'removePriority', 'priority');
export const addResolution = adder<AddResolutionArgs>(KINDS.resolution, 'addResolution');
export const renameResolution = renamer(KINDS.resolution, 'renameResolution');
export const removeResolution = remover<RemoveResolutionArgs>(KINDS.resolution, 'removeResolution', 'resolution');
