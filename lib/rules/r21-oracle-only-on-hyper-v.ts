import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** R21: Oracle Database only on Hyper-V. */
export const r21OracleOnlyOnHyperV: Rule = {
  id: 'R21',
  name: 'R21-OracleOnlyOnHyperV',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy:
    'Oracle counts every host of the vSphere cluster (soft partitioning); an acknowledgement cannot change the licence terms',
  notAcknowledgeableWhyJa:
    'Oracleのライセンス条件ではvSphereクラスタの全ホストが対象となり（ソフトパーティショニング）、承認で条件は変わらないため',
  summary: 'A server carrying Oracle Database is on Hyper-V, never on VMware.',
  why: "Under Oracle's licence terms a VM carrying Oracle Database cannot be on VMware; it must be built on Hyper-V (移行手順書 §2).",
  whyJa:
    'Oracleのライセンス条件により、Oracle Databaseを搭載する仮想サーバはVMware上に構築できず、Hyper-V上に構築する必要があるため（別紙2 §2）。',
  check(ctx) {
    return ctx.servers.map((e) => {
      const db = e.server.spec.oracleDatabase;
      if (!e.active || !db) return notApplicable(e.path);
      if (e.hypervisor === 'hyperv') return compliant(e.path);
      return nonCompliant({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(`Oracle Database ${db.edition} on vsphere`),
        message: `server ${e.name} carries Oracle Database ${db.edition} but is on VMware vSphere`,
        messageJa: `仮想サーバ ${e.name} は Oracle Database ${db.edition} を搭載していますが VMware vSphere 上にあります`,
        fix: 'set hypervisor: hyperv for this individual business system (build it on Hyper-V)',
        fixJa: 'この個別業務システムの hypervisor を hyperv にしてください（Hyper-V 上に構築）',
      });
    });
  },
};
