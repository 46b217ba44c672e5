/** fixtures:generate: numbers that are not, folders it must not replace, and nothing written in the checkout for an --out elsewhere. */
import type { CliCase, CliFamily } from '../kit/types.ts';

const cases: CliCase[] = [
  {
    name: '--out outside the checkout writes nothing inside it',
    point: 13,
    tags: ['always'],
    command: 'fixtures:generate',
    args: ['--out', '$OUTSIDE/acme', '--issues', '20'],
    exit: 0,
  },
  { name: '--issues that is not a number', command: 'fixtures:generate', args: ['--issues', 'lots', '--out', 'out'], exit: 2 },
  { name: '--issues past the maximum', command: 'fixtures:generate', args: ['--issues', '99999999999', '--out', 'out'], exit: 2 },
  { name: '--seed that is negative', command: 'fixtures:generate', args: ['--seed', '-1', '--out', 'out'], exit: 2 },
  {
    name: '--out a folder that holds something else',
    command: 'fixtures:generate',
    args: ['--out', 'mine', '--issues', '20'],
    layout: { 'mine/notes.txt': 'keep me' },
    exit: 2,
  },
  { name: '--out a file', command: 'fixtures:generate', args: ['--out', 'f', '--issues', '20'], layout: { f: 'x' }, exit: 2 },
  {
    name: '--out a snapshot that is a clone',
    command: 'fixtures:generate',
    args: ['--out', 'clone', '--issues', '20'],
    layout: { 'clone/manifest.json': '{"kind": "clone"}' },
    exit: 2,
  },
  { name: '--out empty', command: 'fixtures:generate', args: ['--out', ''], exit: 2 },
];

export const fixtures: CliFamily = { family: 'fixtures:generate', cases };
