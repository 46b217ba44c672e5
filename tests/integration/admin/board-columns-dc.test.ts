/**
 * The private board column write (as Jira's board settings page sends it), and Data Center mode:
 * every Cloud-only admin route answers as Data Center does (404, or 405 where DC reads the path),
 * every route DC has too is served there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES } from '../../../server/http/jira/admin/index.ts';
import { startSandbox, type Harness } from '../http/harness.ts';
import { hashOf, personaOf, runCase, type AdminCase } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme', { withUi: true });
});
afterAll(async () => {
  await h.close();
});

const COLUMNS = '/rest/greenhopper/1.0/rapidviewconfig/columns';
const column = (name: string, statuses: string[], extra: Record<string, unknown> = {}) => ({
  name,
  mappedStatuses: statuses.map((id) => ({ id })),
  min: '',
  max: '',
  ...extra,
});

describe('board columns through the private API', () => {
  it('reshapes the columns of a board, read back through the agile API and the board page; putting them back hashes as before', async () => {
    const start = await hashOf(h);
    const as = personaOf(h, 'admin');
    const before = (await h.call('GET', '/rest/agile/1.0/board/1/configuration', { as })).body.columnConfig.columns;
    const res = await runCase(h, {
      name: 'set',
      method: 'PUT',
      path: COLUMNS,
      body: {
        rapidViewId: 1,
        currentStatisticsField: { id: 'issueCount_' },
        mappedColumns: [
          column('Backlog', ['10000', '1', '4']),
          column('Doing', ['3', '10001', '10010'], { max: 8 }),
          column('Done', ['10002', '5', '6']),
        ],
      },
      status: 200,
    });
    expect(res.body.mappedColumns.map((c: any) => c.name)).toEqual(['Backlog', 'Doing', 'Done']);
    const after = (await h.call('GET', '/rest/agile/1.0/board/1/configuration', { as })).body.columnConfig;
    expect(after.columns[1]).toMatchObject({ name: 'Doing', max: 8, statuses: [{ id: '3' }, { id: '10001' }, { id: '10010' }] });
    expect(after.constraintType).toBe('issueCount');
    const page = await h.call('GET', '/secure/RapidBoard.jspa?rapidView=1', { as, headers: { accept: 'text/html' } });
    expect(page.text).toContain('Doing');
    await runCase(h, {
      name: 'back',
      method: 'PUT',
      path: COLUMNS,
      body: {
        rapidViewId: 1,
        mappedColumns: before.map((c: any) =>
          column(
            c.name,
            c.statuses.map((s: any) => s.id),
          ),
        ),
      },
      status: 200,
    });
    expect(await hashOf(h)).toBe(start);
  });

  const cases: AdminCase[] = [
    {
      name: 'a status in two columns',
      method: 'PUT',
      path: COLUMNS,
      body: { rapidViewId: 1, mappedColumns: [column('A', ['1']), column('B', ['1'])] },
      status: 400,
      error: 'A status can be mapped to one column only',
    },
    {
      name: 'an unknown status',
      method: 'PUT',
      path: COLUMNS,
      body: { rapidViewId: 1, mappedColumns: [column('A', ['999'])] },
      status: 400,
      error: 'The status 999 does not exist.',
    },
    {
      name: 'two columns of one name',
      method: 'PUT',
      path: COLUMNS,
      body: { rapidViewId: 1, mappedColumns: [column('A', ['1']), column('a', ['3'])] },
      status: 400,
      error: "There is already a column called 'a'.",
    },
    {
      name: 'min over max',
      method: 'PUT',
      path: COLUMNS,
      body: { rapidViewId: 1, mappedColumns: [column('A', ['1'], { min: 5, max: 2 })] },
      status: 400,
      error: 'is more than its maximum',
    },
    { name: 'no columns', method: 'PUT', path: COLUMNS, body: { rapidViewId: 1, mappedColumns: [] }, status: 400 },
    { name: 'an unknown board', method: 'PUT', path: COLUMNS, body: { rapidViewId: 999, mappedColumns: [column('A', ['1'])] }, status: 404 },
    {
      name: 'someone who administers nothing',
      as: 'plain',
      method: 'PUT',
      path: COLUMNS,
      body: { rapidViewId: 1, mappedColumns: [column('A', ['1'])] },
      status: 403,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    await runCase(h, c);
  });
});

describe('Data Center mode serves only what Data Center has', () => {
  it('Cloud-only admin routes answer 404 or 405 there; the rest are served', async () => {
    const dc = await startSandbox('fixtures/tiny', { deploymentType: 'DataCenter' });
    try {
      const admin = dc.personas.find((p) => p.admin)!.accountId;
      expect(ADMIN_ROUTES.size).toBeGreaterThan(100);
      const wrong: string[] = [];
      for (const r of ADMIN_ROUTES.values()) {
        const path = `/rest/api/2${r.path.replace(/:[A-Za-z]+/g, '1')}`;
        const res = await dc.call(r.method, path, { as: admin, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { body: {} }) });
        const cloudAnswer = res.status === 405 || (res.status === 404 && /Data Center's REST API has no such endpoint/.test(res.text));
        if (r.where === 'cloud' && (!cloudAnswer || res.status !== r.dc)) wrong.push(`${r.method} ${r.path}: ${res.status}, expected ${r.dc}`);
        if (r.where === 'both' && cloudAnswer) wrong.push(`${r.method} ${r.path}: answered as Cloud-only (${res.status})`);
      }
      expect(wrong).toEqual([]);
      expect((await dc.call('POST', '/rest/api/3/statuses', { as: admin, body: {} })).status).toBe(404);
    } finally {
      await dc.close();
    }
  }, 60_000);
});
