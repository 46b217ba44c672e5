/**
 * The one redaction of credentials from text that is shown or logged: an answer's body quoted in a
 * message (a server or a proxy may echo the request's headers), a network error, a webhook's
 * failure. It removes every form a secret travels in — the token, the `email:token` pair, its
 * base64 in a Basic header, the whole Authorization header value, their URL-encoded forms — and,
 * whatever the secrets, the value of anything that looks like an Authorization header or a Basic
 * or Bearer credential.
 */

export const REDACTED = '***';

/** What a client sends: Basic (e-mail or user name and token or password) or a bearer token. */
export type SecretCredentials = { email: string; token: string } | { token: string };

const encodings = (s: string): string[] => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)];

/** Every form of a credential that may be echoed back: the token, the pair, its base64, the header values. */
export const credentialSecrets = (c: SecretCredentials): string[] => {
  if ('email' in c) {
    const pair = `${c.email}:${c.token}`;
    const b64 = Buffer.from(pair).toString('base64');
    return [c.token, pair, b64, `Basic ${b64}`];
  }
  return [c.token, `Bearer ${c.token}`];
};

/** The secrets an Authorization header value carries (`Basic <base64>` → the pair and its password too). */
export const authorizationSecrets = (value: string): string[] => {
  const m = /^\s*(\w+)\s+(\S+)\s*$/.exec(value);
  if (!m) return [value];
  const [, scheme, credential] = m as unknown as [string, string, string];
  const out = [value, credential];
  if (scheme.toLowerCase() === 'basic') {
    const pair = Buffer.from(credential, 'base64').toString('utf8');
    const colon = pair.indexOf(':');
    if (colon > 0) out.push(pair, pair.slice(colon + 1));
  }
  return out;
};

/** The secrets of a request's headers: its Authorization value (any case) in every form. */
export const headerSecrets = (headers: Record<string, string> | undefined): string[] =>
  Object.entries(headers ?? {})
    .filter(([k]) => k.toLowerCase() === 'authorization' || k.toLowerCase() === 'proxy-authorization')
    .flatMap(([, v]) => authorizationSecrets(v));

/** A Basic credential: base64 of something with a colon (so "Basic auth" in prose is left alone). */
const looksLikeBasicPair = (b64: string): boolean => {
  if (!/^[A-Za-z0-9+/]{6,}={0,2}$/.test(b64)) return false;
  return Buffer.from(b64, 'base64').toString('utf8').includes(':');
};

/**
 * `text` without any of `secrets` (each in its plain, URL-encoded and JSON-escaped form; secrets
 * shorter than 4 characters are ignored, they would blank out ordinary words), and without the
 * value of anything shaped like a credential.
 */
export const redactText = (text: string, secrets: readonly string[] = []): string => {
  let out = text;
  const forms = [...new Set(secrets.filter((s) => s && s.length >= 4).flatMap(encodings))].sort((a, b) => b.length - a.length);
  for (const s of forms) out = out.split(s).join(REDACTED);
  return (
    out
      // `Authorization: Basic …` in an echoed header dump, a JSON object or a query string.
      .replace(/((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?!\*\*\*)[^"'\r\n,;}&]+/gi, `$1${REDACTED}`)
      .replace(/\b(Basic)\s+([A-Za-z0-9+/]{6,}={0,2})/g, (all, scheme: string, b64: string) =>
        looksLikeBasicPair(b64) ? `${scheme} ${REDACTED}` : all,
      )
      .replace(/\b(Bearer)\s+(?!\*\*\*)([A-Za-z0-9._~+/=-]{16,})/g, `$1 ${REDACTED}`)
  );
};

/** An error of any class with its message redacted (and, for errors that carry them, its details). */
export const redactErrorText = <E>(e: E, secrets: readonly string[]): E => {
  if (!(e instanceof Error)) return e;
  e.message = redactText(e.message, secrets);
  if (e.stack) e.stack = redactText(e.stack, secrets);
  const details = (e as { details?: unknown }).details;
  if (Array.isArray(details))
    Object.defineProperty(e, 'details', { value: details.map((d) => (typeof d === 'string' ? redactText(d, secrets) : d)), configurable: true });
  return e;
};
