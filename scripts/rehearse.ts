import { runCommand } from '../server/cli/run.ts';
import { runRehearseCommand } from '../server/rehearse/command.ts';

// The production plan (planned beside the regression runs) is the only use of server/apply here: loaded then, not at start-up.
runCommand((argv, io) =>
  runRehearseCommand(argv, io, 'rehearse', {
    productionPlan: async (...a) => (await import('../server/apply/index.ts')).productionPlanSummary(...a),
  }),
);
