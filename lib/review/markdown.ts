/** Small Markdown helpers: every table cell is escaped so that tables stay well-formed. */

/** Escapes text for a table cell: no pipes, no line breaks, no HTML. */
export function cell(value: unknown): string {
  const s = value === undefined || value === null || value === '' ? '—' : String(value);
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, "'");
}

/** Escapes inline text outside tables (no HTML). */
export function text(value: unknown): string {
  return String(value ?? '').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code with backticks removed from the value. */
export function code(value: unknown): string {
  return `\`${String(value ?? '').replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}

/** A Markdown table; an empty row list renders a single "なし" row so the table stays valid. */
export function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const body = rows.length > 0 ? rows : [headers.map((_, i) => (i === 0 ? 'なし (none)' : '—'))];
  const line = (cells: readonly unknown[]) => `| ${headers.map((_, i) => cell(cells[i])).join(' | ')} |`;
  return [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...body.map(line)].join('\n');
}

/** Joins blocks with blank lines and ends with one newline. */
export function doc(blocks: readonly (string | undefined | false)[]): string {
  return `${blocks.filter((b): b is string => typeof b === 'string' && b !== '').join('\n\n')}\n`;
}
