/**
 * The commands that talk to production — clone, drift, apply, migrate:down/status --url — pointed
 * only at 127.0.0.1 (trackers that refuse, echo credentials, answer a login page, broken JSON, or
 * nothing) or at URLs they must refuse before connecting (http to another host, not a URL at all).
 * Credentials come from the environment and must never reach the output.
 */
import type { CliCase, CliFamily } from '../kit/types.ts';

const TOKEN = 'hostile-secret-token-8d1f0c';
const CLOUD = { JIRA_EMAIL: 'admin@example.com', JIRA_API_TOKEN: TOKEN };
const PAT = { JIRA_PAT: `pat-${TOKEN}` };
const OUT = ['--out', 'snap'];

const cases: CliCase[] = [
  {
    name: 'clone: no credentials in the environment',
    command: 'clone',
    args: ['--url', '$URL', ...OUT],
    server: 'unauthorized',
    exit: 2,
    says: /JIRA_EMAIL|JIRA_PAT/,
  },
  {
    name: 'clone: http to another host is refused before connecting',
    command: 'clone',
    args: ['--url', 'http://jira.example.invalid', ...OUT],
    env: CLOUD,
    exit: 2,
    says: /https/,
  },
  { name: 'clone: a URL that is not one', command: 'clone', args: ['--url', 'not a url at all', ...OUT], env: CLOUD, exit: 2 },
  { name: 'clone: a file: URL', command: 'clone', args: ['--url', 'file:///etc/passwd', ...OUT], env: CLOUD, exit: 2 },
  {
    name: 'clone: credentials refused by the tracker',
    command: 'clone',
    args: ['--url', '$URL', ...OUT],
    env: CLOUD,
    server: 'unauthorized',
    exit: 2,
    owns: ['snap'],
  },
  {
    name: 'clone: a proxy that echoes the Authorization header',
    point: 14,
    tags: ['always'],
    command: 'clone',
    args: ['--url', '$URL', ...OUT],
    env: CLOUD,
    server: 'echo',
    exit: 2,
    owns: ['snap'],
  },
  {
    name: 'clone: a personal access token echoed back',
    point: 14,
    command: 'clone',
    args: ['--url', '$URL', ...OUT],
    env: PAT,
    server: 'echo',
    exit: 2,
    owns: ['snap'],
  },
  {
    name: 'clone: a login page instead of JSON',
    command: 'clone',
    args: ['--url', '$URL', ...OUT],
    env: CLOUD,
    server: 'html',
    exit: 2,
    owns: ['snap'],
  },
  {
    name: 'clone: broken JSON',
    command: 'clone',
    args: ['--url', '$URL', ...OUT],
    env: CLOUD,
    server: 'garbage',
    exit: 2,
    owns: ['snap'],
  },
  { name: 'clone: --projects that are not keys', command: 'clone', args: ['--url', '$URL', ...OUT, '--projects', 'acme,../X'], env: CLOUD, exit: 2 },
  { name: 'clone: --concurrency 0', command: 'clone', args: ['--url', '$URL', ...OUT, '--concurrency', '0'], env: CLOUD, exit: 2 },
  {
    name: 'clone: --out a file',
    command: 'clone',
    args: ['--url', '$URL', '--out', 'f'],
    layout: { f: 'x' },
    env: CLOUD,
    server: 'unauthorized',
    exit: 2,
  },
  {
    name: 'clone: --from file with a FIFO for a saved answer',
    point: 13,
    command: 'clone',
    args: ['--from', 'file', '--dir', 'saved', ...OUT],
    layout: { 'saved/serverInfo.json': { fifo: true } },
    exit: 2,
    owns: ['snap'],
  },
  { name: 'drift: no --snapshot', command: 'drift', args: ['--url', '$URL'], env: CLOUD, exit: 2 },
  { name: 'drift: a snapshot that is a fixture, not a clone', command: 'drift', args: ['--snapshot', '$TINY', '--url', '$URL'], env: CLOUD, exit: 2 },
  {
    name: 'drift: a manifest of broken JSON',
    command: 'drift',
    args: ['--snapshot', 'snap', '--url', '$URL'],
    layout: { 'snap/manifest.json': '{"kind": "clone", ' },
    env: CLOUD,
    exit: 2,
  },
  {
    name: 'drift: a clone of another site than --url',
    command: 'drift',
    args: ['--snapshot', 'snap', '--url', '$URL'],
    layout: { 'snap/manifest.json': '{"kind": "clone", "source": {"url": "https://other.example"}}' },
    env: CLOUD,
    exit: 2,
  },
  { name: 'apply: no --url', command: 'apply', args: [], env: CLOUD, exit: 2 },
  { name: 'apply: http to another host', command: 'apply', args: ['--url', 'http://jira.example.invalid', '--report', 'rep'], env: CLOUD, exit: 2 },
  {
    name: 'apply: no green rehearsal in the report folder',
    command: 'apply',
    args: ['--url', '$URL', '--report', 'rep'],
    env: CLOUD,
    server: 'unauthorized',
    exit: 2,
  },
  {
    name: 'apply: a result.json of broken JSON',
    command: 'apply',
    args: ['--url', '$URL', '--report', 'rep'],
    layout: { 'rep/result.json': '{"verdict": ' },
    env: CLOUD,
    server: 'unauthorized',
    exit: 2,
  },
  {
    name: 'apply: a result.json nested deep with prototype keys',
    command: 'apply',
    args: ['--url', '$URL', '--report', 'rep'],
    layout: { 'rep/result.json': '{"__proto__": {"verdict": "safe"}, "constructor": {"prototype": {"ok": true}}}' },
    env: CLOUD,
    server: 'unauthorized',
    exit: 2,
  },
  { name: 'apply: --timeout of 0', command: 'apply', args: ['--url', '$URL', '--timeout', '0'], env: CLOUD, exit: 2 },
  { name: 'apply: --no-heads-up without a reason', command: 'apply', args: ['--url', '$URL', '--no-heads-up'], env: CLOUD, exit: 2 },
  {
    name: 'migrate:status --url: nothing applied there, a tracker that refuses',
    command: 'migrate:status',
    args: ['--url', '$URL', '--ledger', 'ledger'],
    env: CLOUD,
    server: 'unauthorized',
    exit: [0, 2],
    owns: ['ledger'],
  },
  {
    name: 'migrate:down --url: a tracker that never answers, with a timeout',
    command: 'migrate:down',
    args: ['--url', '$URL', '--ledger', 'ledger', '--timeout', '1'],
    env: CLOUD,
    server: 'slow',
    exit: [0, 2],
    owns: ['ledger'],
  },
  { name: 'migrate:down --url: --steps 0', command: 'migrate:down', args: ['--url', '$URL', '--steps', '0'], env: CLOUD, exit: 2 },
];

/**
 * The places these commands own beside what a case names: a clone's resume folder (`OUT.clone-partial`,
 * kept for --resume) and production's ledger and journal (`.understudy/production/<host>/`, PRODUCT.md).
 */
const owned = (c: CliCase): CliCase => {
  const out = c.args[c.args.indexOf('--out') + 1];
  const extra = c.command === 'clone' && c.args.includes('--out') && out ? [`${out}.clone-partial`] : ['.understudy'];
  return { ...c, owns: [...(c.owns ?? []), ...extra] };
};

export const production: CliFamily = { family: 'clone, drift, apply, --url', cases: cases.map(owned) };
