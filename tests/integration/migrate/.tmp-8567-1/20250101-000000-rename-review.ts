import { defineMigration, op } from 'understudy';

export default defineMigration({
  description: "test migration",
  ops: [
    op.renameStatus({ from: 'In Review', to: 'Code Review' })
  ],
});
