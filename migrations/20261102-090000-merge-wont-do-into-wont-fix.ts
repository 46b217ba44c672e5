import { defineMigration, op } from 'understudy';

export default defineMigration({
  description: 'Merge the resolution "Won\'t Do" into "Won\'t Fix": two names for one outcome made reports disagree.',
  ops: [
    // The saved filter names "Won't Do": without this step it would stop parsing (the rehearsal catches it).
    op.setFilterJql({ filter: "Won't fix or won't do", jql: 'resolution = "Won\'t Fix" ORDER BY updated DESC' }),
    op.removeResolution({ resolution: "Won't Do", mapTo: "Won't Fix" }),
  ],
  expect: [
    { check: 'filters', reason: 'Filters that list resolutions see "Won\'t Fix" where "Won\'t Do" was.' },
    { check: 'transitions', resolution: "Won't Do", reason: 'Transitions that set "Won\'t Do" set "Won\'t Fix" now.' },
  ],
});
