import { Clock } from '../model/clock';
import { Estate } from '../model/estate';
import { Finding, FindingLevel } from '../model/finding';
import { RuleName } from '../model/errors';
import { buildRuleContext } from './context';
import { PLATFORM_RULES } from './pack';
import { Rule, RuleResult, Violation, show } from './types';

/** What happened to one acknowledgement of a system. */
export interface AcknowledgementRecord {
  readonly path: string;
  readonly systemId: string;
  readonly ruleId: string;
  readonly server?: string;
  readonly reasonJa: string;
  readonly approvedBy: string;
  readonly date: string;
  /** applied: it suppresses findings; refused: the rule can never be acknowledged; unused: nothing to suppress; unknown-rule: no such rule in the pack. */
  readonly status: 'applied' | 'refused' | 'unused' | 'unknown-rule';
  /** How many findings it suppresses. */
  readonly suppressed: number;
}

/** The outcome of the rule pack. */
export interface RuleReport {
  /** All findings, acknowledged ones included (with `acknowledged` set), sorted by path then rule. */
  readonly findings: Finding[];
  /** Unacknowledged errors: any fails the synth. */
  readonly errors: Finding[];
  /** Unacknowledged warnings. */
  readonly warnings: Finding[];
  /** Unacknowledged infos. */
  readonly infos: Finding[];
  /** Every acknowledgement declared on a running system and what it did. */
  readonly acknowledgements: AcknowledgementRecord[];
}

export interface RulePackOptions {
  /** Clock for date rules. @default the estate's clock */
  readonly clock?: Clock;
  /** Rules to run. @default the whole platform pack */
  readonly rules?: readonly Rule[];
}

/** Runs one rule and returns every result (compliant / non-compliant / not-applicable). */
export function runRule(rule: Rule, estate: Estate, options: { clock?: Clock } = {}): RuleResult[] {
  return rule.check(buildRuleContext(estate, options.clock ?? estate.clock));
}

interface Raw {
  readonly rule: Rule;
  readonly v: Violation;
  readonly acknowledgeable: boolean;
  acknowledged?: Finding['acknowledged'];
}

function toFinding(
  ruleId: string,
  rule: RuleName,
  level: FindingLevel,
  v: Violation,
  why: string,
  whyJa: string,
  acknowledged?: Finding['acknowledged'],
): Finding {
  return {
    ruleId,
    rule,
    level,
    path: v.path,
    ...(v.systemId !== undefined ? { systemId: v.systemId } : {}),
    ...(v.field !== undefined ? { field: v.field } : {}),
    value: v.value,
    message: v.message,
    messageJa: v.messageJa,
    why,
    whyJa,
    fix: v.fix,
    fixJa: v.fixJa,
    ...(acknowledged ? { acknowledged } : {}),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Deterministic order: path, rule, value, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.path, b.path) || cmp(a.rule, b.rule) || cmp(a.value, b.value) || cmp(a.message, b.message);
}

/** Runs the platform rule pack over an estate, applies acknowledgements and sorts the findings. */
export function runRulePack(estate: Estate, options: RulePackOptions = {}): RuleReport {
  const rules = options.rules ?? PLATFORM_RULES;
  const ctx = buildRuleContext(estate, options.clock ?? estate.clock);
  const raws: Raw[] = [];
  const bySystem = new Map<string, Raw[]>();
  for (const rule of rules) {
    for (const r of rule.check(ctx)) {
      if (r.status !== 'non-compliant') continue;
      const { status: _s, ...v } = r;
      const raw: Raw = { rule, v, acknowledgeable: v.acknowledgeable ?? rule.acknowledgeable === 'yes' };
      raws.push(raw);
      if (v.systemId !== undefined) {
        let list = bySystem.get(v.systemId);
        if (!list) bySystem.set(v.systemId, (list = []));
        list.push(raw);
      }
    }
  }
  const rulesById = new Map<string, Rule[]>();
  for (const r of PLATFORM_RULES) rulesById.set(r.id, [...(rulesById.get(r.id) ?? []), r]);
  const extra: Finding[] = [];
  const records: AcknowledgementRecord[] = [];
  for (const system of ctx.systems) {
    if (system.isDecommissioned) continue;
    for (const ack of system.spec.acknowledgements) {
      const path = system.node.path;
      const target = ack.server === undefined ? `system ${system.systemId}` : `server ${ack.server}`;
      const base = {
        path,
        systemId: system.systemId,
        value: show(ack.server === undefined ? ack.ruleId : `${ack.ruleId} on ${ack.server}`),
      };
      const record = {
        path,
        systemId: system.systemId,
        ruleId: ack.ruleId,
        ...(ack.server !== undefined ? { server: ack.server } : {}),
        reasonJa: ack.reasonJa,
        approvedBy: ack.approvedBy,
        date: ack.date,
      };
      const of = rulesById.get(ack.ruleId);
      if (!of) {
        records.push({ ...record, status: 'unknown-rule', suppressed: 0 });
        extra.push(
          toFinding(
            ack.ruleId,
            `${ack.ruleId}-AcknowledgementUnknownRule`,
            'warning',
            {
              ...base,
              message: `the acknowledgement of ${ack.ruleId} on ${target} names a rule the pack does not have`,
              messageJa: `${target} の ${ack.ruleId} の承認は、ルールパックにないルールを指定しています`,
              fix: `use one of the rule IDs: ${[...rulesById.keys()].join(', ')}`,
              fixJa: `次のルールIDのいずれかを指定してください: ${[...rulesById.keys()].join(', ')}`,
            },
            'An acknowledgement must name a rule of the pack, or it silently suppresses nothing.',
            '承認はルールパックのルールを指定する必要があるため（指定しないと何も抑止しない）。',
          ),
        );
        continue;
      }
      if (of.every((r) => r.acknowledgeable === 'no')) {
        records.push({ ...record, status: 'refused', suppressed: 0 });
        const why = of.map((r) => `${r.name}: ${r.notAcknowledgeableWhy ?? ''}`).join('; ');
        const whyJa = of.map((r) => `${r.name}: ${r.notAcknowledgeableWhyJa ?? ''}`).join('；');
        extra.push(
          toFinding(
            ack.ruleId,
            `${ack.ruleId}-AcknowledgementRefused`,
            'error',
            {
              ...base,
              message: `rule ${ack.ruleId} can never be acknowledged, but ${target} carries an acknowledgement of it (approved by ${ack.approvedBy})`,
              messageJa: `${ack.ruleId} は承認できないルールですが、${target} に承認（承認者: ${ack.approvedBy}）が記載されています`,
              fix: `remove the acknowledgement and fix the ${ack.ruleId} findings`,
              fixJa: `承認を削除し、${ack.ruleId} の指摘事項を是正してください`,
            },
            why,
            whyJa,
          ),
        );
        continue;
      }
      let suppressed = 0;
      for (const raw of bySystem.get(system.systemId) ?? []) {
        if (raw.rule.id !== ack.ruleId || !raw.acknowledgeable || raw.acknowledged) continue;
        if (ack.server !== undefined && raw.v.server !== ack.server) continue;
        raw.acknowledged = { reasonJa: ack.reasonJa, approvedBy: ack.approvedBy, date: ack.date };
        suppressed += 1;
      }
      records.push({ ...record, status: suppressed > 0 ? 'applied' : 'unused', suppressed });
      if (suppressed === 0) {
        extra.push(
          toFinding(
            ack.ruleId,
            `${ack.ruleId}-AcknowledgementUnused`,
            'info',
            {
              ...base,
              message: `the acknowledgement of ${ack.ruleId} on ${target} matches no acknowledgeable finding`,
              messageJa: `${target} の ${ack.ruleId} の承認に該当する（承認可能な）指摘事項がありません`,
              fix: 'remove the acknowledgement when it is no longer needed',
              fixJa: '不要になった承認は削除してください',
            },
            'Stale acknowledgements hide future findings of the same rule without review.',
            '不要な承認は、同じルールの今後の指摘事項を確認なしに抑止してしまうため。',
          ),
        );
      }
    }
  }
  const findings = [
    ...raws.map((r) =>
      toFinding(r.rule.id, r.rule.name, r.v.level ?? r.rule.level, r.v, r.rule.why, r.rule.whyJa, r.acknowledged),
    ),
    ...extra,
  ].sort(compareFindings);
  const open = findings.filter((f) => !f.acknowledged);
  records.sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.server ?? '', b.server ?? ''));
  return {
    findings,
    errors: open.filter((f) => f.level === 'error'),
    warnings: open.filter((f) => f.level === 'warning'),
    infos: open.filter((f) => f.level === 'info'),
    acknowledgements: records,
  };
}
