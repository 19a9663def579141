import * as fs from 'fs';
import * as path from 'path';
import { Language, Node, Parser, Tree } from 'web-tree-sitter';

/** Offline PowerShell parsing with tree-sitter-powershell (the package's .wasm from node_modules). */
let parser: Parser | undefined;

export async function loadParser(): Promise<Parser> {
  if (parser) return parser;
  await Parser.init();
  const wasm = path.join(
    path.dirname(require.resolve('tree-sitter-powershell/package.json')),
    'tree-sitter-powershell.wasm',
  );
  // Bytes, not a path: loading by path uses a dynamic import that jest's CommonJS runtime refuses.
  const lang = await Language.load(new Uint8Array(fs.readFileSync(wasm)));
  parser = new Parser();
  parser.setLanguage(lang);
  return parser;
}

/** Parses PowerShell source; a leading UTF-8 BOM is dropped first, as PowerShell does when it reads the file. */
export function parse(src: string): Tree {
  if (!parser) throw new Error('call loadParser() first (beforeAll)');
  const t = parser.parse(src.startsWith('\uFEFF') ? src.slice(1) : src);
  if (!t) throw new Error('parse failed');
  return t;
}

function walk(n: Node, visit: (n: Node) => void): void {
  visit(n);
  for (const c of n.children) if (c) walk(c, visit);
}

/** ERROR and MISSING nodes, with their text, for messages. */
export function syntaxErrors(t: Tree): string[] {
  const out: string[] = [];
  walk(t.rootNode, (n) => {
    if (n.type === 'ERROR' || n.isMissing)
      out.push(`${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.text.slice(0, 80)}`);
  });
  return out;
}

export interface ParsedCommand {
  readonly name: string;
  readonly params: string[];
  readonly node: Node;
}

/** Every command with its parameter names (without "-" and a trailing ":"). */
export function commands(t: Tree): ParsedCommand[] {
  const out: ParsedCommand[] = [];
  walk(t.rootNode, (n) => {
    if (n.type !== 'command') return;
    const nameNode = n.children.find((c) => c?.type === 'command_name');
    const elements = n.children.find((c) => c?.type === 'command_elements');
    const params = (elements?.children ?? [])
      .filter((c) => c?.type === 'command_parameter')
      .map((c) => c!.text.replace(/^-/, '').replace(/:$/, ''));
    out.push({ name: nameNode?.text ?? '?', params, node: n });
  });
  return out;
}

/** The tree's shape: node types and non-string tokens, with string contents masked. */
export function maskedShape(t: Tree): string {
  const out: string[] = [];
  const rec = (n: Node) => {
    if (/string/.test(n.type)) {
      out.push('<str>');
      return;
    }
    if (n.type === 'comment') {
      out.push('<comment>');
      return;
    }
    out.push(n.childCount === 0 ? `${n.type}:${n.text}` : `(${n.type}`);
    for (const c of n.children) if (c) rec(c);
    if (n.childCount > 0) out.push(')');
  };
  rec(t.rootNode);
  return out.join(' ');
}

/** Texts of the conditions of the if statements enclosing `n`, innermost first. */
export function enclosingConditions(n: Node): string[] {
  const out: string[] = [];
  let cur: Node | null = n.parent;
  while (cur) {
    if (cur.type === 'if_statement') {
      const cond = cur.children.find((c) => c?.type === 'pipeline');
      if (cond) out.push(cond.text);
    }
    cur = cur.parent;
  }
  return out;
}

/**
 * The guards of `n`, innermost first: each enclosing if's condition, written `!(cond)` when `n`
 * is in its else branch. Tells "only when the window is open" from "only when it is closed".
 */
export function guards(n: Node): string[] {
  const out: string[] = [];
  let child: Node = n;
  let cur: Node | null = n.parent;
  while (cur) {
    if (cur.type === 'if_statement') {
      const cond = cur.children.find((c) => c?.type === 'pipeline');
      if (cond) out.push(child.type === 'else_clause' ? `!(${cond.text})` : cond.text);
    }
    child = cur;
    cur = cur.parent;
  }
  return out;
}

/** The text of the innermost statement block of kind `catch_clause` / `finally_clause` / `try_statement` enclosing `n`, if any. */
export function enclosingOfType(n: Node, type: string): Node | undefined {
  let cur: Node | null = n.parent;
  while (cur) {
    if (cur.type === type) return cur;
    cur = cur.parent;
  }
  return undefined;
}
