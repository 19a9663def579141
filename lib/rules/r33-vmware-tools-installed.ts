import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** R33: VMware Tools installed on vSphere servers. */
export const r33VmwareTools: Rule = {
  id: 'R33',
  name: 'R33-VmwareToolsInstalled',
  level: 'error',
  acknowledgeable: 'yes',
  summary: 'Every server on vSphere installs VMware Tools (not applicable on Hyper-V).',
  why: 'VMware Tools must be installed in VMs on VMware (管理要領 2.4.4): the platform relies on it for guest customization, clean shutdown and monitoring.',
  whyJa:
    'VMware上のVMにはVMware Toolsのインストールが必要なため（管理要領 2.4.4）。ゲストのカスタマイズ、正常停止、監視に用いる。',
  check(ctx) {
    return ctx.servers.map((e) => {
      if (!e.active || e.hypervisor !== 'vsphere') return notApplicable(e.path);
      if (e.server.spec.vmwareTools.install) return compliant(e.path);
      return nonCompliant({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show({ install: false }),
        message: `server ${e.name} is on vSphere without VMware Tools`,
        messageJa: `vSphere 上の仮想サーバ ${e.name} に VMware Tools がインストールされません`,
        fix: 'set vmwareTools.install: true',
        fixJa: 'vmwareTools.install を true にしてください',
      });
    });
  },
};
