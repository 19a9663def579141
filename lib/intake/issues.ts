import {
  DeclarationError,
  DeclarationIssue,
  ErrorCode,
  formatIssue,
  receivedJa,
  renderValue,
  ruleJa,
} from '../model/errors';

/** Severity of an intake issue: errors block synthesis, warnings do not. */
export type Severity = 'error' | 'warning';

/** A {@link DeclarationIssue} located in a YAML file: `location` is `file:line:column`. */
export interface IntakeIssue extends DeclarationIssue {
  readonly severity: Severity;
  /** The file, as given (relative paths stay relative). */
  readonly file: string;
  /** 1-based line of the offending key (or of the error for syntax errors). */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** A position in a file (1-based). */
export interface FilePos {
  readonly line: number;
  readonly column: number;
}

/** Builds an intake issue; never throws. */
export function intakeIssue(init: {
  file: string;
  pos: FilePos;
  severity?: Severity;
  code: ErrorCode;
  ruleId: string;
  field?: string;
  value?: unknown;
  message: string;
  messageJa: string;
  fix: string;
  fixJa: string;
}): IntakeIssue {
  const line = Math.max(1, Math.floor(init.pos.line) || 1);
  const column = Math.max(1, Math.floor(init.pos.column) || 1);
  return {
    severity: init.severity ?? 'error',
    file: init.file,
    line,
    column,
    location: `${init.file}:${line}:${column}`,
    code: init.code,
    ruleId: init.ruleId,
    field: init.field ?? '(root)',
    received: renderValue(init.value),
    message: init.message,
    messageJa: init.messageJa,
    fix: init.fix,
    fixJa: init.fixJa,
  };
}

/** Re-locates a model issue (construct path location) to a file position. */
export function relocate(
  i: DeclarationIssue,
  file: string,
  pos: FilePos,
  field = i.field,
  severity: Severity = 'error',
): IntakeIssue {
  const line = Math.max(1, pos.line);
  const column = Math.max(1, pos.column);
  return { ...i, field, severity, file, line, column, location: `${file}:${line}:${column}` };
}

/**
 * Formats an intake issue for a terminal: the English line (`file:line:col: error [R24] field:
 * message`), its fix, then the Japanese line naming the line and column in words, and what to do.
 */
export function formatIntakeIssue(i: IntakeIssue): string {
  const sev = i.severity === 'error' ? 'error' : 'warning';
  const sevJa = i.severity === 'error' ? 'エラー' : '警告';
  const got = i.received === '(missing)' ? '' : `（書かれている値: ${receivedJa(i.received)}）`;
  return [
    `${i.location}: ${sev} [${i.ruleId}] ${i.field}: ${i.message} (received ${i.received}) {${i.code}}`,
    `  fix: ${i.fix}`,
    `  ${sevJa} [${ruleJa(i.ruleId)}] ${i.file} の ${i.line} 行目 ${i.column} 文字目: ${i.messageJa}${got}`,
    `  対処: ${i.fixJa}`,
  ].join('\n');
}

/**
 * Thrown by loadDeclarations: every problem of every file at once, each at file:line:column.
 * A DeclarationError, so callers that already handle model errors handle this one too.
 */
export class IntakeError extends DeclarationError {
  public override readonly issues: readonly IntakeIssue[];
  constructor(issues: readonly IntakeIssue[]) {
    super(issues);
    this.name = 'IntakeError';
    this.issues = issues;
    const files = new Set(issues.map((i) => i.file)).size;
    this.message = `Invalid declarations: ${issues.length} problem(s) in ${files} file(s) / 宣言に ${issues.length} 件の問題があります（${files} ファイル）\n${issues.map(formatIntakeIssue).join('\n')}`;
  }
}

export { formatIssue };
