import { Rule, RuleResult, nonCompliant, compliant, notApplicable, show } from './types';

/** R01: every system and dedicated VLAN names a department registered on the platform. */
export const r01DepartmentRegistered: Rule = {
  id: 'R01',
  name: 'R01-DepartmentRegistered',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy:
    "only the governor's departments may use the platform; nobody can grant an exception by acknowledgement",
  notAcknowledgeableWhyJa: '統合基盤を利用できるのは知事部局のみであり、承認による例外は認められないため',
  summary:
    'The owning department of every system (not decommissioned) and dedicated VLAN is registered on the platform.',
  why: "Only organisations of the governor's departments may use the platform, and every system names its owning department (管理要領 第2条).",
  whyJa:
    '統合基盤を利用できるのは知事部局の組織のみで、すべての個別業務システムは所管部局を明示するため（管理要領 第2条）。',
  check(ctx) {
    const known = new Set(ctx.platform.departments.map((d) => d.code));
    const codes = [...known].join(', ');
    const out: RuleResult[] = [];
    const one = (path: string, department: string, systemId: string | undefined, what: string, whatJa: string) =>
      known.has(department)
        ? compliant(path)
        : nonCompliant({
            path,
            systemId,
            value: show(department),
            message: `the ${what} names department ${show(department)}, which is not registered on the platform`,
            messageJa: `${whatJa}の所管部局 ${show(department)} は統合基盤に登録されていません`,
            fix: `use a registered department code (${codes}) or ask the platform admin to register the department`,
            fixJa: `登録済みの部局コード（${codes}）を指定するか、統合基盤管理者に部局の登録を依頼してください`,
          });
    for (const s of ctx.systems)
      out.push(
        s.isDecommissioned
          ? notApplicable(s.node.path)
          : one(s.node.path, s.department, s.systemId, 'individual business system', '個別業務システム'),
      );
    for (const v of ctx.vlans)
      out.push(one(v.node.path, v.props.department, undefined, 'dedicated VLAN', '専用ネットワーク'));
    return out;
  },
};
