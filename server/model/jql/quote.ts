/** A JQL string literal the lexer reads back as `value`: in double quotes (or the quote given), backslashes and that quote escaped. */
export const quoteJql = (value: string, quote: '"' | "'" = '"'): string =>
  `${quote}${value.replace(/\\/g, '\\\\').replace(quote === '"' ? /"/g : /'/g, `\\${quote}`)}${quote}`;
