/**
 * migrate:up/down/status/plan/verify/create on an instance made from fixtures/tiny in the case's
 * scratch folder: bad flags, bad places, misbehaving migrations (user code that exits, loops,
 * throws from a timer), the project's settings file, names the file system refuses.
 */
import type { CliCase, CliFamily } from '../kit/types.ts';

const ID = '20250101-000000-hostile';
const ON = ['--snapshot', '$TINY', '--instance', 'inst', '--migrations', 'mig'];
const OWNS = ['inst'];
/** The (empty) migrations folder ON names, for cases that lay out no migration. */
const MIG = { mig: { dir: true } } as const;
const fn = (up: string, top = '') =>
  `import { defineMigration } from 'understudy';\n${top}\nexport default defineMigration({\n  description: 'a hostile migration',\n  up(ctx) {\n    ${up}\n  },\n  down(ctx) {},\n});\n`;
const rename = `import { defineMigration, op } from 'understudy';\nexport default defineMigration({ description: 'rename', ops: [op.renameStatus({ from: 'Open', to: 'New' })] });\n`;
/** After a failed command the instance must not be locked: status (over an empty migrations folder, `none`) answers. */
const unlocked = { command: 'migrate:status', args: ['--snapshot', '$TINY', '--instance', 'inst', '--migrations', 'none'], exit: 0 } as const;

const cases: CliCase[] = [
  { name: 'status: an unknown flag', command: 'migrate:status', args: ['--bogus'], exit: 2, says: /--bogus/ },
  {
    name: 'status: --instance under /proc',
    point: 11,
    tags: ['always'],
    command: 'migrate:status',
    args: ['--snapshot', '$TINY', '--instance', '/proc/understudy-hostile/x'],
    exit: 2,
  },
  {
    name: 'status: --instance is a file',
    command: 'migrate:status',
    args: ['--snapshot', '$TINY', '--instance', 'a-file'],
    layout: { 'a-file': 'not an instance' },
    exit: 2,
  },
  { name: 'status: --snapshot does not exist', command: 'migrate:status', args: ['--snapshot', 'nowhere', '--instance', 'inst'], exit: 2 },
  {
    name: 'status: --instance inside a FIFO',
    command: 'migrate:status',
    args: ['--snapshot', '$TINY', '--instance', 'pipe/inst'],
    layout: { pipe: { fifo: true } },
    exit: 2,
  },
  {
    name: 'status: a malformed understudy.config.json stops it',
    point: 10,
    tags: ['always'],
    command: 'migrate:status',
    args: ON,
    layout: { 'understudy.config.json': '{"defaults": {"instance": "x",}}' },
    exit: 2,
    says: /understudy\.config\.json/,
    owns: OWNS,
  },
  {
    name: 'status: defaults.instance and defaults.snapshot of the settings are used',
    point: 10,
    command: 'migrate:status',
    args: [],
    layout: { 'understudy.config.json': '{"defaults": {"instance": "from-settings", "snapshot": "$TINY", "migrations": "mig"}}', mig: { dir: true } },
    exit: 0,
    owns: ['from-settings'],
  },
  {
    name: 'status: a migrations folder that is a file',
    command: 'migrate:status',
    args: ['--snapshot', '$TINY', '--instance', 'inst', '--migrations', 'f'],
    layout: { f: 'x' },
    exit: 2,
    owns: OWNS,
  },
  {
    name: 'status: an instance of 300-character path parts',
    command: 'migrate:status',
    args: ['--snapshot', '$TINY', '--instance', `${'d'.repeat(300)}/inst`],
    exit: 2,
  },
  {
    name: 'up: process.exit(0) in up() is refused, not a success',
    point: 9,
    tags: ['always'],
    command: 'migrate:up',
    args: ON,
    layout: { [`mig/${ID}.ts`]: fn('process.exit(0);') },
    exit: 2,
    owns: OWNS,
    after: unlocked,
  },
  {
    name: 'up: a timer that throws inside up()',
    point: 9,
    command: 'migrate:up',
    args: ON,
    layout: { [`mig/${ID}.ts`]: fn("setTimeout(() => { throw new Error('late'); }, 0); await new Promise((r) => setTimeout(r, 50));") },
    exit: 2,
    owns: OWNS,
    after: unlocked,
  },
  {
    name: 'up: a rejection at import',
    point: 9,
    command: 'migrate:up',
    args: ON,
    layout: { [`mig/${ID}.ts`]: fn('', "Promise.reject(new Error('rejected at import'));") },
    exit: 2,
    owns: OWNS,
    after: unlocked,
  },
  {
    name: 'up: an infinite loop in up()',
    tags: ['soak'],
    point: 9,
    command: 'migrate:up',
    args: [...ON, '--migration-timeout', '5'],
    // The time limit is the point: a short one keeps the table fast.
    layout: { [`mig/${ID}.ts`]: fn('for (;;) {}') },
    exit: 2,
    owns: OWNS,
    after: unlocked,
  },
  {
    name: 'up: an infinite loop at import',
    tags: ['soak'],
    point: 9,
    command: 'migrate:up',
    args: [...ON, '--migration-timeout', '5'],
    layout: { [`mig/${ID}.ts`]: fn('', 'while (true) {}') },
    exit: 2,
    owns: OWNS,
    after: unlocked,
  },
  {
    name: 'up: up() that never settles',
    point: 9,
    command: 'migrate:up',
    args: [...ON, '--migration-timeout', '5'],
    layout: { [`mig/${ID}.ts`]: fn('await new Promise(() => {});') },
    exit: 2,
    owns: OWNS,
    after: unlocked,
  },
  {
    name: 'up: a FIFO named like a migration is not skipped in silence',
    point: 13,
    command: 'migrate:up',
    args: ON,
    layout: { [`mig/${ID}.ts`]: { fifo: true } },
    exit: 2,
    says: new RegExp(ID),
    owns: OWNS,
  },
  {
    name: 'up: a migration that writes a file beside the checkout',
    command: 'migrate:up',
    args: ON,
    layout: { [`mig/${ID}.ts`]: fn("(await import('node:fs')).writeFileSync('stray.txt', 'x');") },
    exit: [0, 2],
    owns: [...OWNS, 'stray.txt'],
  },
  {
    name: 'up: a syntax error names the file',
    command: 'migrate:up',
    args: ON,
    layout: { [`mig/${ID}.ts`]: 'export default defineMigration({ ,, })' },
    exit: 2,
    says: new RegExp(ID),
    owns: OWNS,
  },
  {
    name: 'up: a migration that imports a file that does not exist',
    command: 'migrate:up',
    args: ON,
    layout: { [`mig/${ID}.ts`]: fn('', "import './nowhere.ts';") },
    exit: 2,
    owns: OWNS,
    after: unlocked,
  },
  {
    name: 'up: --to a migration that does not exist',
    command: 'migrate:up',
    args: [...ON, '--to', '../../etc/passwd'],
    layout: { [`mig/${ID}.ts`]: rename },
    exit: 2,
    owns: OWNS,
  },
  {
    name: 'up: --now that is no time',
    command: 'migrate:up',
    args: [...ON, '--now', 'yesterday-ish'],
    layout: { [`mig/${ID}.ts`]: rename },
    exit: 2,
  },
  {
    name: 'up: an op on a status that does not exist',
    command: 'migrate:up',
    args: ON,
    layout: { [`mig/${ID}.ts`]: rename.replace("'Open'", "'Nowhere'") },
    exit: 2,
    owns: OWNS,
    after: unlocked,
  },
  { name: 'down: --steps 0', command: 'migrate:down', args: [...ON, '--steps', '0'], exit: 2 },
  { name: 'down: --steps 1e9', command: 'migrate:down', args: [...ON, '--steps', '1e9'], exit: 2 },
  { name: 'down: --steps and --to together', command: 'migrate:down', args: [...ON, '--steps', '1', '--to', ID], exit: [0, 2], owns: OWNS },
  { name: 'down: nothing applied', command: 'migrate:down', args: ON, exit: 0, owns: OWNS },
  {
    name: 'plan: a migration whose default export is a number',
    command: 'migrate:plan',
    args: ON,
    layout: { [`mig/${ID}.ts`]: 'export default 42;\n' },
    exit: 2,
    says: new RegExp(ID),
    owns: OWNS,
  },
  { name: 'plan: --to given twice', command: 'migrate:plan', args: [...ON, '--to', 'a', '--to', 'b'], exit: 2, owns: OWNS },
  {
    name: 'verify: a migration that throws',
    command: 'migrate:verify',
    args: ON,
    layout: { [`mig/${ID}.ts`]: fn("throw new TypeError('boom');") },
    exit: [1, 2],
    owns: OWNS,
    after: unlocked,
  },
  {
    name: 'verify: a migrations folder of 2,000 non-migrations',
    command: 'migrate:verify',
    args: ON,
    layout: Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`mig/note-${i}.md`, 'x'])),
    exit: 0,
    owns: OWNS,
  },
  {
    name: 'create: --migrations names a file (EEXIST)',
    point: 11,
    tags: ['always'],
    command: 'migrate:create',
    args: ['slug', '--migrations', 'a-file'],
    layout: { 'a-file': 'x' },
    exit: 2,
  },
  {
    name: 'create: a slug of 300 characters (ENAMETOOLONG)',
    point: 11,
    command: 'migrate:create',
    args: ['s'.repeat(300), '--migrations', 'mig'],
    exit: 2,
    owns: ['mig'],
  },
  { name: 'create: a slug that climbs out', command: 'migrate:create', args: ['../../../escape', '--migrations', 'mig'], exit: 2, owns: ['mig'] },
  { name: 'create: a slug with NUL', command: 'migrate:create', args: ['a\u0001b', '--migrations', 'mig'], exit: 2, owns: ['mig'] },
  { name: 'create: no slug', command: 'migrate:create', args: ['--migrations', 'mig'], exit: 2, owns: ['mig'] },
  { name: 'create: two slugs', command: 'migrate:create', args: ['one', 'two', '--migrations', 'mig'], exit: 2, owns: ['mig'] },
  {
    name: 'create: into a FIFO',
    point: 11,
    command: 'migrate:create',
    args: ['slug', '--migrations', 'pipe'],
    layout: { pipe: { fifo: true } },
    exit: 2,
  },
];

/** A case that names `--migrations mig` and lays none out gets the folder (empty): the case is about something else. */
const withMigrations = (c: CliCase): CliCase => {
  const names = c.args.includes('mig') && c.args[c.args.indexOf('mig') - 1] === '--migrations';
  const laid = Object.keys(c.layout ?? {}).some((p) => p === 'mig' || p.startsWith('mig/'));
  const withMig = names && !laid ? { ...c, layout: { ...MIG, ...(c.layout ?? {}) } } : c;
  return c.after === unlocked ? { ...withMig, layout: { ...(withMig.layout ?? {}), none: { dir: true } } } : withMig;
};

export const migrate: CliFamily = { family: 'migrate:*', cases: cases.map(withMigrations) };
