/**
 * The one redaction of credentials (server/common/redact.ts, issue 17 point 14): every form a
 * secret travels in, and anything shaped like a credential whatever the secrets; ordinary words
 * stay. The paths that echo a server's text are tested in tests/unit/clone/echoed-credentials.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { authorizationSecrets, credentialSecrets, redactText } from '../../../server/common/redact.ts';

const EMAIL = 'admin@acme.example';
const TOKEN = 'ATATT3xFfGF0-s3cr3t-T0ken=';
const PAT = 'NjQ1ODk0MzIxOTg3OjPATsecretvalue';
const PAIR = `${EMAIL}:${TOKEN}`;
const B64 = Buffer.from(PAIR).toString('base64');
const SECRETS = [TOKEN, B64, PAIR, PAT, encodeURIComponent(TOKEN)];

const leaks = (text: string): string[] => SECRETS.filter((s) => text.includes(s));

describe('redactText', () => {
  const secrets = [...credentialSecrets({ email: EMAIL, token: TOKEN }), ...credentialSecrets({ token: PAT })];
  it.each([
    { name: 'a header dump', text: `GET /rest/api/3/field\nAuthorization: Basic ${B64}\nAccept: */*` },
    { name: 'JSON echo', text: JSON.stringify({ headers: { authorization: `Basic ${B64}` }, error: 'bad' }) },
    { name: 'the pair in prose', text: `user ${PAIR} is not allowed` },
    { name: 'the token alone', text: `token ${TOKEN} expired` },
    { name: 'the token URL-encoded', text: `?token=${encodeURIComponent(TOKEN)}` },
    { name: 'a bearer token', text: `Authorization: Bearer ${PAT}` },
    { name: 'a bearer token in prose', text: `invalid bearer: Bearer ${PAT}.` },
  ])('$name', ({ text }) => {
    expect(leaks(text).length, 'the case must hold a secret').toBeGreaterThan(0);
    expect(leaks(redactText(text, secrets))).toEqual([]);
  });

  it.each([
    {
      name: 'a Basic header of unknown credentials',
      secret: Buffer.from('someone:else').toString('base64'),
      text: (s: string) => `Authorization: Basic ${s}`,
    },
    { name: 'an echoed proxy header', secret: 'abcdefghijklmnopqrstuvwxyz123456', text: (s: string) => `proxy-authorization="Bearer ${s}"` },
    { name: 'a bare Basic pair', secret: Buffer.from('u@x.example:pw-123456').toString('base64'), text: (s: string) => `got Basic ${s} from you` },
    { name: 'a bare bearer token', secret: 'eyJhbGciOiJIUzI1NiJ9.payload.sig', text: (s: string) => `sent Bearer ${s} twice` },
  ])('whatever the secrets: $name', ({ secret, text }) => {
    const out = redactText(text(secret));
    expect(out).toContain('***');
    expect(out).not.toContain(secret);
  });

  it('leaves ordinary words alone', () => {
    const text = 'Basic authentication is disabled; use a Bearer token (an API token) instead. Authorization header missing.';
    expect(redactText(text, ['abc'])).toBe(text);
  });

  it('an Authorization value yields the pair and the password inside it', () => {
    expect(authorizationSecrets(`Basic ${B64}`)).toEqual(expect.arrayContaining([`Basic ${B64}`, B64, PAIR, TOKEN]));
  });
});
