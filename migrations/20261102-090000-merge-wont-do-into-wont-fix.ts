import { defineMigration, op } from 'understudy';

export default defineMigration({
  description: 'Merge the resolution "Won\'t Do" into "Won\'t Fix": two names for one outcome made reports disagree.',
  ops: [
    // The saved filter names "Won't Do": without this step it would stop parsing (the rehearsal catches it).
    op.setFilterJql({ filter: "Won't fix or won't do", jql: 'resolution = "Won\'t Fix" ORDER BY updated DESC' }),
    op.removeResolution({ resolution: "Won't Do", mapTo: "Won't Fix" }),
  ],
  expect: [
    // Changing the resolution of 153 issues updates them, as a bulk edit does in Jira:
    { check: 'filters', change: 'reordered', reason: 'Filters ordered by "updated" list the 153 remapped issues first.' },
    { check: 'boards', change: 'reordered', reason: 'Boards ordered by "updated" show the 153 remapped issues first in their columns.' },
    { check: 'filters', filter: 'QA activity this week', reason: 'The remapped issues count as updated this week.' },
    { check: 'filters', filter: 'Stale work in progress', reason: 'The remapped issues are no longer stale (updated today).' },
    { check: 'transitions', resolution: "Won't Do", reason: 'Transitions that set "Won\'t Do" set "Won\'t Fix" now.' },
  ],
});
