import { providerSupportsVcenter, vsphereProviderFacts } from '../model/vsphere-provider';
import { Rule, compliant, nonCompliant, notApplicable, show } from './types';

/**
 * R12: the Terraform provider release of the vSphere output supports the platform's vCenter
 * version. Both are data: the vCenter version in the platform data, the provider's supported
 * releases in lib/model/data/vsphere-provider.json.
 */
export const r12ProviderSupportsVcenter: Rule = {
  id: 'R12',
  name: 'R12-ProviderSupportsVcenter',
  level: 'warning',
  acknowledgeable: 'yes',
  summary:
    "The vmware/vsphere Terraform provider release the output is written for supports the platform's vCenter version (warning when it does not).",
  why: 'The provider talks to vCenter on every plan and apply; against a vCenter release it does not support, plans may fail or act differently from what the review showed. Platform upgrades are planned by the admin (管理要領 第16条).',
  whyJa:
    'Terraform のプロバイダは plan・apply のたびに vCenter と通信するため、サポート外の vCenter では計画が失敗したり、審査で確認した内容と異なる動作をするおそれがある。基盤の更新は統合基盤管理者が計画する（管理要領 第16条）。',
  check(ctx) {
    const path = ctx.estate.node.path || 'Estate';
    if (!ctx.servers.some((e) => e.active && e.hypervisor === 'vsphere')) return [notApplicable(path)];
    const f = vsphereProviderFacts();
    const v = ctx.platform.vsphere.vcenterVersion;
    const majors = f.supportedVsphereMajors.map((m) => `${m}.x`).join(', ');
    if (v === undefined) {
      return [
        nonCompliant({
          path,
          value: show({ vcenterVersion: null }),
          message: `the platform data does not record the vCenter version; the Terraform provider ${f.provider} ${f.version} supports vSphere ${majors}`,
          messageJa: `統合基盤の定義に vCenter のバージョンが記録されていません。Terraform プロバイダ ${f.provider} ${f.version} のサポート対象は vSphere ${majors} です`,
          fix: 'record it in vsphere.vcenterVersion of the platform data',
          fixJa: '統合基盤の定義の vsphere.vcenterVersion に記録してください',
        }),
      ];
    }
    if (providerSupportsVcenter(v, f)) return [compliant(path)];
    return [
      nonCompliant({
        path,
        value: show({ vcenterVersion: v, provider: `${f.provider} ${f.version}` }),
        message: `vCenter ${v} of the platform data is not supported by the Terraform provider ${f.provider} ${f.version} (supports vSphere ${majors})`,
        messageJa: `統合基盤の vCenter ${v} は、出力が前提とする Terraform プロバイダ ${f.provider} ${f.version} のサポート対象外です（サポート対象: vSphere ${majors}）`,
        fix: `upgrade vCenter to a supported release (and record it in vsphere.vcenterVersion), or pin a provider release that supports vCenter ${v} in lib/model/data/vsphere-provider.json and package.json`,
        fixJa: `vCenter をサポート対象のバージョンに更新して vsphere.vcenterVersion に記録するか、vCenter ${v} をサポートするプロバイダのバージョンを指定してください`,
      }),
    ];
  },
};
