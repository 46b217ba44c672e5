/**
 * The child process that serves the probed sandboxes (kit/sandbox-child.ts): started once per test
 * file, replaced when a case froze or killed it, stopped at the end. Knows the personas' tokens
 * and keeps a checkpoint to restore after a case that changed the state.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { jsonOf, send } from './http-send.ts';
import type { As } from './types.ts';

const REPO = resolve(import.meta.dirname, '../../../..');
const CHILD = resolve(import.meta.dirname, 'sandbox-child.ts');

export interface Persona {
  accountId: string;
  email: string;
  token: string;
}

/** Account ids of fixtures/tiny's people, by the names the tables use. */
const ACCOUNTS: Record<Exclude<As, 'anon'>, string> = {
  admin: 'u-alice',
  dev: 'u-bob',
  carol: 'u-carol',
  security: 'u-dave',
  plain: 'u-erin',
  frank: 'u-frank',
};

export type Target = 'sandbox' | 'hub';

export class Sandboxes {
  private child: ChildProcess | undefined;
  urls: Record<Target, string> = { sandbox: '', hub: '' };
  private personas: Record<Target, Persona[]> = { sandbox: [], hub: [] };
  /** What the child wrote to stderr (its log): a 500 must be there with its stack. */
  log = '';
  exited = false;

  async start(): Promise<void> {
    this.log = '';
    this.exited = false;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stderr!.on('data', (d: Buffer) => {
      this.log += d.toString();
    });
    child.on('exit', () => {
      this.exited = true;
    });
    const line = await new Promise<string>((done, failed) => {
      let out = '';
      const timer = setTimeout(() => failed(new Error(`the sandbox child did not start in 60 s: ${this.log}`)), 60_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const nl = out.indexOf('\n');
        if (nl >= 0) {
          clearTimeout(timer);
          done(out.slice(0, nl));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        failed(new Error(`the sandbox child exited (${code}) before it started: ${this.log}`));
      });
    });
    this.urls = JSON.parse(line) as Record<Target, string>;
    for (const t of ['sandbox', 'hub'] as const) {
      const res = await send(this.urls[t], { method: 'GET', path: '/_understudy/personas', deadlineMs: 10_000 });
      this.personas[t] = jsonOf(res.text) as Persona[];
      await send(this.urls[t], { method: 'POST', path: '/_understudy/checkpoint', deadlineMs: 10_000 });
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || this.exited) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }

  /** A frozen or dead child is replaced by a fresh one. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  persona(target: Target, as: Exclude<As, 'anon'>): Persona {
    const p = this.personas[target].find((x) => x.accountId === ACCOUNTS[as]);
    if (!p) throw new Error(`no persona ${as} (${ACCOUNTS[as]}) in fixtures/tiny`);
    return p;
  }

  accountId(as: Exclude<As, 'anon'>): string {
    return ACCOUNTS[as];
  }

  /** The canonical hash, or undefined when the sandbox does not answer in time. */
  async hash(target: Target, deadlineMs = 5_000): Promise<string | undefined> {
    try {
      const res = await send(this.urls[target], { method: 'GET', path: '/_understudy/hash', deadlineMs });
      return (jsonOf(res.text) as { hash?: string } | undefined)?.hash;
    } catch {
      return undefined;
    }
  }

  async restore(target: Target): Promise<void> {
    await send(this.urls[target], { method: 'POST', path: '/_understudy/restore', deadlineMs: 10_000 });
  }

  async healthy(target: Target, deadlineMs: number): Promise<boolean> {
    try {
      const res = await send(this.urls[target], { method: 'GET', path: '/_understudy/health', deadlineMs });
      return res.status === 200;
    } catch {
      return false;
    }
  }
}
