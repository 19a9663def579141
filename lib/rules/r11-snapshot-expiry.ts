import { Rule, RuleResult, Violation, notApplicable, outcome, show } from './types';

/** R11: snapshots expire at most `platform.snapshotMaxHours` after creation; an expired snapshot is an error. */
export const r11SnapshotExpiry: Rule = {
  id: 'R11',
  name: 'R11-SnapshotExpiry',
  level: 'error',
  acknowledgeable: 'yes',
  summary:
    'Every snapshot expires at most snapshotMaxHours (72 h) after its creation, and no snapshot is past its expiry.',
  why: 'Snapshots are temporary, for tests and patching, not backup; delete them after verification, within 72 hours, or they badly degrade VM performance (管理要領 2.1.5).',
  whyJa:
    'スナップショットは試験やパッチ適用のための一時的なものでバックアップではない。確認後72時間以内に削除しないとVMの性能が大きく低下するため（管理要領 2.1.5）。',
  check(ctx) {
    const maxH = ctx.platform.snapshotMaxHours;
    const now = ctx.now.getTime();
    const out: RuleResult[] = [];
    for (const e of ctx.servers) {
      const snaps = e.server.spec.snapshots;
      if (!e.active || snaps.length === 0) {
        out.push(notApplicable(e.path));
        continue;
      }
      const v: Violation[] = [];
      for (const s of snaps) {
        const created = Date.parse(s.createdAt);
        const expires = Date.parse(s.expiresAt);
        const hours = (expires - created) / 3600e3;
        const base = { path: e.path, systemId: e.systemId, server: e.name };
        if (hours > maxH || hours <= 0) {
          v.push({
            ...base,
            value: show(`${s.name}: ${s.createdAt} → ${s.expiresAt}`),
            message: `snapshot ${s.name} of server ${e.name} lives ${hours.toFixed(1)} h; at most ${maxH} h after creation is allowed`,
            messageJa: `仮想サーバ ${e.name} のスナップショット ${s.name} の保持期間は ${hours.toFixed(1)} 時間です。作成から ${maxH} 時間以内にしてください`,
            fix: `set expiresAt at most ${maxH} hours after createdAt (and after it)`,
            fixJa: `expiresAt を createdAt の後、${maxH} 時間以内にしてください`,
          });
        }
        if (expires < now) {
          v.push({
            ...base,
            value: show(`${s.name}: expired ${s.expiresAt}`),
            message: `snapshot ${s.name} of server ${e.name} expired at ${s.expiresAt} and must be deleted`,
            messageJa: `仮想サーバ ${e.name} のスナップショット ${s.name} は ${s.expiresAt} に期限切れです。削除してください`,
            fix: 'delete the snapshot and remove it from the declaration',
            fixJa: 'スナップショットを削除し、宣言からも削除してください',
          });
        }
      }
      out.push(...outcome(e.path, v));
    }
    return out;
  },
};
