import { z } from 'zod';
import { fieldInfo, isListAt, keysAt } from '../model/fields';
import { closest } from '../model/hints';
import { rememberParse } from '../model/validate';
import { MessageContext, valueAt, zodToIssues } from '../model/zod-issues';
import { IntakeIssue, intakeIssue, relocate } from './issues';
import { ParsedDeclarationFile } from './parse';

type Path = ReadonlyArray<PropertyKey>;
const same = (a: Path, b: Path) => a.length === b.length && a.every((x, i) => String(x) === String(b[i]));
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The keys an object (or the items of a list of objects) at `path` accepts. */
function childKeys(schema: z.ZodType, path: Path): { keys: string[]; list: boolean } {
  const keys = keysAt(schema, path);
  if (keys.length > 0) return { keys, list: false };
  return isListAt(schema, path) ? { keys: keysAt(schema, [...path, 0]), list: true } : { keys: [], list: false };
}

/** The path of the object holding the block at `path` (skipping a list index). */
function holder(path: Path): Path | undefined {
  if (path.length === 0) return undefined;
  return typeof path[path.length - 1] === 'number' ? path.slice(0, -2) : path.slice(0, -1);
}

function lastKey(path: Path): string {
  return String([...path].reverse().find((p) => typeof p === 'string') ?? '');
}

interface Slip {
  readonly kind: 'under' | 'out';
  /** The block key the slipped keys belong under ('under'), or the block they wrongly sit in ('out'). */
  readonly block: Path;
  readonly at: Path;
  readonly keys: string[];
  readonly list: boolean;
}

/**
 * Indentation slips: a key that is unknown where it stands but belongs to the block just above it
 * (not indented enough), or to the block that holds it (indented too far).
 */
function findSlips(
  parsed: ParsedDeclarationFile,
  schema: z.ZodType,
  unknown: ReadonlyArray<{ path: Path; key: string }>,
): Slip[] {
  const slips: Slip[] = [];
  for (const u of unknown) {
    const obj = valueAt(parsed.data, u.path);
    if (!isObject(obj)) continue;
    const line = parsed.positionOf([...u.path, u.key]).line;
    let best: { key: string; line: number; list: boolean } | undefined;
    for (const s of Object.keys(obj)) {
      if (s === u.key) continue;
      const c = childKeys(schema, [...u.path, s]);
      if (!c.keys.includes(u.key)) continue;
      const v = obj[s];
      if (isObject(v) && u.key in v) continue;
      const l = parsed.positionOf([...u.path, s]).line;
      if (l < line && (!best || l > best.line)) best = { key: s, line: l, list: c.list };
    }
    if (best) {
      const block = [...u.path, best.key];
      const prior = slips.find((x) => x.kind === 'under' && same(x.block, block));
      if (prior) prior.keys.push(u.key);
      else slips.push({ kind: 'under', block, at: [...u.path, u.key], keys: [u.key], list: best.list });
      continue;
    }
    const up = holder(u.path);
    if (up && keysAt(schema, up).includes(u.key) && valueAt(parsed.data, [...up, u.key]) === undefined) {
      const prior = slips.find((x) => x.kind === 'out' && same(x.block, u.path));
      if (prior) prior.keys.push(u.key);
      else slips.push({ kind: 'out', block: u.path, at: [...u.path, u.key], keys: [u.key], list: false });
    }
  }
  return slips;
}

function slipIssue(parsed: ParsedDeclarationFile, schema: z.ZodType, s: Slip): IntakeIssue {
  const pos = parsed.positionOf(s.at);
  const blockPos = parsed.positionOf(s.block);
  const b = lastKey(s.block);
  const ks = `「${s.keys.join('」「')}」`;
  const ksEn = s.keys.map((k) => `"${k}"`).join(', ');
  const field = [...s.at.map(String)].join('.');
  const ruleId = fieldInfo(schema, s.block).ruleId;
  const value = Object.fromEntries(s.keys.map((k) => [k, valueAt(parsed.data, [...s.at.slice(0, -1), k])]));
  if (s.kind === 'under') {
    const col = blockPos.column + 2;
    return intakeIssue({
      file: parsed.file,
      pos,
      code: 'KIBAN_INDENTATION',
      ruleId,
      field,
      value,
      message: `${ksEn} ${s.keys.length > 1 ? 'are' : 'is'} not indented enough: ${s.keys.length > 1 ? 'they belong' : 'it belongs'} under "${b}:" (line ${blockPos.line})`,
      messageJa: `${ks}の字下げが足りません。${ks}は ${blockPos.line} 行目の「${b}:」の中に書く項目です`,
      fix: s.list
        ? `indent ${ksEn} like the keys after "- " under "${b}:"`
        : `indent ${ksEn} by 2 spaces under "${b}:" (start at column ${col})`,
      fixJa: s.list
        ? `${ks}は「${b}:」の下の「- 」の行の項目と同じ位置まで下げて書きます`
        : `${ks}は「${b}:」の下に 2 文字下げて書きます（「${b}」が ${blockPos.column} 文字目なので、${col} 文字目から）`,
    });
  }
  return intakeIssue({
    file: parsed.file,
    pos,
    code: 'KIBAN_INDENTATION',
    ruleId,
    field,
    value,
    message: `${ksEn} ${s.keys.length > 1 ? 'are' : 'is'} indented too far: not part of "${b}:" (line ${blockPos.line})`,
    messageJa: `${ks}の字下げが多すぎます。${ks}は ${blockPos.line} 行目の「${b}:」の中の項目ではありません`,
    fix: `start ${ksEn} at column ${blockPos.column}, like "${b}"`,
    fixJa: `${ks}は「${b}」と同じ ${blockPos.column} 文字目から書きます`,
  });
}

/** Where a missing key goes: beside the other keys of its block (their line and column). */
function whereToAdd(parsed: ParsedDeclarationFile, path: Path, fixJa: string): { fixJa: string } {
  const up = path.slice(0, -1);
  const obj = valueAt(parsed.data, up);
  const sibling = isObject(obj) ? Object.keys(obj)[0] : undefined;
  const example = fixJa.replace(/ のように書き足します.*$/, '');
  if (sibling === undefined) return { fixJa: `${example} のように書き足します` };
  const p = parsed.positionOf([...up, sibling]);
  return {
    fixJa: `${p.line} 行目の「${sibling}」と同じ並び（${p.column} 文字目から）に、${example} のように書き足します`,
  };
}

/**
 * Checks data against a zod schema; every issue located at its YAML key, in plain Japanese and
 * English. One issue per cause: unknown keys one by one, a misspelt key and the required key it
 * stands for as one issue, an indentation slip (keys and the empty block they belong to) as one.
 */
export function schemaIssues(
  parsed: ParsedDeclarationFile,
  schema: z.ZodType,
  platform?: MessageContext['platform'],
  /** The schema's name in the declaration cache, whose verdict on an unchanged text is taken as it is. @default not cached */
  cacheAs?: string,
): IntakeIssue[] {
  const known = cacheAs === undefined ? undefined : parsed.checked?.get(cacheAs);
  if (known !== undefined) {
    rememberParse(schema, parsed.data, known);
    return [];
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) {
    if (cacheAs !== undefined) parsed.checked?.put(cacheAs, result.data);
    rememberParse(schema, parsed.data, result.data);
    return [];
  }
  const ctx: MessageContext = { schema, platform };
  const all: z.core.$ZodIssue[] = result.error.issues.flatMap((zi): z.core.$ZodIssue[] =>
    zi.code === 'unrecognized_keys' ? zi.keys.map((k) => ({ ...zi, keys: [k] })) : [zi],
  );
  const unknown = all.flatMap((zi) =>
    zi.code === 'unrecognized_keys' ? [{ path: zi.path as Path, key: zi.keys[0]! }] : [],
  );
  const slips = findSlips(parsed, schema, unknown);
  const slipped = (zi: z.core.$ZodIssue): boolean =>
    slips.some((s) =>
      zi.code === 'unrecognized_keys'
        ? s.keys.includes(zi.keys[0]!) && same(s.at.slice(0, -1), zi.path)
        : s.kind === 'under'
          ? (same(zi.path, s.block) && valueAt(parsed.data, s.block) === null) ||
            (zi.path.length === s.block.length + 1 &&
              same(zi.path.slice(0, -1), s.block) &&
              s.keys.includes(String(zi.path[zi.path.length - 1])))
          : zi.code === 'invalid_type' && s.keys.some((k) => same(zi.path, [...(holder(s.block) ?? []), k])),
    );
  const missing = (zi: z.core.$ZodIssue) =>
    zi.code === 'invalid_type' && zi.path.length > 0 && valueAt(parsed.data, zi.path) === undefined;
  const typos = new Map<z.core.$ZodIssue, string>();
  for (const zi of all) {
    if (zi.code !== 'unrecognized_keys' || slipped(zi)) continue;
    const k = zi.keys[0]!;
    const accepted = keysAt(schema, zi.path);
    const labels = Object.fromEntries(
      accepted.map((a) => [a, fieldInfo(schema, [...zi.path, a]).labelJa.replace(/（.*$/, '')]),
    );
    const t = closest(k, accepted, labels);
    if (t !== undefined && t !== k) typos.set(zi, t);
  }
  const standsFor = (zi: z.core.$ZodIssue) =>
    missing(zi) &&
    [...typos].some(([u, t]) => same(u.path, zi.path.slice(0, -1)) && t === String(zi.path[zi.path.length - 1]));
  const out: IntakeIssue[] = slips.map((s) => slipIssue(parsed, schema, s));
  for (const one of all) {
    if (slipped(one) || standsFor(one)) continue;
    const [di] = zodToIssues(new z.ZodError([one]), parsed.data, parsed.file, '', ctx);
    if (!di) continue;
    if (one.code === 'unrecognized_keys') {
      const key = one.keys[0]!;
      const at = [...one.path, key];
      const field = [...one.path.map(String), key === '' ? '""' : key].join('.');
      const typo = typos.get(one);
      const label = typo ? fieldInfo(schema, [...one.path, typo]).labelJa : '';
      const missed = typo !== undefined && all.some((zi) => missing(zi) && same(zi.path, [...one.path, typo]));
      out.push(
        relocate(
          typo
            ? {
                ...di,
                code: 'KIBAN_UNKNOWN_KEY',
                message: `unknown key "${key}" (did you mean "${typo}"?)`,
                fix: `rename it to "${typo}"`,
                messageJa: `「${key}」という項目はありません。「${typo}」（${label}）の綴りの誤りではありませんか${missed ? `（「${typo}」は必須項目です）` : ''}`,
                fixJa: `「${key}」を「${typo}」に直します`,
              }
            : { ...di, code: 'KIBAN_UNKNOWN_KEY' },
          parsed.file,
          parsed.positionOf(at),
          field,
        ),
      );
      continue;
    }
    out.push(
      relocate(
        missing(one) ? { ...di, code: 'KIBAN_MISSING_FIELD', ...whereToAdd(parsed, one.path, di.fixJa) } : di,
        parsed.file,
        parsed.positionOf(one.path),
        di.field,
      ),
    );
  }
  return out;
}
