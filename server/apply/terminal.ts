/**
 * The person at the terminal: the plan's confirmation ("yes" to go ahead) and the manual steps
 * ("done" once made, "abort" to stop and back out). Without a terminal there is nobody to ask:
 * apply refuses before any write (a plan with manual steps, or no --yes), so these are never
 * reached from CI.
 */
import { createInterface } from 'node:readline/promises';
import type { Step } from './plan/types.ts';
import type { Operator } from './run/executor.ts';

export interface Terminal {
  /** Whether a person can answer (stdin and stdout are a TTY). */
  interactive: boolean;
  ask(question: string): Promise<string>;
}

export const processTerminal = (): Terminal => ({
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  ask: async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return (await rl.question(question)).trim();
    } finally {
      rl.close();
    }
  },
});

export const terminalOperator = (t: Terminal, out: (line: string) => void): Operator => ({
  confirm: async (_step: Step, shown: readonly string[]) => {
    out('');
    out('MANUAL STEP — Jira has no REST write for this; make the change yourself, then confirm:');
    for (const l of shown) out(`  ${l}`);
    for (;;) {
      const a = (await t.ask("type 'done' once it is made (apply then reads it back), or 'abort' to stop and back out: ")).toLowerCase();
      if (a === 'done' || a === 'abort') return a;
    }
  },
});
