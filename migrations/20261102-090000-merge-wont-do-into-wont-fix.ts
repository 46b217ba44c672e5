import { defineMigration, op } from 'understudy';

export default defineMigration({
  description: 'Merge the resolution "Won\'t Do" into "Won\'t Fix": two names for one outcome made reports disagree.',
  ops: [op.removeResolution({ resolution: "Won't Do", mapTo: "Won't Fix" })],
  expect: [
    { check: 'filters', reason: 'Filters that list resolutions see "Won\'t Fix" where "Won\'t Do" was.' },
  ],
});
