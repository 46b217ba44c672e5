export * from './ast.ts';
export * from './errors.ts';
export * from './limits.ts';
export { parseJql } from './parser.ts';
export { tokenize, type Token } from './lexer.ts';
export { quoteJql } from './quote.ts';
export { escapeRegExp, searchTerms, termMatcher, wordAt, wordsOf } from './text-search.ts';
