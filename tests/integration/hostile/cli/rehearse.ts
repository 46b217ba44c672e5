/** rehearse and gate: flags, folders and settings they must refuse before any browser starts. */
import type { CliCase, CliFamily } from '../kit/types.ts';

const ON = ['--snapshot', '$TINY', '--report', 'rep'];
const fn = (up: string) =>
  `import { defineMigration } from 'understudy';\nexport default defineMigration({ description: 'hostile', up(ctx) { ${up} }, down(ctx) {} });\n`;

const cases: CliCase[] = [
  {
    name: 'rehearse: a snapshot that does not exist',
    command: 'rehearse',
    args: ['--snapshot', 'nowhere', '--report', 'rep'],
    exit: 2,
    owns: ['rep'],
  },
  { name: 'rehearse: --shard 3/2', command: 'rehearse', args: [...ON, '--shard', '3/2'], exit: 2 },
  { name: 'rehearse: --workers 0', command: 'rehearse', args: [...ON, '--workers', '0'], exit: 2 },
  { name: 'rehearse: --specs a file', command: 'rehearse', args: [...ON, '--specs', 'f'], layout: { f: 'x' }, exit: 2 },
  { name: 'rehearse: --report a file', command: 'rehearse', args: ['--snapshot', '$TINY', '--report', 'f'], layout: { f: 'x' }, exit: 2 },
  { name: 'rehearse: --config that does not exist', command: 'rehearse', args: [...ON, '--config', 'nope.json'], exit: 2 },
  {
    name: 'rehearse: a malformed understudy.config.json',
    point: 10,
    command: 'rehearse',
    args: ON,
    layout: { 'understudy.config.json': '[1, 2,' },
    exit: 2,
    says: /understudy\.config\.json/,
  },
  {
    name: 'rehearse: a migration that exits the process',
    point: 9,
    command: 'rehearse',
    args: [...ON, '--migrations', 'mig'],
    layout: { 'mig/20250101-000000-exit.ts': fn('process.exit(0);') },
    exit: 2,
    owns: ['rep'],
  },
  {
    name: 'rehearse: a migrations folder with a syntax error',
    command: 'rehearse',
    args: [...ON, '--migrations', 'mig'],
    layout: { 'mig/20250101-000000-broken.ts': 'export default {,,}' },
    exit: 2,
    owns: ['rep'],
  },
  { name: 'gate: --now that is no time', command: 'gate', args: [...ON, '--now', 'the day after tomorrow'], exit: 2 },
  {
    name: 'gate: a snapshot that is a file',
    command: 'gate',
    args: ['--snapshot', 'f', '--report', 'rep'],
    layout: { f: 'x' },
    exit: 2,
    owns: ['rep'],
  },
  { name: 'gate: an unknown flag', command: 'gate', args: ['--yolo'], exit: 2 },
];

export const rehearse: CliFamily = { family: 'rehearse, gate', cases };
