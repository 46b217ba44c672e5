/**
 * `npm run clone`: read a production tracker (or saved answers) into a snapshot. Read-only; the
 * answers are recorded beside --out (`DIR.clone-partial/`) so --resume continues after an
 * interruption; the snapshot is written in one step at the end, so a failure leaves none half-written.
 */
import { mkdir, readFile, rm, stat, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../common/errors.ts';
import type { CommandIo } from '../cli/index.ts';
import { writeSnapshot } from '../store/index.ts';
import { type Config, formatProblem, type Issue, type Manifest, validateState } from '../model/index.ts';
import { credentialsFromEnv } from './credentials.ts';
import { DIGEST_FILE, digestOf } from './digest.ts';
import { anonymizeKeyFor } from './anonymize-key.ts';
import { JiraSource } from './jira/source.ts';
import { cloneManifest } from './manifest.ts';
import { Progress } from './progress.ts';
import { FileReader, RecordingReader } from './raw-store.ts';
import { sampleIssues } from './sample.ts';
import type { Reader } from '../jira-wire/index.ts';
import { HttpTransport, NotFoundAnswer, type TransportOptions } from './transport.ts';

export interface CloneOptions {
  from: 'jira' | 'file';
  url?: string;
  /** --from file: the directory of saved answers. */
  dir?: string;
  out: string;
  projects?: string[];
  issuesPerBucket: number;
  maxIssues: number;
  anonymize: boolean;
  resume: boolean;
  concurrency: number;
  /** Also keep every answer in this directory (readable later with --from file). */
  saveRaw?: string;
  /** The anonymising key (tests); default UNDERSTUDY_ANON_KEY or this machine's key for the site. */
  anonymizeKey?: string;
  /** Fixed time for the manifest (tests); default now. */
  now?: string;
  /** Transport knobs for tests (small backoff, a fetch to intercept). */
  transport?: Partial<TransportOptions>;
  env?: NodeJS.ProcessEnv;
}

export interface CloneResult {
  manifest: Manifest;
  out: string;
  requests: number;
  seconds: number /** Validation errors of the written snapshot (the sandbox refuses it while there are any). */;
  errors: number;
}

export const partialDirOf = (out: string): string => `${resolve(out)}.clone-partial`;

const exists = async (p: string) => (await stat(p).catch(() => undefined)) !== undefined;
const nonEmpty = async (p: string) => ((await readdir(p).catch(() => [])) as string[]).length > 0;

/** The anonymiser is another module; loaded only when anonymising. */
export const anonymize = async (content: { config: Config; issues: Issue[] }, key: string): Promise<{ config: Config; issues: Issue[] }> => {
  const mod = await import('./anonymize/index.ts');
  const out = mod.anonymizeSnapshot(content, { key });
  return { config: out.config, issues: out.issues };
};

export const runClone = async (o: CloneOptions, io: CommandIo): Promise<CloneResult> => {
  const started = Date.now();
  const env = o.env ?? process.env;
  if (await nonEmpty(o.out))
    throw new UserError(`--out '${o.out}' already exists and is not empty`, {
      details: ['choose another --out directory, or remove this one first'],
    });
  const partial = partialDirOf(o.out);
  if (o.from === 'jira' && (await nonEmpty(partial)) && !o.resume) {
    throw new UserError(`an interrupted clone left its answers in '${partial}'`, {
      details: ['continue it with --resume, or remove that directory to start afresh'],
    });
  }
  if (!o.anonymize)
    io.err(
      "understudy: WARNING: --no-anonymize: the snapshot will hold production's names, e-mail addresses and issue texts; keep it where production data may be kept",
    );
  if (o.saveRaw)
    io.err(
      `understudy: WARNING: --save-raw keeps production's answers as they came (names, e-mail addresses, texts) in '${o.saveRaw}': keep it where production data may be kept`,
    );

  const progress = new Progress(io.err);
  let reader: Reader;
  let url: string;
  let transport: HttpTransport | undefined;
  if (o.from === 'file') {
    if (!o.dir)
      throw new UserError('--from file needs --dir DIR (a directory of saved Jira answers)', {
        details: ['the README, section “Cloning production”, says how to save them with curl'],
      });
    if (!(await exists(o.dir))) throw new UserError(`--dir '${o.dir}' does not exist`, { details: ['pass the directory of saved Jira answers'] });
    reader = new FileReader(o.dir);
    url = o.url ?? `file://${resolve(o.dir)}`;
  } else {
    if (!o.url) throw new UserError('--url is required with --from jira', { details: ['e.g. --url https://acme.atlassian.net'] });
    let parsed: URL;
    try {
      parsed = new URL(o.url);
    } catch {
      throw new UserError(`--url '${o.url}' is not a URL`, { details: ['e.g. --url https://acme.atlassian.net'] });
    }
    if (!/^https?:$/.test(parsed.protocol))
      throw new UserError(`--url '${o.url}' is not an http(s) URL`, { details: ['e.g. --url https://acme.atlassian.net'] });
    const credentials = credentialsFromEnv(env);
    url = parsed.toString().replace(/\/+$/, '');
    transport = new HttpTransport({
      baseUrl: url,
      credentials,
      concurrency: o.concurrency,
      ...o.transport,
      onRequest: (e) => progress.request(e.attempt),
    });
    await checkResumable(partial, { url, projects: o.projects ?? [], issuesPerBucket: o.issuesPerBucket, maxIssues: o.maxIssues });
    reader = new RecordingReader(transport, partial);
  }
  const recorded = reader;
  if (o.saveRaw) reader = new RecordingReader(reader, o.saveRaw);

  const recorders = [...new Set([reader, recorded])].filter((r): r is RecordingReader => r instanceof RecordingReader);
  try {
    return await cloneWith(o, io, { reader, url, progress, transport, partial, started });
  } catch (e) {
    // Requests still in flight finish (or fail fast) before the error is reported: nothing writes after it.
    await Promise.all(recorders.map((r) => r.idle()));
    if (e instanceof NotFoundAnswer) {
      throw new UserError(`${url} has no ${e.path} (404), which the clone needs`, {
        details: [
          'this Jira does not offer that API (older Data Center versions lack some admin APIs) or the account cannot see it',
          'run again with --debug to see where; the answers read so far are kept for --resume',
        ],
      });
    }
    throw e;
  }
};

/** The answers kept for --resume belong to one site and scope: resuming with another is refused. */
const checkResumable = async (partial: string, scope: Record<string, unknown>): Promise<void> => {
  const file = join(partial, 'clone-scope.json');
  const before = await readFile(file, 'utf8').then(
    (t) => JSON.parse(t) as Record<string, unknown>,
    () => undefined,
  );
  if (before && JSON.stringify(before) !== JSON.stringify(scope)) {
    throw new UserError(
      `the answers kept in '${partial}' are from another clone (${JSON.stringify(before)}), not this one (${JSON.stringify(scope)})`,
      {
        details: ['resume with the same --url, --projects, --issues-per-bucket and --max-issues, or remove that directory to start afresh'],
      },
    );
  }
  if (!before) {
    await mkdir(partial, { recursive: true });
    await writeFile(file, `${JSON.stringify(scope)}\n`);
  }
};

interface Prepared {
  reader: Reader;
  url: string;
  progress: Progress;
  transport: HttpTransport | undefined;
  partial: string;
  started: number;
}

const cloneWith = async (o: CloneOptions, io: CommandIo, { reader, url, progress, transport, partial, started }: Prepared): Promise<CloneResult> => {
  const source = new JiraSource({ reader, url, type: o.from === 'file' ? 'file' : 'jira', tick: (w, n) => progress.tick(w, n) });
  const info = await source.info();
  const { config: production, omissions } = await source.readConfig({ ...(o.projects ? { projects: o.projects } : {}) });
  const digest = digestOf(production, o.projects?.length ? { projects: o.projects } : {});
  const sample = await sampleIssues(source, production, { perBucket: o.issuesPerBucket, maxIssues: o.maxIssues }, (n) => {
    progress.plannedIssues = n;
  });
  const withUsers = await source.completeUsers(production, sample.issues);
  let content = { config: withUsers, issues: sample.issues };
  if (o.anonymize) {
    const k =
      o.anonymizeKey !== undefined
        ? { key: o.anonymizeKey, where: 'the caller', created: false }
        : await anonymizeKeyFor(info.url, o.env ?? process.env);
    if (k.created)
      io.err(
        `understudy: anonymised with a new secret key for ${info.url}, kept in ${k.where} (never in the snapshot): keep it to give the next clone of this site the same personas, or set UNDERSTUDY_ANON_KEY (CI)`,
      );
    content = await anonymize(content, k.key);
  }
  const now = o.now ?? new Date().toISOString();
  const manifestInput = cloneManifest({
    out: o.out,
    info,
    sourceType: o.from === 'file' ? 'file' : 'jira',
    now,
    config: content.config,
    issues: content.issues,
    sample,
    productionConfigHash: digest.configHash,
    omissions,
    anonymized: o.anonymize,
    ...(o.projects ? { projects: o.projects } : {}),
  });
  const problems = validateState(content.config, content.issues).filter((p) => p.severity === 'error');
  const manifest = await writeSnapshot(o.out, { manifest: manifestInput, config: content.config, issues: content.issues }, { overwrite: true });
  await writeFile(join(o.out, DIGEST_FILE), `${JSON.stringify(digest, null, 2)}\n`);
  if (o.from === 'jira') await rm(partial, { recursive: true, force: true });
  progress.done();
  const seconds = (Date.now() - started) / 1000;
  io.out(
    `${o.out}: cloned ${info.url} (${info.deploymentType}): ${content.config.projects.length} projects, ${content.config.fields.length} fields, ${content.config.workflows.length} workflows, ${content.config.users.length} users, ` +
      `${content.issues.length} of ${sample.totals.issues ?? 0} issues in ${seconds.toFixed(1)} s${o.anonymize ? ', anonymised' : ', NOT anonymised'}`,
  );
  if (problems.length) {
    io.err(
      `understudy: WARNING: the snapshot has ${problems.length} validation error${problems.length === 1 ? '' : 's'}; the sandbox refuses it until they are fixed:`,
    );
    for (const p of problems.slice(0, 10)) io.err(`  ${formatProblem(p)}`);
  }
  io.out(`validate it with: npm run validate -- --snapshot ${o.out}`);
  return { manifest, out: o.out, requests: transport?.requests ?? 0, seconds, errors: problems.length };
};
