/**
 * The control API under /_understudy/ (no authentication: the sandbox is loopback-only):
 * health, hash, personas, outbox (filter by recipient and event), checkpoint and restore.
 * Errors use `{ error: { code, message } }`.
 */
import { Router, type Response } from 'express';
import { canonicalHash } from '../model/index.ts';
import type { FullSandboxContext } from './sandbox-context.ts';

const fail = (res: Response, status: number, code: string, message: string) => {
  res.status(status).json({ error: { code, message } });
};

export const controlRouter = (ctx: FullSandboxContext): Router => {
  const r = Router();
  const hash = () => canonicalHash(ctx.tracker.config, ctx.tracker.issues);
  r.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/hash', (_req, res) => {
    res.json({ hash: hash(), issues: ctx.tracker.issues.length });
  });
  r.get('/personas', (_req, res) => {
    res.json(
      ctx
        .personas()
        .map((p) => ({ accountId: p.accountId, displayName: p.displayName, email: p.email, token: p.token, groups: p.groups, admin: p.admin })),
    );
  });
  r.get('/outbox', (req, res) => {
    const recipient = typeof req.query.recipient === 'string' ? req.query.recipient.toLowerCase() : undefined;
    const event = typeof req.query.event === 'string' ? req.query.event : undefined;
    res.json(
      ctx.outbox.filter(
        (e) =>
          (!recipient || e.recipient.toLowerCase() === recipient || e.recipientEmail.toLowerCase() === recipient) && (!event || e.event === event),
      ),
    );
  });
  r.post('/checkpoint', async (_req, res) => {
    await ctx.checkpoint();
    res.json({ checkpoint: 'saved', hash: hash() });
  });
  r.post('/restore', async (_req, res) => {
    if (!(await ctx.restore())) {
      fail(res, 409, 'no_checkpoint', 'no checkpoint to restore: POST /_understudy/checkpoint first');
      return;
    }
    res.json({ restored: true, hash: hash() });
  });
  // Async tasks: while held they start and wait RUNNING, changing nothing; release lets them finish.
  r.get('/tasks', (_req, res) => {
    res.json({ held: ctx.tracker.admin.tasksHeld(), tasks: ctx.tracker.admin.records().tasks });
  });
  r.post('/tasks/hold', (_req, res) => {
    ctx.tracker.admin.holdTasks();
    res.json({ held: true });
  });
  r.post('/tasks/release', (_req, res) => {
    ctx.tracker.admin.releaseTasks();
    res.json({ held: false });
  });
  r.use((req, res) => fail(res, 404, 'not_found', `no control endpoint ${req.method} ${req.originalUrl}; see the README's control API section`));
  return r;
};
