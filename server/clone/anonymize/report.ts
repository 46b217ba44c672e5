/** What anonymising did: counts only, so the report can be printed or stored without naming anybody. */

export interface AnonymizeReport {
  people: {
    /** Users given a persona (all of them, service accounts included). */
    users: number;
    serviceAccounts: number;
    /** Data Center usernames (`refs`/`ext` name, key) replaced. */
    usernames: number;
    /** Display names shared by several source users: JQL naming them now names one persona. */
    ambiguousDisplayNames: number;
    /**
     * Account ids replaced by opaque ones because they named their user: they spelled part of the
     * name, mailbox or username, or were a Data Center user key (a username, for older accounts).
     * Every reference follows. Opaque ids (Cloud account ids, `JIRAUSER…` keys) stay.
     */
    accountIdsReplaced: number;
  };
  /** Account-id references seen per location; they are kept, so each points at the same persona. */
  references: Record<string, number>;
  texts: { replaced: number; words: number; numbers: number; keptForSearch: number; peopleNamed: number; urls: number; emails: number };
  jql: { filters: number; valuesRewritten: number; unknownPeople: number; searchTerms: number };
  integrations: { files: number; asRewritten: number; asUnknown: number };
  /** What was deliberately left as it was, and why. */
  untouched: Array<{ what: string; count: number; why: string }>;
  /**
   * Source identity (display name, e-mail or username, any case) → its persona's value of the same
   * kind; undefined for anything that is not a known person. For the caller only (e.g. to adapt a
   * migration that names somebody): it de-anonymises, so it is non-enumerable and never reaches
   * JSON.stringify, a snapshot, a log or a report. Never write it anywhere.
   */
  readonly translate: (sourceIdentity: string) => string | undefined;
}
