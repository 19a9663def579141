import { checkCall } from './cmdlets';
import { psQuote } from './quote';

/**
 * A small PowerShell structure: emitters build statements and commands with typed arguments, and
 * only {@link renderScript} turns them into text. Declared values can only enter as `str` (rendered
 * by psQuote), `int`/`gb` (checked integers) or `here` bodies (rendered verbatim, so only for fixed
 * templates). Variable, property, method and parameter names are identifiers chosen by the emitter
 * and checked against an identifier pattern; they never come from declarations.
 */

export type BinOp =
  '-eq' | '-ne' | '-ceq' | '-cne' | '-lt' | '-le' | '-gt' | '-ge' | '-and' | '-or' | '-contains' | '-notcontains' | '+';

export type Expr =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'int'; readonly v: number }
  | { readonly k: 'gb'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'null' }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'prop'; readonly of: Expr; readonly name: string }
  | { readonly k: 'index'; readonly of: Expr; readonly i: number }
  | { readonly k: 'method'; readonly of: Expr; readonly name: string; readonly args: readonly Expr[] }
  | { readonly k: 'bin'; readonly op: BinOp; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'not'; readonly e: Expr }
  | { readonly k: 'array'; readonly items: readonly Expr[] }
  | { readonly k: 'sub'; readonly cmd: Command }
  | { readonly k: 'arrsub'; readonly cmd: Command }
  | { readonly k: 'here'; readonly lines: readonly string[] };

export interface Arg {
  readonly p: string;
  /** Absent for a switch parameter. */
  readonly v?: Expr;
}
export interface Command {
  readonly name: string;
  readonly args: readonly Arg[];
}

export type Stmt =
  | { readonly k: 'cmd'; readonly cmd: Command; readonly assign?: string; readonly discard?: boolean }
  | { readonly k: 'set'; readonly name: string; readonly v: Expr }
  | { readonly k: 'if'; readonly cond: Expr; readonly then: readonly Stmt[]; readonly else?: readonly Stmt[] }
  | { readonly k: 'foreach'; readonly v: string; readonly in: Expr; readonly body: readonly Stmt[] }
  | { readonly k: 'while'; readonly cond: Expr; readonly body: readonly Stmt[] }
  | {
      readonly k: 'try';
      readonly body: readonly Stmt[];
      readonly catch?: readonly Stmt[];
      readonly fin?: readonly Stmt[];
    }
  | { readonly k: 'throw'; readonly msg: Expr }
  /** `throw` without an argument inside a catch block: re-throws the error being handled. */
  | { readonly k: 'rethrow' }
  | { readonly k: 'comment'; readonly text: string }
  | { readonly k: 'blank' };

export interface ScriptParam {
  readonly name: string;
  /** `[string]` (default) or `[switch]`. */
  readonly type?: 'string' | 'switch';
  readonly mandatory: boolean;
  readonly helpMessage: string;
}
export interface Script {
  /** Comment-based help lines (fixed text and schema-restricted identifiers only). */
  readonly synopsis: readonly string[];
  readonly confirmImpact: 'Medium' | 'High';
  readonly params: readonly ScriptParam[];
  readonly body: readonly Stmt[];
}

// ---- builders ----
export const str = (v: string): Expr => ({ k: 'str', v });
export const int = (v: number): Expr => ({ k: 'int', v });
export const gb = (v: number): Expr => ({ k: 'gb', v });
export const bool = (v: boolean): Expr => ({ k: 'bool', v });
export const NULL: Expr = { k: 'null' };
export const v = (name: string): Expr => ({ k: 'var', name });
export const prop = (of: Expr, name: string): Expr => ({ k: 'prop', of, name });
export const idx = (of: Expr, i: number): Expr => ({ k: 'index', of, i });
export const method = (of: Expr, name: string, ...args: Expr[]): Expr => ({ k: 'method', of, name, args });
export const bin = (l: Expr, op: BinOp, r: Expr): Expr => ({ k: 'bin', op, l, r });
export const not = (e: Expr): Expr => ({ k: 'not', e });
export const arr = (items: readonly Expr[]): Expr => ({ k: 'array', items });
export const sub = (cmd: Command): Expr => ({ k: 'sub', cmd });
export const arrsub = (cmd: Command): Expr => ({ k: 'arrsub', cmd });
export const isNull = (e: Expr): Expr => bin(NULL, '-eq', e);
export const notNull = (e: Expr): Expr => bin(NULL, '-ne', e);
export const or = (...es: Expr[]): Expr => es.reduce((a, b) => bin(a, '-or', b));
export const and = (...es: Expr[]): Expr => es.reduce((a, b) => bin(a, '-and', b));

export const cmd = (name: string, args: Record<string, Expr | true> = {}): Command => ({
  name,
  args: Object.entries(args).map(([p, val]) => (val === true ? { p } : { p, v: val })),
});
export const run = (name: string, args: Record<string, Expr | true> = {}): Stmt => ({ k: 'cmd', cmd: cmd(name, args) });
export const assign = (to: string, c: Command): Stmt => ({ k: 'cmd', cmd: c, assign: to });
export const discard = (c: Command): Stmt => ({ k: 'cmd', cmd: c, discard: true });
export const set = (name: string, value: Expr): Stmt => ({ k: 'set', name, v: value });
export const iff = (cond: Expr, then: readonly Stmt[], otherwise?: readonly Stmt[]): Stmt =>
  otherwise ? { k: 'if', cond, then, else: otherwise } : { k: 'if', cond, then };
export const each = (name: string, over: Expr, body: readonly Stmt[]): Stmt => ({
  k: 'foreach',
  v: name,
  in: over,
  body,
});
export const tryFinally = (body: readonly Stmt[], fin: readonly Stmt[]): Stmt => ({ k: 'try', body, fin });
/** `try { body } catch { cleanup; throw }`: undoes what the body made, then re-throws. */
export const tryUndo = (body: readonly Stmt[], cleanup: readonly Stmt[]): Stmt => ({
  k: 'try',
  body,
  catch: [...cleanup, { k: 'rethrow' }],
});
export const whileLoop = (cond: Expr, body: readonly Stmt[]): Stmt => ({ k: 'while', cond, body });
export const fail = (msg: Expr | string): Stmt => ({ k: 'throw', msg: typeof msg === 'string' ? str(msg) : msg });
export const comment = (text: string): Stmt => ({ k: 'comment', text });
export const blank: Stmt = { k: 'blank' };
/** A step that says what it does (Write-Host). */
export const say = (text: string | Expr): Stmt =>
  run('Write-Host', { Object: typeof text === 'string' ? str(text) : text });
export const warn = (text: string | Expr): Stmt =>
  run('Write-Warning', { Message: typeof text === 'string' ? str(text) : text });
/** `if ($PSCmdlet.ShouldProcess(target, action)) { body }`: what -WhatIf prints as the plan. */
export const should = (target: string, action: string, body: readonly Stmt[]): Stmt =>
  iff(method(v('PSCmdlet'), 'ShouldProcess', str(target), str(action)), body);

// ---- rendering ----
const IDENT = /^[A-Za-z][A-Za-z0-9]*$/;
const CMDLET = /^[A-Z][a-z]+-[A-Za-z]+$/;
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/;

function ident(name: string, what: string): string {
  if (!IDENT.test(name)) throw new Error(`hyperv emitter: invalid ${what} name ${JSON.stringify(name)}`);
  return name;
}

function safeInt(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`hyperv emitter: not a non-negative integer: ${n}`);
  return String(n);
}

function signedInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`hyperv emitter: not an integer: ${n}`);
  return String(n);
}

export function renderExpr(e: Expr): string {
  switch (e.k) {
    case 'str':
      return psQuote(e.v);
    case 'int':
      return signedInt(e.v);
    case 'gb':
      // Exact bytes in expressions: the grammar the tests parse with rejects `120GB` there (valid PowerShell).
      return safeInt(e.v * 1024 ** 3);
    case 'bool':
      return e.v ? '$true' : '$false';
    case 'null':
      return '$null';
    case 'var':
      return `$${ident(e.name, 'variable')}`;
    case 'prop':
      return `${renderExpr(e.of)}.${ident(e.name, 'property')}`;
    case 'index':
      return `${renderExpr(e.of)}[${safeInt(e.i)}]`;
    case 'method':
      return `${renderExpr(e.of)}.${ident(e.name, 'method')}(${e.args.map(renderExpr).join(', ')})`;
    case 'bin':
      return `(${renderExpr(e.l)} ${e.op} ${renderExpr(e.r)})`;
    case 'not':
      return `(-not ${renderExpr(e.e)})`;
    case 'array':
      return `@(${e.items.map(renderExpr).join(', ')})`;
    case 'sub':
      return `(${renderCommand(e.cmd)})`;
    case 'arrsub':
      return `@(${renderCommand(e.cmd)})`;
    case 'here':
      for (const l of e.lines)
        if (LINE_BREAKS.test(l) || /^\s*'@/.test(l))
          throw new Error('hyperv emitter: here-string line would end the string');
      return `@'\n${e.lines.join('\n')}\n'@`;
  }
}

/** Renders a command after checking it against the cmdlet reference / allow-list. */
export function renderCommand(c: Command): string {
  if (!CMDLET.test(c.name)) throw new Error(`hyperv emitter: invalid command name ${c.name}`);
  const problem = checkCall(
    c.name,
    c.args.map((a) => a.p),
  );
  if (problem !== undefined) throw new Error(`hyperv emitter: ${problem}`);
  const args = c.args.map((a) => {
    const p = `-${ident(a.p, 'parameter')}`;
    if (a.v === undefined) return p;
    if (a.v.k === 'gb') return `${p} ${safeInt(a.v.v)}GB`;
    if (a.v.k === 'here') throw new Error('hyperv emitter: a here-string is not a command argument');
    return `${p} ${renderExpr(a.v)}`;
  });
  return [c.name, ...args].join(' ');
}

function renderComment(text: string): string {
  if (LINE_BREAKS.test(text)) throw new Error('hyperv emitter: a comment must be one line');
  return text === '' ? '#' : `# ${text}`;
}

/** A condition without the redundant outer parentheses of a binary or -not expression. */
function renderCond(e: Expr): string {
  const text = renderExpr(e);
  return (e.k === 'bin' || e.k === 'not') && text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text;
}

function renderStmts(stmts: readonly Stmt[], depth: number, out: string[]): void {
  const pad = '    '.repeat(depth);
  const block = (head: string, body: readonly Stmt[]) => {
    out.push(`${pad}${head} {`);
    renderStmts(body, depth + 1, out);
    out.push(`${pad}}`);
  };
  for (const s of stmts) {
    switch (s.k) {
      case 'cmd': {
        const text = renderCommand(s.cmd);
        if (s.assign !== undefined) out.push(`${pad}$${ident(s.assign, 'variable')} = ${text}`);
        else if (s.discard) out.push(`${pad}$null = ${text}`);
        else out.push(`${pad}${text}`);
        break;
      }
      case 'set': {
        const value = renderExpr(s.v);
        const lines = value.split('\n');
        out.push(`${pad}$${ident(s.name, 'variable')} = ${lines[0]}`, ...lines.slice(1));
        break;
      }
      case 'if': {
        out.push(`${pad}if (${renderCond(s.cond)}) {`);
        renderStmts(s.then, depth + 1, out);
        if (s.else && s.else.length > 0) {
          out.push(`${pad}} else {`);
          renderStmts(s.else, depth + 1, out);
        }
        out.push(`${pad}}`);
        break;
      }
      case 'foreach':
        block(`foreach ($${ident(s.v, 'variable')} in ${renderExpr(s.in)})`, s.body);
        break;
      case 'while':
        block(`while (${renderCond(s.cond)})`, s.body);
        break;
      case 'try':
        out.push(`${pad}try {`);
        renderStmts(s.body, depth + 1, out);
        if (s.catch) {
          out.push(`${pad}} catch {`);
          renderStmts(s.catch, depth + 1, out);
        }
        if (s.fin) {
          out.push(`${pad}} finally {`);
          renderStmts(s.fin, depth + 1, out);
        }
        out.push(`${pad}}`);
        break;
      case 'throw':
        out.push(`${pad}throw ${renderExpr(s.msg)}`);
        break;
      case 'rethrow':
        out.push(`${pad}throw`);
        break;
      case 'comment':
        out.push(`${pad}${renderComment(s.text)}`);
        break;
      case 'blank':
        out.push('');
        break;
    }
  }
}

/**
 * UTF-8 byte order mark. Windows PowerShell 5.1 (Windows Server 2016) reads a .ps1 without a BOM in
 * the ANSI code page (CP932 on Japanese Windows): Japanese text is garbled and some bytes decode to
 * U+2018/U+2019, which PowerShell treats as quotes. With the BOM the file is read as UTF-8.
 */
export const UTF8_BOM = '\uFEFF';

/** Renders a whole script: BOM, help, CmdletBinding with ShouldProcess, strict mode, stop on errors, body. */
export function renderScript(script: Script): string {
  const out: string[] = ['<#', '.SYNOPSIS'];
  for (const l of script.synopsis) {
    if (LINE_BREAKS.test(l) || l.includes('#>')) throw new Error('hyperv emitter: invalid help line');
    out.push(l === '' ? '' : `    ${l}`);
  }
  out.push('#>');
  out.push(`[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = '${script.confirmImpact}')]`);
  if (script.params.length === 0) out.push('param()');
  else {
    out.push('param(');
    script.params.forEach((p, i) => {
      out.push(
        `    [Parameter(Mandatory = ${p.mandatory ? '$true' : '$false'}, HelpMessage = ${psQuote(p.helpMessage)})]`,
      );
      out.push(`    [${p.type ?? 'string'}] $${ident(p.name, 'parameter')}${i < script.params.length - 1 ? ',' : ''}`);
    });
    out.push(')');
  }
  out.push('');
  renderStmts([run('Set-StrictMode', { Version: str('Latest') })], 0, out);
  out.push("$ErrorActionPreference = 'Stop'", '');
  renderStmts(script.body, 0, out);
  return `${UTF8_BOM}${out.join('\n').replace(/[ \t]+$/gm, '')}\n`;
}
