import leven from 'leven';

/**
 * Small helpers for messages to department staff: full-width characters, the closest valid
 * values, lists of codes with their Japanese names, values cut to a readable length.
 */

/** Full-width ASCII variants (Ａ, １, ＠, ．) and the ideographic space. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/** The full-width characters in `s`, joined (e.g. `１６`), or undefined when there are none. */
export function fullWidthIn(s: string): string | undefined {
  const m = s.match(FULL_WIDTH);
  return m ? [...new Set(m)].join('') : undefined;
}

/** `s` with full-width letters, digits and symbols made half-width (NFKC), and trimmed. */
export function toHalfWidth(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\u3000/g, ' ')
    .trim();
}

/** A value cut for a message: single line, at most `max` characters, never an object dump. */
export function cut(s: string, max = 40): string {
  const one = s.replace(/[\r\n\t]+/g, ' ');
  const chars = [...one];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : one;
}

/** Edit distance (case-insensitive, the leven library). */
export function distance(a: string, b: string): number {
  return leven(a.toLowerCase(), b.toLowerCase());
}

const squash = (s: string) =>
  toHalfWidth(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * The valid value a clerk most likely meant: the same ignoring case, width, spaces and
 * punctuation; else a Japanese meaning written instead of the value; else the nearest by edit
 * distance (at most a quarter of its length, at least 1).
 */
export function closest(
  value: string,
  candidates: readonly string[],
  meaningsJa?: Readonly<Record<string, string>>,
): string | undefined {
  if (value.length > 64 || candidates.length === 0) return undefined;
  const v = squash(value);
  const same = candidates.find((c) => squash(c) === v && v !== '');
  if (same !== undefined) return same;
  if (meaningsJa) {
    const t = value.trim();
    const byMeaning = candidates.find(
      (c) => meaningsJa[c] !== undefined && t.length >= 2 && (meaningsJa[c] === t || meaningsJa[c]!.startsWith(t)),
    );
    if (byMeaning !== undefined) return byMeaning;
  }
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(toHalfWidth(value), c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 4)) ? best : undefined;
}

/** `a（意味）、b（意味）` for a list of values with their Japanese meanings. */
export function listJa(values: readonly string[], meaningsJa?: Readonly<Record<string, string>>): string {
  return values.map((v) => (meaningsJa?.[v] ? `${v}（${meaningsJa[v]}）` : v)).join('、');
}

/** `a (meaning), b (meaning)` in English: the values only. */
export function listEn(values: readonly string[]): string {
  return values.join(', ');
}

export interface CodeHint {
  readonly fix: string;
  readonly fixJa: string;
}

/** How to fix a department that is not a registered code: the code of a name, or the list. */
export function departmentHint(
  value: unknown,
  departments: ReadonlyArray<{ readonly code: string; readonly nameJa: string }>,
): CodeHint {
  const codes = departments.map((d) => d.code);
  const names = Object.fromEntries(departments.map((d) => [d.code, d.nameJa]));
  const all = listJa(codes, names);
  if (typeof value === 'string' && value.trim() !== '') {
    const v = value.trim();
    const byName = departments.find(
      (d) => d.nameJa === v || (v.length >= 2 && (d.nameJa.includes(v) || v.includes(d.nameJa))),
    );
    if (byName)
      return {
        fix: `write the department code, not its name: ${byName.code} (${v})`,
        fixJa: `部局名ではなく部局コードを書きます。「${byName.nameJa}」の部局コードは ${byName.code} です。例: department: ${byName.code}`,
      };
    const near = closest(v, codes, names);
    if (near)
      return {
        fix: `did you mean ${near}? Registered codes: ${listEn(codes)}`,
        fixJa: `${near}（${names[near]}）ではありませんか。登録済みの部局コード: ${all}`,
      };
  }
  return { fix: `use one of: ${listEn(codes)}`, fixJa: `登録済みの部局コードを英小文字で書きます: ${all}` };
}

/** How to fix a network: the standard network keys with their Japanese names, or a dedicated one. */
export function networkHint(value: unknown, networks: Readonly<Record<string, { readonly nameJa: string }>>): CodeHint {
  const keys = Object.keys(networks);
  const names = Object.fromEntries(keys.map((k) => [k, networks[k]!.nameJa]));
  const near = typeof value === 'string' ? closest(value, keys, names) : undefined;
  const list = `${listJa(keys, names)}、または専用ネットワーク名（例: mynumber-kokuho。一覧は docs/codes.md）`;
  return near
    ? {
        fix: `did you mean ${near}? Use one of ${listEn(keys)} or the name of a dedicated VLAN`,
        fixJa: `${near}（${names[near]}）ではありませんか（大文字・小文字も区別します）。書けるもの: ${list}`,
      }
    : { fix: `use one of ${listEn(keys)} or the name of a dedicated VLAN`, fixJa: `次のどれかを書きます: ${list}` };
}

/** How to fix an OS template key: the templates of the hypervisor with their guest OS. */
export function templateHint(
  value: unknown,
  templates: ReadonlyArray<{ readonly key: string; readonly guestOs: string }>,
): CodeHint {
  const keys = templates.map((t) => t.key);
  const os = Object.fromEntries(templates.map((t) => [t.key, t.guestOs]));
  if (keys.length === 0)
    return {
      fix: 'this hypervisor has no OS templates: use another source kind',
      fixJa: 'この仮想化ソフトにはOSテンプレートがありません。別の構築・移行方法を選びます',
    };
  const near = typeof value === 'string' ? closest(value, keys) : undefined;
  const list = listJa(keys, Object.fromEntries(keys.map((k) => [k, `ゲストOS ${os[k]}`])));
  return near
    ? {
        fix: `did you mean ${near}? Use one of: ${listEn(keys)}`,
        fixJa: `${near} ではありませんか。書けるテンプレート: ${list}`,
      }
    : { fix: `use one of: ${listEn(keys)}`, fixJa: `次のテンプレートから選んで書きます: ${list}` };
}

/** How to fix a guest OS key: the closest catalog keys (the full list is in docs/codes.md). */
export function guestOsHint(
  value: unknown,
  catalog: ReadonlyArray<{ readonly key: string; readonly name: string }>,
): CodeHint {
  const keys = catalog.map((c) => c.key);
  const names = Object.fromEntries(catalog.map((c) => [c.key, c.name]));
  const v = typeof value === 'string' ? squash(value) : '';
  const ranked = [...keys].sort((a, b) => distance(v, squash(a)) - distance(v, squash(b)) || a.localeCompare(b));
  const exact = keys.find((k) => squash(k) === v || squash(names[k]!) === v);
  const top = exact ? [exact] : ranked.slice(0, 3);
  return {
    fix: `use a key of the guest OS catalog (${exact ? `did you mean ${exact}?` : `closest: ${top.join(', ')}`}; all keys: docs/codes.md)`,
    fixJa: `${exact ? `${exact}（${names[exact]}）ではありませんか` : `ゲストOSカタログのキーを書きます。近いもの: ${listJa(top, names)}`}（全キーの一覧は docs/codes.md）`,
  };
}
