/**
 * Saved answers of a tracker, one JSON file per request: what `--resume` continues from, and what
 * `--from file` reads (an admin can save the same files with curl; the README, section “Cloning production”, gives the names).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { UserError } from '../common/errors.ts';
import { pathWithQuery, type Reader, type RequestLike } from '../jira-wire/index.ts';
import { NotFoundAnswer } from './transport.ts';

/**
 * `GET_rest_api_3_field.json`: method and path with query, every character outside
 * [A-Za-z0-9.-] as `_`; a POST body or a name past 120 characters adds `~` and 12 hex digits of
 * the sha256 of `METHOD path?query` + the JSON body.
 */
export const rawFileName = (req: RequestLike): string => {
  const key = `${req.method} ${pathWithQuery(req)}`;
  const base = `${req.method}_${pathWithQuery(req).replace(/^\/+/, '')}`.replace(/[^A-Za-z0-9.-]/g, '_');
  if (req.body === undefined && base.length <= 120) return `${base}.json`;
  const h = createHash('sha256')
    .update(key)
    .update(req.body === undefined ? '' : JSON.stringify(req.body))
    .digest('hex')
    .slice(0, 12);
  return `${base.slice(0, 120)}~${h}.json`;
};

const NOT_FOUND = { understudyRecorded: 404 };

/** `--from file` lacks a saved answer (optional endpoints fall back as on a 404). */
export class MissingAnswer extends UserError {}

/** Answers from the directory where saved, else from `inner` (then saved): a clone that can be resumed. */
export class RecordingReader implements Reader {
  hits = 0;
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];
  constructor(
    private readonly inner: Reader,
    private readonly dir: string,
  ) {}

  /** Resolves once no read is in flight: a failed clone waits for its siblings before it reports. */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  async read(req: RequestLike): Promise<unknown> {
    this.inFlight++;
    try {
      return await this.readOnce(req);
    } finally {
      if (--this.inFlight === 0) this.waiters.splice(0).forEach((w) => w());
    }
  }

  private async readOnce(req: RequestLike): Promise<unknown> {
    const file = join(this.dir, rawFileName(req));
    const saved = await readFile(file, 'utf8')
      .then((t) => JSON.parse(t) as unknown)
      .catch(() => undefined);
    if (saved !== undefined) {
      this.hits++;
      if (JSON.stringify(saved) === JSON.stringify(NOT_FOUND)) throw new NotFoundAnswer(req.path);
      return saved;
    }
    let answer: unknown;
    try {
      answer = await this.inner.read(req);
    } catch (e) {
      if (e instanceof NotFoundAnswer) await this.save(file, NOT_FOUND);
      throw e;
    }
    await this.save(file, answer);
    return answer;
  }

  private async save(file: string, value: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Two identical requests may be in flight at once: each writes its own temporary file.
    await writeFileAtomic(file, JSON.stringify(value), { durable: false });
  }
}

/** `--from file`: saved answers only; a missing one is a clear error naming the file to save. */
export class FileReader implements Reader {
  constructor(private readonly dir: string) {}

  async read(req: RequestLike): Promise<unknown> {
    const name = rawFileName(req);
    let text: string;
    try {
      text = await readFile(join(this.dir, name), 'utf8');
    } catch {
      throw new MissingAnswer(`'${this.dir}' has no saved answer for ${req.method} ${pathWithQuery(req)}`, {
        details: [
          `expected the file ${join(this.dir, name)}${req.body !== undefined ? ` (body ${JSON.stringify(req.body)})` : ''}`,
          'save it with curl (the README, section “Cloning production”, shows how), or clone from the live tracker with --from jira',
        ],
      });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new UserError(`${join(this.dir, name)} is not valid JSON`, { details: ['save the answer again'] });
    }
    if (JSON.stringify(value) === JSON.stringify(NOT_FOUND)) throw new NotFoundAnswer(req.path);
    return value;
  }
}
