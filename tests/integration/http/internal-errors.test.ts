/** A bug in a route answers 500 in the API's own shape, with no stack on the wire, and is kept with the request and the stack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InternalErrorEntry } from '../../../server/http/internal-errors.ts';
import { startSandbox, type Harness } from './harness.ts';

let h: Harness;
const kept: InternalErrorEntry[] = [];

beforeAll(async () => {
  h = await startSandbox('fixtures/tiny', { onInternalError: (e) => kept.push(e) });
  // A bug, planted: the tracker throws something that is not a TrackerError.
  h.ctx.tracker.getIssue = () => {
    throw new TypeError('planted bug: cannot read the issue');
  };
  h.ctx.tracker.board = () => {
    throw new RangeError('planted bug in boards');
  };
  h.ctx.tracker.boardIssues = () => {
    throw new RangeError('planted bug in boards');
  };
});
afterAll(() => h.close());

describe('a sandbox 500', () => {
  it.each([
    ['REST v2', '/rest/api/2/issue/ACME-1', 'planted bug: cannot read the issue'],
    ['REST v3', '/rest/api/3/issue/ACME-1?fields=summary', 'planted bug: cannot read the issue'],
    ['agile', '/rest/agile/1.0/board/1/issue', 'planted bug in boards'],
  ])('%s: Jira-shaped 500 on the wire, the error kept with the request and its stack', async (_api, path, words) => {
    kept.length = 0;
    const admin = h.personas.find((p) => p.admin)!;
    const r = await h.call('GET', path, { as: admin.accountId });
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ errorMessages: ['Internal server error in the Understudy sandbox.'], errors: {} });
    expect(r.text).not.toMatch(/planted|\bat\s+\S+\s+\(|\.ts:\d+/);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ method: 'GET', url: path, actor: admin.accountId, message: words });
    expect(kept[0]!.stack).toMatch(new RegExp(`${words}\\n\\s+at `));
  });

  it('errors a caller causes are not kept', async () => {
    kept.length = 0;
    expect((await h.call('GET', '/rest/api/2/nothing-here')).status).toBe(404);
    expect((await h.call('POST', '/rest/api/2/issue', { raw: '{not json' })).status).toBe(400);
    expect(kept).toEqual([]);
  });
});
