/**
 * Production as apply sees it: the URL (https only, except a tracker on this machine), the
 * credentials from the environment (as `clone`), a reader (the clone's read-only transport, so
 * every read goes through the same adapter as `clone` and `drift`) and a writer, the deployment
 * type, and the account — which must be a Jira administrator.
 */
import { UserError } from '../../common/errors.ts';
import { credentialsFromEnv, HttpTransport, NotFoundAnswer, type TransportOptions } from '../outside.ts';
import { Writer, WriteRefused, type WriterOptions } from './writer.ts';

export interface Production {
  url: string;
  /** `<host>-<port>`: the folder of the journal and the ledger. */
  site: string;
  dc: boolean;
  deploymentType: 'Cloud' | 'DataCenter';
  /** `/rest/api/3` (Cloud) or `/rest/api/2` (Data Center). */
  api: string;
  reader: HttpTransport;
  writer: Writer;
  /** Who the credentials belong to (display name and account id; never the e-mail or the token). */
  account: { id: string; name: string };
  /** Whether the site answers the private board column write its board settings page uses. */
  boardColumns: boolean;
}

export interface ConnectOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Test knobs: short backoff, a fetch to intercept. */
  transport?: Partial<TransportOptions> & Partial<WriterOptions>;
}

export const parseSiteUrl = (given: string | undefined, flag = '--url'): URL => {
  if (!given) throw new UserError(`${flag} URL is required: the production site to write to`, { details: ['e.g. --url https://acme.atlassian.net'] });
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UserError(`${flag} '${given}' is not a URL`, { details: ['e.g. --url https://acme.atlassian.net'] });
  }
  if (!/^https?:$/.test(url.protocol))
    throw new UserError(`${flag} '${given}' is not an http(s) URL`, { details: ['e.g. --url https://acme.atlassian.net'] });
  if (url.search || url.hash)
    throw new UserError(`${flag} '${given}' carries a query or fragment`, { details: [`pass the site's base address, e.g. ${url.origin}`] });
  return url;
};

/** `acme.atlassian.net-443`, `127.0.0.1-8080`: one folder per site. */
export const siteOf = (url: URL): string =>
  `${url.hostname.replace(/[^A-Za-z0-9.-]/g, '_')}-${url.port || (url.protocol === 'https:' ? '443' : '80')}`;

export const connect = async (given: string | undefined, o: ConnectOptions): Promise<Production> => {
  const url = parseSiteUrl(given);
  const credentials = credentialsFromEnv(o.env);
  const base = url.toString().replace(/\/+$/, '');
  const reader = new HttpTransport({ baseUrl: base, credentials, timeoutMs: o.timeoutMs, ...o.transport });
  const writer = new Writer({ baseUrl: base, credentials, timeoutMs: o.timeoutMs, ...o.transport });
  let info: Record<string, unknown>;
  try {
    info = (await reader.read({ method: 'GET', path: '/rest/api/2/serverInfo' })) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof NotFoundAnswer)
      throw new UserError(`${base} has no /rest/api/2/serverInfo (404): is --url the base address of a Jira site?`, {
        details: ['e.g. --url https://acme.atlassian.net'],
      });
    throw e;
  }
  if (!info || typeof info !== 'object' || !info.deploymentType)
    throw new UserError(`${base} does not look like Jira: /rest/api/2/serverInfo has no deploymentType`, { details: ['check --url'] });
  const dc = info.deploymentType !== 'Cloud';
  const api = dc ? '/rest/api/2' : '/rest/api/3';
  const me = (await reader.read({ method: 'GET', path: `${api}/myself` }).catch((e: unknown) => {
    if (e instanceof NotFoundAnswer) return undefined;
    throw e;
  })) as Record<string, unknown> | undefined;
  const account = { id: String(me?.accountId ?? me?.key ?? me?.name ?? 'unknown'), name: String(me?.displayName ?? 'unknown') };
  await assertAdmin(reader, base);
  return {
    url: base,
    site: siteOf(url),
    dc,
    deploymentType: dc ? 'DataCenter' : 'Cloud',
    api,
    reader,
    writer,
    account,
    boardColumns: await probeBoardColumns(writer),
  };
};

/**
 * Does the site have the private board column write? Asked with a body Jira refuses (no board):
 * a 400 says the resource is there, a 404 or 405 that it is not; nothing is written either way.
 */
const probeBoardColumns = async (writer: Writer): Promise<boolean> => {
  try {
    await writer.send({ method: 'PUT', path: '/rest/greenhopper/1.0/rapidviewconfig/columns', body: {} });
    return true;
  } catch (e) {
    return e instanceof WriteRefused && e.status === 400;
  }
};

/** The account must hold "Administer Jira": every write apply makes needs it. */
const assertAdmin = async (reader: HttpTransport, base: string): Promise<void> => {
  const answer = (await reader
    .read({ method: 'GET', path: '/rest/api/2/mypermissions', query: { permissions: 'ADMINISTER' } })
    .catch((e: unknown) => {
      // A site without the endpoint: the configuration reads that follow are admin-only and say so with a 403.
      if (e instanceof NotFoundAnswer) return undefined;
      throw e;
    })) as { permissions?: { ADMINISTER?: { havePermission?: boolean } } } | undefined;
  if (answer && answer.permissions?.ADMINISTER?.havePermission !== true) {
    throw new UserError(`the credentials are not a Jira administrator's at ${base}: apply needs the global "Administer Jira" permission`, {
      details: ['use the API token (JIRA_EMAIL + JIRA_API_TOKEN) or personal access token (JIRA_PAT) of an administrator; nothing was written'],
    });
  }
};
