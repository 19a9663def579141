import { hypervSupport, vsphereSupport } from '../model/guest-os';
import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** R22: the guest OS is supported by the hypervisor version of the platform. */
export const r22GuestOsSupported: Rule = {
  id: 'R22',
  name: 'R22-GuestOsSupportedByHypervisor',
  level: 'error',
  acknowledgeable: 'partly',
  notAcknowledgeableWhy:
    'an OS the hypervisor vendor does not support cannot be acknowledged (nobody can fix it when it breaks); an unconfirmed one is a warning that asks for an acknowledgement',
  notAcknowledgeableWhyJa:
    '仮想化ソフトが非サポートとするOSは障害時に誰も対応できないため承認不可。サポート未確認のOSは警告で、承認を求める',
  summary:
    'The guest OS is supported by the target hypervisor version (unsupported: error; unconfirmed: warning to acknowledge).',
  why: 'The guest OS must be supported by the hypervisor (管理要領 第3条, 2.1.1); otherwise neither vendor helps when it fails.',
  whyJa: 'ゲストOSは仮想化ソフトがサポートするものでなければならないため（管理要領 第3条、2.1.1）。',
  check(ctx) {
    return ctx.servers.map((e) => {
      if (!e.active || !e.os) return notApplicable(e.path);
      const version =
        e.hypervisor === 'vsphere' ? ctx.platform.vsphere.esxiVersion : ctx.platform.hyperv.windowsServerVersion;
      const hv = e.hypervisor === 'vsphere' ? `VMware ESXi ${version}` : `Hyper-V on Windows Server ${version}`;
      const s = e.hypervisor === 'vsphere' ? vsphereSupport(e.os, version) : hypervSupport(e.os, version);
      if (s.support === 'supported') return compliant(e.path);
      const base = {
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(`${e.os.key} on ${hv}: ${s.detail}`),
      };
      if (s.support === 'unsupported') {
        return nonCompliant({
          ...base,
          acknowledgeable: false,
          message: `${e.os.name} on server ${e.name} is not supported on ${hv}`,
          messageJa: `仮想サーバ ${e.name} のゲストOS ${e.os.name} は ${hv} でサポートされていません`,
          fix: "choose a guest OS supported on the platform's hypervisor version, or the other hypervisor",
          fixJa:
            '統合基盤の仮想化ソフトのバージョンでサポートされるゲストOSを選ぶか、もう一方の仮想化ソフトを使用してください',
        });
      }
      return nonCompliant({
        ...base,
        level: 'warning',
        acknowledgeable: true,
        message: `support of ${e.os.name} on ${hv} (server ${e.name}) is unconfirmed: it needs an acknowledgement`,
        messageJa: `仮想サーバ ${e.name} のゲストOS ${e.os.name} の ${hv} でのサポートは未確認です。承認が必要です`,
        fix: 'confirm support with the platform admin and add an acknowledgement { ruleId: "R22", reasonJa, approvedBy, date } to the system',
        fixJa:
          '統合基盤管理者とサポート状況を確認し、システムに承認（ruleId: "R22"、reasonJa、approvedBy、date）を追加してください',
      });
    });
  },
};
