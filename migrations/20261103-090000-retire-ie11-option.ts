import { defineMigration, op } from 'understudy';

export default defineMigration({
  description: 'Retire the Browser option "Internet Explorer 11" (no longer supported); bugs that name it now say "Microsoft Edge".',
  ops: [op.removeOption({ field: 'Browser', option: 'Internet Explorer 11', replaceWith: 'Microsoft Edge' })],
  expect: [
    { check: 'createmeta', field: 'Browser', change: 'allowedValues', reason: 'Internet Explorer 11 is no longer offered.' },
  ],
});
