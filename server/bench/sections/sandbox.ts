/**
 * Bench section "sandbox": time to ready on an N-issue snapshot against the parse floor (read and
 * JSON.parse its files): a throwaway sandbox on the snapshot's first start, then on a throwaway copy
 * of it (same content, another path), then on an existing instance; then GET issue by key and a JQL
 * search in requests per second, side by side with json-server 0.17 serving the same issues
 * (GET /issues/:id, a filtered list).
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '../../model/index.ts';
import { type RunningSandbox, type ServeOptions, startSandboxServer } from '../../http/index.ts';
import { createInstance } from '../../store/index.ts';
import { ensureAcmeSnapshot } from '../bench-data.ts';
import { timed, type BenchContext, type BenchSection } from '../types.ts';
import { loadLoopInChild } from './sandbox-load.ts';
import { startJsonServer, writeJsonServerDb } from './sandbox-json-server.ts';

const READY_TARGET = 2;
const PEER_TARGET = 20;
const LOAD = { seconds: 3, concurrency: 16 };
const SAMPLE = 2000;

/** The parse floor: read every file of the snapshot and JSON.parse it (config, each NDJSON line). */
const parseFloor = async (dir: string) =>
  timed(async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    let n = 0;
    const files = manifest.issues.layout === 'sharded' ? manifest.issues.files : [manifest.issues.file];
    for (const f of files) {
      const text = await readFile(join(dir, f), 'utf8');
      if (f.endsWith('.json')) {
        n += (JSON.parse(text) as { issues: unknown[] }).issues.length;
        continue;
      }
      for (const line of text.split('\n'))
        if (line) {
          JSON.parse(line);
          n++;
        }
    }
    return n;
  });

const pick = <T>(list: readonly T[], n: number): T => list[(n * 7919) % list.length]!;

const runSize = async (ctx: BenchContext, size: number): Promise<void> => {
  const section = 'sandbox';
  const snap = await ensureAcmeSnapshot(ctx.dataDir, ctx.seed, size);
  const floor = await parseFloor(snap.dir);
  ctx.row({
    section,
    size,
    step: 'floor: read + JSON.parse the snapshot',
    seconds: floor.seconds,
    ratio: 1,
    cpu: floor.cpu,
    cpuRatio: 1,
    note: `${floor.value} issues`,
  });

  // Ready = listening and the first GET by key answered (indexes are built lazily on first use).
  const readyRow = (step: string, t: { seconds: number; cpu: number }, target = true) =>
    ctx.row({
      section,
      size,
      step,
      seconds: t.seconds,
      ratio: t.seconds / floor.seconds,
      cpu: t.cpu,
      cpuRatio: t.cpu / floor.cpu,
      note: target
        ? `${t.seconds <= READY_TARGET * floor.seconds ? 'PASS' : 'FAIL'} (limit ${READY_TARGET}× floor = ${(READY_TARGET * floor.seconds).toFixed(2)} s; cpu ${t.cpu <= READY_TARGET * floor.cpu ? 'within' : 'over'})`
        : 'not a target: the first start of this content',
    });
  const startAndGet = async (o: ServeOptions) => {
    const s = await startSandboxServer({ ...o, now: '2026-01-15T09:00:00.000Z' });
    const first = s.ctx.tracker.issues[0]!;
    const admin = s.ctx.personas().find((p) => p.admin)!;
    const res = await fetch(`${s.url}/rest/api/2/issue/${first.key}`, { headers: { authorization: `Bearer ${admin.token}` } });
    if (!res.ok) {
      await s.close();
      throw new Error(`first GET answered ${res.status}`);
    }
    return s;
  };
  // The bench's own verdict cache, empty: the first start validates, the copy's finds the verdict.
  const validationCache = join(ctx.dataDir, 'sandbox-validation-cache');
  await rm(validationCache, { recursive: true, force: true });
  const first = await timed(() => startAndGet({ snapshot: snap.dir, validationCache }));
  readyRow(`ready, throwaway, first start (${first.value.validation}) + 1st GET`, first, false);
  await first.value.close();
  // A throwaway copy: what a user hands `npm run sandbox` again and again (same content, another path).
  const copy = join(ctx.dataDir, `sandbox-copy-${size}`);
  await rm(copy, { recursive: true, force: true });
  await cp(snap.dir, copy, { recursive: true });
  try {
    const again = await timed(() => startAndGet({ snapshot: copy, validationCache }));
    readyRow(`ready, throwaway copy of it (${again.value.validation}) + 1st GET`, again);
    await again.value.close();
  } finally {
    await rm(copy, { recursive: true, force: true });
    await rm(validationCache, { recursive: true, force: true });
  }

  const instDir = join(ctx.dataDir, `sandbox-instance-${size}`);
  await rm(instDir, { recursive: true, force: true });
  (await createInstance(snap.dir, instDir)).close();
  let sandbox: RunningSandbox | undefined;
  try {
    const ready = await timed(() => startAndGet({ instance: instDir }));
    sandbox = ready.value;
    readyRow('ready, --instance: open + serve + 1st GET', ready);

    const issues = sandbox.ctx.tracker.issues;
    const admin = sandbox.ctx.personas().find((p) => p.admin)!;
    const headers = { authorization: `Bearer ${admin.token}`, accept: 'application/json' };
    const projectKey = issues[0]!.project;
    const statusId = issues[0]!.status;
    const statusName = sandbox.ctx.tracker.status(statusId)!.name;
    const jql = encodeURIComponent(`project = ${projectKey} AND status = "${statusName}" ORDER BY created DESC`);

    const dbFile = join(ctx.dataDir, `json-server-${size}.json`);
    await writeJsonServerDb(dbFile, issues);
    const peer = await startJsonServer(dbFile);
    try {
      // The same keys for both servers, spread over the whole issue list.
      const sample = Array.from({ length: SAMPLE }, (_, n) => pick(issues, n));
      const sbGet = await loadLoopInChild(
        sandbox.url,
        sample.map((i) => `/rest/api/2/issue/${i.key}?fields=summary,status,assignee`),
        { ...LOAD, headers },
      );
      const jsGet = await loadLoopInChild(
        peer.url,
        sample.map((i) => `/issues/${i.id}`),
        LOAD,
      );
      const sbJql = await loadLoopInChild(sandbox.url, [`/rest/api/3/search/jql?jql=${jql}&maxResults=50&fields=summary,status`], {
        ...LOAD,
        headers,
      });
      const jsJql = await loadLoopInChild(peer.url, [`/issues?project=${projectKey}&status=${statusId}&_sort=created&_order=desc&_limit=50`], LOAD);
      const rate = (r: { rps: number; errors: number }) => `${r.rps.toFixed(0)} req/s${r.errors ? `, ${r.errors} errors` : ''}`;
      ctx.row({ section, size, step: 'GET issue by key: sandbox', seconds: undefined, note: rate(sbGet) });
      ctx.row({ section, size, step: 'GET issue by id: json-server 0.17', seconds: undefined, note: rate(jsGet) });
      const ratio = sbGet.rps / Math.max(jsGet.rps, 0.001);
      ctx.row({
        section,
        size,
        step: `GET by key vs json-server (target ≥ ${PEER_TARGET}×)`,
        seconds: undefined,
        note: `${ratio >= PEER_TARGET && sbGet.errors === 0 ? 'PASS' : 'FAIL'} ${ratio.toFixed(1)}× json-server`,
      });
      ctx.row({ section, size, step: 'JQL search (50 of a project × status): sandbox', seconds: undefined, note: rate(sbJql) });
      ctx.row({
        section,
        size,
        step: 'filtered list: json-server 0.17',
        seconds: undefined,
        note: `${rate(jsJql)}; sandbox ${(sbJql.rps / Math.max(jsJql.rps, 0.001)).toFixed(1)}× (JSON-server does no permissions or JQL)`,
      });
    } finally {
      await peer.stop();
      await rm(dbFile, { force: true });
    }
  } finally {
    await sandbox?.close();
    await rm(instDir, { recursive: true, force: true });
  }
};

export const sandboxSection: BenchSection = {
  name: 'sandbox',
  run: async (ctx) => {
    for (const size of ctx.sizes) await runSize(ctx, size);
  },
};
