/**
 * `apply --dry-run`: the plan (printed by the caller) and Jira's validate-only calls where they
 * exist — `POST /workflows/update/validation` for each workflow step whose statuses production
 * already has (a workflow that needs a status an earlier step creates is validated when it runs).
 * Nothing is written; exit 1 when Jira's validation finds an error.
 */
import type { CommandIo } from '../cli/index.ts';
import type { ProductionPlan } from './plan/types.ts';
import type { Production } from './production/connect.ts';
import type { View } from './production/read.ts';
import { validateWorkflow, type RunContext } from './writers/index.ts';
import { messageOf } from './run/executor.ts';

export const dryRunChecks = async (
  prod: Production,
  view: View,
  plan: ProductionPlan,
  io: CommandIo,
  heard: { at: string; channel: string } | undefined,
  noHeadsUp: string | undefined,
): Promise<number> => {
  let errors = 0;
  const rc: RunContext = {
    dc: prod.dc,
    api: prod.api,
    account: prod.account.id,
    reader: prod.reader,
    view,
    send: (r) => prod.writer.send(r),
    refresh: async () => view,
    scratch: {},
    saveScratch: async () => undefined,
    log: io.out,
  };
  for (const s of plan.migrations.flatMap((m) => m.steps).filter((x) => x.writer === 'workflows')) {
    for (const c of s.changes) {
      try {
        const found = await validateWorkflow(rc, c.key, c.to);
        errors += found.filter((f) => f.startsWith('ERROR')).length;
        io.out(`validation of ${s.id} (${c.key}): ${found.length ? found.join('; ') : 'no problem'}`);
      } catch (e) {
        io.out(`validation of ${s.id} (${c.key}): not run now (${messageOf(e)}); it runs before the step when applied`);
      }
    }
  }
  if (!heard)
    io.out(
      noHeadsUp
        ? `note: no heads-up: ${noHeadsUp}`
        : 'note: no heads-up has been delivered for this rehearsal yet: apply will refuse until one is (npm run announce -- heads-up --send)',
    );
  io.out(`dry run: nothing was written to ${prod.url}`);
  return errors ? 1 : 0;
};
