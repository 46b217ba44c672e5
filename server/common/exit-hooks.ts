/**
 * Cleanups that must run however the process ends short of `kill -9`: on exit (a return, an
 * uncaught error, a `process.exit` anywhere), and on SIGINT, SIGTERM or SIGHUP when nobody else
 * handles the signal (then the signal is raised again, so the process ends as it would have). They
 * run synchronously (nothing asynchronous runs during exit) and at most once each.
 */
const hooks = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

const runAll = (): void => {
  for (const h of [...hooks]) {
    hooks.delete(h);
    try {
      h();
    } catch {
      // A cleanup that fails must not stop the others (the process is ending anyway).
    }
  }
};

const install = (): void => {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const signal of SIGNALS) {
    const onSignal = (): void => {
      // Another handler (the sandbox's graceful stop, the rehearsal's clean-up) takes care of it.
      if (process.listenerCount(signal) > 1) return;
      runAll();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
};

/** Registers `fn` to run when the process ends; the returned function unregisters it (call it once the work is cleaned up normally). */
export const onProcessEnd = (fn: () => void): (() => void) => {
  install();
  hooks.add(fn);
  return () => void hooks.delete(fn);
};
