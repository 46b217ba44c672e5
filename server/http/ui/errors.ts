/**
 * Error pages: the tracker's TrackerError shown in the tracker's words with its status (401 asks
 * to sign in, 403 says who is refused, 404 is Jira's "does not exist or no permission").
 */
import type { NextFunction, Request, Response } from 'express';
import { isTrackerError } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { html } from '../../common/html.ts';
import { alertBox, sendPage } from './layout.ts';

const TITLES: Record<number, string> = {
  400: 'Something is wrong with the request',
  401: 'Sign in to continue',
  403: 'Access denied',
  404: 'Not found',
};

export const sendError = (ctx: SandboxContext, req: Request, res: Response, status: number, messages: readonly string[]): void => {
  const title = TITLES[status] ?? 'Error';
  const signIn =
    actorOf(res) === null
      ? html`<p><a href="/login?returnTo=${encodeURIComponent(req.originalUrl)}">Sign in as a persona</a> to see more.</p>`
      : html``;
  sendPage(ctx, req, res, {
    title,
    status,
    body: html`<h1>${title}</h1>${alertBox(messages)}${signIn}<p><a href="/">Back to the start page</a></p>`,
  });
};

export const forbidden = (ctx: SandboxContext, req: Request, res: Response, what: string): void =>
  sendError(ctx, req, res, actorOf(res) === null ? 401 : 403, [`You do not have permission to ${what}.`]);

/** The router's error middleware: TrackerErrors become pages; anything else goes on to the app. */
export const uiErrorHandler =
  (ctx: SandboxContext) =>
  (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (!isTrackerError(err)) {
      next(err);
      return;
    }
    sendError(ctx, req, res, err.status, [...err.body.errorMessages, ...Object.values(err.body.errors)]);
  };
