/**
 * What the report writers need beside `result.json`: the configurations before and after each
 * migration (for workflow diagrams and the runbook's backout), kept in memory and never written.
 */
import type { Config } from '../../model/index.ts';

export interface ReportContext {
  /** The snapshot's configuration, before any migration. */
  baselineConfig: Config;
  /** Per migration id: the configuration just before it was applied, and just after. */
  configs: Map<string, { before: Config; after: Config }>;
  /** Where the report is written; trace and screenshot paths are relative to it. */
  reportDir: string;
}
