/**
 * Attachments: multipart upload (X-Atlassian-Token: no-check required, as Jira's XSRF check),
 * metadata, content download and delete, and the upload settings. Content is stored by digest
 * before the metadata is committed; it is served as a download only — `Content-Disposition:
 * attachment`, `nosniff`, a sandboxing CSP, and never with a type a browser would render or run.
 */
import type { Response, Router } from 'express';
import type { SandboxContext } from '../context.ts';
import { TrackerError, type NewAttachment } from '../../tracker/index.ts';
import { notFound } from './errors.ts';
import { numId, route } from './handler.ts';
import { readMultipartFiles } from './multipart-files.ts';
import { attachmentJson } from './render-activity.ts';
import { hasXsrfToken } from '../network-guard.ts';

/** Types a browser renders as a page or runs: served as a plain download instead. */
const ACTIVE =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/javascript|application\/ecmascript|text\/ecmascript|application\/x-javascript|text\/css|multipart\/)/i;

export const servedType = (mimeType: string): string =>
  ACTIVE.test(mimeType) || !/^[\w.+-]+\/[\w.+-]+$/.test(mimeType) ? 'application/octet-stream' : mimeType;

const disposition = (filename: string): string =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export const attachmentRoutes = (r: Router, ctx: SandboxContext): void => {
  r.get(
    '/attachment/meta',
    route(ctx, (j) => ({ enabled: true, uploadLimit: j.ctx.attachmentMaxBytes })),
  );

  r.post(
    '/issue/:key/attachments',
    route(ctx, async (j, req, res) => {
      if (!hasXsrfToken(req))
        throw new TrackerError(403, {
          errorMessages: ['XSRF check failed: send the header X-Atlassian-Token: no-check with attachment uploads.'],
          errors: {},
        });
      if (!/^multipart\/form-data/i.test(req.get('content-type') ?? ''))
        throw new TrackerError(415, {
          errorMessages: ['Attachments are uploaded as multipart/form-data, with the file in a field named "file".'],
          errors: {},
        });
      const key = String(req.params.key);
      // Refused before any byte is stored.
      const issue = j.ctx.tracker.checkCanAttach(j.actor, key);
      const files = await readMultipartFiles(req, j.ctx.attachmentMaxBytes);
      const stored: NewAttachment[] = [];
      for (const f of files)
        stored.push({ filename: f.filename, mimeType: f.mimeType, size: f.bytes.length, sha256: await j.ctx.attachments.put(f.bytes) });
      const added = await j.ctx.write(() => j.ctx.tracker.addAttachments(j.actor, issue.key, stored));
      res.status(200).json(added.map((a) => attachmentJson(j, a)));
    }),
  );

  r.get(
    '/attachment/content/:id',
    route(ctx, async (j, req, res: Response) => {
      const { attachment } = j.ctx.tracker.attachment(j.actor, String(req.params.id));
      if (!attachment.sha256)
        throw notFound(`The content of attachment '${attachment.filename}' was not copied: a clone copies attachments' metadata only.`);
      const bytes = await j.ctx.attachments.get(attachment.sha256);
      if (!bytes) throw notFound(`The content of attachment '${attachment.filename}' is missing from this instance's attachments/ directory.`);
      res
        .status(200)
        .set({
          'Content-Type': servedType(attachment.mimeType),
          'Content-Disposition': disposition(attachment.filename),
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
          'Content-Length': String(bytes.length),
        })
        .end(bytes);
    }),
  );

  // AttachmentMetadata's id is an integer, unlike the string id of the Attachment an issue lists.
  r.get(
    '/attachment/:id',
    route(ctx, (j, req) => {
      const a = attachmentJson(j, j.ctx.tracker.attachment(j.actor, String(req.params.id)).attachment);
      return { ...a, id: numId(a.id) };
    }),
  );

  r.delete(
    '/attachment/:id',
    route(ctx, async (j, req, res) => {
      await j.ctx.write(() => j.ctx.tracker.deleteAttachment(j.actor, String(req.params.id)));
      res.status(204).end();
    }),
  );
};
