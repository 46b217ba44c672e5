/**
 * Free text → text of the same shape: every word becomes a word of the same length and case
 * pattern, numbers of three or more digits become other digits, punctuation, whitespace and line
 * structure stay. Kept as they are: issue keys, wiki macros (`{code}`), account-id mentions, short
 * numbers, stop words and words saved filters search for. People named in the text (display name,
 * e-mail, username) become their persona. Deterministic: the same word maps to the same word.
 */
import type { Keyed } from './keyed.ts';
import type { PersonaMap } from './personas.ts';
import type { SearchGuard } from './search-guard.ts';
import { FILLER_WORDS, STOP_WORDS } from './word-lists.ts';

export interface TextCounts {
  words: number;
  numbers: number;
  keptForSearch: number;
  people: number;
  urls: number;
  emails: number;
}

export interface TextAnonymizer {
  /** `keep`: lower-case words to leave as they are in this call (e.g. the literals of a format pattern). */
  text(s: string, keep?: ReadonlySet<string>): string;
  readonly counts: TextCounts;
}

const TOKEN = new RegExp(
  [
    String.raw`(?<url>https?:\/\/[^\s<>"'\x60\[\]{}|]+)`,
    // Bounded like RFC 5321's limits, so a long run of letters without '@' is not rescanned at every position.
    String.raw`(?<email>[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8})`,
    String.raw`(?<mention>\[~accountid:[^\]\s]+\])`,
    String.raw`(?<macro>\{(?:code|noformat|quote|panel|color|anchor|status|toc|expand)(?::[^}\n]*)?\})`,
    String.raw`(?<key>(?<![\p{L}\p{N}_])[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]*(?![\p{L}\p{N}]))`,
    String.raw`(?<word>\p{L}+)`,
    '(?<num>[0-9]+)',
  ].join('|'),
  'gu',
);

const BY_LENGTH = new Map<number, string[]>();
for (const w of FILLER_WORDS) BY_LENGTH.set(w.length, [...(BY_LENGTH.get(w.length) ?? []), w]);
const CONSONANTS = 'bcdfghklmnprstvwz';
const VOWELS = 'aeiou';

const isUpper = (c: string) => c !== c.toLowerCase();
const withCaseOf = (original: string[], replacement: string[]) =>
  replacement.map((c, i) => (isUpper(original[i] ?? '') ? c.toUpperCase() : c)).join('');

export const textAnonymizer = (k: Keyed, personas: PersonaMap, guard: SearchGuard): TextAnonymizer => {
  const counts: TextCounts = { words: 0, numbers: 0, keptForSearch: 0, people: 0, urls: 0, emails: 0 };
  // People named in text: candidates by the lower-cased letters their name starts with.
  const byStart = new Map<string, string[]>();
  for (const id of personas.byIdentity.keys()) {
    if (personas.kindOf(id) === 'email') continue;
    const start = /^\p{L}+/u.exec(id)?.[0];
    if (start)
      byStart.set(
        start,
        [...(byStart.get(start) ?? []), id].sort((a, b) => b.length - a.length),
      );
  }
  const words = new Map<string, string>();
  let keepNow: ReadonlySet<string> | undefined;

  const replacementWord = (lower: string): string => {
    let out = words.get(lower);
    if (out !== undefined) return out;
    const n = [...lower].length;
    const list = BY_LENGTH.get(n) ?? [];
    for (let attempt = 0; attempt < 16 && list.length && out === undefined; attempt++) {
      const w = list[k.index('word', lower, list.length, attempt)]!;
      if (w !== lower && !guard.matchesAt(w, 0)) out = w;
    }
    for (let attempt = 0; out === undefined; attempt++) {
      const b = k.bytes('letters', `${lower}\u0000${attempt}`);
      const w = Array.from({ length: n }, (_, i) => (i % 2 ? VOWELS[b[i % 32]! % 5] : CONSONANTS[b[i % 32]! % CONSONANTS.length])).join('');
      if (w !== lower && !guard.matchesAt(w, 0)) out = w;
    }
    words.set(lower, out);
    return out;
  };

  const digits = (s: string): string => {
    for (let attempt = 0; ; attempt++) {
      const b = k.bytes('digits', `${s}\u0000${attempt}`);
      // A leading zero stays a zero and a leading non-zero stays non-zero: padded ids keep their look.
      const out = [...s].map((c, i) => (i > 0 ? String(b[i % 32]! % 10) : c === '0' ? '0' : String(1 + (b[0]! % 9)))).join('');
      if (!guard.matchesAt(out, 0) || attempt > 8) return out;
    }
  };

  const host = (h: string): string => {
    const labels = h.split('.');
    return labels.map((l, i) => (i === labels.length - 1 && labels.length > 1 ? l : text(l))).join('.');
  };

  const url = (u: string): string => {
    counts.urls++;
    const m = /^(https?:\/\/)([^/?#:]*)(.*)$/su.exec(u)!;
    return `${m[1]}${host(m[2]!)}${text(m[3]!)}`;
  };

  const email = (e: string): string => {
    const known = personas.kindOf(e) === 'email' ? personas.replace(e) : undefined;
    if (known) {
      counts.people++;
      return known;
    }
    counts.emails++;
    const at = e.lastIndexOf('@');
    return `${text(e.slice(0, at))}@${host(e.slice(at + 1))}`;
  };

  function text(s: string): string {
    const lower = s.toLowerCase();
    let out = '';
    let last = 0;
    const re = new RegExp(TOKEN.source, 'gu');
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const g = m.groups!;
      const at = m.index;
      let piece = m[0];
      let replaced: string;
      if (g.url) {
        piece = piece.replace(/[.,;:!?)]+$/u, '');
        replaced = url(piece);
      } else if (g.email) replaced = email(piece);
      else if (g.mention) replaced = `[~accountid:${personas.idOf(piece.slice(12, -1))}]`;
      else if (g.macro || g.key) replaced = piece;
      else if (g.word) {
        const person = (byStart.get(piece.toLowerCase()) ?? []).find(
          (id) => lower.startsWith(id, at) && !/[\p{L}\p{N}]/u.test(s[at + id.length] ?? ''),
        );
        if (person) {
          piece = s.slice(at, at + person.length);
          replaced = personas.replace(person)!;
          counts.people++;
        } else if (STOP_WORDS.has(piece.toLowerCase()) || keepNow?.has(piece.toLowerCase())) replaced = piece;
        else if (guard.matchesAt(lower, at)) {
          replaced = piece;
          counts.keptForSearch++;
        } else {
          replaced = withCaseOf([...piece], [...replacementWord(piece.toLowerCase())]);
          counts.words++;
        }
      } else if (piece.length <= 2 || guard.matchesAt(lower, at)) replaced = piece;
      else {
        replaced = digits(piece);
        counts.numbers++;
      }
      out += s.slice(last, at) + replaced;
      last = at + piece.length;
      re.lastIndex = last;
    }
    return out + s.slice(last);
  }

  const withKeep = (s: string, keep?: ReadonlySet<string>): string => {
    keepNow = keep;
    try {
      return text(s);
    } finally {
      keepNow = undefined;
    }
  };
  return { text: withKeep, counts };
};

const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;

/**
 * Replaces only the people named in a string (display names, e-mails, usernames of known users)
 * with their personas and leaves every other character: for configuration text (descriptions,
 * filter names, JQL text searches), which is not free text but may name somebody.
 */
export const peopleReplacer = (personas: PersonaMap): ((s: string) => string) => {
  // A username that is a short or common word ('qa', 'the') would rewrite ordinary configuration text.
  const names = [...personas.byIdentity.keys()]
    .filter((id) => personas.kindOf(id) === 'displayName' || (personas.kindOf(id) !== 'email' && id.length >= 4 && !STOP_WORDS.has(id)))
    .sort((a, b) => b.length - a.length);
  return (s) => {
    let out = s.replace(EMAIL, (e) => (personas.kindOf(e) === 'email' ? personas.replace(e)! : e));
    if (!names.length) return out;
    const lower = out.toLowerCase();
    let result = '';
    let last = 0;
    for (const m of lower.matchAll(/\p{L}+/gu)) {
      const at = m.index;
      if (at < last || /[\p{L}\p{N}]/u.test(lower[at - 1] ?? '')) continue;
      const id = names.find((n) => lower.startsWith(n, at) && !/[\p{L}\p{N}]/u.test(lower[at + n.length] ?? ''));
      if (!id) continue;
      result += out.slice(last, at) + personas.replace(id)!;
      last = at + id.length;
    }
    out = result + out.slice(last);
    return out;
  };
};
