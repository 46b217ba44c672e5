import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CheckFailed, UserError } from '../common/errors.ts';

/** The one place that turns errors into messages and exit codes. Scripts call it and nothing else. */
export const PREFIX = 'understudy:';

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const consoleIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Reports an error the way every command does: one `understudy:` line, details below it. Returns the exit code. */
export const reportError = (e: unknown, io: CommandIo, debug: boolean): number => {
  if (e instanceof UserError || e instanceof CheckFailed) {
    io.err(`${PREFIX} ${e.message}`);
    for (const d of e.details) io.err(`  ${d}`);
    if (debug && e.stack) io.err(e.stack);
    return e.exitCode;
  }
  // Anything else is a bug: the words say so, so that nobody fixes their input for it.
  const message = e instanceof Error ? e.message : String(e);
  io.err(`${PREFIX} internal error: ${message}`);
  io.err('  this is a bug in Understudy, not a problem with your input or environment');
  if (debug && e instanceof Error && e.stack) io.err(e.stack);
  io.err(
    `  please report it to Understudy's maintainers with the command you ran and ${debug ? 'the stack trace above' : 'what it prints when run again with --debug (the stack trace)'}`,
  );
  return 2;
};

/**
 * Runs a command's main function and exits with its code. `main` returns 0 (success) or 1 (a check
 * found a problem) and throws UserError for bad input (exit 2).
 */
export const runCommand = (main: (argv: string[], io: CommandIo) => Promise<number>, argv = process.argv.slice(2)): void => {
  const debug = argv.includes('--debug');
  // A closed pipe (`npm run migrate:plan | head`) must not crash a command half way, holding a lock.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  main(
    argv.filter((a) => a !== '--debug'),
    consoleIo,
  )
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.exitCode = reportError(e, consoleIo, debug);
    });
};

/**
 * `util.parseArgs` with Understudy's error messages: an unknown flag or a missing value is a
 * UserError naming the flag and the command's usage line.
 */
export const parseFlags = <T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
  allowPositionals = false,
) => {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UserError(msg, { details: [`usage: ${usage}`] });
  }
};
