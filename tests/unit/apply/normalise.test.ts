/**
 * The normaliser: configurations that differ only in the ids Jira assigns (a re-created status,
 * option, grant or transition) hash the same, with every reference following; anything an admin
 * could see differ (a name, an order Jira keeps, a grant) does not; `refs` and `ext` never count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { normalise, normalHash, normalChanges } from '../../../server/apply/normalise/index.ts';
import type { Config } from '../../../server/model/types.ts';
import { readSnapshot } from '../../../server/store/index.ts';

let acme: Config;
beforeAll(async () => {
  acme = (await readSnapshot('fixtures/acme')).config!;
});

const hash = (c: Config) => normalHash(normalise(c).normal);
const edit = (f: (c: Config) => void): Config => {
  const c = structuredClone(acme);
  f(c);
  return c;
};

/** Gives a status a new id everywhere it is named (what deleting and re-creating it in Jira does). */
const reassignStatus = (c: Config, name: string, id: string) => {
  const s = c.statuses.find((x) => x.name === name)!;
  const old = s.id;
  s.id = id;
  for (const w of c.workflows) {
    for (const ws of w.statuses) if (ws.status === old) ws.status = id;
    for (const t of w.transitions) {
      t.from = t.from.map((f) => (f === old ? id : f));
      if (t.to === old) t.to = id;
    }
  }
  for (const b of c.boards) for (const col of b.columns) col.statuses = col.statuses.map((x) => (x === old ? id : x));
};

describe('normalise', () => {
  it.each<[string, (c: Config) => void]>([
    ['a status re-created under a new id, every reference following', (c) => reassignStatus(c, 'In Review', '99999')],
    [
      'an option re-created under a new id (its issues and defaults are values by id elsewhere)',
      (c) => {
        const o = c.fields.find((f) => f.name === 'Browser')!.contexts[0]!.options![2]!;
        o.id = '99998';
      },
    ],
    [
      'a grant re-created under a new id and listed last',
      (c) => {
        const g = c.permissionSchemes[1]!.grants.splice(1, 1)[0]!;
        c.permissionSchemes[1]!.grants.push({ ...g, id: '99997' });
      },
    ],
    [
      'a transition re-created under a new id',
      (c) => {
        c.workflows[0]!.transitions[2]!.id = '999';
      },
    ],
    [
      'refs and ext changed',
      (c) => {
        c.statuses[0]!.refs = { id: 4711 };
        c.projects[1]!.versions[0]!.ext = { x: 1 };
      },
    ],
    [
      'a field configuration item that sets nothing',
      (c) => {
        c.fieldConfigurations[0]!.items.push({ field: 'labels' });
      },
    ],
  ])('the same after %s', (_name, change) => {
    expect(hash(edit(change))).toBe(hash(acme));
  });

  it.each<[string, (c: Config) => void, RegExp]>([
    [
      'a renamed status',
      (c) => {
        c.statuses.find((s) => s.name === 'In Review')!.name = 'Reviewing';
      },
      /statuses 'In Review': removed/,
    ],
    [
      'resolutions in another order (Jira keeps it)',
      (c) => {
        c.resolutions.reverse();
      },
      /resolutions '\(order\)': reordered/,
    ],
    [
      'options in another order',
      (c) => {
        c.fields.find((f) => f.name === 'Browser')!.contexts[0]!.options!.reverse();
      },
      /fields 'Browser': changed/,
    ],
    [
      "a workflow's statuses in another order",
      (c) => {
        c.workflows[0]!.statuses.reverse();
      },
      /workflows 'Acme Bug Workflow': changed/,
    ],
    [
      'a revoked grant',
      (c) => {
        c.permissionSchemes[1]!.grants.splice(1, 1);
      },
      /permissionSchemes 'Acme Security Restricted Scheme': changed/,
    ],
    [
      'a post function naming another resolution',
      (c) => {
        const p = c.workflows[1]!.transitions.flatMap((t) => t.rules.postFunctions).find((x) => x.type === 'setResolution')!;
        if (p.type === 'setResolution') p.resolution = '1';
      },
      /workflows 'Acme Software Workflow': changed/,
    ],
    [
      "a filter's JQL",
      (c) => {
        c.filters[0]!.jql = 'project = WEB';
      },
      /filters 'Storefront Web board': changed/,
    ],
  ])('different after %s, and says where', (_name, change, where) => {
    const c = edit(change);
    expect(hash(c)).not.toBe(hash(acme));
    expect(
      normalChanges(normalise(acme).normal, normalise(c).normal)
        .map((x) => `${x.collection} '${x.key}': ${x.change}`)
        .join('\n'),
    ).toMatch(where);
  });

  it('names custom fields in JQL by their name, so a re-created field keeps its filters equal', () => {
    const c = edit((x) => {
      x.filters[0]!.jql = 'cf[10013] = Safari';
    });
    expect((normalise(c).normal.entities.filters!['Storefront Web board'] as { jql: string }).jql).toBe('field["Browser"] = Safari');
  });

  it('keys give production ids back, an option by field, context and value', () => {
    const { keys } = normalise(acme);
    const browser = acme.fields.find((f) => f.name === 'Browser')!;
    const ctx = browser.contexts[0]!;
    expect(keys.id('option', `Browser|${ctx.name ?? 'context'}|${ctx.options![0]!.value}`)).toBe(ctx.options![0]!.id);
    expect(keys.id('status', 'In Review')).toBe(acme.statuses.find((s) => s.name === 'In Review')!.id);
    expect(keys.key('status', 'no-such-id')).toBe('?no-such-id');
  });
});
