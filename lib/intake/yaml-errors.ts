import type { Document, Node, YAMLError } from 'yaml';
import { yamlLib } from '../model/yaml-lib';
import { FilePos, IntakeIssue, intakeIssue } from './issues';
import { ErrorCode } from '../model/errors';

/**
 * YAML syntax errors explained to department staff: one error per cause (a tab, a wrong
 * indentation, a missing ": "), translated, at the line and column of the cause, with what to do.
 * The yaml library reports one cause as many errors (a tab gives ten); we use its error codes to
 * know *that* something is wrong and read the lines ourselves to say *what*. The library's English
 * stays in the English line only.
 */

interface Finding {
  readonly line: number; // 1-based
  readonly column: number; // 1-based
  readonly code: ErrorCode;
  readonly message: string;
  readonly messageJa: string;
  readonly fix: string;
  readonly fixJa: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:#"'{}[\],&*!|>%@`-][^:#]*?)\s*:(?=\s|$)/;

/** Position of the first character after the leading spaces and "- " markers. */
function lead(raw: string): { indent: number; items: number[]; col: number; rest: string } {
  const indent = /^ */.exec(raw)![0].length;
  let col = indent;
  let rest = raw.slice(indent);
  const items: number[] = [];
  for (let m = /^-( +|$)/.exec(rest); m; m = /^-( +|$)/.exec(rest)) {
    items.push(col);
    col += m[0].length;
    rest = rest.slice(m[0].length);
  }
  return { indent, items, col, rest };
}

/** The value part of `key: value` without a trailing comment (outside quotes). */
function valueOf(after: string): string {
  const v = after.trim();
  if (v.startsWith('"') || v.startsWith("'")) return v;
  const hash = v.search(/(^|\s)#/);
  return (hash >= 0 ? v.slice(0, hash) : v).trim();
}

function closedQuote(v: string): boolean {
  if (v.startsWith('"')) return /^"(?:[^"\\]|\\.)*"/.test(v);
  if (v.startsWith("'")) return /^'(?:[^']|'')*'/.test(v);
  return true;
}

function balancedFlow(v: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (const ch of v) {
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return depth === 0;
}

const spaces = (n: number) => (n === 0 ? '行頭から（空白なし）' : `行頭に半角スペース ${n} つ`);

/** Reads the lines of a YAML file the way a person would check them; the first problem found. */
export function lintLines(text: string): Finding | undefined {
  const lines = text.split(/\r?\n/);
  type Level = { indent: number; seq: boolean; key?: string; keyLine?: number; line: number };
  const stack: Level[] = [];
  let open: { indent: number; key: string; line: number } | undefined;
  let lastEmpty: { indent: number; key: string; line: number; nextLine: number; nextKey: string } | undefined;
  let blockScalar: number | undefined;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const line = n + 1;
    if (/^\s*(#.*)?$/.test(raw) || /^(---|\.\.\.|%)/.test(raw)) continue;
    const indent = /^ */.exec(raw)![0].length;
    if (blockScalar !== undefined) {
      if (indent > blockScalar) continue;
      blockScalar = undefined;
    }
    // tabs and full-width spaces are reported before this check runs
    const { items, col, rest } = lead(raw);
    const seq = items.length > 0;
    const keyM = KEY.exec(rest);
    const key = keyM ? keyM[1]!.replace(/^["']|["']$/g, '') : undefined;
    const name = key ?? rest.split(/[\s:：]/)[0] ?? rest;
    if (/^-[^\s-]/.test(rest)) {
      return {
        line,
        column: col + 1,
        code: 'KIBAN_YAML_DASH',
        message: 'a list item needs a space after "-"',
        messageJa: `「-」のあとに半角スペースがありません`,
        fixJa: `「-」と項目名の間に半角スペースを 1 つ入れます（例: - ${rest.slice(1)}）`,
        fix: `write "- ${rest.slice(1)}"`,
      };
    }
    // where does this line stand?
    let placed = false;
    if (open) {
      if (indent > open.indent || (seq && indent === open.indent)) {
        stack.push({ indent, seq, line });
        placed = true;
      } else lastEmpty = { ...open, nextLine: line, nextKey: name };
      open = undefined;
    }
    if (!placed) {
      if (stack.length === 0) stack.push({ indent, seq, line });
      else {
        const top = stack[stack.length - 1]!;
        if (indent > top.indent) {
          const ref = top.key
            ? `上の行の「${top.key}」と同じ ${top.indent + 1} 文字目から書きます（${spaces(top.indent)}）`
            : `上の行と同じ ${top.indent + 1} 文字目から書きます`;
          return {
            line,
            column: indent + 1,
            code: 'KIBAN_YAML_INDENT',
            message: `line ${line} is indented too far (column ${indent + 1}; expected ${top.indent + 1})`,
            messageJa: `「${name}」の字下げが多すぎます（${indent + 1} 文字目から始まっています）`,
            fix: `start it at column ${top.indent + 1}${top.key ? `, like "${top.key}"` : ''}`,
            fixJa: ref,
          };
        }
        const popped: Level[] = [];
        while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) popped.push(stack.pop()!);
        let here = stack[stack.length - 1];
        if (
          here &&
          here.seq &&
          !seq &&
          here.indent === indent &&
          stack.length > 1 &&
          stack[stack.length - 2]!.indent === indent
        ) {
          stack.pop();
          here = stack[stack.length - 1];
        }
        if (!here || here.indent !== indent) {
          if (lastEmpty && here && lastEmpty.indent === here.indent && lastEmpty.nextLine < line) {
            return {
              line: lastEmpty.nextLine,
              column: lastEmpty.indent + 1,
              code: 'KIBAN_YAML_INDENT',
              message: `line ${lastEmpty.nextLine} is not indented under "${lastEmpty.key}:" (line ${lastEmpty.line})`,
              messageJa: `「${lastEmpty.nextKey}」の字下げが足りません。${lastEmpty.line} 行目の「${lastEmpty.key}:」の中に書く項目です`,
              fix: `indent the lines under "${lastEmpty.key}:" by 2 spaces`,
              fixJa: `「${lastEmpty.key}:」の下の行を、「${lastEmpty.key}」より 2 文字下げて書きます（${lastEmpty.indent + 3} 文字目から）`,
            };
          }
          const candidates = [...popped, ...(here ? [here] : [])].filter(
            (l) => l.seq === seq || (!seq && l.key !== undefined),
          );
          const best = (candidates.length > 0 ? candidates : [...popped, ...(here ? [here] : [])]).sort(
            (a, b) => Math.abs(a.indent - indent) - Math.abs(b.indent - indent) || b.indent - a.indent,
          )[0];
          const target = best?.indent ?? 0;
          const ref = best?.key
            ? `同じ並びの「${best.key}」${best.keyLine ? `（${best.keyLine} 行目）` : ''}と同じ`
            : '上下の行と同じ';
          return {
            line,
            column: indent + 1,
            code: 'KIBAN_YAML_INDENT',
            message: `line ${line} is not aligned (column ${indent + 1}; expected ${target + 1})`,
            messageJa: `「${name}」の字下げがずれています（${indent + 1} 文字目から始まっています）`,
            fix: `start it at column ${target + 1}${best?.key ? `, like "${best.key}"` : ''}`,
            fixJa: `${ref} ${target + 1} 文字目から書きます（${spaces(target)}）`,
          };
        }
      }
    }
    const level = stack[stack.length - 1]!;
    if (seq && !level.seq) {
      const dash = [...stack].reverse().find((l) => l.seq && l.line < line);
      return dash
        ? {
            line,
            column: indent + 1,
            code: 'KIBAN_YAML_INDENT',
            message: `the "- " on line ${line} is not aligned with the "- " of line ${dash.line} (column ${indent + 1}; expected ${dash.indent + 1})`,
            messageJa: `「- 」の字下げがずれています（${indent + 1} 文字目から始まっています）`,
            fix: `start the "- " at column ${dash.indent + 1}, like line ${dash.line}`,
            fixJa: `上の「- 」の行（${dash.line} 行目）と同じ ${dash.indent + 1} 文字目から書きます（${spaces(dash.indent)}）`,
          }
        : {
            line,
            column: indent + 1,
            code: 'KIBAN_YAML_INDENT',
            message: `a "- " item where keys are expected (line ${line})`,
            messageJa: '「- 」の位置が正しくありません',
            fix: 'indent the "- " lines under the key of the list',
            fixJa: '一覧の「- 」の行は、一覧の項目名（disks: など）の下に 2 文字下げて書きます',
          };
    }
    if (!seq && level.seq) {
      return {
        line,
        column: indent + 1,
        code: 'KIBAN_YAML_INDENT',
        message: `line ${line} is not aligned with the items of the list`,
        messageJa: `「${name}」の字下げがずれています（「- 」の行と同じ位置にあります）`,
        fix: 'indent it like the keys after "- "',
        fixJa: `「- 」のあとの項目と同じ位置（${indent + 3} 文字目）まで下げて書きます`,
      };
    }
    // the content after the "- " markers opens the mapping of the item
    let keyLevel = level;
    if (seq) {
      if (rest === '') {
        open = { indent: items[items.length - 1]!, key: '-', line };
        continue;
      }
      if (keyM) {
        keyLevel = { indent: col, seq: false, line };
        stack.push(keyLevel);
      }
    }
    if (!keyM) {
      if (seq) continue; // a plain list item
      const fw = rest.includes('：');
      const glued = /^[^\s:]+:[^\s]/.test(rest);
      const word = rest.split(/[\s:：]/)[0]!;
      return fw
        ? {
            line,
            column: col + rest.indexOf('：') + 1,
            code: 'KIBAN_YAML_COLON',
            message: `a full-width colon "：" is used after "${word}"`,
            messageJa: `全角のコロン「：」が使われています`,
            fix: `use a half-width colon and a space: ${rest.replace('：', ': ').replace(':  ', ': ')}`,
            fixJa: `半角の「:」と半角スペースに直します（例: ${rest.replace('：', ': ').replace(':  ', ': ')}）`,
          }
        : glued
          ? {
              line,
              column: col + rest.indexOf(':') + 2,
              code: 'KIBAN_YAML_COLON',
              message: `a space is needed after the colon of "${word}"`,
              messageJa: `「:」のあとに半角スペースがありません`,
              fix: `write ${rest.replace(':', ': ')}`,
              fixJa: `「:」のあとに半角スペースを 1 つ入れます（例: ${rest.replace(':', ': ')}）`,
            }
          : {
              line,
              column: col + 1,
              code: 'KIBAN_YAML_COLON',
              message: `line ${line} has no "key: value" colon`,
              messageJa: `「: 」（コロンと半角スペース）がありません`,
              fix: `write ${word}: ${rest.slice(word.length).trim() || '…'}`,
              fixJa: `項目名のあとに「: 」を書きます（例: ${word}: ${rest.slice(word.length).trim() || '…'}）`,
            };
    }
    keyLevel.key = key;
    keyLevel.keyLine = line;
    const after = rest.slice(keyM[0].length);
    const v = valueOf(after);
    const vcol = col + keyM[0].length + (after.length - after.trimStart().length) + 1;
    if (v === '') {
      open = { indent: keyLevel.indent, key: key!, line };
      continue;
    }
    if (/^[|>][-+0-9]*$/.test(v)) {
      blockScalar = keyLevel.indent;
      continue;
    }
    if (!closedQuote(v) || ((v.startsWith('{') || v.startsWith('[')) && !balancedFlow(v))) {
      // a quoted value or a bracket may go on over the next lines: skip them when it closes there
      let joined = v;
      let k = n;
      while (k + 1 < lines.length && !(closedQuote(joined) && (!/^[{[]/.test(joined) || balancedFlow(joined))))
        joined += ` ${lines[++k]!.trim()}`;
      if (closedQuote(joined) && (!/^[{[]/.test(joined) || balancedFlow(joined)) && k > n) {
        n = k;
        continue;
      }
    }
    if (!closedQuote(v)) {
      const q = v[0]!;
      return {
        line,
        column: vcol,
        code: 'KIBAN_YAML_QUOTE',
        message: `the quote ${q} opened on line ${line} is not closed`,
        messageJa: `引用符（${q}）が閉じていません`,
        fix: `end the value with ${q} on the same line`,
        fixJa: `値の最後にも ${q} を書きます（例: ${key}: ${q}${v.slice(1).replace(/["']$/, '')}${q}）`,
      };
    }
    if ((v.startsWith('{') || v.startsWith('[')) && !balancedFlow(v)) {
      const close = v.startsWith('{') ? '}' : ']';
      return {
        line,
        column: vcol,
        code: 'KIBAN_YAML_BRACKET',
        message: `"${v[0]}" is not closed by "${close}" on line ${line}`,
        messageJa: `「${v[0]}」に対応する「${close}」がありません`,
        fix: `close it with ${close} on the same line`,
        fixJa: `同じ行の最後に「${close}」を書きます`,
      };
    }
    if (/^[@`]/.test(v)) {
      return {
        line,
        column: vcol,
        code: 'KIBAN_YAML_QUOTE',
        message: `a value cannot start with "${v[0]}" unless quoted`,
        messageJa: `値が「${v[0]}」で始まっています（このままでは読み取れません）`,
        fix: `quote it: ${key}: "${v}"`,
        fixJa: `値全体を引用符で囲みます（例: ${key}: "${v}"）`,
      };
    }
    if (!/^["'{[&*!]/.test(v) && /:\s/.test(v)) {
      return {
        line,
        column: vcol,
        code: 'KIBAN_YAML_COLON',
        message: `the value of "${key}" contains ": "; quote it`,
        messageJa: `値の中に「: 」（コロンと空白）があります`,
        fix: `quote the value: ${key}: "${v}"`,
        fixJa: `値全体を引用符で囲みます（例: ${key}: "${v}"）。または全角の「：」を使います`,
      };
    }
  }
  return undefined;
}

const CODE_JA: Record<string, { ja: string; fixJa: string }> = {
  MULTIPLE_DOCS: {
    ja: '1 つのファイルに「---」で区切って 2 つ以上の宣言が書かれています',
    fixJa: '1 ファイルには 1 つだけ書きます。2 つ目以降は別のファイルにします',
  },
  BAD_ALIAS: { ja: '「*」で始まる参照が正しくありません', fixJa: '「&」「*」は使わず、値をそのまま書きます' },
  ALIAS_PROPS: { ja: '「*」で始まる参照が正しくありません', fixJa: '「&」「*」は使わず、値をそのまま書きます' },
  BAD_DQ_ESCAPE: {
    ja: '引用符（"）の中の「\\」の使い方が正しくありません',
    fixJa: "「\\」を「\\\\」と 2 つ重ねるか、引用符を「'」に変えます",
  },
  BAD_SCALAR_START: { ja: '値が記号で始まっていて読み取れません', fixJa: '値全体を引用符（"）で囲みます' },
  MISSING_CHAR: {
    ja: '閉じるための記号（引用符や括弧）が足りません',
    fixJa: '引用符（"）や括弧（{ [）が閉じているか確かめます',
  },
  KEY_OVER_1024_CHARS: { ja: '項目名が長すぎます', fixJa: '「: 」の位置を確かめます' },
  TAB_AS_INDENT: { ja: '行頭にタブ文字があります', fixJa: 'タブを消して、半角スペースで字下げします' },
};

function fallback(e: YAMLError, line: number, column: number): Finding {
  const first = e.message.split('\n')[0] ?? e.message;
  const t = CODE_JA[e.code];
  return {
    line,
    column,
    code: 'KIBAN_YAML_SYNTAX',
    message: `YAML syntax error: ${first}`,
    messageJa: `書き方が正しくありません${t ? `: ${t.ja}` : ''}`,
    fix: 'check the indentation, the ": " after each key and the quotes on this line',
    fixJa:
      t?.fixJa ?? 'この行と上の行の字下げ、項目名のあとの「: 」、引用符の閉じ忘れを、ガイドの例と見比べて確かめます',
  };
}

function keyText(key: unknown): string | undefined {
  return yamlLib().isScalar(key) ? String(key.value) : undefined;
}

/** Every key written twice in one block: the key, both lines, both values. */
function duplicateKeys(
  doc: Document,
  pos: (offset: number) => FilePos,
): Array<{ key: string; first: FilePos; second: FilePos; values: [unknown, unknown] }> {
  const out: Array<{ key: string; first: FilePos; second: FilePos; values: [unknown, unknown] }> = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (yamlLib().isMap(n)) {
      const seen = new Map<string, { pos: FilePos; value: unknown }>();
      for (const p of n.items) {
        if (!yamlLib().isPair(p)) continue;
        stack.push(p.value);
        const k = keyText(p.key);
        const range = (p.key as Node | null)?.range;
        if (k === undefined || !range) continue;
        const here = {
          pos: pos(range[0]),
          value: yamlLib().isScalar(p.value) ? p.value.value : p.value === null ? null : '…',
        };
        const before = seen.get(k);
        if (before) out.push({ key: k, first: before.pos, second: here.pos, values: [before.value, here.value] });
        else seen.set(k, here);
      }
    } else if (yamlLib().isSeq(n)) for (const it of n.items) stack.push(it);
  }
  return out.sort((a, b) => a.second.line - b.second.line);
}

const show = (v: unknown) =>
  v === null || v === undefined
    ? '空欄'
    : v === '…'
      ? '下の行の項目'
      : String(v).length > 30
        ? `${String(v).slice(0, 29)}…`
        : String(v);

/**
 * The issues of a file the yaml library reported errors for: tabs (one per line), full-width
 * spaces in the indentation (one per line), else the first problem of the lines, duplicate keys
 * with both lines, and, when the lines look right, the library's first error translated.
 */
export function yamlSyntaxIssues(
  file: string,
  text: string,
  doc: Document,
  errors: readonly YAMLError[],
  pos: (offset: number) => FilePos,
): IntakeIssue[] {
  const make = (f: Finding, value?: unknown): IntakeIssue =>
    intakeIssue({
      file,
      pos: { line: f.line, column: f.column },
      code: f.code,
      ruleId: 'SCHEMA',
      field: '(yaml)',
      value,
      message: f.message,
      messageJa: f.messageJa,
      fix: f.fix,
      fixJa: f.fixJa,
    });
  const lines = text.split(/\r?\n/);
  const english = (line: number) => {
    const e = errors.find((x) => (x.linePos?.[0]?.line ?? 0) === line);
    return e ? ` (YAML: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')})` : '';
  };
  const leading = (ch: string) =>
    lines.flatMap((raw, n) => {
      const m = /^[ \t\u3000]*(?:-[ \t\u3000]+)*/.exec(raw)![0];
      const at = m.indexOf(ch);
      return at >= 0 && raw.trim() !== '' && !raw.trimStart().startsWith('#') ? [{ line: n + 1, column: at + 1 }] : [];
    });
  const tabs = leading('\t');
  if (
    tabs.length > 0 &&
    errors.some(
      (e) =>
        e.code === 'TAB_AS_INDENT' ||
        e.code === 'BAD_INDENT' ||
        e.code === 'BLOCK_AS_IMPLICIT_KEY' ||
        e.code === 'MULTILINE_IMPLICIT_KEY',
    )
  ) {
    return tabs.map((t) =>
      make({
        ...t,
        code: 'KIBAN_YAML_TAB',
        message: `a tab character is used for indentation on line ${t.line}${english(t.line)}`,
        messageJa: `字下げにタブ文字が使われています（タブは使えません）`,
        fix: 'replace the tab with spaces (2 per level), aligned with the lines around it',
        fixJa: 'タブを消して半角スペースで字下げします（1 段につき半角スペース 2 つ。上下の行と位置をそろえます）',
      }),
    );
  }
  const wide = leading('\u3000');
  if (wide.length > 0) {
    return wide.map((t) =>
      make({
        ...t,
        code: 'KIBAN_YAML_WIDE_SPACE',
        message: `a full-width space is used for indentation on line ${t.line}${english(t.line)}`,
        messageJa: `字下げに全角スペースが使われています`,
        fix: 'replace it with half-width spaces',
        fixJa: '全角スペースを消して半角スペースで字下げします（全角スペース 1 つは半角スペース 2 つにします）',
      }),
    );
  }
  const out: IntakeIssue[] = [];
  const dupErrors = errors.filter((e) => e.code === 'DUPLICATE_KEY');
  if (dupErrors.length > 0) {
    for (const d of duplicateKeys(doc, pos)) {
      out.push(
        intakeIssue({
          file,
          pos: d.second,
          code: 'KIBAN_YAML_DUPLICATE_KEY',
          ruleId: 'SCHEMA',
          field: d.key,
          value: d.values[1],
          message: `the key "${d.key}" is written twice in one block (lines ${d.first.line} and ${d.second.line})`,
          messageJa: `「${d.key}」が同じ場所に 2 回書かれています（${d.first.line} 行目と ${d.second.line} 行目）`,
          fix: `keep one "${d.key}" (line ${d.first.line}: ${show(d.values[0])}, line ${d.second.line}: ${show(d.values[1])})`,
          fixJa: `どちらか一方の行を消します（${d.first.line} 行目は「${show(d.values[0])}」、${d.second.line} 行目は「${show(d.values[1])}」）`,
        }),
      );
    }
  }
  const others = errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (others.length > 0) {
    const firstErr = [...others].sort((a, b) => (a.pos[0] ?? 0) - (b.pos[0] ?? 0))[0]!;
    const at = firstErr.linePos?.[0] ?? pos(firstErr.pos[0] ?? 0);
    const line = 'col' in at ? at.line : (at as FilePos).line;
    const column = 'col' in at ? (at as { col: number }).col : (at as FilePos).column;
    const found = lintLines(text);
    const lastErrLine = Math.max(...others.map((e) => e.linePos?.[1]?.line ?? e.linePos?.[0]?.line ?? 0));
    if (found && found.line <= Math.max(line, lastErrLine) + 1)
      out.push(make({ ...found, message: `${found.message}${english(found.line) || english(line)}` }));
    else out.push(make(fallback(firstErr, line, column)));
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The texts of the translated library errors (for the jargon test and the guide). */
export function yamlFallbackTexts(): Array<{ messageJa: string; fixJa: string }> {
  return [...Object.keys(CODE_JA), 'UNKNOWN_CODE'].map((code) =>
    fallback(
      Object.assign(new Error('x'), { code, pos: [0, 1], name: 'YAMLParseError' }) as unknown as YAMLError,
      1,
      1,
    ),
  );
}
