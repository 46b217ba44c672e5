/**
 * The shape of the project's settings file, `understudy.config.json`: every setting optional, each
 * with its default (the `default` keywords also show in editors through the generated JSON Schema),
 * unknown keys are errors. `Settings` is the fully defaulted form the commands read.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Closed, SchemaRef } from '../model/schema/common.ts';

export const SETTINGS_FILE = 'understudy.config.json';
export const SETTINGS_SCHEMA_FILE = 'understudy.config.schema.json';

export const CHANNEL_KINDS = ['file', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** One place for the defaults: the schema's `default` keywords and DEFAULT_SETTINGS both read it. */
const D = {
  rehearse: { notificationsPerRecipient: 50, workers: 2, uiSample: 1, personaSample: 8, issuesPerStatus: 1 },
  gate: { maxSnapshotAgeDays: 14, strict: true },
  defaults: { snapshot: 'fixtures/acme', migrations: 'migrations', report: 'reports/latest', instance: '.understudy/instance' },
} as const;

const Path = (fallback: string, description: string) => Type.Optional(Type.String({ minLength: 1, default: fallback, description }));

const Rehearse = Closed({
  notificationsPerRecipient: Type.Optional(Type.Integer({ minimum: 0, default: D.rehearse.notificationsPerRecipient,
    description: 'The most notifications one recipient may receive because of the change itself (e.g. a backfill); above it the rehearsal fails' })),
  workers: Type.Optional(Type.Integer({ minimum: 1, maximum: 16, default: D.rehearse.workers, description: 'Playwright workers' })),
  uiSample: Type.Optional(Type.Integer({ minimum: 0, default: D.rehearse.uiSample,
    description: 'How many transitions per workflow are walked through the browser; the rest go through REST' })),
  personaSample: Type.Optional(Type.Integer({ minimum: 1, default: D.rehearse.personaSample, description: 'How many personas the transition check samples' })),
  issuesPerStatus: Type.Optional(Type.Integer({ minimum: 1, default: D.rehearse.issuesPerStatus, description: 'Sample issues per status the regression suite works on' })),
}, { description: 'Rehearsal thresholds and sampling', default: {} });

const Gate = Closed({
  maxSnapshotAgeDays: Type.Optional(Type.Number({ exclusiveMinimum: 0, default: D.gate.maxSnapshotAgeDays,
    description: 'The oldest a cloned snapshot may be for the gate, in days (bundled fixtures are exempt)' })),
  strict: Type.Optional(Type.Boolean({ default: D.gate.strict, description: 'Warnings (e.g. hazards that are not blocking) fail the gate too, as with rehearse --strict' })),
}, { description: 'The CI gate (npm run gate)', default: {} });

const Recipients = Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Who the notices sent through this channel are addressed to' }));
const ChannelName = Type.String({ minLength: 1, description: 'A name for the channel, unique in this file' });

export const FileChannel = Closed({
  name: ChannelName,
  kind: Type.Literal('file'),
  path: Type.String({ minLength: 1, description: 'The file (or folder) the notices are written to, relative to the project' }),
  recipients: Recipients,
});

/** An https URL without user:password, or `env:NAME` naming the environment variable that holds it. */
export const WEBHOOK_URL_PATTERN = '^(env:[A-Za-z_][A-Za-z0-9_]*|https?://[^\\s/@]+(/\\S*)?)$';
export const WebhookChannel = Closed({
  name: ChannelName,
  kind: Type.Literal('webhook'),
  url: Type.String({ pattern: WEBHOOK_URL_PATTERN,
    description: "an http(s) URL without user:password, or 'env:NAME' naming the environment variable that holds the URL, e.g. 'env:TEAM_WEBHOOK' (keep secrets out of this file)" }),
  recipients: Recipients,
});

export const Channel = Type.Union([FileChannel, WebhookChannel]);

const Announce = Closed({
  channels: Type.Optional(Type.Array(Channel, { default: [], description: 'Where notices go (npm run announce)' })),
}, { description: 'Notice channels and their recipients', default: {} });

const Defaults = Closed({
  snapshot: Path(D.defaults.snapshot, 'Default --snapshot'),
  migrations: Path(D.defaults.migrations, 'Default --migrations'),
  report: Path(D.defaults.report, 'Default --report'),
  instance: Path(D.defaults.instance, 'Default --instance'),
}, { description: "Defaults for the commands' flags", default: {} });

/** The file as written: everything optional. */
export const SettingsFile = Closed({
  $schema: SchemaRef,
  rehearse: Type.Optional(Rehearse),
  gate: Type.Optional(Gate),
  announce: Type.Optional(Announce),
  defaults: Type.Optional(Defaults),
});
export type SettingsFile = Static<typeof SettingsFile>;
export type Channel = Static<typeof Channel>;

/** The settings with every default filled in: what the commands read. */
export interface Settings {
  $schema?: string;
  rehearse: Required<NonNullable<SettingsFile['rehearse']>>;
  gate: Required<NonNullable<SettingsFile['gate']>>;
  announce: { channels: Channel[] };
  defaults: Required<NonNullable<SettingsFile['defaults']>>;
}

const freeze = <T>(v: T): T => {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) freeze(x);
    Object.freeze(v);
  }
  return v;
};

export const DEFAULT_SETTINGS: Readonly<Settings> = freeze({
  rehearse: { ...D.rehearse },
  gate: { ...D.gate },
  announce: { channels: [] },
  defaults: { ...D.defaults },
});

/** The file's values over the defaults; the result shares nothing with DEFAULT_SETTINGS. */
export const withDefaults = (file: SettingsFile): Settings => ({
  ...(file.$schema === undefined ? {} : { $schema: file.$schema }),
  rehearse: { ...D.rehearse, ...file.rehearse },
  gate: { ...D.gate, ...file.gate },
  announce: { channels: (file.announce?.channels ?? []).map((c) => ({ ...c, ...(c.recipients ? { recipients: [...c.recipients] } : {}) })) },
  defaults: { ...D.defaults, ...file.defaults },
});
