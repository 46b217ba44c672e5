/**
 * Table-driven admin API tests: each case calls the sandbox as a persona and states the answer's
 * status, what an error says, and what reads back afterwards. A refused call must leave the
 * canonical hash (GET /_understudy/hash) exactly as it was.
 */
import { expect } from 'vitest';
import type { Harness } from '../http/harness.ts';

export interface Answer {
  status: number;
  body: any;
  text: string;
  headers?: Headers;
}

export interface AdminCase {
  name: string;
  /** A persona: `admin` (default), `dev` (a non-admin developer), `anon` (no credentials) or an e-mail prefix. */
  as?: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  status: number;
  /** Text the error answer must contain (errorMessages and errors joined). */
  error?: string | RegExp;
  /** Read-back after the call (success cases). */
  afterwards?: (h: Harness, res: Answer) => Promise<void> | void;
}

export const hashOf = async (h: Harness): Promise<string> => ((await (await fetch(`${h.url}/_understudy/hash`)).json()) as { hash: string }).hash;

/**
 * A persona: `admin` (a Jira administrator), `dev` (a non-admin developer), `plain` (a non-admin
 * who administers no project and owns no filter a case names), `anon` (no credentials), or an id.
 */
export const personaOf = (h: Harness, as: string | undefined): string | undefined => {
  if (as === 'anon') return undefined;
  if (as === 'plain') {
    const t = h.ctx.tracker;
    const owners = new Set(t.config.filters.map((f) => f.owner));
    return h.personas.find(
      (p) => !p.admin && !owners.has(p.accountId) && !t.config.projects.some((x) => t.can(p.accountId, 'ADMINISTER_PROJECTS', x.key)),
    )!.accountId;
  }
  if (as === undefined || as === 'admin') return h.personas.find((p) => p.admin)!.accountId;
  if (as === 'dev') return h.personas.find((p) => !p.admin && p.groups.includes('developers'))!.accountId;
  return as;
};

export const errorText = (body: any): string => [...(body?.errorMessages ?? []), ...Object.values(body?.errors ?? {})].join(' | ');

/** Runs one case; refusals must change nothing. */
export const runCase = async (h: Harness, c: AdminCase): Promise<Answer> => {
  const before = await hashOf(h);
  const res = await h.call(c.method, c.path, { as: personaOf(h, c.as), ...(c.body !== undefined ? { body: c.body } : {}) });
  expect(res.status, `${c.method} ${c.path}: ${res.text.slice(0, 400)}`).toBe(c.status);
  if (c.error !== undefined) {
    const text = errorText(res.body);
    if (typeof c.error === 'string') expect(text).toContain(c.error);
    else expect(text).toMatch(c.error);
  }
  if (c.status >= 400) expect(await hashOf(h), 'a refused write changed the state').toBe(before);
  await c.afterwards?.(h, res);
  return res;
};

/** Polls a task until it is no longer queued or running. */
export const waitForTask = async (h: Harness, taskUrl: string, as?: string): Promise<any> => {
  const path = taskUrl.replace(h.url, '');
  for (let i = 0; i < 200; i++) {
    const res = await h.call('GET', path, { as: personaOf(h, as) });
    if (!['ENQUEUED', 'RUNNING', 'CANCEL_REQUESTED'].includes(res.body?.status)) return res.body;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`task ${taskUrl} did not finish`);
};

/** Polls a task until it has the status (e.g. RUNNING while the sandbox's tasks are held). */
export const waitForStatus = async (h: Harness, taskUrl: string, status: string, as?: string): Promise<any> => {
  const path = taskUrl.replace(h.url, '');
  for (let i = 0; i < 200; i++) {
    const res = await h.call('GET', path, { as: personaOf(h, as) });
    if (res.body?.status === status) return res.body;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`task ${taskUrl} never was ${status}`);
};
