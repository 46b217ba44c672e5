/** What validation reports: `file: path: message`, with a severity. Never thrown. */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** File inside the snapshot, e.g. `config.json`. */
  file: string;
  /** Path inside the file, e.g. `workflows[2].transitions[4].to`. */
  path: string;
  message: string;
  /** The named rule that found it (`shape` for schema errors). */
  rule: string;
}

export const formatProblem = (p: Problem): string => `${p.severity === 'warning' ? 'warning: ' : ''}${p.file}: ${p.path || '(root)'}: ${p.message}`;

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

/** Turns a JSON pointer (`/workflows/2/to`) into the path form used in messages (`workflows[2].to`). */
export const pointerToPath = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
