/**
 * Small Markdown helpers. Every declared text reaches Markdown through {@link md}, which neutralizes
 * link, image, autolink and HTML syntax; table cells and inline text are built on it.
 */

const ZWSP = '\u200b';
const ESCAPED: Record<string, string> = {
  '\\': '\\\\',
  '[': '\\[',
  ']': '\\]',
  '`': '\\`',
  '|': '\\|',
  '<': '&lt;',
  '>': '&gt;',
};

/** Anything md() changes: a line break, an escaped character, `://`, or `www` followed by a dot. */
const NEEDS_MD = /[\r\n\\[\]`|<>]|:\/\/|www\./i;

/**
 * The one function through which declared text reaches Markdown (review documents, ledgers, the
 * diff, the Hyper-V README): one line; `[` `]` escaped (no link, image or reference definition),
 * `<` `>` as entities (no HTML, no `<https://…>` autolink), a zero-width space after `://` and
 * `www` (no bare-URL autolink on GitHub), backslashes, backticks and pipes escaped. The text reads
 * the same when rendered.
 */
export function md(value: unknown): string {
  const s = String(value ?? '');
  // Most cells hold none of the characters below: they are returned as they are (issue 14: the review
  // documents call md() for every cell, and four replacements per plain cell were a tenth of a synth).
  if (!NEEDS_MD.test(s)) return s;
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\[\]`|<>]/g, (c) => ESCAPED[c]!)
    .replace(/:\/\//g, `:/${ZWSP}/`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

/**
 * A source URL of the platform data (never declared text) as a live autolink; anything that is not a
 * plain https URL goes through {@link md}.
 */
export function sourceLink(url: string): string {
  return /^https:\/\/[A-Za-z0-9.-]+(?:\/[^\s<>\\`|[\]]*)?$/.test(url) ? `<${url}>` : md(url);
}

/** A table cell: {@link md}, or a dash when empty. */
export function cell(value: unknown): string {
  return value === undefined || value === null || value === '' ? '—' : md(value);
}

/** Inline text outside tables: {@link md}. */
export function text(value: unknown): string {
  return md(value);
}

/** Inline code with backticks removed from the value. */
export function code(value: unknown): string {
  return `\`${String(value ?? '')
    .replace(/`/g, "'")
    .replace(/[\r\n]+/g, ' ')}\``;
}

/** A Markdown table; an empty row list renders a single "なし" row so the table stays valid. */
export function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const body = rows.length > 0 ? rows : [headers.map((_, i) => (i === 0 ? 'なし (none)' : '—'))];
  const line = (cells: readonly unknown[]) => `| ${headers.map((_, i) => cell(cells[i])).join(' | ')} |`;
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...body.map(line),
  ].join('\n');
}

/** Joins blocks with blank lines and ends with one newline. */
export function doc(blocks: readonly (string | undefined | false)[]): string {
  return `${blocks.filter((b): b is string => typeof b === 'string' && b !== '').join('\n\n')}\n`;
}
