/** `npm run sandbox -- [--snapshot DIR | --instance DIR] [--port N] [--host H] [--expose-control] [--allow-host NAME] [--now ISO] [--mimic cloud|cloud-strict|datacenter] [--legacy-search-gone] [--banner FILE] [--attachment-max-bytes N] [--config FILE]` */
import { PREFIX, parseFlags, runCommand, type CommandIo } from '../server/cli/run.ts';
import { UserError } from '../server/common/errors.ts';
import { bindWarnings } from '../server/http/network-policy.ts';
import { describeSandbox, parseServeFlags } from '../server/http/serve-cli.ts';
import { startSandboxServer } from '../server/http/serve.ts';
import { loadSettings } from '../server/settings/index.ts';

const USAGE =
  'npm run sandbox -- [--snapshot DIR | --instance DIR] [--port N] [--host H] [--expose-control] [--allow-host NAME] [--now ISO] [--mimic cloud|cloud-strict|datacenter] [--legacy-search-gone] [--banner FILE] [--attachment-max-bytes N] [--config FILE]';

runCommand(async (argv: string[], io: CommandIo) => {
  const { values } = parseFlags(
    argv,
    {
      snapshot: { type: 'string' },
      instance: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'expose-control': { type: 'boolean' },
      'allow-host': { type: 'string', multiple: true },
      now: { type: 'string' },
      mimic: { type: 'string' },
      'legacy-search-gone': { type: 'boolean' },
      banner: { type: 'string' },
      'attachment-max-bytes': { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.out(`usage: ${USAGE}`);
    return 0;
  }
  // As every command: a malformed understudy.config.json stops it; its defaults.snapshot is the throwaway sandbox's.
  const { config, ...flags } = values;
  const settings = await loadSettings(config !== undefined ? { file: config } : {});
  const options = parseServeFlags(flags.instance === undefined ? { snapshot: settings.defaults.snapshot, ...flags } : flags, USAGE);
  // Before listening, so that the warning is seen even when the address cannot be bound.
  for (const w of bindWarnings(options)) {
    io.err(`${PREFIX} ${w.message}`);
    for (const d of w.details) io.err(`  ${d}`);
  }
  const sandbox = await startSandboxServer(options).catch((e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
      throw new UserError(`cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 0}: ${code}`, {
        details: ['choose another --port (or leave it out for a free one)'],
      });
    throw e;
  });
  for (const line of describeSandbox(sandbox)) io.out(line);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      io.out(`understudy: ${signal}: stopping the sandbox${sandbox.throwaway ? ' and removing its throwaway instance' : ''}`);
      sandbox.close().then(resolve, (e: unknown) => {
        io.err(`understudy: could not stop cleanly: ${(e as Error).message}`);
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    // A closed terminal stops it as Ctrl-C does: the throwaway instance removed, an instance's lock released.
    process.once('SIGHUP', () => stop('SIGHUP'));
  });
  return 0;
});
