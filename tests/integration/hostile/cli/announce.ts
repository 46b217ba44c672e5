/** announce: kinds that are not, report folders that are missing or broken, times and windows that are not, channels that do not exist. */
import type { CliCase, CliFamily } from '../kit/types.ts';

const cases: CliCase[] = [
  { name: 'no kind', command: 'announce', args: [], exit: 2, says: /heads-up/ },
  { name: 'a kind that is not one', command: 'announce', args: ['heads-down'], exit: 2 },
  { name: 'two kinds', command: 'announce', args: ['heads-up', 'done'], exit: 2 },
  { name: 'no report folder', command: 'announce', args: ['heads-up', '--report', 'nowhere'], exit: 2 },
  {
    name: 'a result.json of broken JSON',
    command: 'announce',
    args: ['heads-up', '--report', 'rep'],
    layout: { 'rep/result.json': '{"verdict"' },
    exit: 2,
  },
  {
    name: 'a result.json that is a FIFO',
    tags: ['soak'],
    point: 13,
    command: 'announce',
    args: ['heads-up', '--report', 'rep'],
    layout: { 'rep/result.json': { fifo: true } },
    exit: 2,
  },
  {
    name: 'a result.json of prototype keys',
    command: 'announce',
    args: ['heads-up', '--report', 'rep'],
    layout: { 'rep/result.json': '{"__proto__": {"verdict": "safe"}}' },
    exit: 2,
  },
  { name: '--at that is no time', command: 'announce', args: ['heads-up', '--at', 'teatime'], exit: 2 },
  { name: '--window of -5', command: 'announce', args: ['heads-up', '--window', '-5'], exit: 2 },
  { name: '--channel that does not exist', command: 'announce', args: ['heads-up', '--channel', 'carrier-pigeon', '--send'], exit: 2 },
  { name: '--config that is a folder', command: 'announce', args: ['heads-up', '--config', 'cfg'], layout: { cfg: { dir: true } }, exit: 2 },
  {
    name: 'a malformed understudy.config.json',
    point: 10,
    command: 'announce',
    args: ['heads-up'],
    layout: { 'understudy.config.json': '{"channels": {,}}' },
    exit: 2,
    says: /understudy\.config\.json/,
  },
];

export const announce: CliFamily = { family: 'announce', cases };
