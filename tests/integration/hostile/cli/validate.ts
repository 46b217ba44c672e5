/** validate: snapshots that are missing, files where folders belong, FIFOs, JSON that is not, the settings file. */
import { deepArrays } from '../kit/payloads.ts';
import type { CliCase, CliFamily } from '../kit/types.ts';

const snap = (config: string | { fifo: true }) => ({
  'snap/manifest.json': '{"kind": "fixture"}',
  'snap/config.json': config,
  'snap/issues.json': '{"issues": []}',
});

const cases: CliCase[] = [
  { name: 'a snapshot that does not exist', command: 'validate', args: ['--snapshot', 'nowhere'], exit: 2 },
  {
    name: 'a FIFO named config.json does not hang it',
    tags: ['soak'],
    point: 13,
    command: 'validate',
    args: ['--snapshot', 'snap'],
    layout: snap({ fifo: true }),
    exit: 2,
    says: /config\.json/,
  },
  {
    name: 'a malformed understudy.config.json stops it',
    point: 10,
    command: 'validate',
    args: ['--snapshot', '$TINY'],
    layout: { 'understudy.config.json': '{ not json' },
    exit: 2,
    says: /understudy\.config\.json/,
  },
  { name: 'the snapshot is a file', command: 'validate', args: ['--snapshot', 'f.json'], layout: { 'f.json': '{}' }, exit: 2 },
  {
    name: 'config.json is a folder',
    command: 'validate',
    args: ['--snapshot', 'snap'],
    layout: { 'snap/manifest.json': '{}', 'snap/config.json': { dir: true } },
    exit: 2,
  },
  { name: 'config.json is null', command: 'validate', args: ['--snapshot', 'snap'], layout: snap('null'), exit: 2 },
  {
    name: 'config.json nested 100,000 deep',
    point: 11,
    command: 'validate',
    args: ['--snapshot', 'snap'],
    layout: snap(deepArrays(100_000)),
    exit: 2,
  },
  {
    name: 'config.json of prototype keys',
    command: 'validate',
    args: ['--snapshot', 'snap'],
    layout: snap('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}'),
    exit: 2,
  },
  { name: 'config.json of NUL bytes', command: 'validate', args: ['--snapshot', 'snap'], layout: snap('\u0000'.repeat(1000)), exit: 2 },
  { name: 'the snapshot under /proc', command: 'validate', args: ['--snapshot', '/proc/self/fd'], exit: 2 },
  { name: 'an empty --snapshot', command: 'validate', args: ['--snapshot', ''], exit: 2 },
  { name: 'a flag that is not one', command: 'validate', args: ['--snapshots', '$TINY'], exit: 2, says: /--snapshots/ },
  { name: 'a positional argument', command: 'validate', args: ['$TINY'], exit: 2 },
  {
    name: 'a snapshot named by a path that climbs out',
    command: 'validate',
    args: ['--snapshot', '../../../../../../../../nonexistent-root-dir'],
    exit: 2,
  },
];

export const validate: CliFamily = { family: 'validate', cases };
