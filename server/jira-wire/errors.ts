/** Jira's error shape on the wire, `{ errorMessages: [], errors: {} }`, written by the sandbox and read by every client of Jira. */

/** The body of every Jira error answer: messages about the request, and messages per field. */
export interface JiraErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** The words of an error body in one line: its messages, then each field's as `field: message`, joined by '; '. */
export const errorWords = (body: Partial<JiraErrorBody>): string =>
  [...(body.errorMessages ?? []), ...Object.entries(body.errors ?? {}).map(([k, v]) => `${k}: ${v}`)].join('; ');

/** The error body an answer's text holds, or undefined when it is not JSON. */
export const readErrorBody = (text: string): Partial<JiraErrorBody> | undefined => {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Partial<JiraErrorBody>) : undefined;
  } catch {
    return undefined;
  }
};
