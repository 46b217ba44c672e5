/**
 * The channels a `--send` delivers to, resolved before anything is sent: an unknown `--channel` or
 * a webhook whose environment variable is unset stops the command (exit 2) with nothing sent.
 */
import { UserError } from '../../common/errors.ts';
import { closest } from '../../model/index.ts';
import type { Channel } from '../../settings/index.ts';
import { urlProblem } from './webhook.ts';

export type ResolvedChannel =
  | Extract<Channel, { kind: 'file' }>
  | Extract<Channel, { kind: 'email' }>
  | (Extract<Channel, { kind: 'webhook' }> & { secretUrl: string; envName: string });

export const resolveChannels = (channels: readonly Channel[], only: string | undefined, env: NodeJS.ProcessEnv): ResolvedChannel[] => {
  if (!channels.length) {
    throw new UserError('--send: no channel is configured', {
      details: [
        'add channels under "announce.channels" in understudy.config.json (kinds: file, email, webhook), or leave out --send to only write the notices to the report folder',
      ],
    });
  }
  const picked = only === undefined ? channels : channels.filter((c) => c.name === only);
  if (!picked.length) {
    const near = closest(
      only!,
      channels.map((c) => c.name),
    );
    throw new UserError(`--channel '${only}': no channel of that name in understudy.config.json`, {
      details: [`the channels are: ${channels.map((c) => c.name).join(', ')}${near.length ? `; did you mean '${near[0]}'?` : ''}`],
    });
  }
  return picked.map((c): ResolvedChannel => {
    if (c.kind !== 'webhook') return c;
    const envName = c.url.slice('env:'.length);
    const secretUrl = env[envName];
    if (!secretUrl) {
      throw new UserError(`channel '${c.name}': the environment variable ${envName} is not set`, {
        details: [
          `set ${envName} to the webhook's URL (e.g. a CI secret) before --send, or leave the channel out with --channel NAME; nothing was sent`,
        ],
      });
    }
    const problem = urlProblem(secretUrl);
    if (problem)
      throw new UserError(`channel '${c.name}': the URL in the environment variable ${envName} ${problem}`, {
        details: [`set ${envName} to the webhook's full URL; nothing was sent`],
      });
    return { ...c, secretUrl, envName };
  });
};
