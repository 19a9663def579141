import * as fs from 'fs';
import * as path from 'path';
import type { Document, Node } from 'yaml';
import { yamlLib } from '../model/yaml-lib';
import { checkDeclarationFile } from './declaration-file';
import { FilePos, IntakeIssue, intakeIssue } from './issues';
import { ErrorCode } from '../model/errors';
import { yamlSyntaxIssues } from './yaml-errors';
import type { DeclarationCache, ParsedText, PositionTree } from './declaration-cache';

/** Largest declaration file accepted, checked before reading or parsing. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Most aliases a file may expand (alias bombs, "billion laughs"). */
export const MAX_ALIAS_COUNT = 50;
/** Deepest nesting accepted (a declaration is at most ~6 levels deep). */
export const MAX_DEPTH = 32;

export const SYSTEM_SCHEMA_FILE = 'system.schema.json';
export const PLATFORM_SCHEMA_FILE = 'platform.schema.json';
/** The folder of an estate's platform data files. */
export const PLATFORM_FOLDER = 'platform';
/** Top-level keys that make a file outside the platform folder a platform file (no system has them). */
const PLATFORM_ONLY_KEYS = [
  'vsphere',
  'hyperv',
  'networks',
  'departments',
  'dedicatedVlans',
  'sharedLicenses',
  'clock',
  'backupPolicy',
  'typicalAllocation',
  'snapshotMaxHours',
];
/** The first line every declaration should carry so editors validate it. */
export const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$/;

/** What a declaration file declares: a system, or platform data (platform, dedicated VLANs, licence pools). */
export type DeclarationKind = 'system' | 'platform';

/** A parsed declaration file: its data (when it parsed), its issues, and positions of its nodes. */
export interface ParsedDeclarationFile {
  readonly file: string;
  /** undefined when the file could not be read or parsed (see issues). */
  readonly kind: DeclarationKind | undefined;
  /** The plain data (what the constructs receive), when the file parsed. */
  readonly data: unknown;
  /** Read and syntax problems (errors) and modeline warnings; schema checks come later. */
  readonly issues: IntakeIssue[];
  /** Position of the node at a field path (the offending key; the nearest existing parent's key when absent). */
  positionOf(path: readonly PropertyKey[]): FilePos;
  /**
   * The verdicts of earlier runs on this text (lib/intake/declaration-cache.ts): what a named schema
   * made of the data when it passed. Absent without a cache.
   */
  readonly checked?: {
    get(schema: string): unknown;
    put(schema: string, output: unknown): void;
  };
}

const START: FilePos = { line: 1, column: 1 };

function readIssue(
  file: string,
  code: ErrorCode,
  message: string,
  messageJa: string,
  fix: string,
  fixJa: string,
  pos: FilePos = START,
  value?: unknown,
): IntakeIssue {
  return intakeIssue({ file, pos, code, ruleId: 'SCHEMA', field: '(file)', value, message, messageJa, fix, fixJa });
}

function failed(file: string, issues: IntakeIssue[]): ParsedDeclarationFile {
  return { file, kind: undefined, data: undefined, issues, positionOf: () => START };
}

/**
 * Reads a file's bytes: a regular file only (checked before opening, and again on the open handle,
 * which never follows a symbolic link or blocks on a FIFO), the size limit checked first.
 */
function readBounded(
  file: string,
  root?: string,
  opts: { readonly checked?: boolean; readonly stat?: (st: fs.BigIntStats) => void } = {},
): Uint8Array | IntakeIssue {
  const notRegular = opts.checked ? undefined : checkDeclarationFile(file, root);
  if (notRegular) return notRegular;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    const big = fs.fstatSync(fd, { bigint: true });
    const st = { isFile: () => big.isFile(), size: Number(big.size) };
    if (!st.isFile())
      return (
        checkDeclarationFile(file) ??
        readIssue(
          file,
          'KIBAN_NOT_A_REGULAR_FILE',
          'a declaration must be a regular file',
          '宣言は通常のファイルでなければなりません',
          'give the path of a .yaml file',
          '.yaml ファイルのパスを指定してください',
        )
      );
    if (st.size > MAX_FILE_BYTES) return tooBig(file, st.size);
    // A buffer of the file's size and one byte more (not of the limit: 256 KiB zero-filled per file was a
    // tenth of an incremental synth at 1,000 systems, issue 14); a file that grew since fstat fills it and
    // is read again into a buffer of the limit.
    let buf = Buffer.allocUnsafe(st.size + 1);
    let n = fs.readSync(fd, buf, 0, buf.length, 0);
    if (n === buf.length) {
      buf = Buffer.alloc(MAX_FILE_BYTES + 1);
      n = fs.readSync(fd, buf, 0, buf.length, 0);
    }
    if (n > MAX_FILE_BYTES) return tooBig(file, n);
    opts.stat?.(big);
    return buf.subarray(0, n);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    return readIssue(
      file,
      'KIBAN_FILE_UNREADABLE',
      `cannot read the file (${code})`,
      `ファイルを読み込めません（${code}）`,
      'check the path and the permissions',
      'パスと権限を確認してください',
    );
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function tooBig(file: string, size: number): IntakeIssue {
  return readIssue(
    file,
    'KIBAN_FILE_TOO_LARGE',
    `the file is ${size} bytes; the limit is ${MAX_FILE_BYTES} bytes (256 KiB)`,
    `ファイルが大きすぎます（${size} バイト、上限 ${MAX_FILE_BYTES} バイト = 256 KiB）`,
    'declare one system per file',
    '1ファイルに1システムを宣言してください',
    START,
    size,
  );
}

/** Decodes strict UTF-8 (a BOM is dropped); undefined on invalid bytes. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // Binary search the longest valid prefix is overkill: scan by growing prefixes of lines.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // a prefix may cut a valid multi-byte character; allow 3 extra bytes of slack
    if (
      decodeUtf8(bytes.subarray(0, mid)) !== undefined ||
      decodeUtf8(bytes.subarray(0, Math.min(bytes.length, mid + 3))) !== undefined
    )
      lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineOfByte(bytes: Uint8Array, offset: number): FilePos {
  let line = 1;
  let lastNl = -1;
  for (let i = 0; i < offset && i < bytes.length; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lastNl = i;
    }
  return { line, column: offset - lastNl };
}

function keyText(key: unknown): string | undefined {
  if (yamlLib().isScalar(key)) return String(key.value);
  return undefined;
}

function depthExceeds(node: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[node, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (d > max) return true;
    if (yamlLib().isMap(n)) for (const p of n.items) stack.push([p.value, d + 1]);
    else if (yamlLib().isSeq(n)) for (const it of n.items) stack.push([it, d + 1]);
  }
  return false;
}

/**
 * Parses one declaration file (a path, or a text/bytes with a name for messages). Never throws:
 * every problem (size, encoding, syntax, duplicate keys, aliases, multiple documents) is an issue
 * at file:line:column.
 */
export function parseDeclarationFile(
  input: string | { readonly path?: string; readonly text: string | Uint8Array },
  options: {
    readonly root?: string;
    /** Texts parsed by an earlier run (lib/intake/declaration-cache.ts). @default none */
    readonly cache?: DeclarationCache;
  } = {},
): ParsedDeclarationFile {
  const file = typeof input === 'string' ? input : (input.path ?? '<input>');
  const cache = options.cache;
  let stat: fs.BigIntStats | undefined;
  let checked = false;
  if (typeof input === 'string' && cache) {
    // A file whose stat is as an earlier run recorded it holds the text that run read (issue 14): its
    // parse is taken from the cache without reading the file; the file is read only should a message
    // need its text again (damaged positions).
    const notRegular = checkDeclarationFile(file, options.root);
    if (notRegular) return failed(file, [notRegular]);
    checked = true;
    let known: ReturnType<DeclarationCache['known']>;
    try {
      known = cache.known(file, fs.lstatSync(file, { bigint: true }));
    } catch {
      known = undefined; // gone since the check: reading it reports why
    }
    const hit = known && cache.getBySha(known.sha);
    if (known && hit) {
      const again = (): string | undefined => {
        const bytes = readBounded(file, options.root);
        const t = bytes instanceof Uint8Array ? decodeUtf8(bytes) : undefined;
        return t !== undefined && cache.sha(t) === known.sha ? t : undefined;
      };
      return declared(file, { firstLine: known.firstLine, text: again, sha: known.sha }, hit, cache);
    }
  }
  let text: string | undefined;
  if (typeof input === 'string' || typeof input.text !== 'string') {
    const bytes =
      typeof input === 'string'
        ? readBounded(file, options.root, { checked, stat: (st) => void (stat = st) })
        : input.text;
    if (!(bytes instanceof Uint8Array)) return failed(file, [bytes as IntakeIssue]);
    if (bytes.length > MAX_FILE_BYTES) return failed(file, [tooBig(file, bytes.length)]);
    text = decodeUtf8(bytes);
    if (text === undefined) {
      const pos = lineOfByte(bytes, firstInvalidUtf8Offset(bytes));
      return failed(file, [
        readIssue(
          file,
          'KIBAN_FILE_ENCODING',
          'the file is not valid UTF-8',
          'ファイルの文字コードが UTF-8 ではありません（Shift_JIS 等は使えません）',
          'save the file as UTF-8',
          'UTF-8 で保存し直してください',
          pos,
        ),
      ]);
    }
  } else {
    text = input.text;
    const size = Buffer.byteLength(text, 'utf8');
    if (size > MAX_FILE_BYTES) return failed(file, [tooBig(file, size)]);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  try {
    const sha = cache?.sha(text);
    const whole = text;
    const source = { firstLine: firstLineOf(text), text: () => whole, ...(sha ? { sha } : {}) };
    const hit = sha === undefined ? undefined : cache!.getBySha(sha);
    const parsed = hit ?? parseText(file, text);
    if (!('tree' in parsed)) return parsed;
    if (!hit && sha !== undefined) cache!.putBySha(sha, parsed);
    if (stat && sha !== undefined) cache!.remember(file, stat, { sha, firstLine: source.firstLine });
    return declared(file, source, parsed, cache);
  } catch (e) {
    // The yaml library should report everything as errors; this is the last line of defence.
    return failed(file, [
      readIssue(
        file,
        'KIBAN_YAML_SYNTAX',
        `the file could not be parsed: ${(e as Error)?.message ?? String(e)}`,
        'YAMLとして解析できません',
        'check the YAML syntax',
        'YAMLの書式を確認してください',
      ),
    ]);
  }
}

/** A text parsed: its problems, or (when it parsed cleanly) its data and the positions of its nodes. */
function parseText(file: string, text: string): ParsedDeclarationFile | ParsedText {
  const lineCounter = new (yamlLib().LineCounter)();
  const doc = yamlLib().parseDocument(text, {
    lineCounter,
    version: '1.2',
    merge: false,
    uniqueKeys: true,
    prettyErrors: true,
    strict: true,
    keepSourceTokens: false,
  });
  const pos = (offset: number): FilePos => {
    const p = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: p.line, column: p.col };
  };
  // Warnings of the yaml library (e.g. an unresolved tag) block like errors: the file would not mean what it says.
  const issues: IntakeIssue[] =
    doc.errors.length + doc.warnings.length > 0
      ? yamlSyntaxIssues(file, text, doc, [...doc.errors, ...doc.warnings], pos)
      : [];
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    issues.push(
      intakeIssue({
        file,
        pos: START,
        code: 'KIBAN_YAML_VERSION',
        ruleId: 'SCHEMA',
        field: '(yaml)',
        value: doc.directives.yaml.version,
        message: 'only YAML 1.2 is accepted',
        messageJa: 'YAML 1.2 のみ使用できます',
        fix: 'remove the %YAML directive',
        fixJa: '%YAML 指定を削除してください',
      }),
    );
  }
  const positionOf = (path: readonly PropertyKey[]): FilePos => locate(doc, path, pos);
  if (issues.length > 0) return { file, kind: undefined, data: undefined, issues, positionOf };
  if (depthExceeds(doc.contents, MAX_DEPTH)) {
    return {
      file,
      kind: undefined,
      data: undefined,
      issues: [
        readIssue(
          file,
          'KIBAN_YAML_TOO_DEEP',
          `the document nests deeper than ${MAX_DEPTH} levels`,
          `入れ子が深すぎます（上限 ${MAX_DEPTH} 段）`,
          'declare the system as in the guide',
          'ガイドの例のとおりに宣言してください',
        ),
      ],
      positionOf,
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    const alias = /alias/i.test(msg) && !/unresolved/i.test(msg);
    const badRef = /unresolved alias/i.test(msg);
    return {
      file,
      kind: undefined,
      data: undefined,
      positionOf,
      issues: [
        readIssue(
          file,
          alias ? 'KIBAN_YAML_ALIASES' : 'KIBAN_YAML_SYNTAX',
          alias
            ? `too many alias expansions (limit ${MAX_ALIAS_COUNT}): ${msg}`
            : `the YAML could not be converted: ${msg}`,
          alias
            ? `「*」で始まる参照（エイリアス）の展開が多すぎます（上限 ${MAX_ALIAS_COUNT}）`
            : badRef
              ? '「*」で始まる参照の行き先（「&」の付いた値）がありません'
              : '書かれた内容を読み取れません',
          alias ? 'write the values out instead of using anchors and aliases' : 'check the YAML',
          alias || badRef ? '「&」「*」は使わず、値をそのまま書きます' : 'ガイドの例と見比べて書き方を確かめます',
        ),
      ],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      file,
      kind: undefined,
      data,
      positionOf,
      issues: [
        intakeIssue({
          file,
          pos: doc.contents ? pos(doc.contents.range[0]) : START,
          code: 'KIBAN_NOT_A_DECLARATION',
          ruleId: 'SCHEMA',
          field: '(root)',
          value: data,
          message: 'a declaration file must be a mapping (key: value lines) at the top level',
          messageJa:
            '宣言ファイルが「項目名: 値」の行で書かれていません（空のファイルか、一覧や値だけが書かれています）',
          fix: 'start from an example of the intake guide (docs/intake-guide.md)',
          fixJa: '受付ガイド（docs/intake-guide.md）の例から書き始めてください',
        }),
      ],
    };
  }
  return { data, tree: positionTree(doc.contents, pos) };
}

/** A declaration's text as {@link declared} needs it: its first line, the whole (read again if need be), its SHA-256 with a cache. */
interface DeclaredSource {
  readonly firstLine: string;
  readonly text: () => string | undefined;
  readonly sha?: string;
}

function firstLineOf(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}

/** A file whose text parsed cleanly: its kind, and a warning when the first line lacks the schema modeline. */
function declared(
  file: string,
  source: DeclaredSource,
  parsed: ParsedText,
  cache?: DeclarationCache,
): ParsedDeclarationFile {
  const data = parsed.data;
  // `parsed.tree` is read only here: a cached entry parses its positions on first use (and should they be
  // damaged, the text is parsed again for them).
  let tree: PositionTree | null | undefined;
  const treeOf = (): PositionTree | null => {
    if (tree !== undefined) return tree;
    try {
      tree = parsed.tree;
    } catch {
      const text = source.text();
      const again = text === undefined ? undefined : parseText(file, text);
      tree = again && 'tree' in again ? again.tree : null;
    }
    return tree;
  };
  const positionOf = (p: readonly PropertyKey[]): FilePos => locateInTree(treeOf(), p);
  const own = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  const kind: DeclarationKind =
    path.basename(path.dirname(file)) === PLATFORM_FOLDER || (!own('systemId') && PLATFORM_ONLY_KEYS.some(own))
      ? 'platform'
      : 'system';
  const warnings: IntakeIssue[] = [];
  const first = source.firstLine;
  const m = MODELINE.exec(first);
  const want = kind === 'system' ? SYSTEM_SCHEMA_FILE : PLATFORM_SCHEMA_FILE;
  if (!m || !m[1]!.endsWith(`schemas/${want}`)) {
    warnings.push(
      intakeIssue({
        file,
        pos: START,
        severity: 'warning',
        code: 'KIBAN_SCHEMA_MODELINE',
        ruleId: 'SCHEMA',
        field: '(file)',
        value: first,
        message: `the first line should reference the JSON Schema so editors check the file: # yaml-language-server: $schema=<relative path>/schemas/${want}`,
        messageJa: `1行目でJSONスキーマを参照してください（エディタが入力を補完・検査します）: # yaml-language-server: $schema=<相対パス>/schemas/${want}`,
        fix: `add "# yaml-language-server: $schema=../../schemas/${want}" as the first line`,
        fixJa: `1行目に「# yaml-language-server: $schema=../../schemas/${want}」を追加してください`,
      }),
    );
  }
  const sha = source.sha;
  const checked = cache &&
    sha !== undefined && {
      get: (schema: string) => cache.checked(sha, schema),
      put: (schema: string, output: unknown) => cache.putChecked(sha, schema, output),
    };
  return { file, kind, data, issues: warnings, positionOf, ...(checked ? { checked } : {}) };
}

/**
 * The positions {@link locate} reads, kept apart from the document: `[line, column]` of a node, with
 * a mapping's entries (key text → key position and value) or a sequence's items.
 */
function positionTree(node: unknown, pos: (offset: number) => FilePos): PositionTree | null {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return null;
  const { line, column } = pos(range[0]);
  if (yamlLib().isMap(node)) {
    const m: Record<string, [number, number, PositionTree]> = Object.create(null) as Record<string, never>;
    for (const p of node.items) {
      const k = yamlLib().isPair(p) ? keyText(p.key) : undefined;
      const at = (p.key as Node | null)?.range;
      if (k === undefined || !at || Object.prototype.hasOwnProperty.call(m, k)) continue;
      const kp = pos(at[0]);
      m[k] = [kp.line, kp.column, positionTree(p.value, pos) ?? [kp.line, kp.column]];
    }
    return [line, column, { m }];
  }
  if (yamlLib().isSeq(node)) return [line, column, { s: node.items.map((it) => positionTree(it, pos)) }];
  return [line, column];
}

/** {@link locate} over a position tree. */
function locateInTree(tree: PositionTree | null, path: readonly PropertyKey[]): FilePos {
  if (!tree) return START;
  let node: PositionTree | null = tree;
  let at: readonly [number, number, ...unknown[]] | undefined = tree.length === 2 ? tree : undefined;
  for (const seg of path) {
    const sub:
      | { m: Record<string, readonly [number, number, PositionTree]> }
      | { s: ReadonlyArray<PositionTree | null> }
      | undefined = node?.[2];
    if (sub && 'm' in sub) {
      const k = String(seg);
      if (!Object.prototype.hasOwnProperty.call(sub.m, k)) break;
      const e: readonly [number, number, PositionTree] = sub.m[k]!;
      at = e;
      node = e[2];
    } else if (sub && 's' in sub) {
      const item: PositionTree | null | undefined = sub.s[Number(seg)];
      if (item === undefined || item === null) break;
      at = item;
      node = item;
    } else break;
  }
  const [line, column] = at ?? tree;
  return { line, column };
}

/**
 * The position of the node at `path`: the key of the deepest existing pair along the path (so an
 * error points at the offending key), or the sequence item; the document start if nothing matches.
 */
function locate(doc: Document, path: readonly PropertyKey[], pos: (offset: number) => FilePos): FilePos {
  let node: unknown = doc.contents;
  let at: Node | undefined = yamlLib().isMap(node) || yamlLib().isSeq(node) ? undefined : (node as Node | undefined);
  for (const seg of path) {
    if (yamlLib().isMap(node)) {
      const pair = node.items.find((p) => yamlLib().isPair(p) && keyText(p.key) === String(seg));
      if (!pair) break;
      at = (pair.key as Node) ?? at;
      node = pair.value;
    } else if (yamlLib().isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined || item === null) break;
      at = item as Node;
      node = item;
    } else break;
  }
  const range = at?.range ?? (doc.contents as Node | null)?.range;
  if (!range) return START;
  return pos(range[0]);
}
