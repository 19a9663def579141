import { Finding, FindingLevel } from '../model/finding';
import { RuleReport } from './engine';

const LEVEL_JA: Record<FindingLevel, string> = { error: 'エラー', warning: '警告', info: '情報' };

/** One finding for humans: English then Japanese, with the rule ID, path and offending value. */
export function formatFinding(f: Finding): string {
  const lines = [
    `${f.level.toUpperCase()} [${f.ruleId}] ${f.rule} ${f.path}: ${f.message} (value: ${f.value})`,
    `  why: ${f.why}`,
    `  fix: ${f.fix}`,
    `  ${LEVEL_JA[f.level]} [${f.ruleId}] ${f.path}: ${f.messageJa}（値: ${f.value}）`,
    `  理由: ${f.whyJa}`,
    `  対処: ${f.fixJa}`,
  ];
  if (f.acknowledged)
    lines.push(
      `  acknowledged / 承認済み: ${f.acknowledged.approvedBy} ${f.acknowledged.date}: ${f.acknowledged.reasonJa}`,
    );
  return lines.join('\n');
}

/** Stable key order for the findings file. */
function findingRecord(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    rule: f.rule,
    level: f.level,
    path: f.path,
    systemId: f.systemId,
    value: f.value,
    message: f.message,
    messageJa: f.messageJa,
    why: f.why,
    whyJa: f.whyJa,
    fix: f.fix,
    fixJa: f.fixJa,
    acknowledged: f.acknowledged
      ? { reasonJa: f.acknowledged.reasonJa, approvedBy: f.acknowledged.approvedBy, date: f.acknowledged.date }
      : undefined,
  };
}

/** The machine-readable findings file (findings.json): stable key order, 2-space JSON, trailing newline. */
export function findingsJson(report: RuleReport, asOf: Date): string {
  const doc = {
    schemaVersion: 1,
    asOf: asOf.toISOString(),
    summary: {
      errors: report.errors.length,
      warnings: report.warnings.length,
      infos: report.infos.length,
      acknowledged: report.findings.filter((f) => f.acknowledged).length,
    },
    findings: report.findings.map(findingRecord),
    acknowledgements: report.acknowledgements.map((a) => ({
      path: a.path,
      systemId: a.systemId,
      ruleId: a.ruleId,
      server: a.server,
      reasonJa: a.reasonJa,
      approvedBy: a.approvedBy,
      date: a.date,
      status: a.status,
      suppressed: a.suppressed,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The SynthAbort message: every unacknowledged error at once. */
export function formatErrors(errors: readonly Finding[]): string {
  return [
    `The platform rule pack found ${errors.length} error(s); nothing was written. / 統合基盤ルールで ${errors.length} 件のエラーが見つかりました。出力は行っていません。`,
    ...errors.map(formatFinding),
  ].join('\n');
}

/** `N error(s), N warning(s), N info(s), N acknowledged` of a run's findings (open ones per level, acknowledged ones apart). */
export function countFindings(findings: readonly Finding[]): string {
  const open = findings.filter((f) => !f.acknowledged);
  const n = (level: Finding['level']) => open.filter((f) => f.level === level).length;
  return `${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info(s), ${findings.length - open.length} acknowledged`;
}
