/**
 * JQL's text search (`~`) as the sandbox runs it: the tracker's matcher and the anonymiser's guard of
 * searched words share it, so a saved filter finds the same issues before and after anonymising.
 */

/** A text as a regular expression that matches exactly it. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a `~` operand into lower-case terms (a phrase into its words; a lone `*` is no term). */
export const searchTerms = (operand: string): string[] =>
  operand
    .toLowerCase()
    .split(/[^\p{L}\p{N}*?]+/u)
    .filter((t) => t && t !== '*');

/** A term as a regular expression source (flag `u`): `*` stands for any letters or digits, `?` for one. */
export const termSource = (term: string): string => escapeRegExp(term).replace(/\\\*/g, '[\\p{L}\\p{N}]*').replace(/\\\?/g, '[\\p{L}\\p{N}]');
