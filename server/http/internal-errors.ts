/**
 * A sandbox answering 500 is a bug in Understudy, never the caller's fault: the error is kept with the
 * request and its stack where a person looks (the sandbox's stderr; the rehearsal's report folder),
 * while the wire only ever says "internal error" in the API's own shape.
 */
import type { Request } from 'express';

export interface InternalErrorEntry {
  /** When it happened (the machine's clock, not the sandbox's frozen one). */
  at: string;
  method: string;
  url: string;
  /** The caller's account id, or null when anonymous. */
  actor: string | null;
  message: string;
  stack: string;
}

export const internalErrorEntry = (req: Request, error: unknown, actor: string | null): InternalErrorEntry => ({
  at: new Date().toISOString(),
  method: req.method,
  url: req.originalUrl,
  actor,
  message: error instanceof Error ? error.message : String(error),
  stack: error instanceof Error && error.stack ? error.stack : String(error),
});

/** An entry as lines of a log: what was asked, by whom, then the stack indented. */
export const formatInternalError = (e: InternalErrorEntry): string =>
  `${e.at} ${e.method} ${e.url} as ${e.actor ?? 'anonymous'}: 500 internal error\n${e.stack
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;

/** The default: the sandbox's log is its stderr. */
export const logToStderr = (e: InternalErrorEntry): void => {
  process.stderr.write(`understudy sandbox: ${formatInternalError(e)}`);
};
