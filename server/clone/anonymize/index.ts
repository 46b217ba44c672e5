/**
 * Anonymising a cloned snapshot (the clone's default): people become consistent fake personas,
 * free text becomes text of the same shape, structure stays. Deterministic for the same content
 * and key, so two clones of the same production are byte-identical. The input is not mutated.
 */
import type { Config, Integration, Issue } from '../../model/index.ts';
import { anonymizeConfig } from './config.ts';
import { makeCtx, newTally } from './context.ts';
import { fieldKinds } from './field-kinds.ts';
import { anonymizeIntegration } from './integrations.ts';
import { anonymizeIssue } from './issues.ts';
import { anonymizeProperties } from './activity.ts';
import { keyed } from './keyed.ts';
import { buildPersonas } from './personas.ts';
import type { AnonymizeReport } from './report.ts';
import { buildSearchGuard } from './search-guard.ts';
import { peopleReplacer, textAnonymizer } from './text.ts';

export type { AnonymizeReport } from './report.ts';

export interface AnonymizeContent {
  config: Config;
  issues: Issue[];
  integrations?: Integration[];
}
export interface AnonymizeOptions {
  /** The secret key (see server/clone/anonymize-key.ts; never derivable from the snapshot): another key gives other personas and words. */
  key: string;
}

export const anonymizeSnapshot = (content: AnonymizeContent, options: AnonymizeOptions): AnonymizeContent & { report: AnonymizeReport } => {
  if (!options.key)
    throw new Error('understudy: anonymizeSnapshot needs a non-empty key (the clone passes the secret of server/clone/anonymize-key.ts)');
  const k = keyed(options.key);
  const dataCenter = content.config.tracker.deploymentType === 'DataCenter' || content.config.tracker.deploymentType === 'Server';
  const personas = buildPersonas(content.config.users, k, { dataCenter });
  const fields = fieldKinds(content.config);
  const people = peopleReplacer(personas);
  const tally = newTally();

  // Filters first: their text searches decide which words free text must keep.
  const { config, searchTerms } = anonymizeConfig(makeCtx(personas, fields, people, undefined, tally), content.config);
  const guard = buildSearchGuard(searchTerms);
  const texts = textAnonymizer(k, personas, guard);
  const ctx = makeCtx(personas, fields, people, texts, tally);

  // Project properties are free text like issues' (replaced once the search guard exists).
  for (const p of config.projects) if (p.properties) p.properties = anonymizeProperties(ctx, p.properties);
  const issues = content.issues.map((i) => anonymizeIssue(ctx, i));
  const asTally = { asRewritten: 0, asUnknown: 0 };
  const integrations = content.integrations?.map((i) => anonymizeIntegration(ctx, i, asTally));

  const usernames = [...personas.usernames.values()].reduce((n, list) => n + list.length, 0);
  const untouched = [...tally.untouched].map(([what, e]) => ({ what, count: e.count, why: e.why }));
  untouched.push({
    what: 'account ids',
    count: personas.byAccountId.size - personas.idsReplaced,
    why: 'opaque ids stay, so every reference keeps pointing at the same (now anonymised) user; ids that named their user were replaced',
  });
  if (asTally.asUnknown)
    untouched.push({
      what: 'integration as (shape only)',
      count: asTally.asUnknown,
      why: "the e-mail is no user's, so there is no persona; its words were replaced",
    });
  const report = {
    people: {
      users: personas.byAccountId.size,
      serviceAccounts: content.config.users.filter((u) => u.serviceAccount).length,
      usernames,
      ambiguousDisplayNames: personas.ambiguousNames.size,
      accountIdsReplaced: personas.idsReplaced,
    },
    references: tally.references,
    texts: { replaced: tally.textsReplaced, ...renameCounts(texts.counts) },
    jql: { filters: config.filters.length, valuesRewritten: tally.jqlRewritten, unknownPeople: tally.jqlUnknown, searchTerms: guard.terms.length },
    integrations: { files: integrations?.length ?? 0, ...asTally },
    untouched,
  } as AnonymizeReport;
  // Non-enumerable: the persona map de-anonymises and must never be serialised with the report.
  Object.defineProperty(report, 'translate', { value: (identity: string) => personas.replace(identity), enumerable: false });
  return { config, issues, ...(integrations ? { integrations } : {}), report };
};

const renameCounts = (c: { words: number; numbers: number; keptForSearch: number; people: number; urls: number; emails: number }) => ({
  words: c.words,
  numbers: c.numbers,
  keptForSearch: c.keptForSearch,
  peopleNamed: c.people,
  urls: c.urls,
  emails: c.emails,
});
