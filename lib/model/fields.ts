import { z } from 'zod';

/**
 * What the people who write declarations need to know about a field: the platform rule it belongs
 * to, its Japanese label, an example value as it is written in YAML, and the Japanese meaning of
 * each allowed value. Each field of the zod schemas of lib/model carries its own entry
 * ({@link field}); messages (lib/model/zod-issues.ts), the JSON Schema descriptions, the form and
 * the list of codes (docs/codes.md) read it from the schema.
 */
export interface FieldMeta {
  /** Rule ID of the platform digest, e.g. `R27`; `SCHEMA` when the field has no entry. */
  readonly ruleId: string;
  /** Japanese label, e.g. `メモリ容量`. */
  readonly labelJa: string;
  /** An example value, written as in YAML (`16`, `"2026-11-01"`, `lgwan`). */
  readonly example?: string;
  /** How the value is written, in plain Japanese (for format errors), e.g. `英小文字・数字・「-」`. */
  readonly formatJa?: string;
  /** How the value is written, in English. */
  readonly format?: string;
  /** Japanese meaning of each allowed value (enumerations). */
  readonly valuesJa?: Readonly<Record<string, string>>;
}

/** A field's entry as looked up at a path; `own` is false when the entry is an enclosing field's. */
export type FieldInfo = FieldMeta & { readonly own: boolean };

/**
 * The registry of field entries (zod 4 metadata, https://zod.dev/metadata). A registry of its own,
 * not `z.globalRegistry` (`.meta()`): `z.toJSONSchema` copies global metadata into the JSON Schema,
 * where only the `description` derived from the entry belongs.
 */
export const fieldRegistry = z.registry<FieldMeta>();

/**
 * `schema` carrying a field entry. The entry goes on a copy of `schema` (zod's public
 * `clone(def)`, without the parent link that would let the copy inherit metadata), so a shared
 * schema such as `codeSchema` gets its own label at every place it is used.
 */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  const copy = schema.clone(schema.def as never) as T;
  fieldRegistry.add(copy as z.ZodType, meta);
  return copy;
}

// Entry fragments several fields share.
export const CODE_FORMAT = {
  formatJa: '英小文字で始まり、英小文字・数字・「-」だけ（空白や大文字は使えません）',
  format: 'lower-case letters, digits and "-", starting with a letter',
} as const;
export const yesNo = (yes: string, no: string) => ({ example: 'true', valuesJa: { true: yes, false: no } });
export const LICENSE_JA = { shared: '統合基盤の共用ライセンスを使う', department: '所管課で用意したライセンスを使う' };
export const DATE_FORMAT = {
  example: '"2026-11-01"',
  formatJa: '年-月-日 を半角で（例: "2026-11-01"）',
  format: 'a date YYYY-MM-DD',
} as const;
export const DATETIME_FORMAT = {
  example: '"2026-11-20T09:00:00+09:00"',
  formatJa: '年-月-日T時:分:秒+09:00 を半角で（例: "2026-11-20T09:00:00+09:00"）',
  format: 'a date and time with offset, e.g. 2026-11-20T09:00:00+09:00',
} as const;

// Walking a schema by path, with zod's public API only (classes, `.shape`, `.element`, `.options`,
// `.unwrap()`, a pipe's `.in`); nothing reads zod's internals.

/** The schema one optional/default/nullable/prefault/readonly wrapper or pipe (its input side) wraps. */
function unwrapOnce(s: z.ZodType): z.ZodType | undefined {
  if (
    s instanceof z.ZodOptional ||
    s instanceof z.ZodDefault ||
    s instanceof z.ZodNullable ||
    s instanceof z.ZodPrefault ||
    s instanceof z.ZodReadonly
  )
    return s.unwrap() as z.ZodType;
  if (s instanceof z.ZodPipe) return s.in as z.ZodType;
  return undefined;
}

/** The schema inside optional/default/nullable/prefault/readonly wrappers and pipes (their input side). */
export function unwrapSchema(s: z.ZodType): z.ZodType {
  for (let inner = unwrapOnce(s); inner !== undefined; inner = unwrapOnce(s)) s = inner;
  return s;
}

/** The entry on a schema or on a schema it wraps (the outermost wins). */
function metaOf(s: z.ZodType): FieldMeta | undefined {
  for (let c: z.ZodType | undefined = s; c !== undefined; c = unwrapOnce(c)) {
    const m = fieldRegistry.get(c);
    if (m) return m;
  }
  return undefined;
}

/** The schema of the key `seg` of an object, the items of an array, or the union branch that has the key. */
function childOf(s: z.ZodType | undefined, seg: PropertyKey): z.ZodType | undefined {
  if (s === undefined) return undefined;
  let u = unwrapSchema(s);
  if (u instanceof z.ZodUnion) {
    const branch = (u.options as z.ZodType[])
      .map(unwrapSchema)
      .find((o) => o instanceof z.ZodObject && String(seg) in o.shape);
    if (branch === undefined) return undefined;
    u = branch;
  }
  if (u instanceof z.ZodObject) return (u.shape as Record<string, z.ZodType>)[String(seg)];
  if (u instanceof z.ZodArray) return u.element as z.ZodType;
  return undefined;
}

/** The schema of the field at `path` (objects, arrays, wrappers, union branches that have the key), unwrapped. */
export function schemaAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const seg of path) s = childOf(s, seg);
  return s === undefined ? undefined : unwrapSchema(s);
}

/** The keys an object field at `path` accepts (every branch's for a union). */
export function keysAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(schema, path);
  if (s instanceof z.ZodObject) return Object.keys(s.shape);
  if (s instanceof z.ZodUnion)
    return [
      ...new Set(
        (s.options as z.ZodType[]).flatMap((o) => {
          const u = unwrapSchema(o);
          return u instanceof z.ZodObject ? Object.keys(u.shape) : [];
        }),
      ),
    ];
  return [];
}

/** Whether the field at `path` is a list. */
export function isListAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): boolean {
  return schemaAt(schema, path) instanceof z.ZodArray;
}

/**
 * The entry of the field at `path` of `schema` (array indexes as numbers or strings): the field's
 * own, else the nearest enclosing field's (so `servers.0.cpu.foo` gets the entry of `cpu`, with
 * `own` false). Without an entry on the way: rule `SCHEMA` and the dotted path as the label.
 */
export function fieldInfo(schema: z.ZodType | undefined, path: readonly PropertyKey[]): FieldInfo {
  let s: z.ZodType | undefined = schema;
  let best: FieldMeta | undefined;
  let depth = -1;
  path.forEach((seg, i) => {
    s = childOf(s, seg);
    const m = s === undefined ? undefined : metaOf(s);
    if (m) {
      best = m;
      depth = i + 1;
    }
  });
  if (best) return { ...best, own: depth === path.length };
  const parts = path.map((p) => String(p));
  return { ruleId: 'SCHEMA', labelJa: parts.filter((p) => !/^\d+$/.test(p)).join('.') || '宣言', own: false };
}

/**
 * Every field of `schema` with its own entry (undefined for a field without one), depth first in
 * schema order, a list's items under index 0: for docs/codes.md and tests. A field reached at two
 * places (one schema used twice) carries the same entry object at both.
 */
export function schemaFields(
  schema: z.ZodType,
): Array<{ readonly path: Array<string | number>; readonly entry: FieldMeta | undefined }> {
  const out: Array<{ path: Array<string | number>; entry: FieldMeta | undefined }> = [];
  const walk = (path: Array<string | number>): void => {
    for (const k of keysAt(schema, path)) {
      const p = [...path, k];
      const s = childOf(schemaAt(schema, path), k);
      out.push({ path: p, entry: s === undefined ? undefined : metaOf(s) });
      walk(p);
      if (isListAt(schema, p)) walk([...p, 0]);
    }
  };
  walk([]);
  return out;
}
