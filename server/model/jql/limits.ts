/**
 * The bounds a JQL query must keep, so no query can overflow a recursive walker's stack or hold the
 * sandbox: every search route answers a query beyond them with Jira's 400 and a message naming the bound.
 */

/** Characters in one query (a GET's URL cannot hold more than 16 KB anyway; this bounds POST bodies). */
export const MAX_JQL_LENGTH = 100_000;

/** Levels of parentheses and NOT around a clause. */
export const MAX_JQL_DEPTH = 200;

/** Characters in the text of one `~` clause (a term, several, or a quoted phrase). */
export const MAX_TEXT_SEARCH_LENGTH = 1_000;

/** Saved filters named through `filter = …` clauses, one inside the other. */
export const MAX_FILTER_NESTING = 10;
