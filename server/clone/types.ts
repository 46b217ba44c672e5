/**
 * The seam between `clone` and a tracker: a source reads the tracker's configuration and issues
 * and hands back Understudy's model. Jira is the first; other trackers implement the same interface.
 */
import type { Config, Issue } from '../model/index.ts';

export interface SourceInfo {
  /** e.g. `jira` */
  type: string;
  url: string;
  deploymentType: string;
  version?: string;
  title?: string;
}

/** The configuration, and what the model cannot hold and was left out (said in the manifest). */
export interface ReadConfigResult {
  config: Config;
  omissions: string[];
}

/** Stratified sampling works on these buckets: a project × issue type × status that has issues. */
export interface Bucket {
  project: string;
  issueType: string;
  status: string;
  jql: string;
}

export interface TrackerSource {
  info(): Promise<SourceInfo>;
  readConfig(options: { projects?: string[] }): Promise<ReadConfigResult>;
  /** Approximate number of issues matching a query (what production totals are made of). */
  countIssues(jql: string): Promise<number>;
  /** Issues matching a query, newest update first, up to `limit`, with comments, changelog, links and watchers. */
  searchIssues(jql: string, limit: number, config: Config): Promise<Issue[]>;
  /** Adds the users the sampled issues name that the configuration does not already hold. */
  completeUsers(config: Config, issues: readonly Issue[]): Promise<Config>;
  /** The query of a bucket and of "everything in these projects" in the tracker's language. */
  bucketQuery(b: Omit<Bucket, 'jql'>): string;
  projectsQuery(projectKeys: string[]): string;
  keysQuery(keys: string[]): string;
}
