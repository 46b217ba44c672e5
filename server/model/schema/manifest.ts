import { Type, type Static } from '../typebox.ts';
import { Closed, OneOf, SchemaRef, Timestamp } from './common.ts';
import { SNAPSHOT_KINDS } from './vocab.ts';

const Sha256 = Type.String({ pattern: '^sha256:[0-9a-f]{64}$' });
const Counts = Type.Record(Type.String(), Type.Integer({ minimum: 0 }));

export const Manifest = Closed({
  $schema: SchemaRef,
  formatVersion: Type.Literal(1),
  kind: OneOf(SNAPSHOT_KINDS),
  name: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
  createdAt: Timestamp,
  source: Closed({
    type: Type.String({ minLength: 1, description: 'generator, jira, file, export…' }),
    url: Type.Optional(Type.String()),
    deploymentType: Type.Optional(Type.String()),
    tool: Type.Optional(Type.String()),
    seed: Type.Optional(Type.Integer()),
  }),
  /** Entities in this snapshot, by kind (projects, fields, issues, …). */
  counts: Counts,
  /** What the sample was drawn from: production's totals (equal to `counts` for a fixture). */
  productionTotals: Counts,
  /** What the snapshot does not contain, so a green rehearsal is not over-read. */
  notContained: Type.Array(Type.String()),
  /** Where the issues are: one `issues.json`, or NDJSON shards listed in order. */
  issues: Type.Union([
    Closed({ layout: Type.Literal('single'), file: Type.String() }),
    Closed({ layout: Type.Literal('sharded'), files: Type.Array(Type.String(), { minItems: 1 }) }),
  ]),
  /** sha256 of each file's bytes, by path inside the snapshot. */
  contentHashes: Type.Record(Type.String(), Sha256),
  /** Canonical hash of config + issues (see server/model/hash). */
  canonicalHash: Type.Optional(Sha256),
  /** For clones: production's configuration hash when cloned, for the drift check. */
  production: Type.Optional(Closed({ configHash: Sha256, clonedAt: Timestamp })),
});
export type Manifest = Static<typeof Manifest>;
