/**
 * Scratch folders for tests, in the system's temporary folder (never inside the project). Each is laid
 * out like a project that uses Understudy: a package.json of type module (so migration files are ES
 * modules, as in the project) and node_modules/understudy linking to the project, so migration files
 * written there import 'understudy' — the same modules, not a second copy.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export const scratchFolder = (prefix = 'understudy-test-'): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'understudy-scratch', private: true, type: 'module' })}\n`);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO_ROOT, join(dir, 'node_modules', 'understudy'), 'dir');
  return dir;
};
