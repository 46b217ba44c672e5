/**
 * Files of a multipart/form-data request (busboy: a well-kept streaming parser, so no hand-written
 * boundary handling), each at most `maxBytes`, at most 60 per request as Jira allows. Only parts
 * named `file` count, as Jira's attachment resource reads them; a file past the limit is a 413.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { TrackerError } from '../../tracker/index.ts';

export interface UploadedFile {
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

export const MAX_FILES = 60;

const tooLarge = (message: string) => new TrackerError(413, { errorMessages: [message], errors: {} });

/** The name a file is kept under: its last path segment, without control characters, at most 255 characters. */
export const cleanFilename = (name: string | undefined): string => {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...last]
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 255);
  return clean || 'attachment';
};

export const readMultipartFiles = (req: Request, maxBytes: number): Promise<UploadedFile[]> =>
  new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: maxBytes, files: MAX_FILES, fields: 100, parts: MAX_FILES + 100 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(
        new TrackerError(400, {
          errorMessages: ['The request is not multipart/form-data with a boundary: send the file as multipart/form-data in a field named "file".'],
          errors: {},
        }),
      );
      return;
    }
    const files: UploadedFile[] = [];
    let failed: Error | undefined;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      // A body cut off inside a file fails the file's stream too: unheard, that error ends the process.
      stream.on('error', (e: Error) => {
        failed ??= new TrackerError(400, { errorMessages: [`The multipart body cannot be read: ${e.message}.`], errors: {} });
      });
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        failed ??= tooLarge(`The file '${cleanFilename(info.filename)}' is larger than the attachment size limit of ${maxBytes} bytes.`);
      });
      stream.on('end', () => {
        if (!failed)
          files.push({ filename: cleanFilename(info.filename), mimeType: info.mimeType || 'application/octet-stream', bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => {
      failed ??= tooLarge(`More than ${MAX_FILES} files were sent in one request.`);
    });
    parser.on('error', (e: Error) =>
      reject(new TrackerError(400, { errorMessages: [`The multipart body cannot be read: ${e.message}.`], errors: {} })),
    );
    parser.on('close', () => (failed ? reject(failed) : resolve(files)));
    req.pipe(parser);
  });
