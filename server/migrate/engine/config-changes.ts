/**
 * A readable configuration diff: the patches between two configurations, with list positions named
 * by the entity they hold (`workflows['Bug workflow'].transitions['Start progress'].name`).
 */
import type { Config, Project } from '../../model/index.ts';
import { diff, type PathSeg } from '../config-diff.ts';

const labelOf = (v: unknown): string | undefined => {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  for (const k of ['name', 'key', 'displayName', 'value', 'field', 'status', 'permission', 'event', 'id'])
    if (typeof o[k] === 'string') return o[k] as string;
  return undefined;
};

const brief = (v: unknown): string => {
  const label = labelOf(v);
  if (label !== undefined && typeof v === 'object') return `'${label}'`;
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

const describePath = (root: unknown, path: readonly PathSeg[]): string => {
  let node: unknown = root;
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') {
      const item = Array.isArray(node) ? node[seg] : undefined;
      const label = labelOf(item);
      out += label !== undefined ? `['${label}']` : `[${seg}]`;
      node = item;
    } else {
      out += out ? `.${seg}` : seg;
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
};

const getAt = (root: unknown, path: readonly PathSeg[]): unknown =>
  path.reduce<unknown>((n, s) => (n && typeof n === 'object' ? (n as Record<string | number, unknown>)[s] : undefined), root);

/** One line per change, from `before` to `after`. */
export const configChanges = (before: Config, after: Config): string[] =>
  diff(before, after).map((p) => {
    const where = describePath(before, p.path);
    if (p.op === 'delete') return `${where}: removed ${brief(getAt(before, p.path))}`;
    if (p.op === 'set') {
      const old = getAt(before, p.path);
      return old === undefined ? `${where}: set to ${brief(p.value)}` : `${where}: ${brief(old)} → ${brief(p.value)}`;
    }
    const list = getAt(before, p.path) as unknown[];
    const removed = list.slice(p.index, p.index + p.remove);
    const parts = [
      ...removed.map((r) => `- ${brief(r)}`),
      ...p.insert.map((r) => `+ ${brief(r)}${p.index < list.length ? ` at position ${p.index + 1}` : ''}`),
    ];
    return `${where}: ${parts.join(', ')}`;
  });

/** Which project scheme kind a top-level collection is, for "who else uses this". */
const SCHEME_KINDS: Partial<Record<keyof Config, keyof Project['schemes']>> = {
  permissionSchemes: 'permissionScheme',
  notificationSchemes: 'notificationScheme',
  workflowSchemes: 'workflowScheme',
  issueTypeSchemes: 'issueTypeScheme',
  issueTypeScreenSchemes: 'issueTypeScreenScheme',
  fieldConfigurationSchemes: 'fieldConfigurationScheme',
};

export interface SharedSchemeChange {
  collection: string;
  scheme: string;
  projects: string[];
}

/**
 * Every scheme a change touches (directly, or through a workflow, screen or field configuration it
 * contains) with every project that uses it: a shared scheme changes projects nobody meant to touch.
 */
export const sharedSchemeChanges = (before: Config, after: Config): SharedSchemeChange[] => {
  const touched = new Map<string, Set<string>>();
  const mark = (collection: string, id: string) => {
    const set = touched.get(collection) ?? new Set<string>();
    set.add(id);
    touched.set(collection, set);
  };
  for (const p of diff(before, after)) {
    const [collection, index] = p.path;
    if (typeof collection !== 'string' || typeof index !== 'number') continue;
    const entity = (before as unknown as Record<string, { id: string }[]>)[collection]?.[index];
    if (entity) mark(collection, entity.id);
  }
  // Follow containment: workflows → workflow schemes; screens → screen schemes → issue type screen schemes; field configurations → their schemes.
  for (const wf of touched.get('workflows') ?? [])
    for (const s of before.workflowSchemes) if (s.defaultWorkflow === wf || s.mappings.some((m) => m.workflow === wf)) mark('workflowSchemes', s.id);
  for (const sc of touched.get('screens') ?? [])
    for (const s of before.screenSchemes) if (Object.values(s.screens).includes(sc)) mark('screenSchemes', s.id);
  for (const ss of touched.get('screenSchemes') ?? [])
    for (const s of before.issueTypeScreenSchemes)
      if (s.default === ss || s.mappings.some((m) => m.screenScheme === ss)) mark('issueTypeScreenSchemes', s.id);
  for (const fc of touched.get('fieldConfigurations') ?? [])
    for (const s of before.fieldConfigurationSchemes)
      if (s.default === fc || s.mappings.some((m) => m.fieldConfiguration === fc)) mark('fieldConfigurationSchemes', s.id);
  const out: SharedSchemeChange[] = [];
  for (const [collection, ids] of touched) {
    const kind = SCHEME_KINDS[collection as keyof Config];
    if (!kind) continue;
    for (const id of ids) {
      const scheme = (before as unknown as Record<string, { id: string; name: string }[]>)[collection]!.find((s) => s.id === id);
      out.push({ collection, scheme: scheme?.name ?? id, projects: before.projects.filter((p) => p.schemes[kind] === id).map((p) => p.key) });
    }
  }
  return out;
};
