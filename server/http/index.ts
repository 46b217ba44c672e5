/**
 * The sandbox tracker's HTTP side: an express app factory that never listens (the control API under
 * /_understudy/, the Jira-compatible REST API in jira/, the web UI in ui/), who is calling (auth.ts),
 * the context every route works with (the Tracker, personas, serialised and persisted writes), the
 * fork hub that gives every regression test its own copy of a phase, and `npm run sandbox`. It only
 * routes: the semantics are the tracker's, the wire vocabulary is jira-wire's. A 500 is kept with its
 * request and stack (internal-errors.ts), never sent.
 */
export { buildSandboxApp, createApp, createSandboxApp, loadUiRouter, type AppSource, type SandboxAppOptions } from './app.ts';
export { actorOf, PERSONA_COOKIE, type Persona, type SandboxContext } from './context.ts';
export { FORK_COOKIE, FORK_HEADER, ForkHub, forkState, type ForkHubOptions } from './forks.ts';
export { formatInternalError, internalErrorEntry, logToStderr, type InternalErrorEntry } from './internal-errors.ts';
export { listen, type Listening } from './listen.ts';
export { createSandboxContext, type Checkpoint, type FullSandboxContext, type SandboxContextOptions } from './sandbox-context.ts';
export { describeSandbox, parseServeFlags } from './serve-cli.ts';
export { DEFAULT_SNAPSHOT, startSandboxServer, type RunningSandbox, type ServeOptions } from './serve.ts';
export { workflowSvg } from './ui/admin/workflow-svg.ts';
export { toForm, type FormValue } from './ui/form-values.ts';
