/** The tracker's clock: frozen for rehearsals (`--now`), so timestamps and relative JQL repeat. */
export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

export const fixedClock = (iso: string): Clock => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`fixedClock: '${iso}' is not an ISO date-time (expected e.g. 2026-01-31T09:00:00.000Z)`);
  const value = new Date(ms).toISOString();
  return { now: () => value };
};
