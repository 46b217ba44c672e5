/**
 * The one place that turns errors into messages and exit codes (0 success, 1 a check found a problem,
 * 2 bad input or environment; an internal error says it is a bug), strict flag parsing with the
 * command's usage line, and the flags every command shares. Every command's main runs through runCommand.
 */
export { parseIsoTime } from './flags.ts';
export { consoleIo, parseFlags, PREFIX, reportError, runCommand, type CommandIo } from './run.ts';
