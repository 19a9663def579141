import { z } from 'zod';
import { DeclarationIssue, issue } from './errors';
import { FieldInfo, fieldInfo, keysAt, schemaAt } from './fields';
import {
  closest,
  cut,
  departmentHint,
  fullWidthIn,
  listEn,
  listJa,
  networkHint,
  templateHint,
  toHalfWidth,
} from './hints';

/**
 * Turns zod issues into messages for department staff: plain Japanese (no programming words),
 * naming the field by its Japanese label and key, what was written, and what to write instead
 * with an example. The English text says the same for engineers.
 */

/** The rule and Japanese label of the field at `path` of `schema` (its own, else the enclosing field's). */
export function fieldRule(schema: z.ZodType, path: readonly PropertyKey[]): { ruleId: string; labelJa: string } {
  const { ruleId, labelJa } = fieldInfo(schema, path);
  return { ruleId, labelJa };
}

/** What messages may name besides the schema: the platform's codes. */
export interface MessageContext {
  /** The schema the input was checked against: its fields' labels and rules, ranges and the keys a place accepts. */
  readonly schema: z.ZodType;
  /** Registered departments, standard networks and OS templates of the platform. */
  readonly platform?: {
    readonly departments: ReadonlyArray<{ readonly code: string; readonly nameJa: string }>;
    readonly networks: Readonly<Record<string, { readonly nameJa: string }>>;
    readonly vsphere: { readonly templates: ReadonlyArray<{ readonly key: string; readonly guestOs: string }> };
    readonly hyperv: { readonly templates: ReadonlyArray<{ readonly key: string; readonly guestOs: string }> };
  };
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key as string];
  }
  return cur;
}

/** A written value inside a Japanese sentence: text cut short, blocks and lists named, never dumped. */
function shown(v: unknown, max = 20): string {
  if (v === null || v === undefined) return '空欄';
  if (Array.isArray(v)) return '「- 」の一覧';
  if (typeof v === 'object') return '下の行の項目';
  return cut(String(v), max);
}

/** The example of a field written after its key: `memoryGb: 16`, or a block under the key. */
function written(key: string, info: FieldInfo): string {
  const ex = info.example ?? '…';
  return `${key}: ${ex}`;
}

/** An example to follow, or where to look when the field has none. */
function exampleJa(key: string, info: FieldInfo): string {
  return info.example ? `例: ${key}: ${info.example}` : '英語の行の説明と、ガイドの例を見て直します';
}

/** Bounds of a number or string field, from the schema. */
function bounds(s: unknown): { min?: number; max?: number } {
  const x = s as
    | { minValue?: number | null; maxValue?: number | null; minLength?: number | null; maxLength?: number | null }
    | undefined;
  const fin = (n: number | null | undefined) =>
    typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;
  return { min: fin(x?.minValue) ?? fin(x?.minLength), max: fin(x?.maxValue) ?? fin(x?.maxLength) };
}

interface Text {
  message: string;
  messageJa: string;
  fix: string;
  fixJa: string;
}

const YES = ['yes', 'y', 'on', 'はい', 'する', '希望する', 'あり', '有', '○', '◯', 'true'];
const NO = ['no', 'n', 'off', 'いいえ', 'しない', '希望しない', 'なし', '無', '×', 'false'];

function kindOfValue(v: unknown): 'missing' | 'empty' | 'text' | 'count' | 'yesno' | 'list' | 'block' {
  if (v === undefined) return 'missing';
  if (v === null) return 'empty';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'count';
  if (typeof v === 'boolean') return 'yesno';
  if (Array.isArray(v)) return 'list';
  return 'block';
}

const RECEIVED_EN: Record<ReturnType<typeof kindOfValue>, string> = {
  missing: 'nothing',
  empty: 'an empty value',
  text: 'text',
  count: 'a number',
  yesno: 'true/false',
  list: 'a list',
  block: 'a block of keys',
};

function numberText(v: unknown, L: string, key: string, info: FieldInfo, expected: string): Text {
  const ex = info.example ?? '1';
  const kind = kindOfValue(v);
  const en = (what: string, fix = `write digits only, e.g. ${key}: ${ex}`): Text => ({
    message: `${L} must be a whole number (${what})`,
    fix,
    messageJa: '',
    fixJa: '',
  });
  if (typeof v === 'string') {
    const half = toHalfWidth(v);
    const fw = fullWidthIn(v);
    const digits = /^\d+$/.test(half) ? half : undefined;
    if (fw)
      return {
        ...en(`full-width characters "${fw}"`, `write half-width digits: ${key}: ${digits ?? ex}`),
        messageJa: `${L}に全角の文字「${fw}」が使われています`,
        fixJa: `半角数字で ${digits ?? ex} のように書きます。例: ${key}: ${digits ?? ex}`,
      };
    if (/^\d{1,3}(,\d{3})+$/.test(half)) {
      const n = half.replace(/,/g, '');
      return {
        ...en('a thousands separator', `write ${key}: ${n}`),
        messageJa: `${L}に桁区切りの「,」が入っています`,
        fixJa: `「,」を入れずに ${n} のように書きます。例: ${key}: ${n}`,
      };
    }
    const unit = /^(\d+)\s*([^\d\s].*)$/.exec(half);
    if (unit)
      return {
        ...en(`a unit "${unit[2]}" after the number`, `write the number without the unit: ${key}: ${unit[1]}`),
        messageJa: `${L}に単位などの文字「${cut(unit[2]!, 10)}」が付いています`,
        fixJa: `単位は書かず、半角数字だけで ${unit[1]} のように書きます。例: ${key}: ${unit[1]}`,
      };
    if (digits)
      return {
        ...en('in quotes', `remove the quotes: ${key}: ${digits}`),
        messageJa: `${L}の数字が引用符（" や '）で囲まれています`,
        fixJa: `引用符を外して、半角数字だけで書きます。例: ${key}: ${digits}`,
      };
    if (/^\d+\.\d+$/.test(half))
      return {
        ...en('a decimal', `write a whole number, e.g. ${key}: ${Math.round(Number(half))}`),
        messageJa: `${L}は整数で書きます（小数は使えません）`,
        fixJa: `小数点のない半角数字で書きます。例: ${key}: ${Math.max(1, Math.round(Number(half)))}`,
      };
    return {
      ...en('text'),
      messageJa: `${L}は半角数字で書きます（文字「${cut(v, 20)}」が書かれています）`,
      fixJa: `半角数字で ${ex} のように書きます。例: ${key}: ${ex}`,
    };
  }
  if (typeof v === 'number' && expected === 'int')
    return {
      ...en('a decimal', `write a whole number, e.g. ${key}: ${Math.round(v)}`),
      messageJa: `${L}は整数で書きます（小数は使えません）`,
      fixJa: `小数点のない半角数字で書きます。例: ${key}: ${Math.max(1, Math.round(v))}`,
    };
  if (kind === 'empty')
    return {
      ...en('empty'),
      messageJa: `${L}が空欄です`,
      fixJa: `「${key}:」のあとに半角数字を書きます。例: ${key}: ${ex}`,
    };
  if (kind === 'block' || kind === 'list')
    return {
      ...en(RECEIVED_EN[kind]),
      messageJa: `${L}の下に別の項目が書かれています。${L}は同じ行に数を 1 つ書きます`,
      fixJa: `${key}: ${ex} のように 1 行で書き、下の行の字下げを確かめます`,
    };
  return {
    ...en(RECEIVED_EN[kind]),
    messageJa: `${L}は半角数字で書きます`,
    fixJa: `半角数字で ${ex} のように書きます。例: ${key}: ${ex}`,
  };
}

function yesNoText(v: unknown, L: string, key: string, info: FieldInfo): Text {
  const yes = info.valuesJa?.true ?? 'はい';
  const no = info.valuesJa?.false ?? 'いいえ';
  const t = typeof v === 'string' ? toHalfWidth(v).toLowerCase() : '';
  const guess = YES.includes(t) ? 'true' : NO.includes(t) ? 'false' : undefined;
  const mean = `true は「${yes}」、false は「${no}」`;
  if (t === 'true' || t === 'false')
    return {
      message: `${L} must be true or false without quotes`,
      fix: `write ${key}: ${t}`,
      messageJa: `${L}の ${t} が引用符（" や '）で囲まれています`,
      fixJa: `引用符を外して ${key}: ${t} と書きます（${mean}）`,
    };
  return {
    message: `${L} must be true or false`,
    fix: `write ${key}: ${guess ?? 'true'} (true or false, without quotes)`,
    messageJa:
      typeof v === 'string'
        ? `${L}は true か false で書きます（「${cut(v, 20)}」は使えません）`
        : v === null
          ? `${L}が空欄です`
          : `${L}は true か false で書きます`,
    fixJa: `${key}: ${guess ?? 'true'} のように、引用符を付けずに書きます（${mean}）`,
  };
}

function textText(v: unknown, L: string, key: string, info: FieldInfo): Text {
  const ex = info.example ?? '…';
  const kind = kindOfValue(v);
  const base = { message: `${L} must be text (received ${RECEIVED_EN[kind]})`, fix: `write ${written(key, info)}` };
  if (kind === 'count' || kind === 'yesno') {
    const phone = key === 'phone' ? '電話番号は 019-629-5101 のように「-」で区切るか、' : '';
    const why =
      key === 'phone' && kind === 'count'
        ? `数字だけなので数として読まれ、先頭の 0 が消えています（${String(v)}）`
        : `${String(v)} は数や true/false として読まれます`;
    return {
      ...base,
      fix: `put the value in quotes: ${key}: "${String(v)}"`,
      messageJa: `${L}が文字として読み取れません（${why}）`,
      fixJa: `${phone}値を引用符で囲んで ${key}: "${String(v)}" のように書きます`,
    };
  }
  if (kind === 'empty')
    return {
      ...base,
      messageJa: `${L}が空欄です`,
      fixJa: `「${key}:」のあとに値を書きます。例: ${written(key, info)}`,
    };
  if (kind === 'list')
    return {
      ...base,
      messageJa: `${L}は 1 つだけ書きます（「- 」で始まる一覧になっています）`,
      fixJa: `「- 」を付けずに同じ行に書きます。例: ${written(key, info)}`,
    };
  return {
    ...base,
    messageJa: `${L}の下に別の項目が書かれています。${L}は同じ行に書きます`,
    fixJa: `${key}: ${ex} のように 1 行で書き、下の行の字下げを確かめます`,
  };
}

function listText(v: unknown, L: string, key: string, info: FieldInfo): Text {
  const ex = info.example ?? '- …';
  return {
    message: `${L} must be a list: one "- " line per item`,
    fix: `write each item on its own line under ${key}:, starting with "- " (e.g. ${ex})`,
    messageJa: v === null ? `${L}（${key}:）の下に何も書かれていません` : `${L}は「- 」で始まる行を並べて書きます`,
    fixJa: `${key}: の下の行に、2 文字下げて「${ex}」のように「- 」で始めて書きます`,
  };
}

function blockText(v: unknown, L: string, key: string, info: FieldInfo): Text {
  const ex = info.example ?? '…';
  const kind = kindOfValue(v);
  if (kind === 'empty') {
    return {
      message: `${L} (${key}:) has nothing under it`,
      fix: `indent the keys of ${key} by 2 spaces under it (e.g. ${ex}), or remove the line`,
      messageJa: `${L}（${key}:）の下に何も書かれていません`,
      fixJa: `${key}: の下の行に、2 文字下げて ${ex} のように書きます（不要なら ${key}: の行を消します）`,
    };
  }
  if (kind === 'list')
    return {
      message: `${L} must not be a "- " list`,
      fix: `remove the "- " and write ${ex} under ${key}:`,
      messageJa: `${L}には「- 」を付けません`,
      fixJa: `「- 」を消して、${key}: の下に 2 文字下げて ${ex} のように書きます`,
    };
  return {
    message: `${L} holds keys on the lines below, not a value`,
    fix: `write ${key}: alone, then ${ex} indented by 2 spaces below`,
    messageJa: `${L}は同じ行に値を書かず、下の行に項目を並べます（「${shown(v, 20)}」が書かれています）`,
    fixJa: `${key}: だけの行のあとに、2 文字下げて ${ex} のように書きます`,
  };
}

function patternOf(i: z.core.$ZodIssue): RegExp | undefined {
  const p = (i as { pattern?: unknown }).pattern;
  if (p instanceof RegExp) return p;
  if (typeof p === 'string') {
    const m = /^\/(.*)\/([a-z]*)$/.exec(p);
    try {
      return m ? new RegExp(m[1]!, m[2]) : new RegExp(p);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A value made acceptable the obvious way (half-width, lower-case, "-" for spaces and "_"), if that works. */
function repaired(v: string, re: RegExp | undefined): string | undefined {
  if (!re) return undefined;
  const half = toHalfWidth(v);
  for (const c of [half, half.toLowerCase(), half.toLowerCase().replace(/[_\s]+/g, '-'), half.toUpperCase()])
    if (c !== v && re.test(c)) return c;
  return undefined;
}

const pad2 = (n: string) => n.padStart(2, '0');

function dateGuess(s: string): string | undefined {
  const h = toHalfWidth(s);
  const m = /^(\d{4})\s*[/.年-]\s*(\d{1,2})\s*[/.月-]\s*(\d{1,2})\s*日?$/.exec(h);
  if (m) return `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`;
  const r = /^令和\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(h);
  if (r) return `${2018 + (r[1] === '元' ? 1 : Number(r[1]))}-${pad2(r[2]!)}-${pad2(r[3]!)}`;
  return undefined;
}

function formatText(
  i: z.core.$ZodIssue & { format?: string },
  v: unknown,
  L: string,
  key: string,
  info: FieldInfo,
  ctx: MessageContext,
  path: readonly PropertyKey[],
): Text {
  const s = typeof v === 'string' ? v : shown(v);
  const ex = info.example ?? '…';
  const fw = fullWidthIn(s);
  const re = patternOf(i);
  const fixOf = (good: string | undefined) => (good ? `${key}: ${good}` : written(key, info));
  const fwText = (good: string | undefined): Text => ({
    message: `${L} contains full-width characters "${fw}"`,
    fix: `write it in half-width characters: ${fixOf(good)}`,
    messageJa: `${L}に全角の文字「${fw}」が使われています`,
    fixJa: `半角で書きます。例: ${fixOf(good)}`,
  });
  const last = String(path[path.length - 1] ?? '');
  const parent = String(path[path.length - 2] ?? '');
  switch (i.format) {
    case 'ipv4':
    case 'cidrv4': {
      const cidr = i.format === 'cidrv4';
      const half = toHalfWidth(s).replace(/[。．、,]/g, '.');
      const ok = cidr ? z.cidrv4().safeParse(half).success : z.ipv4().safeParse(half).success;
      if (fw) return fwText(ok ? half : undefined);
      const en = {
        message: `${L} must be ${cidr ? 'a subnet such as 10.231.0.0/24' : 'an IPv4 address such as 10.120.3.51'}`,
        fix: `write ${fixOf(ok ? half : undefined)}`,
      };
      if (ok)
        return {
          ...en,
          messageJa: `${L}の区切りに半角の「.」以外の文字が使われています`,
          fixJa: `半角の「.」で区切って書きます。例: ${key}: ${half}`,
        };
      if (!cidr && /\/\d+$/.test(s))
        return {
          ...en,
          fix: `write the address without /${s.split('/')[1]}`,
          messageJa: `${L}に「/${s.split('/')[1]}」は付けません（サブネットではなく 1 台のアドレスを書きます）`,
          fixJa: `「/」から後ろを消して ${key}: ${s.split('/')[0]} のように書きます`,
        };
      if (cidr && !s.includes('/'))
        return {
          ...en,
          messageJa: `${L}に「/」とビット数がありません`,
          fixJa: `${s}/24 のように「/」とビット数を付けて書きます。例: ${key}: ${ex}`,
        };
      const parts = s.split('/')[0]!.split('.');
      const big = parts.find((p) => /^\d+$/.test(p) && Number(p) > 255);
      if (big)
        return {
          ...en,
          messageJa: `${L}の「${big}」が大きすぎます（「.」で区切った数は 0〜255 です）`,
          fixJa: `0〜255 の数 4 つを「.」で区切って書きます。例: ${key}: ${ex}`,
        };
      if (parts.length !== 4)
        return {
          ...en,
          messageJa: `${L}の数が ${parts.length} つです（「.」で区切った数を 4 つ書きます）`,
          fixJa: `数 4 つを半角の「.」で区切って書きます。例: ${key}: ${ex}`,
        };
      return {
        ...en,
        messageJa: `${L}の書き方が正しくありません`,
        fixJa: `${info.formatJa ?? '半角数字 4 つを「.」で区切ります'}。例: ${key}: ${ex}`,
      };
    }
    case 'date': {
      const guess = dateGuess(s);
      const en = { message: `${L} must be a date YYYY-MM-DD`, fix: `write ${key}: "${guess ?? '2026-11-01'}"` };
      if (guess && z.iso.date().safeParse(guess).success)
        return {
          ...en,
          messageJa: `${L}の書き方が違います（年-月-日 を半角の「-」で区切ります）`,
          fixJa: `${key}: "${guess}" のように書きます`,
        };
      if (/^\d{4}-\d{2}-\d{2}$/.test(s))
        return {
          ...en,
          message: `${L}: no such date`,
          fix: 'check the month and day',
          messageJa: `${L}の「${s}」は存在しない日付です`,
          fixJa: '月と日を確かめて、"2026-11-01" のように書きます',
        };
      if (/^\d{4}-\d{2}-\d{2}T/.test(s))
        return {
          ...en,
          fix: `write the date only: ${key}: "${s.slice(0, 10)}"`,
          messageJa: `${L}は日付だけを書きます（時刻は書きません）`,
          fixJa: `${key}: "${s.slice(0, 10)}" のように書きます`,
        };
      if (fw) return { ...fwText(undefined), fixJa: `半角で ${key}: "2026-11-01" のように 年-月-日 を書きます` };
      return {
        ...en,
        messageJa: `${L}は 年-月-日 の形で書きます`,
        fixJa: `${key}: "2026-11-01" のように、半角数字と「-」で書きます`,
      };
    }
    case 'datetime': {
      const h = toHalfWidth(s).replace(' ', 'T');
      const guess = /^\d{4}-\d{2}-\d{2}$/.test(h)
        ? `${h}T09:00:00+09:00`
        : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(h)
          ? `${h}${h.length === 16 ? ':00' : ''}+09:00`
          : undefined;
      const en = {
        message: `${L} must be a date and time with offset, e.g. 2026-11-20T09:00:00+09:00`,
        fix: `write ${key}: "${guess ?? '2026-11-20T09:00:00+09:00'}"`,
      };
      if (guess && /^\d{4}-\d{2}-\d{2}$/.test(h))
        return {
          ...en,
          messageJa: `${L}には日付に加えて時刻と「+09:00」（日本時間）も書きます`,
          fixJa: `${key}: "${guess}" のように書きます（時刻は実際の時刻に直します）`,
        };
      if (guess)
        return {
          ...en,
          messageJa: `${L}の最後に「+09:00」（日本時間）がありません`,
          fixJa: `${key}: "${guess}" のように書きます`,
        };
      return {
        ...en,
        messageJa: `${L}は 年-月-日T時:分:秒+09:00 の形で書きます`,
        fixJa: `${key}: "2026-11-20T09:00:00+09:00" のように書きます`,
      };
    }
    case 'email': {
      if (fw) return fwText(z.email().safeParse(toHalfWidth(s)).success ? toHalfWidth(s) : undefined);
      return {
        message: `${L} must be an e-mail address`,
        fix: `write ${written(key, info)}`,
        messageJa: s.includes('@') ? `${L}の書き方が正しくありません` : `${L}に「@」がありません`,
        fixJa: `名前@ドメイン の形で、半角で書きます。例: ${written(key, info)}`,
      };
    }
    case 'url':
      return {
        message: `${L} must be an https:// URL`,
        fix: `write ${written(key, info)}`,
        messageJa: /^http:/.test(s)
          ? `${L}は https:// で始まるものだけ使えます（http:// は使えません）`
          : `${L}は https:// で始まるURLで書きます`,
        fixJa: `例: ${written(key, info)}`,
      };
    default:
      break;
  }
  // regex: the field decides what to say
  if (last === 'department' && ctx.platform) {
    const h = departmentHint(v, ctx.platform.departments);
    return {
      message: `${L} must be a registered department code`,
      fix: h.fix,
      messageJa:
        /[^\x20-\x7e]/.test(s) && !fw
          ? `${L}には部局コード（英小文字）を書きます（「${cut(s, 20)}」が書かれています）`
          : `${L}の「${cut(s, 20)}」は部局コードの書き方になっていません`,
      fixJa: h.fixJa,
    };
  }
  if (last === 'network' && ctx.platform) {
    const h = networkHint(v, ctx.platform.networks);
    return {
      message: `${L} must be a standard network or a dedicated VLAN name`,
      fix: h.fix,
      messageJa: `${L}の「${cut(s, 20)}」というネットワークはありません`,
      fixJa: h.fixJa,
    };
  }
  if (last === 'template' && parent === 'source' && ctx.platform) {
    const h = templateHint(v, [
      ...ctx.platform.vsphere.templates,
      ...ctx.platform.hyperv.templates.filter((t) => !ctx.platform!.vsphere.templates.some((x) => x.key === t.key)),
    ]);
    return {
      message: `${L} must be an OS template key`,
      fix: h.fix,
      messageJa: `${L}の「${cut(s, 20)}」は書き方が正しくありません`,
      fixJa: h.fixJa,
    };
  }
  const good = repaired(s, re);
  if (/control characters/.test(i.message))
    return {
      message: `${L} must be one line without control characters`,
      fix: 'write it on one line',
      messageJa: `${L}に改行やタブなどの特殊な文字が入っています`,
      fixJa: '1 行で書きます（長い文も改行せずに続けて書きます）',
    };
  if (fw) return fwText(good);
  const how = info.formatJa ?? 'ガイドの例と同じ形';
  const hint =
    /[A-Z]/.test(s) && good === s.toLowerCase()
      ? '大文字が使われています'
      : /\s/.test(s.trim())
        ? '空白が入っています'
        : s.includes('_') && good?.includes('-')
          ? '「_」は使えません'
          : /[^\x20-\x7e]/.test(s)
            ? '日本語は使えません'
            : undefined;
  return {
    message: `${L} is not written correctly: ${i.message}`,
    fix: `write ${info.format ?? 'it as in the guide'}, e.g. ${fixOf(good)}`,
    messageJa: `${L}の「${cut(s, 20)}」は書き方が正しくありません${hint ? `（${hint}）` : ''}`,
    fixJa: `${how}で書きます。例: ${fixOf(good)}`,
  };
}

function choiceText(values: readonly string[], v: unknown, L: string, key: string, info: FieldInfo): Text {
  const near = typeof v === 'string' ? closest(v, values, info.valuesJa) : undefined;
  const list = listJa(values, info.valuesJa);
  const missing = v === undefined;
  return {
    message: missing
      ? `${L} is missing: one of ${listEn(values)}`
      : `${L} must be one of: ${listEn(values)}${near ? ` (did you mean ${near}?)` : ''}`,
    fix: `write ${key}: ${near ?? values[0]}`,
    messageJa: missing
      ? `${L}が書かれていません`
      : v === null
        ? `${L}が空欄です`
        : `${L}に「${shown(v, 20)}」は使えません${near ? `（${near} ではありませんか）` : ''}`,
    fixJa: `次のどれかを書きます: ${list}。例: ${key}: ${near ?? info.example ?? values[0]}`,
  };
}

const CUSTOM_JA: ReadonlyArray<readonly [RegExp, (L: string, key: string, info: FieldInfo) => Omit<Text, 'message'>]> =
  [
    [
      /at least (\d+) characters/,
      (L) => ({
        messageJa: `${L}が短すぎます（10 文字以上書きます）`,
        fix: 'write at least 10 characters',
        fixJa: '理由がわかるように 10 文字以上で書きます',
      }),
    ],
    [
      /reserved/,
      (L) => ({
        messageJa: `${L}に統合基盤が使う名前は使えません`,
        fix: 'choose another id',
        fixJa: '別のシステムIDを付けます。例: bunsho',
      }),
    ],
    [
      /DedicatedVlan/,
      (L, key, info) => ({
        messageJa: `${L}の書き方が正しくありません`,
        fix: `write ${written(key, info)}`,
        fixJa: `標準ネットワーク名か専用ネットワーク名を書きます。例: ${written(key, info)}`,
      }),
    ],
  ];

function describeIssue(i: z.core.$ZodIssue, input: unknown, ctx: MessageContext): Text {
  const path = i.path;
  const info = fieldInfo(ctx.schema, path);
  const key = ([...path].reverse().find((p) => typeof p === 'string') as string | undefined) ?? '';
  const own = info.own || key === '';
  const L = key === '' ? '宣言' : own ? `「${info.labelJa}」（${key}）` : `「${key}」`;
  const v = valueAt(input, path);
  switch (i.code) {
    case 'invalid_type': {
      if (v === undefined && path.length > 0) {
        const ex = written(key, info);
        return {
          message: `the required key "${key}" is missing`,
          fix: `add ${ex}`,
          messageJa: `必須項目${L}が書かれていません`,
          fixJa: `${ex} のように書き足します（書く場所はガイドの例を見てください）`,
        };
      }
      if (key === 'network' && ctx.platform) {
        const h = networkHint(v, ctx.platform.networks);
        return {
          message: `${L} must be a network name`,
          fix: h.fix,
          messageJa: v === null ? `${L}が空欄です` : `${L}の書き方が正しくありません`,
          fixJa: h.fixJa,
        };
      }
      switch (i.expected) {
        case 'number':
        case 'int':
          return numberText(v, L, key, info, i.expected);
        case 'boolean':
          return yesNoText(v, L, key, info);
        case 'string':
          return textText(v, L, key, info);
        case 'array':
          return listText(v, L, key, info);
        case 'object':
          return blockText(v, L, key, info);
        default:
          return {
            message: `${L} is not valid (${i.message})`,
            fix: `write ${written(key, info)}`,
            messageJa: `${L}の書き方が正しくありません`,
            fixJa: exampleJa(key, info),
          };
      }
    }
    case 'too_small':
    case 'too_big': {
      const small = i.code === 'too_small';
      const b = bounds(schemaAt(ctx.schema, path));
      const limit = Number(
        small ? (i as { minimum: number | bigint }).minimum : (i as { maximum: number | bigint }).maximum,
      );
      const origin = (i as { origin?: string }).origin;
      if (origin === 'string') {
        const len = typeof v === 'string' ? [...v].length : 0;
        if (small && limit <= 1)
          return {
            message: `${L} is empty`,
            fix: `write ${written(key, info)}`,
            messageJa: `${L}が空欄です`,
            fixJa: `「${key}:」のあとに書きます。例: ${written(key, info)}`,
          };
        return small
          ? {
              message: `${L} is too short (at least ${limit} characters)`,
              fix: `write at least ${limit} characters`,
              messageJa: `${L}が短すぎます（${limit} 文字以上）`,
              fixJa: `${limit} 文字以上で書きます`,
            }
          : {
              message: `${L} is too long (${len} characters; at most ${limit})`,
              fix: `shorten it to ${limit} characters`,
              messageJa: `${L}が長すぎます（${len} 文字。${limit} 文字まで）`,
              fixJa: `${limit} 文字以内に縮めて書きます`,
            };
      }
      if (origin === 'array' || origin === 'set') {
        const ex = info.example ?? '- …';
        return small
          ? {
              message: `${L} needs at least ${limit} item(s)`,
              fix: `add an item under ${key}: (e.g. ${ex})`,
              messageJa: limit <= 1 ? `${L}が 1 つも書かれていません` : `${L}が足りません（${limit} つ以上）`,
              fixJa: `${key}: の下に「${ex}」のように書き足します`,
            }
          : {
              message: `${L} has too many items (at most ${limit})`,
              fix: `keep at most ${limit}`,
              messageJa: `${L}が多すぎます（${limit} つまで）`,
              fixJa: `${limit} つ以内にします。さらに必要なときは統合基盤管理者に相談します`,
            };
      }
      const range =
        b.min !== undefined && b.max !== undefined
          ? `${b.min} から ${b.max} まで`
          : small
            ? `${limit} 以上`
            : `${limit} 以下`;
      const rangeEn =
        b.min !== undefined && b.max !== undefined
          ? `${b.min} to ${b.max}`
          : small
            ? `at least ${limit}`
            : `at most ${limit}`;
      const ex = info.example ?? String(b.min ?? limit);
      return {
        message: `${L} is too ${small ? 'small' : 'large'} (${rangeEn})`,
        fix: `write a number from ${rangeEn}, e.g. ${key}: ${ex}`,
        messageJa: `${L}が${small ? '小さすぎます' : '大きすぎます'}（${range}）`,
        fixJa: `${range}の半角数字で書きます。例: ${key}: ${ex}`,
      };
    }
    case 'invalid_format':
      return formatText(i as z.core.$ZodIssue & { format?: string }, v, L, key, info, ctx, path);
    case 'invalid_value':
      return choiceText(
        i.values.map((x) => String(x)),
        v,
        L,
        key,
        info,
      );
    case 'invalid_union': {
      const u = i as z.core.$ZodIssue & { options?: unknown[]; discriminator?: string; errors?: z.core.$ZodIssue[][] };
      if (u.options && u.discriminator !== undefined) return choiceText(u.options.map(String), v, L, key, info);
      if (key === 'network' && ctx.platform) {
        const h = networkHint(v, ctx.platform.networks);
        return {
          message: `${L} must be a standard network or a dedicated VLAN name`,
          fix: h.fix,
          messageJa: `${L}の「${shown(v, 20)}」というネットワークはありません`,
          fixJa: h.fixJa,
        };
      }
      const values = (u.errors ?? []).flat().flatMap((e) => (e.code === 'invalid_value' ? e.values.map(String) : []));
      if (values.length > 0 && (u.errors ?? []).every((b) => b.every((e) => e.code === 'invalid_value')))
        return choiceText(values, v, L, key, info);
      return {
        message: `${L} is not written correctly`,
        fix: `write ${info.format ?? 'it as in the guide'}, e.g. ${written(key, info)}`,
        messageJa: `${L}の「${shown(v, 20)}」は書き方が正しくありません`,
        fixJa: `${info.formatJa ? `${info.formatJa}で書きます。` : ''}例: ${written(key, info)}`,
      };
    }
    case 'unrecognized_keys': {
      const where = path.length === 0 ? '' : `${fieldInfo(ctx.schema, path).labelJa}の中に`;
      const accepted = keysAt(ctx.schema, path);
      return {
        message: `unknown key(s): ${i.keys.join(', ')}`,
        fix:
          accepted.length > 0
            ? `remove it or use a key of: ${accepted.join(', ')}`
            : 'remove it or correct its spelling',
        messageJa: `${where}「${i.keys.map((k) => cut(k, 30)).join('」「')}」という項目はありません`,
        fixJa: `綴りを確かめるか、この行を消します${accepted.length > 0 ? `。ここに書ける項目: ${accepted.join('、')}` : ''}`,
      };
    }
    case 'custom': {
      const hit = CUSTOM_JA.find(([re]) => re.test(i.message));
      if (hit) return { message: `${key || 'declaration'}: ${i.message}`, ...hit[1](L, key, info) };
      return {
        message: `${key || 'declaration'}: ${i.message}`,
        fix: info.example ? `write ${written(key, info)}` : 'correct it as the message says',
        messageJa: `${L}の書き方が正しくありません`,
        fixJa: exampleJa(key, info),
      };
    }
    default:
      return {
        message: `${key || 'declaration'}: ${i.message}`,
        fix: info.example ? `write ${written(key, info)}` : 'correct it as the message says',
        messageJa: `${L}の書き方が正しくありません`,
        fixJa: exampleJa(key, info),
      };
  }
}

/** A value for `received`: unknown keys show the key and a short form of what is under it. */
function receivedOf(i: z.core.$ZodIssue, input: unknown): unknown {
  const v = valueAt(input, i.path);
  if (i.code !== 'unrecognized_keys') return v;
  return i.keys.length === 1 ? { [i.keys[0]!]: valueAt(input, [...i.path, i.keys[0]!]) } : i.keys.join(', ');
}

/** The Japanese and English text of one zod issue (exported for tests and the guide's message table). */
export function explainIssue(i: z.core.$ZodIssue, input: unknown, ctx: MessageContext): Text {
  const t = describeIssue(i, input, ctx);
  // The English text names the key, not the Japanese label.
  const info = fieldInfo(ctx.schema, i.path);
  const key = ([...i.path].reverse().find((p) => typeof p === 'string') as string | undefined) ?? '';
  const L = key === '' ? '宣言' : info.own ? `「${info.labelJa}」（${key}）` : `「${key}」`;
  const E = key === '' ? 'the declaration' : `"${key}"`;
  const en = (x: string) => x.split(L).join(E);
  return { ...t, message: en(t.message), fix: en(t.fix) };
}

/** Converts a zod error into declaration issues located at `location`, all at once. */
export function zodToIssues(
  error: z.ZodError,
  input: unknown,
  location: string,
  fieldPrefix: string,
  ctx: MessageContext,
): DeclarationIssue[] {
  return error.issues.map((i) => {
    const path = i.path;
    const { ruleId } = fieldInfo(ctx.schema, path);
    const field = [fieldPrefix, ...path.map(String)].filter((s) => s !== '').join('.') || '(root)';
    return issue({
      code: 'KIBAN_INVALID_FIELD',
      ruleId,
      location,
      field,
      value: receivedOf(i, input),
      ...explainIssue(i, input, ctx),
    });
  });
}
