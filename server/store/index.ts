/**
 * Instance directories and snapshots on disk. An instance is a snapshot's working copy: generations
 * of NDJSON shards made current by one atomic pointer rename (so it survives kill -9), read and
 * written through lowdb behind the Instance interface, with the canonical hash each generation
 * records, forks, exports and the lock that lets one process own an instance at a time. Snapshots are
 * read with every problem reported (never thrown), judged once per content (a cache of valid verdicts
 * keyed by the content hash), and written with their manifest and content hashes.
 */
export { exportInstance } from './export.ts';
export { forkInstance } from './fork.ts';
export {
  createInstance,
  instanceExists,
  openInstance,
  type CreateOptions,
  type Instance,
  type InstanceRecords,
  type InstanceState,
} from './instance.ts';
export { createMemoryInstance } from './memory-instance.ts';
export { DEFAULT_SHARD_SIZE } from './instance-state.ts';
export { eachLine, parseNdjson, readJsonFile, sha256, toNdjson, writeJson, type ParseResult } from './json-files.ts';
export { acquireLock, clearStaleLock, describeLock, lockState, readLock, staleLockAdvice, unlockCommand, type LockInfo } from './lock.ts';
export { readMarker } from './instance-layout.ts';
export { readSnapshot, type IssueShard, type RawSnapshot } from './snapshot-read.ts';
export { readValidatedSnapshot, type ValidatedSnapshot, type ValidateOptions } from './validated-snapshot.ts';
export { defaultCacheDir } from './validation-cache.ts';
export { JSON_SCHEMA_DIR, schemaRef, writeSnapshot, type ManifestInput, type SnapshotContent, type WriteSnapshotOptions } from './snapshot-write.ts';
export { ATTACHMENTS_DIR, directoryAttachmentContent, memoryAttachmentContent, sha256Of, type AttachmentContent } from './attachment-content.ts';
export { HOST, pidAlive } from './durable-fs.ts';
