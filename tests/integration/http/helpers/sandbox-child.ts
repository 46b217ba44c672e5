/**
 * A sandbox over an in-memory copy of a fixture, in its own process (argv: the fixture): prints one
 * JSON line `{ url, personas }` once it listens. Nothing on disk, so killing it leaves nothing behind.
 */
import { readSnapshot } from '../../../../server/store/snapshot-read.ts';
import { createSandboxApp, createSandboxContext } from '../../../../server/http/app.ts';
import { listen } from '../../../../server/http/listen.ts';

const fixture = process.argv[2] ?? 'fixtures/tiny';
const snap = await readSnapshot(fixture);
if (!snap.config) throw new Error(`cannot read ${fixture}`);
const ctx = createSandboxContext({ state: { config: snap.config, issues: snap.issues }, outbox: [], now: '2025-06-01T12:00:00.000Z' });
const server = await listen(await createSandboxApp({ ctx }));
process.stdout.write(`${JSON.stringify({ url: server.url, personas: ctx.personas() })}\n`);
