/**
 * The sandboxes the REST runner probes, in a child process of their own so that a request that
 * freezes the event loop freezes them, not the test (which measures it, then replaces them):
 * the sandbox app with its web UI, as `npm run sandbox` serves it, and the rehearsal's fork hub,
 * both over fixtures/tiny in memory (ACME-6's summary made 200 `a`s, the everyday permissions granted to developers), both on 127.0.0.1. Prints one JSON line with their URLs; a
 * 500, should one happen, is logged with its stack on this process's stderr (the sandbox's log).
 */
import { resolve } from 'node:path';
import { createSandboxApp, createSandboxContext } from '../../../../server/http/app.ts';
import { ForkHub } from '../../../../server/http/forks.ts';
import { listen } from '../../../../server/http/listen.ts';
import { createUiRouter } from '../../../../server/http/ui/index.ts';
import { readSnapshot } from '../../../../server/store/snapshot-read.ts';

const NOW = '2025-06-01T12:00:00.000Z';
const snap = await readSnapshot(resolve(import.meta.dirname, '../../../../fixtures/tiny'));
if (!snap.config) throw new Error('fixtures/tiny has no configuration');
// One summary of 200 `a`s: the text a backtracking `~` matcher takes exponential time over (issue 17, point 1).
const REDOS_TEXT = 'a'.repeat(200);
// fixtures/tiny grants no one the everyday writes below: without them every hostile body would be a
// 403 before it is read. The developers' role (10001) gets them in the default scheme (ACME, OPS).
const GRANTED = [
  'ASSIGN_ISSUES',
  'WORK_ON_ISSUES',
  'CREATE_ATTACHMENTS',
  'LINK_ISSUES',
  'EDIT_OWN_COMMENTS',
  'DELETE_OWN_COMMENTS',
  'EDIT_OWN_WORKLOGS',
  'DELETE_OWN_WORKLOGS',
  'DELETE_OWN_ATTACHMENTS',
  'MANAGE_WATCHERS',
  'VIEW_VOTERS_AND_WATCHERS',
  'SCHEDULE_ISSUES',
] as const;
const state = () => {
  const s = structuredClone({ config: snap.config!, issues: snap.issues });
  const target = s.issues.find((i) => i.key === 'ACME-6');
  if (target) target.summary = REDOS_TEXT;
  const scheme = s.config.permissionSchemes.find((x) => x.id === 'ps-default');
  for (const [n, permission] of GRANTED.entries())
    scheme?.grants.push({ id: `pg-hostile-${n}`, permission, holder: { type: 'projectRole', value: '10001' } });
  return s;
};

const ctx = createSandboxContext({ state: state(), outbox: [], now: NOW });
const sandbox = await listen(await createSandboxApp({ ctx, ui: createUiRouter }));

const hub = new ForkHub({ now: NOW, ui: createUiRouter });
hub.load(state());
const hubServer = await listen(hub.app);

process.stdout.write(`${JSON.stringify({ sandbox: sandbox.url, hub: hubServer.url })}\n`);
process.once('SIGTERM', () => {
  void Promise.all([sandbox.close(), hubServer.close()]).then(() => process.exit(0));
});
