import { RuleName } from './errors';

/**
 * A finding of the rule pack (lib/rules). Defined here so the review output can read findings
 * without depending on the rule engine.
 */
export type FindingLevel = 'error' | 'warning' | 'info';

export interface Finding {
  /** Rule ID of the digest, e.g. `R21`. */
  readonly ruleId: string;
  /** Rule name, e.g. `R21-OracleOnlyOnHyperV`. */
  readonly rule: RuleName;
  readonly level: FindingLevel;
  /** Construct path of the offending construct. */
  readonly path: string;
  /** System id, when the finding belongs to one system. */
  readonly systemId?: string;
  /**
   * The declared field the finding is about, dotted, relative to the declaration entry of the system,
   * server or dedicated VLAN the path lies in (e.g. `department`, `disks.1.datastore`): where
   * `kiban validate` points. Not written to findings.json.
   */
  readonly field?: string;
  /** The offending value, rendered. */
  readonly value: string;
  readonly message: string;
  readonly messageJa: string;
  readonly why: string;
  readonly whyJa: string;
  readonly fix: string;
  readonly fixJa: string;
  /** Set when an acknowledgement suppresses the finding. */
  readonly acknowledged?: { readonly reasonJa: string; readonly approvedBy: string; readonly date: string };
}
