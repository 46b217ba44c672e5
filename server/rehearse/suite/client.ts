/**
 * What the regression specs share: the rehearsal sandbox's address, the phases of this run (one
 * Playwright run observes every phase: each test is declared once per phase, inside a `[phase]`
 * describe block), a REST client that acts as a persona (Basic auth with the persona's token) in one phase,
 * forks (one per test that writes), and the observation recorder (one NDJSON file per worker process
 * and phase in the run's observation folder).
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHASE_HEADER } from '../../common/sandbox-names.ts';
import type { Observation } from '../result.ts';
import type { SuitePlan } from './plan.ts';

export const ENV = {
  url: 'UNDERSTUDY_SUITE_URL',
  plan: 'UNDERSTUDY_SUITE_PLAN',
  observations: 'UNDERSTUDY_OBSERVATIONS',
  phase: 'UNDERSTUDY_PHASE',
  /** The phases of this run, comma-separated, in the order results come back. */
  phases: 'UNDERSTUDY_PHASES',
  /** Where the outcome reporter writes one line per test. */
  outcomes: 'UNDERSTUDY_OUTCOMES',
} as const;

const need = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the regression suite runs inside npm run rehearse (or with the rehearsal's Playwright config)`);
  return v;
};

export const suiteUrl = (): string => need(ENV.url);

let planCache: SuitePlan | undefined;
/** The plan of the generated suite (computed from the baseline by the rehearsal). */
export const suitePlan = (): SuitePlan => (planCache ??= JSON.parse(readFileSync(need(ENV.plan), 'utf8')) as SuitePlan);

/** True inside a rehearsal run (the generated specs declare no tests otherwise). */
export const inRehearsal = (): boolean => !!process.env[ENV.plan] && !!process.env[ENV.url];

/** The phases this run observes, in the order results come back. */
export const suitePhases = (env: NodeJS.ProcessEnv = process.env): string[] => {
  const list = env[ENV.phases]?.split(',').filter(Boolean);
  return list?.length ? list : [env[ENV.phase] ?? 'baseline'];
};

/** The describe title that names a phase (the generated specs' and yours): `[after-up]`. */
export const phaseTitle = (phase: string): string => `[${phase}]`;
export const phaseFromTitle = (title: string): string | undefined => /^\[([a-z-]+)\]$/.exec(title)?.[1];

export interface ApiPersona {
  accountId: string;
  email: string;
  displayName: string;
  token: string;
  groups: string[];
  admin: boolean;
}
export interface ApiAnswer {
  status: number;
  body: any;
}

export class SandboxClient {
  /** Loaded once, as a promise: the steps of one test ask for personas at once. */
  private personas: Promise<Map<string, ApiPersona>> | undefined;
  /** `phase`: which of the sandbox's phases it reads and forks (none: a sandbox that serves one). */
  constructor(
    readonly url: string = suiteUrl(),
    readonly phase?: string,
  ) {}

  private get phaseHeaders(): Record<string, string> {
    return this.phase ? { [PHASE_HEADER]: this.phase } : {};
  }

  async personaList(): Promise<ApiPersona[]> {
    const res = await fetch(`${this.url}/_understudy/personas`, { headers: this.phaseHeaders });
    if (!res.ok) throw new Error(`the sandbox's personas: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    return (await res.json()) as ApiPersona[];
  }

  /**
   * A persona by e-mail, display name or account id (tokens are stable for the whole rehearsal), or
   * by what they are, which survives an anonymised clone where names do not: `admin` (a holder of
   * the global administer permission) or `group:NAME` (a member of that group, people who are not
   * administrators first). Among several, the first by display name.
   */
  async persona(ref: string): Promise<ApiPersona | undefined> {
    this.personas ??= this.personaList().then(
      (list) => {
        const byRef = new Map<string, ApiPersona>();
        for (const p of list) for (const k of [p.email.toLowerCase(), p.displayName.toLowerCase(), p.accountId.toLowerCase()]) byRef.set(k, p);
        return byRef;
      },
      (e: unknown) => {
        // Not kept: the next call asks again.
        this.personas = undefined;
        throw e;
      },
    );
    const personas = await this.personas;
    const named = personas.get(ref.toLowerCase());
    if (named) return named;
    const byName = (a: ApiPersona, b: ApiPersona) =>
      Number(a.admin) - Number(b.admin) || a.displayName.localeCompare(b.displayName) || a.accountId.localeCompare(b.accountId);
    const all = [...new Set(personas.values())];
    if (ref === 'admin') return all.filter((p) => p.admin).sort((a, b) => a.displayName.localeCompare(b.displayName))[0];
    const group = /^group:(.+)$/.exec(ref)?.[1];
    if (group === undefined) return undefined;
    const admin = all.filter((p) => p.admin).sort(byName)[0];
    if (!admin) return undefined;
    const res = await this.call(admin.email, 'GET', `/rest/api/2/group/member?groupname=${encodeURIComponent(group)}&maxResults=1000`);
    if (res.status !== 200) return undefined;
    const ids = new Set((res.body.values as { accountId?: string; name?: string }[]).map((u) => u.accountId ?? u.name));
    const member = all.filter((p) => ids.has(p.accountId)).sort(byName)[0];
    if (member) personas.set(ref.toLowerCase(), member);
    return member;
  }

  /** One REST call as `as` (e-mail, name or account id; null = anonymous), on a fork when given. */
  async call(as: string | null, method: string, path: string, body?: unknown, fork?: string): Promise<ApiAnswer> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.phaseHeaders };
    if (as) {
      const p = await this.persona(as);
      // A misspelt persona must not quietly become an anonymous caller (that would compare 401s).
      if (!p) throw new Error(`no active persona '${as}' in this sandbox (by e-mail, display name or account id, 'admin' or 'group:NAME')`);
      headers.authorization = `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (fork) headers['x-understudy-fork'] = fork;
    const res = await fetch(`${this.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed };
  }

  /** A multipart upload as Jira's attachment resource takes it (field `file`, X-Atlassian-Token: no-check). */
  async upload(as: string, path: string, file: { filename: string; mimeType: string; content: string }, fork?: string): Promise<ApiAnswer> {
    const p = await this.persona(as);
    if (!p) throw new Error(`no active persona '${as}' in this sandbox (by e-mail, display name or account id, 'admin' or 'group:NAME')`);
    const form = new FormData();
    form.append('file', new Blob([file.content], { type: file.mimeType }), file.filename);
    const headers: Record<string, string> = {
      ...this.phaseHeaders,
      accept: 'application/json',
      authorization: `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`,
      'X-Atlassian-Token': 'no-check',
    };
    if (fork) headers['x-understudy-fork'] = fork;
    const res = await fetch(`${this.url}${path}`, { method: 'POST', headers, body: form });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed };
  }

  async fork(): Promise<string> {
    const res = await fetch(`${this.url}/_understudy/forks`, { method: 'POST', headers: this.phaseHeaders });
    if (res.status !== 201) throw new Error(`cannot fork the sandbox: HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { fork: string }).fork;
  }

  async drop(fork: string): Promise<void> {
    await fetch(`${this.url}/_understudy/forks/${fork}`, { method: 'DELETE' });
  }

  async outbox(fork?: string): Promise<{ event: string; recipient: string; recipientEmail: string }[]> {
    const res = await fetch(`${this.url}/_understudy/outbox`, { headers: fork ? { 'x-understudy-fork': fork } : this.phaseHeaders });
    return (await res.json()) as { event: string; recipient: string; recipientEmail: string }[];
  }
}

/**
 * Appends a test's observations of `phase` to this worker's file for that phase; the rehearsal reads
 * the folders after the run. Without a phase only in a run of one phase.
 */
export const record = (observations: readonly Observation[], phase?: string): void => {
  if (!observations.length) return;
  const phases = suitePhases();
  if (phase === undefined && phases.length > 1)
    throw new Error(`this run observes ${phases.join(', ')}: record(observations, phase) names the phase`);
  const dir = join(need(ENV.observations), phase ?? phases[0]!);
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `obs-${process.pid}.ndjson`), `${observations.map((o) => JSON.stringify(o)).join('\n')}\n`);
};

/** Notifications one test caused (on its fork), per recipient × event, as observations. */
export const notificationObservations = (
  scope: string,
  project: string,
  outbox: readonly { event: string; recipient: string; recipientEmail: string }[],
): Observation[] => {
  const counts = new Map<string, { email: string; account: string; event: string; n: number }>();
  for (const e of outbox) {
    const k = `${e.recipientEmail}|${e.event}`;
    const c = counts.get(k) ?? { email: e.recipientEmail, account: e.recipient, event: e.event, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  return [...counts.values()].map((c) => ({
    check: 'notifications',
    id: `notifications|${scope}|${c.email}|${c.event}`,
    label: `${c.email} gets ${c.event} notifications when ${scope}`,
    keys: { recipient: [c.email, c.account], event: [c.event], scope: [scope], project: [project] },
    value: c.n,
  }));
};

/** Jira's error body, reduced to what a comparison needs. */
export const errorsOf = (body: any): { messages: string[]; errors: Record<string, string> } => ({
  messages: Array.isArray(body?.errorMessages) ? body.errorMessages : [],
  errors: body && typeof body.errors === 'object' && body.errors ? body.errors : {},
});
