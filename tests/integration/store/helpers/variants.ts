import type { InstanceState } from '../../../../server/store/index.ts';

/** Two known states the kill test alternates between; each touches config, several shards and the ledger. */
export const applyVariant = (state: InstanceState, variant: 0 | 1): void => {
  state.config.tracker.title = variant === 0 ? 'Variant A' : 'Variant B';
  for (let i = 0; i < state.issues.length; i += 1500) state.issues[i]!.summary = `${variant === 0 ? 'A' : 'B'} summary ${i}`;
  state.ledger.length = 0;
  state.ledger.push({ id: `variant-${variant}` });
};
