/** The store's public API. */
export { createInstance, openInstance, instanceExists, type Instance, type InstanceState, type CreateOptions } from './instance.ts';
export { forkInstance } from './fork.ts';
export { exportInstance } from './export.ts';
export { acquireLock, clearStaleLock, readLock, type LockInfo } from './lock.ts';
export { readSnapshot, type RawSnapshot } from './snapshot-read.ts';
export { writeSnapshot } from './snapshot-write.ts';
export { DEFAULT_SHARD_SIZE } from './instance-state.ts';
export { ATTACHMENTS_DIR, directoryAttachmentContent, memoryAttachmentContent, sha256Of, type AttachmentContent } from './attachment-content.ts';
