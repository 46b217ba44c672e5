import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CheckFailed, UserError } from '../common/errors.ts';
import { fsUserError, isFsError } from '../common/fs-errors.ts';

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
  // A file-system error no command worded (a disk full, a path that is not a folder) is still the user's to fix.
  if (isFsError(e)) return reportError(fsUserError(e), io, debug);
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
  let settled = false;
  // An error thrown by a timer or a promise nobody waited for (a migration's code in the rehearsal, or a
  // bug): one message and exit 2, not Node's raw stack; the way out still releases locks and temporary folders.
  const outside = (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    consoleIo.err(`${PREFIX} an error was thrown outside the command's own course, by a timer or a promise nobody waited for: ${message}`);
    consoleIo.err("  if a migration's code started it: migration functions must be synchronous (no timers, promises or callbacks)");
    if (debug && e instanceof Error && e.stack) consoleIo.err(e.stack);
    else consoleIo.err('  run the command again with --debug for its stack trace');
    settled = true;
    process.exit(2);
  };
  process.on('uncaughtException', outside);
  process.on('unhandledRejection', outside);
  // Ending before main settles is never a success: something called process.exit (a migration's
  // code in the rehearsal), or nothing was left to wait for while main still waited.
  process.once('exit', () => {
    if (settled) return;
    consoleIo.err(
      `${PREFIX} the command stopped before it finished (exit code ${process.exitCode ?? 0}): something called process.exit, or it waited on nothing`,
    );
    consoleIo.err('  what it was doing is unfinished: check it (npm run migrate:status for an instance) and run the command again');
    process.exitCode = 2;
  });
  main(
    argv.filter((a) => a !== '--debug'),
    consoleIo,
  )
    .then((code) => {
      settled = true;
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      settled = true;
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
