/**
 * The gate's freshness rule: a rehearsal on an old clone proves little about today's production, so
 * a cloned snapshot older than `gate.maxSnapshotAgeDays` fails the gate. Bundled fixtures are exempt.
 */
import { SETTINGS_FILE } from './schema.ts';

/** The part of a snapshot manifest the rule reads (a `Manifest` from server/model fits). */
export interface FreshnessManifest {
  kind: string;
  createdAt: string;
  production?: { clonedAt: string };
}

export type Freshness = { ok: true; note: string } | { ok: false; message: string; details: string[] };

const DAY_MS = 86_400_000;
/** Clocks of the machine that cloned and the CI runner may differ a little; more than this is a problem. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

const days = (ms: number, round: (x: number) => number): string => {
  const d = round((ms / DAY_MS) * 10) / 10;
  return `${d} day${d === 1 ? '' : 's'}`;
};

export const snapshotFreshness = (manifest: FreshnessManifest, maxAgeDays: number, now: Date, snapshotDir: string): Freshness => {
  if (manifest.kind === 'fixture') return { ok: true, note: 'bundled fixture: exempt from the freshness check' };
  const field = manifest.production?.clonedAt !== undefined ? 'production.clonedAt' : 'createdAt';
  const stamp = manifest.production?.clonedAt ?? manifest.createdAt;
  const at = Date.parse(stamp);
  const refresh = `refresh it: npm run clone -- --out ${snapshotDir}, then commit the snapshot`;
  const setting = `gate.maxSnapshotAgeDays in ${SETTINGS_FILE}`;
  if (Number.isNaN(at)) {
    return {
      ok: false,
      message: `snapshot ${snapshotDir}: manifest.json ${field} ${JSON.stringify(stamp)} is not a date, so its age is unknown`,
      details: ['expected an ISO 8601 date-time such as 2025-01-31T09:00:00Z', refresh],
    };
  }
  const age = now.getTime() - at;
  if (age < -FUTURE_TOLERANCE_MS) {
    return {
      ok: false,
      message: `snapshot ${snapshotDir} was cloned ${days(-age, Math.ceil)} in the future (manifest.json ${field} ${stamp}, now ${now.toISOString()})`,
      details: ["either this machine's clock or the manifest is wrong; check the clock", refresh],
    };
  }
  if (age > maxAgeDays * DAY_MS) {
    return {
      ok: false,
      message: `snapshot ${snapshotDir} is ${days(age, Math.ceil)} old (cloned ${stamp}); the limit is ${maxAgeDays} day${maxAgeDays === 1 ? '' : 's'}, set by ${setting}`,
      details: [refresh, `or, if an older snapshot is good enough for this change, raise ${setting}`],
    };
  }
  return {
    ok: true,
    note: `clone from ${stamp}: ${days(Math.max(0, age), Math.floor)} old, within the limit of ${maxAgeDays} day${maxAgeDays === 1 ? '' : 's'} (${setting})`,
  };
};
