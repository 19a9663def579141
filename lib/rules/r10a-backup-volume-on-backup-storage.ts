import { defaultDatastore } from '../model/platform';
import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** R10a: backup volumes only on backup storage. */
export const r10aBackupVolumeOnBackupStorage: Rule = {
  id: 'R10a',
  name: 'R10a-BackupVolumeOnBackupStorage',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy: 'a backup on the same storage as the data is lost with it: it is no backup',
  notAcknowledgeableWhyJa: 'データと同じストレージ上のバックアップはデータと同時に失われ、バックアップにならないため',
  summary: 'A data-backup volume is placed on backup storage, separate from the system/data area.',
  why: 'The backup area is allocated on storage separate from the system/data area (管理要領 2.1.5, 2.4.2).',
  whyJa: 'バックアップ領域はシステム・データ領域とは別のストレージに確保するため（管理要領 2.1.5、2.4.2）。',
  check(ctx) {
    const kinds = new Map(ctx.platform.vsphere.datastores.map((d) => [d.name, d.kind] as const));
    const firstBackup = defaultDatastore(ctx.platform, 'backup');
    return ctx.servers.map((e) => {
      const bv = e.server.backupVolume;
      if (!e.active || !bv) return notApplicable(bv?.node.path ?? e.path);
      const path = bv.node.path;
      if (e.hypervisor === 'hyperv') return compliant(path); // always the platform's backup storage path
      const ds = bv.props.datastore ?? firstBackup;
      if (ds !== undefined && kinds.get(ds) === 'backup') return compliant(path);
      return nonCompliant({
        path,
        systemId: e.systemId,
        server: e.name,
        field: 'backupVolume.datastore',
        value: show(ds ?? '(no backup datastore)'),
        message:
          ds === undefined
            ? `the backup volume of server ${e.name} has no backup datastore: the platform has none`
            : `the backup volume of server ${e.name} is on datastore ${ds}, which is not backup storage`,
        messageJa:
          ds === undefined
            ? `仮想サーバ ${e.name} のバックアップ領域を置くバックアップ用データストアが統合基盤にありません`
            : `仮想サーバ ${e.name} のバックアップ領域がバックアップ用ではないデータストア ${ds} に配置されています`,
        fix: 'place backupVolume on a datastore of kind backup',
        fixJa: 'backupVolume をバックアップ用（kind: backup）のデータストアに配置してください',
      });
    });
  },
};
