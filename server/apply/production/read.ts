/**
 * Reading a configuration the one way apply compares them: through the clone's Jira adapter. For
 * production, a live read; for a configuration in memory (the snapshot, the rehearsed state after
 * each migration), an in-process sandbox serves it on loopback and the same adapter reads it, so
 * both sides of every comparison went through the same conversion — what the adapter cannot see
 * (descriptions Jira does not return, `refs`, `ext`) drops out of both alike.
 */
import { UserError } from '../../common/errors.ts';
import type { Config } from '../../model/index.ts';
import { createSandboxApp, createSandboxContext } from '../../http/index.ts';
import { listen } from '../../http/index.ts';
import { normalise, type IdKeys, type NormalConfig } from '../normalise/index.ts';
import { HttpTransport, JiraSource, type Reader } from '../outside.ts';

/** Production (or a stand-in) at one moment: the model as the adapter read it, and normalised. */
export interface View {
  config: Config;
  normal: NormalConfig;
  keys: IdKeys;
}

export const viewOf = (config: Config): View => {
  const { normal, keys } = normalise(config);
  return { config, normal, keys };
};

export const readConfigWith = async (reader: Reader, url: string): Promise<Config> => {
  const source = new JiraSource({ reader, url });
  return (await source.readConfig({})).config;
};

export const readView = async (reader: Reader, url: string): Promise<View> => viewOf(await readConfigWith(reader, url));

/**
 * The configuration as the adapter reads it back from a Jira of this deployment type that holds
 * it. The sandbox needs an administrator among the configuration's users to read as.
 */
export const asRead = async (config: Config, deploymentType: 'Cloud' | 'DataCenter'): Promise<Config> => {
  const ctx = createSandboxContext({ state: { config: structuredClone(config), issues: [] }, outbox: [], deploymentType });
  const admin = ctx.personas().find((p) => p.admin);
  if (!admin)
    throw new UserError('the configuration has no active administrator to read it as', {
      details: ['a Jira site always has one: the snapshot or production read is incomplete'],
    });
  const server = await listen(await createSandboxApp({ ctx, ui: null }));
  try {
    const credentials =
      deploymentType === 'Cloud'
        ? { kind: 'basic' as const, email: admin.email, token: admin.token }
        : { kind: 'bearer' as const, token: admin.token };
    return await readConfigWith(new HttpTransport({ baseUrl: server.url, credentials, concurrency: 8 }), server.url);
  } finally {
    await server.close();
  }
};
