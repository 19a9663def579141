import { FindingLevel } from '../model/finding';
import { RuleName } from '../model/errors';
import { RuleContext } from './context';

/** The outcome of one rule on one construct (cdk-nag style). */
export type RuleStatus = 'compliant' | 'non-compliant' | 'not-applicable';

/** What a rule reports about a non-compliant construct. */
export interface Violation {
  /** Construct path of the offending construct. */
  readonly path: string;
  readonly systemId?: string;
  /** Server name, so an acknowledgement with `server` can match. */
  readonly server?: string;
  /** The declared field it is about, relative to its system's, server's or VLAN's entry (`Finding.field`). */
  readonly field?: string;
  /** The offending value, rendered. */
  readonly value: string;
  /** @default the rule's level */
  readonly level?: FindingLevel;
  /** Whether an acknowledgement may suppress this finding. @default the rule's setting ('partly' counts as no) */
  readonly acknowledgeable?: boolean;
  readonly message: string;
  readonly messageJa: string;
  readonly fix: string;
  readonly fixJa: string;
}

export type RuleResult =
  | { readonly status: 'compliant' | 'not-applicable'; readonly path: string }
  | ({ readonly status: 'non-compliant' } & Violation);

/**
 * Whether findings of a rule may be acknowledged: `yes`, `no` (an acknowledgement is itself an
 * error), or `partly` (per finding: see the rule's `notAcknowledgeableWhy`).
 */
export type Acknowledgeability = 'yes' | 'no' | 'partly';

/** One rule of the pack: a small pure function over the rule context. */
export interface Rule {
  /** Rule ID of the digest, e.g. `R21`. */
  readonly id: string;
  /** Rule name, e.g. `R21-OracleOnlyOnHyperV`. */
  readonly name: RuleName;
  /** Default level of its findings. */
  readonly level: FindingLevel;
  readonly acknowledgeable: Acknowledgeability;
  /** Why findings (or some) can never be acknowledged. */
  readonly notAcknowledgeableWhy?: string;
  readonly notAcknowledgeableWhyJa?: string;
  /** One line: what the rule checks (docs). */
  readonly summary: string;
  readonly why: string;
  readonly whyJa: string;
  readonly check: (ctx: RuleContext) => RuleResult[];
}

export const compliant = (path: string): RuleResult => ({ status: 'compliant', path });
export const notApplicable = (path: string): RuleResult => ({ status: 'not-applicable', path });
export const nonCompliant = (v: Violation): RuleResult => ({ status: 'non-compliant', ...v });

/** Compliant when `violations` is empty, else one non-compliant result per violation. */
export function outcome(path: string, violations: readonly Violation[]): RuleResult[] {
  return violations.length === 0 ? [compliant(path)] : violations.map(nonCompliant);
}

/** Renders a value for a finding: strings quoted, short, single line. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
