/**
 * The shape of the project's settings file, `understudy.config.json`: every setting optional, each
 * with its default (the `default` keywords also show in editors through the generated JSON Schema),
 * unknown keys are errors. `Settings` is the fully defaulted form the commands read.
 */
import { Closed, OneOf, SchemaRef, type Static, Type } from '../model/index.ts';

export const SETTINGS_FILE = 'understudy.config.json';
export const SETTINGS_SCHEMA_FILE = 'understudy.config.schema.json';

export const CHANNEL_KINDS = ['file', 'email', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** One place for the defaults: the schema's `default` keywords and DEFAULT_SETTINGS both read it. */
const D = {
  rehearse: { notificationsPerRecipient: 50, workers: 2, uiSample: 1, personaSample: 8, issuesPerStatus: 1 },
  gate: { maxSnapshotAgeDays: 14, strict: true },
  announce: { trackerName: 'Jira', from: 'Understudy <understudy@example.invalid>', updateEveryMinutes: 30 },
  defaults: { snapshot: 'fixtures/acme', migrations: 'migrations', report: 'reports/latest', instance: '.understudy/instance' },
} as const;

const Path = (fallback: string, description: string) => Type.Optional(Type.String({ minLength: 1, default: fallback, description }));

const Rehearse = Closed(
  {
    notificationsPerRecipient: Type.Optional(
      Type.Integer({
        minimum: 0,
        default: D.rehearse.notificationsPerRecipient,
        description: 'The most notifications one recipient may receive because of the change itself (e.g. a backfill); above it the rehearsal fails',
      }),
    ),
    workers: Type.Optional(Type.Integer({ minimum: 1, maximum: 16, default: D.rehearse.workers, description: 'Playwright workers' })),
    uiSample: Type.Optional(
      Type.Integer({
        minimum: 0,
        default: D.rehearse.uiSample,
        description: 'How many transitions per workflow are walked through the browser; the rest go through REST',
      }),
    ),
    personaSample: Type.Optional(
      Type.Integer({ minimum: 1, default: D.rehearse.personaSample, description: 'How many personas the transition check samples' }),
    ),
    issuesPerStatus: Type.Optional(
      Type.Integer({ minimum: 1, default: D.rehearse.issuesPerStatus, description: 'Sample issues per status the regression suite works on' }),
    ),
  },
  { description: 'Rehearsal thresholds and sampling', default: {} },
);

const Gate = Closed(
  {
    maxSnapshotAgeDays: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        default: D.gate.maxSnapshotAgeDays,
        description: 'The oldest a cloned snapshot may be for the gate, in days (bundled fixtures are exempt)',
      }),
    ),
    strict: Type.Optional(
      Type.Boolean({
        default: D.gate.strict,
        description: 'Warnings (e.g. hazards that are not blocking) fail the gate too, as with rehearse --strict',
      }),
    ),
  },
  { description: 'The CI gate (npm run gate)', default: {} },
);

const Recipients = Type.Optional(
  Type.Array(Type.String({ minLength: 1 }), { description: 'Who the notices sent through this channel are addressed to' }),
);
const ChannelName = Type.String({ minLength: 1, description: 'A name for the channel, unique in this file' });

export const FileChannel = Closed({
  name: ChannelName,
  kind: Type.Literal('file'),
  path: Type.String({ minLength: 1, description: 'The folder the Markdown notices are written to, relative to the project' }),
  recipients: Recipients,
});

/** 'name@host' or 'Display Name <name@host>'. */
export const MAILBOX_PATTERN = '^([^<>@]*<[^\\s<>@]+@[^\\s<>@]+\\.[^\\s<>@]+>|[^\\s<>@]+@[^\\s<>@]+\\.[^\\s<>@]+)$';
const Mailbox = (description: string) => Type.String({ pattern: MAILBOX_PATTERN, description });

export const EmailChannel = Closed({
  name: ChannelName,
  kind: Type.Literal('email'),
  folder: Type.String({
    minLength: 1,
    description: 'The folder the .eml files are written to (a mail relay or a person picks them up), relative to the project',
  }),
  recipients: Type.Array(Mailbox("an e-mail address, e.g. 'web-team@example.com' or 'Web team <web-team@example.com>'"), {
    minItems: 1,
    description: 'The To: addresses',
  }),
  from: Type.Optional(Mailbox("the From: address, e.g. 'Jira admins <jira-admins@example.com>'; default announce.from")),
});

/** `env:NAME`: the environment variable that holds the URL (a webhook URL is a secret: never in this file). */
export const WEBHOOK_URL_PATTERN = '^env:[A-Za-z_][A-Za-z0-9_]*$';
export const WEBHOOK_FORMATS = ['slack', 'json'] as const;
export const WebhookChannel = Closed({
  name: ChannelName,
  kind: Type.Literal('webhook'),
  url: Type.String({
    pattern: WEBHOOK_URL_PATTERN,
    description:
      "'env:NAME' naming the environment variable that holds the webhook URL, e.g. 'env:TEAM_WEBHOOK' (a webhook URL is a secret: keep it out of this file)",
  }),
  format: Type.Optional(
    OneOf(WEBHOOK_FORMATS, {
      default: 'slack',
      description: "'slack' (a Slack-compatible payload: text and blocks) or 'json' (the notice as structured JSON)",
    }),
  ),
  timeoutSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 300, default: 10, description: 'How long one attempt may take' })),
  retries: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 10, default: 4, description: 'Further attempts after a 429, a 5xx, a timeout or a network error' }),
  ),
  recipients: Recipients,
});

export const Channel = Type.Union([FileChannel, EmailChannel, WebhookChannel]);

const Announce = Closed(
  {
    channels: Type.Optional(Type.Array(Channel, { default: [], description: 'Where notices go (npm run announce -- <kind> --send)' })),
    trackerName: Type.Optional(
      Type.String({
        minLength: 1,
        default: D.announce.trackerName,
        description: 'What the people affected call the tracker, used in subjects and sentences',
      }),
    ),
    from: Type.Optional(
      Type.String({
        pattern: MAILBOX_PATTERN,
        default: D.announce.from,
        description: "the From: address of e-mailed notices, e.g. 'Jira admins <jira-admins@example.com>'",
      }),
    ),
    contact: Type.Optional(
      Type.String({ minLength: 1, description: "Whom to ask, e.g. 'the tracker admins in #jira-help'; default: the snapshot's administrators" }),
    ),
    reportUrl: Type.Optional(
      Type.String({
        minLength: 1,
        description: "Where people can read the rehearsal report (e.g. the CI artifact's URL); default: the report's index.html on disk",
      }),
    ),
    updateEveryMinutes: Type.Optional(
      Type.Integer({
        minimum: 5,
        maximum: 1440,
        default: D.announce.updateEveryMinutes,
        description: 'How often progress updates are promised during the window',
      }),
    ),
  },
  { description: 'Notices (npm run announce): channels and wording', default: {} },
);

const Defaults = Closed(
  {
    snapshot: Path(D.defaults.snapshot, 'Default --snapshot'),
    migrations: Path(D.defaults.migrations, 'Default --migrations'),
    report: Path(D.defaults.report, 'Default --report'),
    instance: Path(D.defaults.instance, 'Default --instance'),
  },
  { description: "Defaults for the commands' flags", default: {} },
);

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
  announce: {
    channels: Channel[];
    trackerName: string;
    from: string;
    updateEveryMinutes: number;
    contact?: string;
    reportUrl?: string;
  };
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
  announce: { channels: [], ...D.announce },
  defaults: { ...D.defaults },
});

/** The file's values over the defaults; the result shares nothing with DEFAULT_SETTINGS. */
export const withDefaults = (file: SettingsFile): Settings => ({
  ...(file.$schema === undefined ? {} : { $schema: file.$schema }),
  rehearse: { ...D.rehearse, ...file.rehearse },
  gate: { ...D.gate, ...file.gate },
  announce: {
    ...D.announce,
    ...file.announce,
    channels: (file.announce?.channels ?? []).map((c) => ({ ...c, ...(c.recipients ? { recipients: [...c.recipients] } : {}) })),
  },
  defaults: { ...D.defaults, ...file.defaults },
});
