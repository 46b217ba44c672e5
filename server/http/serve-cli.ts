/** Flags of `npm run sandbox` → ServeOptions (bad values are UserErrors, exit 2), and the ready message. */
import { UserError } from '../common/errors.ts';
import { fsWords } from '../common/fs-errors.ts';
import { readRegularFileSync } from '../common/read-regular.ts';
import { parseHostHeader, urlHost } from './network-policy.ts';
import type { RunningSandbox, ServeOptions } from './serve.ts';

type Flags = {
  snapshot?: string;
  instance?: string;
  port?: string;
  host?: string;
  'expose-control'?: boolean;
  'allow-host'?: string | string[];
  now?: string;
  mimic?: string;
  'legacy-search-gone'?: boolean;
  banner?: string;
  'attachment-max-bytes'?: string;
};

const MIMICS = ['cloud', 'cloud-strict', 'datacenter'] as const;

const readBanner = (file: string, bad: (m: string, fix: string) => UserError): string => {
  try {
    return readRegularFileSync(file); // a FIFO is refused, not waited on
  } catch (e) {
    throw bad(
      `--banner '${file}' cannot be read (${(e as NodeJS.ErrnoException).code === 'ENOTREG' ? `it ${fsWords('ENOTREG').what}` : ((e as NodeJS.ErrnoException).code ?? (e as Error).message)})`,
      'give the banner file npm run announce wrote, e.g. --banner reports/latest/notices/heads-up.banner.html',
    );
  }
};

export const parseServeFlags = (v: Flags, usage: string): ServeOptions => {
  const bad = (message: string, fix: string) => new UserError(message, { details: [fix, `usage: ${usage}`] });
  if (v.snapshot !== undefined && v.instance !== undefined)
    throw bad(
      '--snapshot and --instance cannot be used together',
      'pass --snapshot DIR for a throwaway sandbox, or --instance DIR to serve (and keep) an instance',
    );
  let port: number | undefined;
  if (v.port !== undefined) {
    port = Number(v.port);
    if (!/^\d+$/.test(v.port) || port > 65535)
      throw bad(`--port '${v.port}' is not a port number`, 'expected an integer from 0 to 65535 (0 = a free port)');
  }
  if (v.host !== undefined && !v.host.trim())
    throw bad('--host is empty', 'expected a host name or address, e.g. --host 0.0.0.0 to listen beyond loopback');
  const allowHosts = [v['allow-host'] ?? []].flat().flatMap((n) => n.split(',').map((x) => x.trim()));
  for (const name of allowHosts) {
    const parsed = name ? parseHostHeader(urlHost(name)) : undefined;
    if (!parsed || parsed.port !== undefined)
      throw bad(
        `--allow-host '${name}' is not a host name`,
        'expected a name or address without a port or scheme, e.g. --allow-host devbox.example.com (comma-separate several, or repeat the flag)',
      );
  }
  if (v.now !== undefined && (Number.isNaN(Date.parse(v.now)) || !/^\d{4}-\d{2}-\d{2}/.test(v.now)))
    throw bad(`--now '${v.now}' is not an ISO date-time`, 'expected e.g. --now 2026-01-31T09:00:00Z');
  if (v.mimic !== undefined && !(MIMICS as readonly string[]).includes(v.mimic))
    throw bad(
      `--mimic '${v.mimic}' is not known`,
      'expected --mimic cloud, --mimic cloud-strict (answer as Jira Cloud does today: legacy search 410, no cookie sessions, no username parameters) or --mimic datacenter',
    );
  const maxBytes = v['attachment-max-bytes'];
  if (maxBytes !== undefined && (!/^\d+$/.test(maxBytes) || Number(maxBytes) < 1))
    throw bad(
      `--attachment-max-bytes '${maxBytes}' is not a size in bytes`,
      "expected a positive integer, e.g. --attachment-max-bytes 10485760 (Jira's default, 10 MB)",
    );
  return {
    ...(v.snapshot !== undefined ? { snapshot: v.snapshot } : {}),
    ...(v.instance !== undefined ? { instance: v.instance } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(v.host !== undefined ? { host: v.host } : {}),
    ...(v['expose-control'] ? { exposeControl: true } : {}),
    ...(allowHosts.length ? { allowHosts } : {}),
    ...(v.now !== undefined ? { now: new Date(Date.parse(v.now)).toISOString() } : {}),
    ...(v.mimic !== undefined ? { mimic: v.mimic as (typeof MIMICS)[number] } : {}),
    ...(maxBytes !== undefined ? { attachmentMaxBytes: Number(maxBytes) } : {}),
    legacySearchGone: v['legacy-search-gone'] ?? false,
    ...(v.banner !== undefined ? { banner: readBanner(v.banner, bad) } : {}),
  };
};

export const describeSandbox = (s: RunningSandbox): string[] => {
  const personas = s.ctx.personas();
  const admin = personas.find((p) => p.admin) ?? personas[0];
  return [
    `Understudy sandbox ready at ${s.url}`,
    s.throwaway
      ? `  throwaway instance (removed when you stop it with Ctrl-C)${s.validation === 'cached' ? '; the snapshot validated before (same content)' : ''}`
      : `  instance ${s.instance.dir} (changes are kept; its lock is held while running)`,
    `  deployment type: ${s.ctx.deploymentType}${s.ctx.deploymentType === 'DataCenter' ? ' (REST v2 only, users by name)' : s.ctx.strict ? ' (cloud-strict: as Jira Cloud answers today)' : ''}`,
    `Sign in: open ${s.url}/ and pick a persona, or call the REST API with Basic auth (e-mail:token) or a Bearer token, e.g.`,
    ...(admin ? [`  curl -u '${admin.email}:${admin.token}' ${s.url}/rest/api/3/myself`] : []),
    `Control API: ${s.url}/_understudy/health | hash | personas | outbox; POST checkpoint | restore${s.ctx.network.exposeControl ? ' (exposed beyond loopback: --expose-control)' : ' (loopback only)'}`,
    `Personas (${personas.length}):`,
    ...personas.map((p) => `  ${p.email.padEnd(36)} ${p.token}${p.admin ? '  (admin)' : ''}`),
  ];
};
