/** sandbox: flags that are not, places it cannot listen, snapshots it cannot read, the settings file; a clean stop leaves nothing. */
import type { CliCase, CliFamily } from '../kit/types.ts';

const READY = /https?:\/\/127\.0\.0\.1:\d+/;

const cases: CliCase[] = [
  {
    name: 'starts on fixtures/tiny and, stopped, leaves no throwaway instance',
    command: 'sandbox',
    args: ['--snapshot', '$TINY'],
    readyWhen: READY,
    exit: 0,
  },
  {
    name: 'stopped the moment it says it is ready, it still removes its throwaway instance',
    point: 13,
    command: 'sandbox',
    args: ['--snapshot', '$TINY'],
    readyWhen: READY,
    stopDelayMs: 0,
    exit: 0,
  },
  { name: 'a port that is not a number', command: 'sandbox', args: ['--snapshot', '$TINY', '--port', 'eighty'], exit: 2 },
  { name: 'a port out of range', command: 'sandbox', args: ['--snapshot', '$TINY', '--port', '99999'], exit: 2 },
  { name: 'a host this machine does not have', command: 'sandbox', args: ['--snapshot', '$TINY', '--host', '192.0.2.1'], exit: 2 },
  { name: '--mimic of something else', command: 'sandbox', args: ['--snapshot', '$TINY', '--mimic', 'jira-3000'], exit: 2 },
  { name: '--now that is no time', command: 'sandbox', args: ['--snapshot', '$TINY', '--now', '2025-02-30T25:00'], exit: 2 },
  { name: 'a snapshot that does not exist', command: 'sandbox', args: ['--snapshot', 'nowhere'], exit: 2 },
  {
    name: 'both --snapshot and --instance',
    command: 'sandbox',
    args: ['--snapshot', '$TINY', '--instance', 'inst'],
    exit: [0, 2],
    readyWhen: READY,
    owns: ['inst'],
  },
  {
    name: 'a banner file that is a FIFO',
    tags: ['soak'],
    point: 13,
    command: 'sandbox',
    args: ['--snapshot', '$TINY', '--banner', 'pipe'],
    layout: { pipe: { fifo: true } },
    exit: 2,
  },
  { name: 'a banner file that does not exist', command: 'sandbox', args: ['--snapshot', '$TINY', '--banner', 'nowhere.html'], exit: 2 },
  { name: '--attachment-max-bytes of -1', command: 'sandbox', args: ['--snapshot', '$TINY', '--attachment-max-bytes', '-1'], exit: 2 },
  {
    name: 'a malformed understudy.config.json stops it',
    point: 10,
    tags: ['always'],
    command: 'sandbox',
    args: ['--snapshot', '$TINY'],
    layout: { 'understudy.config.json': '{"defaults": [}' },
    exit: 2,
    says: /understudy\.config\.json/,
    // Should it start anyway, it is stopped at once (and the exit code tells).
    readyWhen: READY,
  },
  { name: '--instance under /proc', point: 11, command: 'sandbox', args: ['--instance', '/proc/understudy-hostile'], exit: 2 },
];

/** Every case stops a sandbox that starts when it should not have, at once, so that a wrong start costs seconds, not the bound. */
export const sandbox: CliFamily = { family: 'sandbox', cases: cases.map((c) => ({ readyWhen: READY, ...c })) };
