/**
 * Where the sandbox may be reached from, and under which names. The sandbox has no passwords and its
 * control API hands out every persona's token, so: it answers only under the Host names it was
 * started for (a DNS-rebinding page sends its own name), and the control API only over loopback,
 * under a loopback name, unless the operator passed --expose-control. Pure: no sockets here.
 */
import { hostname as machineName, networkInterfaces } from 'node:os';

export interface NetworkOptions {
  /** The address `--host` asked to listen on (default 127.0.0.1). */
  host?: string;
  /** `--expose-control`: serve the control API beyond loopback too. */
  exposeControl?: boolean;
  /** `--allow-host`: more names the sandbox answers under (a DNS name people use for this machine). */
  allowHosts?: readonly string[];
}

export interface NetworkPolicy {
  host: string;
  exposeControl: boolean;
  /** Host names (lower case, IPv6 in brackets, no port) the sandbox answers under. */
  allowedHosts: ReadonlySet<string>;
}

/** The names a browser on this machine uses for loopback; the control API answers only under these. */
export const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** A host as it appears in a URL or a Host header: IPv6 in brackets, lower case. */
export const urlHost = (host: string): string => {
  const h = host.trim().toLowerCase();
  return h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
};

/** True for an address `--host` may name that stays on this machine. */
export const isLoopbackHost = (host: string): boolean => {
  const h = urlHost(host);
  return h === 'localhost' || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);
};

/** True for a socket's remote address on loopback (IPv4, IPv6, IPv4-mapped IPv6). */
export const isLoopbackAddress = (address: string | undefined): boolean =>
  !!address && (address === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/i.test(address));

export const networkPolicy = (o: NetworkOptions = {}): NetworkPolicy => {
  const host = o.host?.trim() || '127.0.0.1';
  const allowed = new Set([...LOOPBACK_NAMES, urlHost(host), ...(o.allowHosts ?? []).map(urlHost)]);
  if (WILDCARDS.has(urlHost(host))) {
    // Listening on every interface: people reach it by this machine's name or one of its addresses.
    allowed.add(machineName().toLowerCase());
    try {
      for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) allowed.add(urlHost(a.address.replace(/%.*$/, '')));
    } catch {
      // Some containers refuse to list interfaces: the machine's name and --allow-host still apply.
    }
  }
  return { host, exposeControl: o.exposeControl ?? false, allowedHosts: allowed };
};

const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/** A Host header split into name and port, or undefined when it is not one (user info, spaces, a bad port). */
export const parseHostHeader = (value: string): { name: string; port?: number } | undefined => {
  const m = HOST_HEADER.exec(value.trim().toLowerCase());
  if (!m?.[1]) return undefined;
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  return { name: m[1], ...(port !== undefined ? { port } : {}) };
};

/** The Host header when the sandbox answers under it (normalised), else undefined. */
export const acceptedHost = (policy: NetworkPolicy, header: string | undefined): string | undefined => {
  if (header === undefined) return undefined;
  const h = parseHostHeader(header);
  if (!h || !policy.allowedHosts.has(h.name)) return undefined;
  return h.port === undefined ? h.name : `${h.name}:${h.port}`;
};

/** True when the Host header names loopback (the control API's condition, beside a loopback peer). */
export const isLoopbackHostHeader = (header: string | undefined): boolean => {
  const h = header === undefined ? undefined : parseHostHeader(header);
  return !!h && isLoopbackHost(h.name);
};

export interface BindWarning {
  message: string;
  details: string[];
}

/** What `npm run sandbox` says on stderr before listening: nothing for loopback, a warning beyond it. */
export const bindWarnings = (o: NetworkOptions): BindWarning[] => {
  const host = o.host?.trim() || '127.0.0.1';
  const warnings: BindWarning[] = [];
  if (!isLoopbackHost(host))
    warnings.push({
      message: `warning: --host ${host} listens beyond loopback: anyone who can reach this machine can use the sandbox's REST API and web UI as any persona (the sandbox has no passwords)`,
      details: [
        o.exposeControl
          ? 'the control API goes beyond loopback too: --expose-control is given'
          : "the control API (/_understudy/, which hands out every persona's token) still answers only on loopback; --expose-control would serve it too",
        'drop --host (or pass --host 127.0.0.1) to keep the sandbox on this machine',
      ],
    });
  if (o.exposeControl)
    warnings.push({
      message: `warning: --expose-control serves the control API (/_understudy/: every persona's token, checkpoint, restore) to whoever reaches ${urlHost(host)}, without authentication`,
      details: ['leave --expose-control out unless every machine that can reach this one may act as any persona'],
    });
  return warnings;
};
