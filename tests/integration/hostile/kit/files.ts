/**
 * Where a command may write, and what it left: a case's scratch folder laid out before the run, a
 * listing of it after (to compare with the places the command owns), and a fingerprint of the
 * checkout's own folders that no command may ever touch (server/, scripts/, fixtures/, migrations/).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Layout } from './types.ts';

export const REPO = resolve(import.meta.dirname, '../../../..');
const PROTECTED = ['server', 'scripts', 'fixtures', 'migrations', 'package.json', 'tsconfig.json'];

/** Every path below `dir` (files and folders), relative to it, without following links. */
export const listTree = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const name of entries) {
      const p = join(d, name);
      out.push(relative(dir, p));
      let st: ReturnType<typeof lstatSync> | undefined;
      try {
        st = lstatSync(p);
      } catch {
        st = undefined;
      }
      if (st?.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
};

/** Size and modification time of every file in the checkout's protected folders. */
export const fingerprint = (): Map<string, string> => {
  const out = new Map<string, string>();
  for (const top of PROTECTED) {
    const root = join(REPO, top);
    const paths = lstatSync(root, { throwIfNoEntry: false })?.isDirectory() ? listTree(root).map((p) => join(top, p)) : [top];
    for (const p of paths) {
      const st = lstatSync(join(REPO, p), { throwIfNoEntry: false });
      if (st && !st.isDirectory()) out.set(p, `${st.size}:${st.mtimeMs}`);
    }
  }
  return out;
};

/** What changed between two fingerprints: added, removed or rewritten files. */
export const changedFiles = (before: Map<string, string>, after: Map<string, string>): string[] => {
  const out: string[] = [];
  for (const [p, v] of after) if (before.get(p) !== v) out.push(before.has(p) ? `${p} (rewritten)` : `${p} (added)`);
  for (const p of before.keys()) if (!after.has(p)) out.push(`${p} (removed)`);
  return out;
};

/** Lays out a case's files: text, a FIFO, a file with a mode, a folder. */
export const layOut = (root: string, layout: Layout, subst: (s: string) => string): void => {
  for (const [rel, spec] of Object.entries(layout)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    if (typeof spec === 'string') writeFileSync(p, subst(spec));
    else if ('fifo' in spec) execFileSync('mkfifo', [p]);
    else if ('dir' in spec) {
      mkdirSync(p, { recursive: true });
      if (spec.mode !== undefined) chmodSync(p, spec.mode);
    } else {
      writeFileSync(p, subst(spec.text));
      chmodSync(p, spec.mode);
    }
  }
};

/** Paths of `listing` that are neither owned nor laid out (nor a folder holding one of those). */
export const leftovers = (listing: readonly string[], owned: readonly string[]): string[] =>
  listing.filter((p) => !owned.some((o) => p === o || p.startsWith(`${o}/`) || o.startsWith(`${p}/`)));
