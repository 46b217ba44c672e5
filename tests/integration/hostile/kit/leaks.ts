/**
 * What must never reach a caller: a stack trace, a path into this machine or this checkout, an
 * "internal error" that blames nobody. Used on HTTP answers (body and headers) and on a command's
 * stdout and stderr.
 */
import { homedir, tmpdir } from 'node:os';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../../..');

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Every pattern is linear in the text (bounded repetitions only): answers can be megabytes long.
const LEAKS: readonly { what: string; re: RegExp }[] = [
  { what: 'a stack frame', re: /(?:^|\n)[ \t]{0,40}at (?:async )?[^\n()]{0,300}\((?:file:|node:|\/|[A-Za-z]:\\)[^\n()]{0,300}:\d+:\d+\)/ },
  { what: 'a stack frame', re: /(?:^|\n)[ \t]{0,40}at (?:async )?(?:file:|node:|\/)[^\s()]{0,300}:\d+:\d+/ },
  { what: 'a source location', re: /\.(?:ts|js|mjs|cjs|tsx):\d+\b/ },
  { what: 'a node_modules path', re: /node_modules[/\\]/ },
  { what: "node's internals", re: /\bnode:internal\b/ },
  { what: 'the checkout path', re: new RegExp(literal(REPO)) },
  { what: 'a home directory', re: new RegExp(`${literal(homedir())}(?:/|$)`) },
  { what: "Express's default error page", re: /<pre>[ \t\n]{0,20}(?:TypeError|RangeError|SyntaxError|Error|URIError)[:\s]/ },
  { what: 'an unnamed internal error', re: /\binternal error: / },
];

/**
 * The leaks in a text; `allow` holds text the caller itself sent (an echoed path is not a leak),
 * and the temporary directory is allowed when the case laid its own files there.
 */
export const leaksIn = (text: string, allow: readonly string[] = []): string[] => {
  let t = text;
  for (const a of allow) if (a.length >= 4) t = t.split(a).join('«sent»');
  const found: string[] = [];
  for (const l of LEAKS) {
    const m = l.re.exec(t);
    if (m)
      found.push(
        `${l.what}: ${JSON.stringify(
          t
            .slice(Math.max(0, m.index - 60), m.index + m[0].length + 20)
            .trim()
            .slice(0, 200),
        )}`,
      );
  }
  return [...new Set(found)];
};

/** The machine's temporary directory (a message naming a file the user gave there is fine). */
export const TMP = tmpdir();
