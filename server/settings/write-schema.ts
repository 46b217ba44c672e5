/**
 * Writes `understudy.config.schema.json` at the project root: the JSON Schema of the settings file,
 * generated from the TypeBox schema, so editors validate `understudy.config.json`. Run directly
 * (`tsx server/settings/write-schema.ts`) after changing server/settings/schema.ts; a unit test
 * fails while the committed file is out of date.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toStandaloneJsonSchema } from '../model/index.ts';
import { SETTINGS_FILE, SETTINGS_SCHEMA_FILE, SettingsFile } from './schema.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The schema file's text, exactly as committed. */
export const settingsSchemaText = (): string =>
  `${JSON.stringify(toStandaloneJsonSchema(SettingsFile, `Understudy project settings (${SETTINGS_FILE})`), null, 2)}\n`;

export const writeSettingsSchema = async (root: string = ROOT): Promise<string> => {
  const path = join(root, SETTINGS_SCHEMA_FILE);
  await writeFile(path, settingsSchemaText());
  return path;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`understudy: wrote ${await writeSettingsSchema()}\n`);
}
