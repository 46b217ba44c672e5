import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../server/common/errors.ts';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, type Settings } from '../../../server/settings/load.ts';

/** The UserError a text raises: message and details, one string to search. */
const failure = (text: string): { message: string; all: string } => {
  try {
    parseSettings(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const u = e as UserError;
    expect(u.exitCode).toBe(2);
    return { message: u.message, all: [u.message, ...u.details].join('\n') };
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
};

const BAD_JSON: { name: string; text: string; at: string; reason: string }[] = [
  { name: 'missing value', text: '{"gate": }', at: '1:10', reason: "Unexpected token '}'" },
  { name: 'trailing comma', text: '{\n  "rehearse": {\n    "workers": 2,\n  }\n}', at: '4:3', reason: 'Expected double-quoted property name' },
  { name: 'unquoted key', text: '{\n  gate: {}\n}', at: '2:3', reason: 'Expected property name' },
  { name: 'missing comma', text: '{"gate": {} "rehearse": {}}', at: '1:13', reason: "Expected ',' or '}'" },
  { name: 'unterminated', text: '{"gate": {', at: '1:11', reason: "Expected property name or '}'" },
  { name: 'cut short after a value', text: '{"gate": {"strict": true', at: '1:25', reason: "Expected ',' or '}'" },
  { name: 'empty file', text: '', at: '1:1', reason: 'Unexpected end of JSON input' },
  { name: 'comment', text: '{\n  // settings\n}', at: '2:3', reason: '' },
  { name: 'text after the object', text: '{} {}', at: '1:4', reason: 'Unexpected non-whitespace character' },
  { name: 'single quotes', text: "{'gate': {}}", at: '1:2', reason: '' },
];

describe('parseSettings: malformed JSON', () => {
  it.each(BAD_JSON)('$name → file:line:column', ({ text, at, reason }) => {
    const f = failure(text);
    expect(f.message).toContain(`understudy.config.json:${at}: not valid JSON`);
    expect(f.message).toContain(reason);
    expect(f.all).toContain('delete understudy.config.json to use every default');
  });
  it('shows the offending line with a caret under the column', () => {
    const f = failure('{\n  "gate": { "strict": tru }\n}');
    expect(f.message).toBe("understudy.config.json:2:23: not valid JSON (Unexpected token ' ')");
    expect(f.all).toContain('2 |   "gate": { "strict": tru }\n  |                       ^');
  });
});

const BAD: { name: string; input: unknown; path: string; value: string; expected: string }[] = [
  {
    name: 'root is a list',
    input: [],
    path: '(root)',
    value: 'a list',
    expected: 'an object with any of: $schema, rehearse, gate, announce, defaults',
  },
  { name: 'root is a number', input: 3, path: '(root)', value: '3 has the wrong type', expected: 'an object' },
  {
    name: 'unknown top-level key, with a suggestion',
    input: { rehaerse: {} },
    path: 'rehaerse',
    value: '(value {})',
    expected: "did you mean 'rehearse'?",
  },
  {
    name: 'unknown top-level key, no suggestion',
    input: { colour: 'red' },
    path: 'colour',
    value: '(value "red")',
    expected: 'known settings at the top level: $schema, rehearse, gate, announce, defaults',
  },
  {
    name: 'unknown key in rehearse',
    input: { rehearse: { notificationPerRecipient: 5 } },
    path: 'rehearse.notificationPerRecipient',
    value: '(value 5)',
    expected: "rename it to 'notificationsPerRecipient'",
  },
  {
    name: 'unknown key in gate',
    input: { gate: { maxAgeDays: 3 } },
    path: 'gate.maxAgeDays',
    value: '(value 3)',
    expected: 'known settings in gate: maxSnapshotAgeDays, strict',
  },
  {
    name: 'unknown key in a channel',
    input: { announce: { channels: [{ name: 'a', kind: 'file', path: 'x', recipents: ['b'] }] } },
    path: 'announce.channels[0].recipents',
    value: '(value ["b"])',
    expected: "did you mean 'recipients'?",
  },
  {
    name: 'unknown key in defaults',
    input: { defaults: { snapshots: 'x' } },
    path: 'defaults.snapshots',
    value: '(value "x")',
    expected: "did you mean 'snapshot'?",
  },
  {
    name: 'section of the wrong type',
    input: { rehearse: 5 },
    path: 'rehearse',
    value: '5 has the wrong type',
    expected: 'an object with any of: notificationsPerRecipient',
  },
  {
    name: 'string for a number',
    input: { rehearse: { workers: '4' } },
    path: 'rehearse.workers',
    value: '"4" has the wrong type',
    expected: 'a whole number from 1 to 16',
  },
  {
    name: 'fraction for a whole number',
    input: { rehearse: { uiSample: 2.5 } },
    path: 'rehearse.uiSample',
    value: '2.5 is not a whole number',
    expected: 'a whole number, 0 or more',
  },
  {
    name: 'negative notifications',
    input: { rehearse: { notificationsPerRecipient: -1 } },
    path: 'rehearse.notificationsPerRecipient',
    value: '-1 is out of range',
    expected: 'remove it to use the default 50',
  },
  {
    name: 'zero workers',
    input: { rehearse: { workers: 0 } },
    path: 'rehearse.workers',
    value: '0 is out of range',
    expected: 'a whole number from 1 to 16',
  },
  {
    name: 'too many workers',
    input: { rehearse: { workers: 17 } },
    path: 'rehearse.workers',
    value: '17 is out of range',
    expected: 'a whole number from 1 to 16',
  },
  {
    name: 'zero personas',
    input: { rehearse: { personaSample: 0 } },
    path: 'rehearse.personaSample',
    value: '0 is out of range',
    expected: 'a whole number, 1 or more',
  },
  {
    name: 'zero issues per status',
    input: { rehearse: { issuesPerStatus: 0 } },
    path: 'rehearse.issuesPerStatus',
    value: '0 is out of range',
    expected: 'a whole number, 1 or more',
  },
  {
    name: 'zero snapshot age',
    input: { gate: { maxSnapshotAgeDays: 0 } },
    path: 'gate.maxSnapshotAgeDays',
    value: '0 is out of range',
    expected: 'a number greater than 0',
  },
  {
    name: 'negative snapshot age',
    input: { gate: { maxSnapshotAgeDays: -3.5 } },
    path: 'gate.maxSnapshotAgeDays',
    value: '-3.5 is out of range',
    expected: 'remove it to use the default 14',
  },
  {
    name: 'strict as a string',
    input: { gate: { strict: 'yes' } },
    path: 'gate.strict',
    value: '"yes" has the wrong type',
    expected: 'true or false',
  },
  {
    name: 'channels not a list',
    input: { announce: { channels: {} } },
    path: 'announce.channels',
    value: 'an object has the wrong type',
    expected: 'a list of objects',
  },
  {
    name: 'bad channel kind',
    input: { announce: { channels: [{ name: 'a', kind: 'slack' }] } },
    path: 'announce.channels[0].kind',
    value: '"slack" is not a known kind',
    expected: 'one of: file, email, webhook',
  },
  {
    name: 'channel without kind',
    input: { announce: { channels: [{ name: 'a' }] } },
    path: 'announce.channels[0].kind',
    value: 'is missing',
    expected: 'one of: file, email, webhook',
  },
  {
    name: 'email channel without recipients',
    input: { announce: { channels: [{ name: 'm', kind: 'email', folder: 'out' }] } },
    path: 'announce.channels[0].recipients',
    value: "is missing: a channel of kind 'email' needs it",
    expected: 'a list of non-empty strings',
  },
  {
    name: 'email channel with no recipient',
    input: { announce: { channels: [{ name: 'm', kind: 'email', folder: 'out', recipients: [] }] } },
    path: 'announce.channels[0].recipients',
    value: '[] is out of range',
    expected: 'a list of non-empty strings',
  },
  {
    name: 'webhook url written out',
    input: { announce: { channels: [{ name: 'ops', kind: 'webhook', url: 'https://hooks.example.com/services/T1' }] } },
    path: 'announce.channels[0].url',
    value: '"https://hooks.example.com/services/T1" is not allowed',
    expected: 'set "url" to \'env:THAT_VARIABLE\'',
  },
  {
    name: 'recipient not an e-mail address',
    input: { announce: { channels: [{ name: 'm', kind: 'email', folder: 'out', recipients: ['staff'] }] } },
    path: 'announce.channels[0].recipients[0]',
    value: '"staff" is not allowed',
    expected: "an e-mail address, e.g. 'web-team@example.com'",
  },
  {
    name: 'from not an e-mail address',
    input: { announce: { from: 'Jira admins' } },
    path: 'announce.from',
    value: '"Jira admins" is not allowed',
    expected: 'the From: address of e-mailed notices',
  },
  {
    name: 'unknown webhook format',
    input: { announce: { channels: [{ name: 'ops', kind: 'webhook', url: 'env:X', format: 'teams' }] } },
    path: 'announce.channels[0].format',
    value: '"teams"',
    expected: 'slack',
  },
  {
    name: 'update interval too short',
    input: { announce: { updateEveryMinutes: 1 } },
    path: 'announce.updateEveryMinutes',
    value: '1 is out of range',
    expected: 'a whole number from 5 to 1440',
  },
  {
    name: 'webhook without url',
    input: { announce: { channels: [{ name: 'team', kind: 'webhook' }] } },
    path: 'announce.channels[0].url',
    value: "is missing: a channel of kind 'webhook' needs it",
    expected: "'env:TEAM_WEBHOOK'",
  },
  {
    name: 'file channel without path',
    input: { announce: { channels: [{ name: 'log', kind: 'file' }] } },
    path: 'announce.channels[0].path',
    value: "is missing: a channel of kind 'file' needs it",
    expected: 'a non-empty string',
  },
  {
    name: 'webhook url with credentials',
    input: { announce: { channels: [{ name: 'a', kind: 'webhook', url: 'https://me:secret@hooks.example.com/x' }] } },
    path: 'announce.channels[0].url',
    value: '"https://me:secret@hooks.example.com/x" is not allowed',
    expected: 'set "url" to \'env:THAT_VARIABLE\'',
  },
  {
    name: 'webhook url that is neither a URL nor env:',
    input: { announce: { channels: [{ name: 'a', kind: 'webhook', url: 'TEAM_WEBHOOK' }] } },
    path: 'announce.channels[0].url',
    value: '"TEAM_WEBHOOK" is not allowed',
    expected: 'env:NAME',
  },
  {
    name: 'webhook with a path (wrong branch key)',
    input: { announce: { channels: [{ name: 'a', kind: 'webhook', url: 'env:X', path: 'y' }] } },
    path: 'announce.channels[0].path',
    value: '(value "y")',
    expected: 'known settings in announce.channels[0]: name, kind, url, format, timeoutSeconds, retries, recipients',
  },
  {
    name: 'recipient not a string',
    input: { announce: { channels: [{ name: 'a', kind: 'file', path: 'x', recipients: ['ok', 7] }] } },
    path: 'announce.channels[0].recipients[1]',
    value: '7 has the wrong type',
    expected: 'a non-empty string',
  },
  {
    name: 'empty channel name',
    input: { announce: { channels: [{ name: '', kind: 'file', path: 'x' }] } },
    path: 'announce.channels[0].name',
    value: '"" is empty',
    expected: 'a non-empty string',
  },
  {
    name: 'duplicate channel names',
    input: {
      announce: {
        channels: [
          { name: 'team', kind: 'file', path: 'x' },
          { name: 'team', kind: 'webhook', url: 'env:T' },
        ],
      },
    },
    path: 'announce.channels[1].name',
    value: '"team" is already the name of announce.channels[0]',
    expected: 'a unique name',
  },
  {
    name: 'empty default path',
    input: { defaults: { snapshot: '' } },
    path: 'defaults.snapshot',
    value: '"" is empty',
    expected: 'remove it to use the default "fixtures/acme"',
  },
  { name: '$schema not a string', input: { $schema: 1 }, path: '$schema', value: '1 has the wrong type', expected: 'a non-empty string' },
];

describe('parseSettings: bad settings', () => {
  it.each(BAD)('$name', ({ input, path, value, expected }) => {
    const f = failure(JSON.stringify(input, null, 2));
    expect(f.message).toContain(`understudy.config.json: ${path}: `);
    expect(f.message).toContain(value);
    expect(f.all).toContain(expected);
    expect(f.all).toContain('fix: ');
  });
  it('several problems: one line each, counted in the message', () => {
    const f = failure(JSON.stringify({ rehearse: { workers: 0 }, gate: { strict: 1 }, extra: true }));
    expect(f.message).toBe('understudy.config.json: 3 invalid settings');
    expect(f.all).toContain('rehearse.workers: 0 is out of range');
    expect(f.all).toContain('gate.strict: 1 has the wrong type');
    expect(f.all).toContain('extra: unknown setting');
  });
  it('names the file it was given', () => {
    expect(() => parseSettings('{"gate": 1}', 'ci/understudy.json')).toThrow(/^ci\/understudy\.json: gate: 1 has the wrong type/);
  });
});

const FULL = {
  $schema: './understudy.config.schema.json',
  rehearse: { notificationsPerRecipient: 0, workers: 16, uiSample: 0, personaSample: 1, issuesPerStatus: 4 },
  gate: { maxSnapshotAgeDays: 0.5, strict: false },
  announce: {
    channels: [
      { name: 'changelog', kind: 'file', path: 'notices/changes.md', recipients: ['dev@acme.test'] },
      { name: 'team', kind: 'webhook', url: 'env:TEAM_WEBHOOK', recipients: ['#tracker-admins'] },
      { name: 'ops', kind: 'webhook', url: 'env:OPS_HOOK', format: 'json', timeoutSeconds: 5, retries: 0 },
      { name: 'mail', kind: 'email', folder: 'outbox', recipients: ['Web team <web@acme.test>'], from: 'Jira admins <jira@acme.test>' },
    ],
    trackerName: 'Acme Jira',
    from: 'Jira <jira@acme.test>',
    contact: '#jira-help',
    reportUrl: 'https://ci.acme.test/report',
    updateEveryMinutes: 15,
  },
  defaults: { snapshot: 'snapshots/prod', migrations: 'db/migrations', report: 'out/report', instance: '.cache/instance' },
};

describe('parseSettings: good files', () => {
  it('an empty object is every default', () => {
    expect(parseSettings('{}')).toEqual(DEFAULT_SETTINGS);
  });
  it('the defaults are the documented ones', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      rehearse: { notificationsPerRecipient: 50, workers: 2, uiSample: 1, personaSample: 8, issuesPerStatus: 1 },
      gate: { maxSnapshotAgeDays: 14, strict: true },
      announce: { channels: [], trackerName: 'Jira', from: 'Understudy <understudy@example.invalid>', updateEveryMinutes: 30 },
      defaults: { snapshot: 'fixtures/acme', migrations: 'migrations', report: 'reports/latest', instance: '.understudy/instance' },
    } satisfies Settings);
  });
  it('a full file is returned as written', () => {
    expect(parseSettings(JSON.stringify(FULL))).toEqual(FULL);
  });
  it('a partial section keeps the other defaults of that section', () => {
    const s = parseSettings('\uFEFF{ "rehearse": { "workers": 4 }, "gate": { "strict": false } }');
    expect(s.rehearse).toEqual({ ...DEFAULT_SETTINGS.rehearse, workers: 4 });
    expect(s.gate).toEqual({ maxSnapshotAgeDays: 14, strict: false });
    expect(s.defaults).toEqual(DEFAULT_SETTINGS.defaults);
  });
  it('the result is a copy: changing it does not change the defaults', () => {
    const s = parseSettings('{}');
    s.rehearse.workers = 9;
    s.announce.channels.push({ name: 'x', kind: 'file', path: 'y' });
    expect(DEFAULT_SETTINGS.rehearse.workers).toBe(2);
    expect(DEFAULT_SETTINGS.announce.channels).toEqual([]);
  });
});

describe('loadSettings', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'understudy-settings-'));
    await mkdir(join(dir, 'with'));
    await writeFile(join(dir, 'with', 'understudy.config.json'), JSON.stringify({ rehearse: { workers: 5 } }));
    await writeFile(join(dir, 'with', 'other.json'), '{"gate": {"maxSnapshotAgeDays": 30}}');
    await mkdir(join(dir, 'bad'));
    await writeFile(join(dir, 'bad', 'understudy.config.json'), '{\n  "gate": { "maxSnapshotAgeDays": -1 }\n}\n');
    await mkdir(join(dir, 'dir', 'understudy.config.json'), { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('no file: every default', async () => {
    expect(await loadSettings({ cwd: dir })).toEqual(DEFAULT_SETTINGS);
  });
  it('reads understudy.config.json in cwd', async () => {
    expect((await loadSettings({ cwd: join(dir, 'with') })).rehearse.workers).toBe(5);
  });
  it('reads the file it is given, relative to cwd', async () => {
    expect((await loadSettings({ cwd: join(dir, 'with'), file: 'other.json' })).gate.maxSnapshotAgeDays).toBe(30);
  });
  it('a file that was asked for and is missing is an error', async () => {
    await expect(loadSettings({ cwd: dir, file: 'nope.json' })).rejects.toThrow(/nope\.json: settings file not found/);
  });
  it('a bad file is a UserError naming the file, path and value', async () => {
    await expect(loadSettings({ cwd: join(dir, 'bad') })).rejects.toThrow(
      'understudy.config.json: gate.maxSnapshotAgeDays: -1 is out of range (expected a number greater than 0)',
    );
  });
  it('an unreadable path is a UserError', async () => {
    await expect(loadSettings({ cwd: join(dir, 'dir') })).rejects.toBeInstanceOf(UserError);
  });
});
