/**
 * Jira's limits on what one request may write, stated once: the sandbox refuses more with a 400
 * naming the field, before any work on the values (so no request can hold the server for long).
 */
export const LIMITS = {
  /** Characters of single-line text: the summary, text custom fields, each label. */
  shortText: 255,
  /** Characters of multi-line text: description, environment, paragraph fields, comments (Jira's `jira.text.field.character.limit`). */
  longText: 32_767,
  /** Values of one multi-valued field (labels, components, versions, multi-selects, users, groups), and `update` operations on one field. */
  values: 1_000,
  /** Keys of one request's `fields` or `update` object (an issue has far fewer fields; more is no edit but a flood). */
  fields: 1_000,
} as const;

/** The sentence for a list over `LIMITS.values`. */
export const tooManyValues = (n: number, what = 'values'): string =>
  `Too many ${what}: ${n.toLocaleString('en')} given, at most ${LIMITS.values.toLocaleString('en')} are allowed per field.`;

/** The sentence for text over a limit of `max` characters. */
export const textTooLong = (max: number): string =>
  `The entered text is too long. It exceeds the allowed limit of ${max.toLocaleString('en')} characters.`;
