import { productionPlanSummary } from '../server/apply/index.ts';
import { runCommand } from '../server/cli/run.ts';
import { runRehearseCommand } from '../server/rehearse/command.ts';

runCommand((argv, io) => runRehearseCommand(argv, io, 'gate', { productionPlan: productionPlanSummary }));
