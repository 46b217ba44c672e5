/**
 * The hostile-input suite is data: tables of cases (one module per REST route family, one per
 * command) and one runner per kind that applies the same invariants to every case. A case says what
 * it sends and what a careful tracker answers; the runner adds what must hold for all of them
 * (no 5xx, no stack or machine path, Jira's error shape, the hash kept on a refusal, a bound on time).
 */

/**
 * `always`: in the sample `npm test` runs whatever its position in the table; `soak`: never in the
 * sample (it can only fail by hanging until the bound).
 */
export type Tag = 'always' | 'soak';

/**
 * What a case expects: an exact status, one of several, `4xx` (refused: any client error), `2xx`
 * (accepted), `3xx` (a redirect: a UI form that worked), or `no-5xx` (either way, as long as it is
 * not a server error: input Jira itself answers both ways on).
 */
export type Expectation = number | readonly number[] | '4xx' | '2xx' | '3xx' | 'no-5xx';

/** A persona of fixtures/tiny: admin (alice), dev (bob), carol, security (dave), plain (erin: no groups), frank, anon. */
export type As = 'admin' | 'dev' | 'carol' | 'security' | 'plain' | 'frank' | 'anon';

export interface MultipartFile {
  field: string;
  filename: string;
  content: string;
  type?: string;
}

export interface RestCase {
  name: string;
  /** The issue-17 point this case is a row of, when it has one (failures are reported by point). */
  point?: number;
  tags?: readonly Tag[];
  /** `sandbox` (default): `npm run sandbox`'s app; `hub`: the rehearsal's fork hub. */
  target?: 'sandbox' | 'hub';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
  path: string;
  /** Default: admin on /rest/, anonymous on the control API. */
  as?: As;
  /** A JSON body (serialised by the runner). */
  body?: unknown;
  /** A body sent as is (malformed JSON, prototype keys, deep nesting), with `contentType`. */
  raw?: string;
  contentType?: string;
  /** A web form: the runner signs in through /login first and sends the page's own hidden fields. */
  form?: Record<string, string | readonly string[]>;
  /** The page whose form the runner copies hidden fields from (default: the form's path without its last segment). */
  formPage?: string;
  /** Sends no field of the page (a forged form): the case itself is the attacker. */
  forged?: boolean;
  /** multipart/form-data, built by the runner. */
  multipart?: { files: readonly MultipartFile[]; fields?: Record<string, string> };
  /** Extra headers; an empty value removes one the runner would send (e.g. `x-atlassian-token`). */
  headers?: Record<string, string>;
  expect: Expectation;
  /** Words the error answer must hold (Jira's errorMessages and errors, or the control API's message). */
  error?: string | RegExp;
  /** A state-changing request that must change nothing even when it succeeds (e.g. a no-op). */
  unchanged?: boolean;
  /** A check on the accepted answer (e.g. what a read-back shows), returning a problem or nothing. */
  check?: (answer: Answer) => string | undefined;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

/** A family's table: its name and its cases. */
export interface RestFamily {
  family: string;
  cases: readonly RestCase[];
}

/** A file or folder a CLI case lays out in its scratch folder before the command runs. */
export type Layout = Record<string, string | { fifo: true } | { mode: number; text: string } | { dir: true; mode?: number }>;

export interface CliCase {
  name: string;
  point?: number;
  tags?: readonly Tag[];
  /** The npm script, e.g. `migrate:up` (resolved through package.json, as `npm run` does). */
  command: string;
  /** Arguments after `--`; `$SCRATCH`, `$TINY`, `$REPO`, `$OUTSIDE` (a folder outside the checkout the command owns) and `$URL` (the case's loopback server) are replaced. */
  args: readonly string[];
  /** Files to lay out in the scratch folder (the command's working directory) before it runs. */
  layout?: Layout;
  /** Environment added to the command's (JIRA_* credentials are never inherited from the test's). */
  env?: Record<string, string>;
  /** A tracker on 127.0.0.1 that misbehaves (kit/cli-servers.ts); its URL is `$URL`. */
  server?: 'unauthorized' | 'echo' | 'html' | 'garbage' | 'slow';
  /** The exit code (or codes) a careful command ends with: 0 success, 1 a check found a problem, 2 bad input. */
  exit: ExitCode | readonly ExitCode[];
  /** Words the output (stdout and stderr) must hold. */
  says?: RegExp;
  /** Words the output must not hold (beyond the suite's own: stacks, internal errors, machine paths, credentials). */
  never?: RegExp;
  /** Paths (relative to the scratch folder) the command may create or change; anything else new there is a leftover. */
  owns?: readonly string[];
  /** For a long-running command (the sandbox): what it prints once ready; the runner then stops it with SIGTERM. */
  readyWhen?: RegExp;
  /** How long after readyWhen the SIGTERM goes (default 1,000 ms: once it has printed all it prints; 0: at once). */
  stopDelayMs?: number;
  /** A command run after it in the same scratch folder, and the exit it must end with (e.g. no lock left behind). */
  after?: { command: string; args: readonly string[]; exit: ExitCode | readonly ExitCode[]; says?: RegExp };
}

export type ExitCode = 0 | 1 | 2;

export interface CliFamily {
  family: string;
  cases: readonly CliCase[];
}
