/** Free text becomes text of the same shape; structure-like tokens and searched words stay. */
import { describe, expect, it } from 'vitest';
import { keyed } from '../../../server/clone/anonymize/keyed.ts';
import { buildPersonas } from '../../../server/clone/anonymize/personas.ts';
import { buildSearchGuard } from '../../../server/clone/anonymize/search-guard.ts';
import { textAnonymizer } from '../../../server/clone/anonymize/text.ts';
import type { User } from '../../../server/model/types.ts';

const users: User[] = [
  { accountId: 'acc-1', displayName: 'Grace Okafor', email: 'grace.okafor@corp.example', active: true, groups: [] },
  { accountId: 'acc-2', displayName: "Liam O'Connor", email: 'liam@corp.example', active: true, groups: [], refs: { name: 'loconnor' } },
];
const make = (key = 'k', terms: string[] = []) => {
  const k = keyed(key);
  const personas = buildPersonas(users, k);
  return { t: textAnonymizer(k, personas, buildSearchGuard(terms)), personas };
};

/** Letters → L (u/l for case), digits → D, everything else as it is. */
const shape = (s: string) =>
  s
    .replace(/\p{Lu}/gu, 'U')
    .replace(/\p{Ll}/gu, 'l')
    .replace(/[0-9]/g, 'D');

const SAMPLES = [
  'Checkout fails when the cart has more than 20 items.',
  '1. Open the product page\n2. Switch the currency to CHF\n3. Pay with a test card\nExpected: it works. Actual: nothing happens.',
  "TypeError: Cannot read properties of undefined (reading 'total') in CartSummary",
  'Roll the deployment back with `kubectl rollout undo`; order 4471923 was charged twice.',
  'Ünïcödé wörds — and “quotes” — stay shaped.',
];

describe('free text', () => {
  it.each(SAMPLES)('keeps the shape of %j and changes its words', (s) => {
    const { t } = make();
    const out = t.text(s);
    expect(out).not.toBe(s);
    expect(shape(out)).toBe(shape(s));
  });

  it('keeps issue keys, wiki macros, account-id mentions, short numbers and stop words', () => {
    const { t } = make();
    const s = 'See WEB-123 and {code:java}x{code} for [~accountid:5b10ac8d82e05b22cc7d4ef5] in 10 of the 42 cases';
    const out = t.text(s);
    for (const kept of ['WEB-123', '{code:java}', '{code}', '[~accountid:5b10ac8d82e05b22cc7d4ef5]', ' in 10 of the 42 '])
      expect(out).toContain(kept);
    expect(out).not.toContain('See ');
    expect(out).not.toContain('cases');
  });

  it('replaces numbers of three or more digits, keeping a leading zero', () => {
    const { t } = make();
    const out = t.text('order 4471923, ticket 0815');
    expect(out).toMatch(/^[a-z]{5} [1-9]\d{6}, [a-z]{6} 0\d{3}$/);
    expect(out).not.toContain('4471923');
  });

  it("keeps a URL's scheme, separators and top-level domain, and changes its host and path words", () => {
    const { t } = make();
    const out = t.text('Runbook: https://wiki.acme.example/runbooks/scale-node-pool.');
    expect(out).toMatch(/^[A-Z][a-z]{6}: https:\/\/[a-z]{4}\.[a-z]{4}\.example\/[a-z]{8}\/[a-z]{5}-[a-z]{4}-[a-z]{4}\.$/);
    expect(out).not.toMatch(/acme|wiki|runbooks|scale/);
  });

  it('turns the people it names into their personas, and unknown e-mails into e-mails of the same shape', () => {
    const { t, personas } = make();
    const grace = personas.byAccountId.get('acc-1')!;
    const liam = personas.byAccountId.get('acc-2')!;
    const out = t.text("Ask Grace Okafor, GRACE.OKAFOR@corp.example, Liam O'Connor or [~loconnor]; cc ext.person@other.example");
    expect(out).toContain(` ${grace.displayName}, ${grace.email}, ${liam.displayName} or [~${liam.username}]; `);
    expect(out).toMatch(/^[A-Z][a-z]{2} .*; [a-z]{2} [a-z]{3}\.[a-z]{6}@[a-z]{5}\.example$/);
    expect(out).not.toMatch(/grace|okafor|connor|ext\.person|other/i);
  });

  it('is consistent per word and depends on the key', () => {
    const { t } = make('k');
    const a = t.text('payment gateway timeout');
    expect(t.text('Timeout in the payment gateway')).toBe(
      `${a.split(' ')[2]![0]!.toUpperCase()}${a.split(' ')[2]!.slice(1)} in the ${a.split(' ')[0]} ${a.split(' ')[1]}`,
    );
    expect(make('k').t.text('payment gateway timeout')).toBe(a);
    expect(make('other').t.text('payment gateway timeout')).not.toBe(a);
  });

  it('keeps words a saved filter searches for (prefix and wildcard), and never produces one', () => {
    const { t } = make('k', ['login', 'check*', 'b?ots']);
    expect(t.text('Login and logins fail at checkout; boots and bests')).toMatch(/^Login and logins [a-z]{4} at checkout; boots and [a-z]{5}$/);
    const out = t.text(
      Array.from(
        { length: 400 },
        (_, i) => `w${'abcdefghij'[i % 10]}${'klmnopqrst'[Math.floor(i / 10) % 10]}${'uvwxyzabcd'[Math.floor(i / 100)]}x`,
      ).join(' '),
    );
    expect(out.split(' ').filter((w) => /^(login|check|b[a-z]ots)/i.test(w))).toEqual([]);
  });
});
