/**
 * The project's settings, `understudy.config.json`: the TypeBox schema (and the JSON Schema written
 * from it for editors), the loader whose messages name the file, the setting's path and the fix, the
 * defaults every setting has, and the gate's freshness rule for cloned snapshots.
 */
export { snapshotFreshness, type Freshness, type FreshnessManifest } from './freshness.ts';
export { loadSettings, parseSettings, type LoadSettingsOptions } from './load.ts';
export { DEFAULT_SETTINGS, SETTINGS_FILE, SETTINGS_SCHEMA_FILE, type Channel, type ChannelKind, type Settings } from './schema.ts';
