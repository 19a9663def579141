import { PHASE_JA } from '../model/system';
import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** Months before the vendor's end of support at which running systems are warned. */
export const EOS_WARNING_MONTHS = 12;

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** R22: no guest OS past its vendor's end of support. */
export const r22GuestOsEndOfSupport: Rule = {
  id: 'R22',
  name: 'R22-GuestOsWithinVendorSupport',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy:
    'an OS past its end of support gets no security fixes: it may not be built, migrated or kept in production; the 12-month warning is a notice, not something to waive',
  notAcknowledgeableWhyJa:
    'サポート終了後のOSにはセキュリティ修正が提供されないため、構築・移行・本番稼働は認められない（12か月前の警告は周知であり承認の対象外）',
  summary:
    "A guest OS past its vendor's end of support is refused for new builds and migrations (phases before production) and in production; warning 12 months before the date.",
  why: 'An OS whose own support has ended cannot be migrated (管理要領 2.1.1), and the department must upgrade without delay when support ends (第16条, 第17条).',
  whyJa:
    'サポートが終了したOSは移行できず（管理要領 2.1.1）、所管部局は遅滞なくOSを更新しなければならないため（第16条、第17条）。',
  check(ctx) {
    const warnFrom = new Map<string, string>(); // per end-of-support date, computed once
    return ctx.servers.map((e) => {
      const eos = e.os?.endOfSupport;
      if (!e.active || !e.os || eos === undefined) return notApplicable(e.path);
      const phase = e.system.spec.phase;
      const base = {
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(`${e.os.key} end of support ${eos}`),
      };
      if (ctx.today > eos) {
        const running = phase === 'production';
        return nonCompliant({
          ...base,
          message: running
            ? `${e.os.name} on server ${e.name} is in production past its vendor's end of support (${eos})`
            : `${e.os.name} on server ${e.name} is past its vendor's end of support (${eos}); it cannot be built or migrated (phase ${phase})`,
          messageJa: running
            ? `仮想サーバ ${e.name} のゲストOS ${e.os.name} はベンダーのサポート終了日（${eos}）を過ぎて本番稼働しています`
            : `仮想サーバ ${e.name} のゲストOS ${e.os.name} はベンダーのサポート終了日（${eos}）を過ぎているため、構築・移行できません（工程: ${PHASE_JA[phase]}）`,
          fix: 'upgrade the guest OS to a supported version',
          fixJa: 'サポート期間内のバージョンにゲストOSを更新してください',
        });
      }
      let from = warnFrom.get(eos);
      if (from === undefined) warnFrom.set(eos, (from = addMonths(eos, -EOS_WARNING_MONTHS)));
      if (ctx.today > from) {
        return nonCompliant({
          ...base,
          level: 'warning',
          message: `${e.os.name} on server ${e.name} reaches its vendor's end of support on ${eos} (within ${EOS_WARNING_MONTHS} months)`,
          messageJa: `仮想サーバ ${e.name} のゲストOS ${e.os.name} は ${eos} にベンダーのサポートが終了します（${EOS_WARNING_MONTHS}か月以内）`,
          fix: 'plan the OS upgrade before the end of support',
          fixJa: 'サポート終了までにOSの更新を計画してください',
        });
      }
      return compliant(e.path);
    });
  },
};
