/** JQL errors worded like Jira's, so scripts that match on the message keep working. */

export type JqlErrorKind = 'syntax' | 'field' | 'value' | 'operator' | 'function';

export class JqlError extends Error {
  override readonly name = 'JqlError';
  constructor(
    readonly kind: JqlErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Jira reports positions as 1-based line and character. */
export const where = (text: string, pos: number): string => {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const character = pos - before.lastIndexOf('\n');
  return `(line ${line}, character ${character})`;
};

export const syntaxError = (text: string, pos: number, message: string): JqlError =>
  new JqlError('syntax', `Error in the JQL Query: ${message} ${where(text, pos)}`);

/** Errors "before the end of the query" carry no position in Jira. */
export const syntaxErrorAtEnd = (message: string): JqlError => new JqlError('syntax', `Error in the JQL Query: ${message}`);

export const VALID_OPERATORS = "'=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'";
