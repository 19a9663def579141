import { Rule, compliant, nonCompliant, notApplicable, show } from './types';

/** R10a: system and data disks on system storage, never on the backup storage kept apart for backups. */
export const r10aDisksOnSystemStorage: Rule = {
  id: 'R10a',
  name: 'R10a-DisksOnSystemStorage',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy:
    'backup storage is kept apart from the system/data area so that backups survive its loss; data placed on it breaks that separation',
  notAcknowledgeableWhyJa:
    'バックアップ用ストレージはシステム・データ領域と分けて確保するものであり、そこにデータを置くと分離が失われるため',
  summary: 'System and data disks on vSphere are placed on a system datastore, never on backup storage.',
  why: 'The system/data area and the backup area are allocated on separate storage (管理要領 2.1.5, 2.4.2).',
  whyJa: 'システム・データ領域とバックアップ領域は別のストレージに確保するため（管理要領 2.1.5、2.4.2）。',
  check(ctx) {
    const kinds = new Map(ctx.platform.vsphere.datastores.map((d) => [d.name, d.kind] as const));
    const system = ctx.platform.vsphere.datastores.filter((d) => d.kind === 'system').map((d) => d.name);
    return ctx.servers.flatMap((e) => {
      // On Hyper-V the disks go to the platform's VM storage path; no datastore is declared.
      if (!e.active || e.hypervisor !== 'vsphere') return [notApplicable(e.path)];
      const wrong = e.server.spec.disks.flatMap((d, i) =>
        d.datastore !== undefined && kinds.get(d.datastore) !== 'system' ? [{ i, ds: d.datastore }] : [],
      );
      if (wrong.length === 0) return [compliant(e.path)];
      return wrong.map(({ i, ds }) =>
        nonCompliant({
          path: e.path,
          systemId: e.systemId,
          server: e.name,
          field: `disks.${i}.datastore`,
          value: show(ds),
          message: `disk ${i} of server ${e.name} is on datastore ${ds}, which is not a system datastore`,
          messageJa: `仮想サーバ ${e.name} のディスク${i} がシステム用ではないデータストア ${ds} に配置されています（システム・データ領域はシステム用データストアに配置します）`,
          fix: `use one of: ${system.join(', ')}`,
          fixJa: `次のいずれかを指定してください: ${system.join(', ')}`,
        }),
      );
    });
  },
};
