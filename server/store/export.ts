/** Export: an instance back to a snapshot directory whose canonical hash equals the instance's. */
import type { Manifest } from '../model/index.ts';
import type { Instance } from './instance.ts';
import { writeSnapshot, type ManifestInput } from './snapshot-write.ts';

const DEFAULT_MANIFEST: ManifestInput = {
  kind: 'fixture',
  name: 'exported instance',
  createdAt: '',
  source: { type: 'instance' },
  counts: {},
  productionTotals: {},
  notContained: [],
};

/**
 * Writes the instance's config and issues as a snapshot in `outDir` (missing or empty). The
 * manifest starts from the source snapshot's, with counts brought up to date, a new `createdAt`,
 * then `manifestOverrides`. The ledger, outbox and captures are not part of a snapshot.
 */
export const exportInstance = async (
  instance: Instance,
  outDir: string,
  manifestOverrides: Partial<ManifestInput> = {},
  options: { shardSize?: number } = {},
): Promise<Manifest> => {
  const { config, issues } = instance.data;
  const base = { ...DEFAULT_MANIFEST, ...(instance.marker.source.manifest as Partial<ManifestInput> | undefined) } as ManifestInput;
  const counts: Record<string, number> = { ...base.counts };
  for (const key of Object.keys(counts)) {
    const list = (config as unknown as Record<string, unknown>)[key];
    if (Array.isArray(list)) counts[key] = list.length;
  }
  counts.issues = issues.length;
  const manifest: ManifestInput = { ...base, counts, createdAt: new Date().toISOString(), ...manifestOverrides };
  return writeSnapshot(outDir, { manifest, config, issues }, { shardSize: options.shardSize });
};
