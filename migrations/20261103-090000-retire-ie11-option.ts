import { defineMigration, op } from 'understudy';

export default defineMigration({
  description:
    'Retire the Browser option "Internet Explorer 11" (no longer supported); bugs that name it now say "Microsoft Edge", and the saved filters that named it follow.',
  ops: [
    // Two saved filters name the option: rewrite them first, or they stop parsing.
    op.setFilterJql({ filter: 'Internet Explorer 11 bugs', jql: 'project = WEB AND Browser = "Microsoft Edge" ORDER BY created DESC' }),
    op.setFilterJql({
      filter: 'Unresolved bugs not on IE or Safari',
      jql: 'project = WEB AND issuetype = Bug AND Browser NOT IN ("Microsoft Edge", Safari) AND resolution IS EMPTY AND priority > Low',
    }),
    op.removeOption({ field: 'Browser', option: 'Internet Explorer 11', replaceWith: 'Microsoft Edge' }),
  ],
  expect: [
    { check: 'createmeta', field: 'Browser', change: 'allowedValues', reason: 'Internet Explorer 11 is no longer offered.' },
    {
      check: 'filters',
      filter: 'Internet Explorer 11 bugs',
      reason: 'The filter now lists Edge bugs, the former IE11 bugs and the Edge bugs there were.',
    },
    {
      check: 'filters',
      filter: 'Unresolved bugs not on IE or Safari',
      reason: 'It now excludes Edge, which holds the former IE11 bugs; the 3 Edge bugs it listed drop out too — accepted by the web team.',
    },
  ],
});
