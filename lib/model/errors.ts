/**
 * Errors and messages of the domain model.
 *
 * Every problem the product reports carries a stable code, the rule ID of the platform digest
 * (../shared/reference/platform-rules.md), where it happened (construct path or file:line), the
 * field, the value received, and English + Japanese text with how to fix it.
 */

/**
 * Every stable error code the product reports, the one list (issue 13). A new problem gets a new
 * code here; the type {@link ErrorCode} makes a misspelt code a compile error.
 */
export const ERROR_CODES = [
  'KIBAN_BAD_DATE',
  'KIBAN_BASE_NOT_OUTPUT',
  'KIBAN_DECOMMISSION_PHASE',
  'KIBAN_DECOMMISSION_UNCONFIRMED',
  'KIBAN_DUPLICATE_SERVER',
  'KIBAN_DUPLICATE_SYSTEM_ID',
  'KIBAN_DUPLICATE_VLAN',
  'KIBAN_ESTATE_SCRIPT',
  'KIBAN_FILE_ENCODING',
  'KIBAN_FILE_NAME',
  'KIBAN_FILE_OUTSIDE',
  'KIBAN_FILE_TOO_LARGE',
  'KIBAN_FILE_UNREADABLE',
  'KIBAN_FOLDER_DEPARTMENT',
  'KIBAN_FOLDER_UNREADABLE',
  'KIBAN_FORM_OUT_NOT_OURS',
  'KIBAN_HYPERV_POOL',
  'KIBAN_INDENTATION',
  'KIBAN_INTAKE_FAILED',
  'KIBAN_INVALID',
  'KIBAN_INVALID_FIELD',
  'KIBAN_MAC_COLLISION',
  'KIBAN_MISSING_FIELD',
  'KIBAN_NOT_A_DECLARATION',
  'KIBAN_NOT_A_DECLARATION_FILE',
  'KIBAN_NOT_A_REGULAR_FILE',
  'KIBAN_NO_BACKUP_STORAGE',
  'KIBAN_OUTPUT_NOT_OURS',
  'KIBAN_OVF_LOCATION',
  'KIBAN_PASSTHROUGH_DEVICE',
  'KIBAN_PLATFORM_INCOMPLETE',
  'KIBAN_PLATFORM_KEY_TWICE',
  'KIBAN_PLATFORM_MISSING',
  'KIBAN_SCHEMA_MODELINE',
  'KIBAN_SOURCE_HYPERVISOR',
  'KIBAN_SWAP_JOURNAL',
  'KIBAN_TEMPLATE_OS_MISMATCH',
  'KIBAN_UNKNOWN_CLUSTER',
  'KIBAN_UNKNOWN_DATASTORE',
  'KIBAN_UNKNOWN_GUEST_OS',
  'KIBAN_UNKNOWN_KEY',
  'KIBAN_UNKNOWN_NETWORK',
  'KIBAN_UNKNOWN_TEMPLATE',
  'KIBAN_WINDOWS_TIME_ZONE',
  'KIBAN_YAML_ALIASES',
  'KIBAN_YAML_BRACKET',
  'KIBAN_YAML_COLON',
  'KIBAN_YAML_DASH',
  'KIBAN_YAML_DUPLICATE_KEY',
  'KIBAN_YAML_INDENT',
  'KIBAN_YAML_QUOTE',
  'KIBAN_YAML_SYNTAX',
  'KIBAN_YAML_TAB',
  'KIBAN_YAML_TOO_DEEP',
  'KIBAN_YAML_VERSION',
  'KIBAN_YAML_WIDE_SPACE',
] as const;

/** A stable error code of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The name of a rule of the pack, e.g. `R03-CapacityWithinPlatform` (the code of an issue that is a rule-pack finding). */
export type RuleName = `${string}-${string}`;

/** One problem with a declaration. */
export interface DeclarationIssue {
  /** Stable machine code, e.g. `KIBAN_INVALID_FIELD`, or the rule name of a rule-pack finding. */
  readonly code: ErrorCode | RuleName;
  /** Rule ID of the platform digest, e.g. `R27`; `SCHEMA` when only the shape is wrong. */
  readonly ruleId: string;
  /** Construct path (`Estate/kikaku-web/web01`) or `file:line:column`. */
  readonly location: string;
  /** Dotted field path inside the declaration, e.g. `servers.0.cpu.sockets`. */
  readonly field: string;
  /** The value received (rendered for humans). */
  readonly received: string;
  /** What is wrong, in English. */
  readonly message: string;
  /** What is wrong, in Japanese. */
  readonly messageJa: string;
  /** How to fix it (English). */
  readonly fix: string;
  /** How to fix it (Japanese). */
  readonly fixJa: string;
}

/** A short form of an object or array: its keys (or item count), never the whole subtree. */
function shallow(value: object): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.length} item(s)]`;
  const keys = Object.keys(value);
  const shown = keys.slice(0, 4).map((k) => {
    const v = (value as Record<string, unknown>)[k];
    return `${k}: ${v !== null && typeof v === 'object' ? '{…}' : (JSON.stringify(v) ?? String(v))}`;
  });
  return `{${shown.join(', ')}${keys.length > 4 ? ', …' : ''}}`;
}

/** Renders a value for an error message: short, single line, never a dump of a subtree; never throws. */
export function renderValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  let text: string;
  try {
    if (typeof value === 'string')
      text = JSON.stringify([...value].length > 80 ? `${[...value].slice(0, 79).join('')}…` : value);
    else if (typeof value === 'function') text = `[function ${value.name || 'anonymous'}]`;
    else if (value !== null && typeof value === 'object' && 'node' in (value as object)) {
      const node = (value as { node?: { path?: string } }).node;
      text = `[construct ${node?.path ?? '?'}]`;
    } else if (value !== null && typeof value === 'object') {
      const json = JSON.stringify(value) ?? String(value);
      text = json.length <= 60 ? json : shallow(value);
    } else text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The received value for a Japanese line: nothing and empty said in words. */
export function receivedJa(received: string): string {
  if (received === '(missing)') return 'なし';
  if (received === 'null') return '空欄';
  return received;
}

/** The rule ID as shown in a Japanese line: `SCHEMA` (no platform rule, only the way it is written) is 書き方. */
export function ruleJa(ruleId: string): string {
  return ruleId === 'SCHEMA' ? '書き方' : ruleId;
}

/** Formats one issue as a multi-line human message (English and Japanese). */
export function formatIssue(issue: DeclarationIssue): string {
  return [
    `[${issue.ruleId}] ${issue.location}: ${issue.field}: ${issue.message} (received ${issue.received})`,
    `  fix: ${issue.fix}`,
    `  [${ruleJa(issue.ruleId)}] ${issue.messageJa}（受け取った値: ${receivedJa(issue.received)}）`,
    `  対処: ${issue.fixJa}`,
  ].join('\n');
}

/**
 * Thrown when a declaration is invalid. Carries every issue found at once, not only the first.
 */
export class DeclarationError extends Error {
  public readonly code: ErrorCode | RuleName;
  public readonly issues: readonly DeclarationIssue[];

  constructor(issues: readonly DeclarationIssue[]) {
    const head = issues.length === 1 ? 'Invalid declaration' : `Invalid declaration (${issues.length} problems)`;
    super(`${head}:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'DeclarationError';
    this.code = issues[0]?.code ?? 'KIBAN_INVALID';
    this.issues = issues;
  }
}

/** Builds one issue; a small helper so call sites stay one line. */
export function issue(
  init: Omit<DeclarationIssue, 'received' | 'fixJa' | 'messageJa'> & {
    readonly value: unknown;
    readonly messageJa: string;
    readonly fixJa: string;
  },
): DeclarationIssue {
  const { value, ...rest } = init;
  return { ...rest, received: renderValue(value) };
}
