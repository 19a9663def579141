import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** R10: OS-image backup on, unless opted out with a reason (the opt-out is recorded as info). */
export const r10OsImageBackup: Rule = {
  id: 'R10',
  name: 'R10-OsImageBackup',
  level: 'error',
  acknowledgeable: 'yes',
  summary: 'OS-image backup is on; an opt-out without a reason is an error, one with a reason is recorded as info.',
  why: 'The platform admin backs up whole VMs (weekly ×3, daily ×2); the default is yes unless there is a specific reason (管理要領 第13条, 2.1.5).',
  whyJa:
    '統合基盤管理者がVM全体をバックアップする（週次3世代・日次2世代）。特段の理由がない限り「希望する」とするため（管理要領 第13条、2.1.5）。',
  check(ctx) {
    return ctx.systems.map((s) => {
      const path = s.node.path;
      if (s.isDecommissioned) return notApplicable(path);
      const b = s.spec.backup;
      if (b.osImage) return compliant(path);
      const reason = b.osImageOptOutReasonJa;
      const base = { path, systemId: s.systemId, value: show({ osImage: false, osImageOptOutReasonJa: reason }) };
      if (reason === undefined) {
        return nonCompliant({
          ...base,
          field: 'backup.osImageOptOutReasonJa',
          message: `system ${s.systemId} opts out of OS-image backup without a reason`,
          messageJa: `個別業務システム ${s.systemId} は理由なくOSイメージバックアップを希望しないとしています`,
          fix: 'turn backup.osImage back on, or give backup.osImageOptOutReasonJa',
          fixJa: 'backup.osImage を true にするか、backup.osImageOptOutReasonJa に理由を記載してください',
        });
      }
      return nonCompliant({
        ...base,
        level: 'info',
        message: `system ${s.systemId} opts out of OS-image backup: ${reason}`,
        messageJa: `個別業務システム ${s.systemId} はOSイメージバックアップを希望しません（理由: ${reason}）`,
        fix: 'none needed; the department restores from its own backups',
        fixJa: '対応不要（所管部局が自らのバックアップから復旧します）',
      });
    });
  },
};
