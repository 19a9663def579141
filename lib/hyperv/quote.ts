/**
 * The single quoting function of the Hyper-V emitter. Every declared value that reaches a script
 * goes through here (or is rejected by the schema); nothing else builds PowerShell string literals.
 *
 * PowerShell treats five characters as single quotes: U+0027 ' U+2018 ‘ U+2019 ’ U+201A ‚ U+201B ‛.
 * Inside a single-quoted (verbatim) string there is no expansion at all ($, `, ", newlines are
 * literal); the only way out is one of those five characters, and a doubled one is a literal quote.
 */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** Quotes `value` as a PowerShell verbatim string literal: `'…'` with every single-quote character doubled. */
export function psQuote(value: string): string {
  if (typeof value !== 'string') throw new TypeError('psQuote: value must be a string');
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}
