import { defineMigration, op } from 'understudy';

export default defineMigration({
  description: "test migration",
  ops: [
    op.removeField({ field: 'Target Date' })
  ],
});
