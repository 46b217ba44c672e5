/**
 * The CLI runner: runs one case's command as `npm run` would (the script's line in package.json,
 * through tsx), in a scratch folder of its own inside the checkout (migrations resolve
 * 'understudy' only there) with a temporary directory of its own, and returns every invariant it
 * breaks. For every case, whatever its table says:
 * - it ends within CLI_BOUND_MS (else it is killed, with its process group);
 * - the exit code the table expects (0, 1, or 2 for bad input);
 * - no stack trace, no "internal error", no source location or path of this checkout in its
 *   output, and no credential the environment gave it;
 * - no file left outside the places it owns: nothing new in the scratch folder beyond its `owns`,
 *   nothing left in its temporary directory, nothing changed in server/, scripts/, fixtures/,
 *   migrations/ of the checkout;
 * - the `after` command (e.g. migrate:status: no lock stranded) ends as expected.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMisbehaving, type Running } from './cli-servers.ts';
import { changedFiles, fingerprint, layOut, leftovers, listTree, REPO } from './files.ts';
import { leaksIn } from './leaks.ts';
import type { CliCase, ExitCode } from './types.ts';

/** The stated bound of one command; a hostile input is refused in seconds, not this. */
export const CLI_BOUND_MS = Number(process.env.UNDERSTUDY_HOSTILE_CLI_MS ?? 60_000);
export const TINY = resolve(REPO, 'fixtures/tiny');
const CREDENTIALS = ['JIRA_EMAIL', 'JIRA_API_TOKEN', 'JIRA_PAT', 'JIRA_URL'];

const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The node flags, script and leading arguments of an npm script (`node --flag --import tsx scripts/x.ts sub` or `tsx scripts/x.ts`). */
export const resolveScript = (command: string): { flags: string[]; script: string; lead: string[] } => {
  const line = scripts[command];
  if (!line) throw new Error(`package.json has no script '${command}'`);
  const words = line.split(/\s+/).filter(Boolean);
  const at = words.findIndex((w) => /^scripts\/.*\.ts$/.test(w) || /^tests\/.*\.ts$/.test(w));
  if (at < 0 || !['node', 'tsx'].includes(words[0]!) || words.includes('&&')) throw new Error(`cannot run '${command}' directly: ${line}`);
  const flags = words.slice(1, at).filter((w, i, all) => w !== 'tsx' && !(w === '--import' && all[i + 1] === 'tsx'));
  return { flags, script: resolve(REPO, words[at]!), lead: words.slice(at + 1) };
};

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  overdue: boolean;
}

const run = (
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  readyWhen: RegExp | undefined,
  stopDelayMs = 1_000,
): Promise<Ran> =>
  new Promise((done, failed) => {
    const { flags, script, lead } = resolveScript(command);
    // Its own process group: a command that hangs is killed with whatever it started (a browser, a sandbox).
    const child: ChildProcess = spawn(process.execPath, [...flags, '--import', 'tsx', script, ...lead, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    let overdue = false;
    let stopping = false;
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      overdue = true;
      killGroup();
    }, CLI_BOUND_MS);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (readyWhen && !stopping && readyWhen.test(out)) {
        stopping = true;
        setTimeout(() => child.kill('SIGTERM'), stopDelayMs);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', (e) => {
      clearTimeout(timer);
      failed(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Whatever it left running in its group goes too (a sandbox it started, a browser).
      killGroup();
      done({ code, signal, out, overdue });
    });
  });

const expected = (code: number | null, e: ExitCode | readonly ExitCode[]): boolean =>
  typeof e === 'number' ? code === e : e.includes(code as ExitCode);

const SCRATCH_BASE = resolve(import.meta.dirname, '..');

/** Runs one case; returns the invariants it broke and the command's output (for the failure message). */
export const runCliCase = async (c: CliCase): Promise<{ problems: string[]; out: string }> => {
  const scratch = mkdtempSync(join(SCRATCH_BASE, '.tmp-'));
  const tmp = mkdtempSync(join(tmpdir(), 'understudy-hostile-'));
  // A folder outside the checkout that the command owns whole (`$OUTSIDE`, e.g. fixtures:generate --out).
  const outside = mkdtempSync(join(tmpdir(), 'understudy-hostile-out-'));
  // tsx and Playwright keep compile caches in TMPDIR (tsx-UID, playwright-transform-cache-UID): the runtime's, not
  // the command's; linked to the shared ones so each run starts warm, and not counted as leftovers.
  const uid = process.getuid?.() ?? 0;
  const caches = [`tsx-${uid}`, `playwright-transform-cache-${uid}`];
  for (const cache of caches) {
    try {
      symlinkSync(join(tmpdir(), cache), join(tmp, cache));
    } catch {
      /* no shared cache yet: the runtime makes its own */
    }
  }
  let server: Running | undefined;
  const problems: string[] = [];
  let out = '';
  try {
    if (c.server) server = await startMisbehaving(c.server);
    const subst = (s: string) =>
      s
        .replaceAll('$SCRATCH', scratch)
        .replaceAll('$OUTSIDE', outside)
        .replaceAll('$TINY', TINY)
        .replaceAll('$REPO', REPO)
        .replaceAll('$URL', server?.url ?? 'http://127.0.0.1:9');
    layOut(scratch, c.layout ?? {}, subst);
    const laidOut = listTree(scratch);
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, CI: '1', NO_COLOR: '1' };
    for (const k of CREDENTIALS) delete env[k];
    for (const [k, v] of Object.entries(c.env ?? {})) env[k] = subst(v);
    // The credentials as given, and as they travel (Basic's base64 of e-mail:token decodes to the token).
    const secrets = [
      env.JIRA_API_TOKEN,
      env.JIRA_PAT,
      env.JIRA_EMAIL && env.JIRA_API_TOKEN ? Buffer.from(`${env.JIRA_EMAIL}:${env.JIRA_API_TOKEN}`).toString('base64') : undefined,
    ].filter((v): v is string => typeof v === 'string' && v.length >= 4);
    const args = c.args.map(subst);
    const before = fingerprint();

    const steps = [{ command: c.command, args, exit: c.exit, says: c.says }];
    if (c.after) steps.push({ command: c.after.command, args: c.after.args.map(subst), exit: c.after.exit, says: c.after.says });
    for (const [n, step] of steps.entries()) {
      const what = n === 0 ? step.command : `then ${step.command}`;
      const r = await run(step.command, step.args, scratch, env, n === 0 ? c.readyWhen : undefined, c.stopDelayMs);
      out += `${n ? `\n--- ${what} ${step.args.join(' ')}\n` : ''}${r.out}`;
      if (r.overdue) problems.push(`${what}: still running after ${CLI_BOUND_MS} ms (killed)`);
      else if (!expected(r.code, step.exit)) problems.push(`${what}: exit ${r.code ?? r.signal}, expected ${JSON.stringify(step.exit)}`);
      if (step.says && !step.says.test(r.out)) problems.push(`${what}: the output does not say ${step.says}`);
      if (n === 0 && c.never?.test(r.out)) problems.push(`${what}: the output says ${c.never}`);
      for (const leak of leaksIn(r.out, [scratch, tmp, outside, TINY, ...args, ...Object.keys(c.layout ?? {})]))
        problems.push(`${what}: prints ${leak}`);
      for (const s of secrets) if (r.out.includes(s)) problems.push(`${what}: prints a credential from the environment`);
      if (r.overdue) break;
    }

    const left = leftovers(listTree(scratch), [...laidOut, ...(c.owns ?? [])]);
    if (left.length) problems.push(`left files outside the places it owns: ${left.slice(0, 8).join(', ')}${left.length > 8 ? ' …' : ''}`);
    const temp = listTree(tmp).filter((p) => !p.includes('/') && !caches.includes(p));
    if (temp.length) problems.push(`left in the temporary directory: ${temp.slice(0, 8).join(', ')}`);
    const touched = changedFiles(before, fingerprint());
    if (touched.length) problems.push(`changed the checkout: ${touched.slice(0, 8).join(', ')}`);
  } finally {
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
  return { problems, out };
};
