/** Credentials from the environment only: JIRA_EMAIL + JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center). */
import { UserError } from '../common/errors.ts';
import { credentialSecrets, redactErrorText, redactText } from '../common/redact.ts';

/** What the environment gave: an e-mail and API token (Cloud), or a personal access token (Data Center). */
export type Credentials = { kind: 'basic'; email: string; token: string } | { kind: 'bearer'; token: string };

export const CREDENTIAL_VARS = ['JIRA_EMAIL', 'JIRA_API_TOKEN', 'JIRA_PAT'] as const;

const origin = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/**
 * The URL credentials may be sent to when a command starts from a snapshot (drift, the gate): the
 * manifest's URL is data anyone can edit, so it must match the one the user names (`--url` or
 * JIRA_URL) before a token goes there.
 */
export const confirmProductionUrl = (manifestUrl: string, given: string | undefined, snapshot: string): string => {
  if (!given) {
    throw new UserError(
      `the snapshot '${snapshot}' was cloned from ${manifestUrl}; name production's URL yourself before your credentials are sent there`,
      {
        details: [`pass --url ${manifestUrl} (or set JIRA_URL=${manifestUrl}); a URL read from a snapshot alone is never trusted with a token`],
      },
    );
  }
  if (origin(given) === undefined) throw new UserError(`'${given}' (--url or JIRA_URL) is not a URL`, { details: [`e.g. --url ${manifestUrl}`] });
  if (origin(given) !== origin(manifestUrl)) {
    throw new UserError(`the snapshot '${snapshot}' was cloned from ${manifestUrl}, not from ${given}`, {
      details: ['compare the snapshot with the production it came from, or clone the other site: npm run clone -- --url URL --out DIR'],
    });
  }
  return manifestUrl;
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Credentials travel over https only, except to a tracker on this machine. */
export const assertSafeScheme = (url: URL): void => {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return;
  throw new UserError(`${url.origin}: credentials are only sent over https (or to a tracker on this machine)`, {
    details: [`use the site's https:// URL${url.protocol === 'http:' ? `, e.g. --url https://${url.host}` : ''}`],
  });
};

export const hasCredentials = (env: NodeJS.ProcessEnv): boolean => Boolean((env.JIRA_EMAIL && env.JIRA_API_TOKEN) || env.JIRA_PAT);

export const credentialsFromEnv = (env: NodeJS.ProcessEnv): Credentials => {
  if (env.JIRA_EMAIL && env.JIRA_API_TOKEN) return { kind: 'basic', email: env.JIRA_EMAIL, token: env.JIRA_API_TOKEN };
  if (env.JIRA_PAT) return { kind: 'bearer', token: env.JIRA_PAT };
  const half = env.JIRA_EMAIL
    ? 'JIRA_EMAIL is set but JIRA_API_TOKEN is not'
    : env.JIRA_API_TOKEN
      ? 'JIRA_API_TOKEN is set but JIRA_EMAIL is not'
      : 'none of JIRA_EMAIL, JIRA_API_TOKEN, JIRA_PAT is set';
  throw new UserError(`no Jira credentials in the environment (${half})`, {
    details: [
      'Cloud: export JIRA_EMAIL=you@example.com JIRA_API_TOKEN=… (an API token of a Jira administrator)',
      'Data Center: export JIRA_PAT=… (a personal access token)',
      'credentials are never read from flags',
    ],
  });
};

/** Every form the environment's credentials travel in (server/common/redact.ts): raw values, the pair, its base64, the header values. */
export const envSecrets = (env: NodeJS.ProcessEnv): string[] => [
  ...CREDENTIAL_VARS.map((k) => env[k] ?? ''),
  ...(env.JIRA_EMAIL && env.JIRA_API_TOKEN ? credentialSecrets({ email: env.JIRA_EMAIL, token: env.JIRA_API_TOKEN }) : []),
  ...(env.JIRA_PAT ? credentialSecrets({ token: env.JIRA_PAT }) : []),
];

/** The secrets of credentials the clone or apply sends. */
export const secretsOf = (c: Credentials): string[] =>
  credentialSecrets(c.kind === 'basic' ? { email: c.email, token: c.token } : { token: c.token });

/** Removes every credential from a text (defence in depth for messages that quote an answer). */
export const redact = (text: string, env: NodeJS.ProcessEnv): string => redactText(text, envSecrets(env));

/** The error (of any class, so its exit code stays) with every credential taken out of its message, details and stack. */
export const redactError = (e: unknown, env: NodeJS.ProcessEnv): unknown => redactErrorText(e, envSecrets(env));
