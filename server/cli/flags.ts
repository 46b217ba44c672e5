import { UserError } from '../common/errors.ts';

/** `--now ISO`: a frozen clock. Undefined stays undefined; anything unparsable is a UserError. */
export const parseIsoTime = (flag: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw new UserError(`${flag} '${value}' is not a date-time`, { details: [`give an ISO 8601 time, e.g. ${flag} 2026-11-01T09:00:00Z`] });
  return new Date(t).toISOString();
};
