import { departmentHint } from '../model/hints';
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
    const out: RuleResult[] = [];
    const one = (path: string, department: string, systemId: string | undefined, what: string, whatJa: string) =>
      known.has(department)
        ? compliant(path)
        : nonCompliant({
            path,
            systemId,
            field: 'department',
            value: show(department),
            message: `the ${what} names department ${show(department)}, which is not registered on the platform`,
            messageJa: `${whatJa}の所管部局「${department}」は統合基盤に登録されていません（知事部局のみ利用できます）`,
            ...hint(department),
          });
    const hint = (department: string) => {
      const h = departmentHint(department, ctx.platform.departments);
      return {
        fix: `${h.fix}; or ask the platform admin to register the department`,
        fixJa: `${h.fixJa}（新しい部局は統合基盤管理者に登録を依頼してください）`,
      };
    };
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
