/**
 * Migrations change configuration too: each applied or reverted migration adds the audit records
 * of what it changed (the same entity diff the tracker's own writes are audited with, source
 * "migration <id>") and moves the version of every workflow and scheme it changed, in the
 * instance's admin records — outside the canonical hash, as for the sandbox's writes.
 */
import type { Config } from '../../model/index.ts';
import type { InstanceState } from '../../store/index.ts';
import { appendAudit, bumpRevisions, diffAudit, normaliseRecords } from '../../tracker/index.ts';

export const recordConfigChange = (state: InstanceState, before: Config, migrationId: string, direction: 'up' | 'down', now: string): void => {
  const records = normaliseRecords(state.admin as Parameters<typeof normaliseRecords>[0]);
  state.admin = records;
  bumpRevisions(records, before, state.config);
  appendAudit(
    records,
    diffAudit(before, state.config, null, now, {
      eventSource: `migration ${migrationId}`,
      description: direction === 'up' ? `Applied by npm run migrate:up (${migrationId})` : `Reverted by npm run migrate:down (${migrationId})`,
    }),
  );
};
