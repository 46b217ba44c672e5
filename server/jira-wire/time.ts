/** Jira's timestamps (`2025-01-03T09:00:00.000+0000`: milliseconds, a zone offset without a colon) and the model's ISO 8601 in UTC. */

/** A model time (ISO) in Jira's form; null stays null, an unreadable value is passed on as it is. */
export const jiraTime = (iso: string | null | undefined): string | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().replace('Z', '+0000');
};

/** A time in Jira's form (or any ISO 8601 date-time) as ISO 8601 in UTC; an unreadable value is passed on as it is. */
export const isoTime = (v: string): string => {
  const ms = Date.parse(v.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
};
