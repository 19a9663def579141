/* The manifest comparison: what a pull request adds, changes, recreates or destroys, and the data-loss errors. */

import { PHASE_JA } from '../model/system';
import { Change, ChangeCollector as Collector } from './change';
import { EstateManifest, ManifestServer, ManifestSystem } from './manifest';
import { diffOutputFiles } from './output-diff';

const diskName = (i: number) => (i === 0 ? 'システムディスク' : `データディスク${i}`);
const res = (s: ManifestServer) =>
  `${s.cpu.sockets}×${s.cpu.coresPerSocket} vCPU ${s.vcpus}, ${s.memoryGb} GB, ディスク ${s.disks.map((d) => d.sizeGb).join('+')} GB`;

function diffServer(
  c: Collector,
  sysId: string,
  hypervisorChanged: boolean,
  b: ManifestServer,
  h: ManifestServer,
): void {
  const n = h.name;
  if (h.decommissioned) {
    if (!b.decommissioned)
      c.add(
        sysId,
        'destroyed',
        'server',
        n,
        `利用停止により仮想マシンとディスクを削除 (decommissioned: VM and disks are destroyed)${h.decommission ? ` — ${h.decommission.date} ${h.decommission.approvedBy}` : ''}`,
        true,
      );
    return;
  }
  if (b.decommissioned) {
    c.add(sysId, 'added', 'server', n, `利用停止を取り消し、新規作成 (un-decommissioned: created anew) — ${res(h)}`);
    return;
  }
  if (hypervisorChanged) {
    c.add(
      sysId,
      'replaced',
      'server',
      n,
      '仮想化ソフトの変更により仮想マシンを再作成 (hypervisor change recreates the VM)',
      true,
    );
    return;
  }
  if (b.source.kind !== h.source.kind || b.source.ref !== h.source.ref) {
    c.add(
      sysId,
      'replaced',
      'server',
      n,
      `構築・移行方法の変更 ${b.source.kind}:${b.source.ref} → ${h.source.kind}:${h.source.ref}（clone / ovf_deploy ブロックの変更は再作成 — forces replacement）`,
      true,
    );
    return;
  }
  const resized: string[] = [];
  if (b.cpu.sockets !== h.cpu.sockets || b.cpu.coresPerSocket !== h.cpu.coresPerSocket)
    resized.push(`CPU ${b.cpu.sockets}×${b.cpu.coresPerSocket} → ${h.cpu.sockets}×${h.cpu.coresPerSocket}`);
  if (b.memoryGb !== h.memoryGb) resized.push(`メモリ ${b.memoryGb} → ${h.memoryGb} GB`);
  if (resized.length > 0)
    c.add(sysId, 'changed', 'server', n, `リソース変更（停止が必要な場合あり, R23）: ${resized.join(', ')}`);
  if (b.guestOs !== h.guestOs) c.add(sysId, 'changed', 'server', n, `ゲストOS ${b.guestOs} → ${h.guestOs}`);
  if (b.osLicense !== h.osLicense) c.add(sysId, 'changed', 'server', n, `OSライセンス ${b.osLicense} → ${h.osLicense}`);
  if (JSON.stringify(b.oracle) !== JSON.stringify(h.oracle))
    c.add(
      sysId,
      'changed',
      'server',
      n,
      `Oracle Database ${b.oracle ? `${b.oracle.edition}/${b.oracle.license}` : 'なし'} → ${h.oracle ? `${h.oracle.edition}/${h.oracle.license}` : 'なし'}`,
    );

  const maxDisks = Math.max(b.disks.length, h.disks.length);
  for (let i = 0; i < maxDisks; i++) {
    const bd = b.disks.find((d) => d.index === i);
    const hd = h.disks.find((d) => d.index === i);
    const t = `${n} ${diskName(i)}`;
    if (!bd && hd) c.add(sysId, 'added', 'disk', t, `${hd.sizeGb} GB（${hd.datastore}）`);
    else if (bd && !hd) {
      c.add(
        sysId,
        'destroyed',
        'disk',
        t,
        `宣言から削除されたディスク ${bd.sizeGb} GB（${bd.datastore}）— データ消失 (disk removed: data lost)`,
        true,
      );
      c.errors.push(
        `${sysId}/${t}: disk present in BASE (${bd.sizeGb} GB on ${bd.datastore}) is absent in HEAD — deleting a disk destroys its data; decommission the server instead (R07) / ディスクが削除されています。サーバの利用停止手続き（R07）によってください`,
      );
    } else if (bd && hd) {
      if (bd.datastore !== hd.datastore)
        c.add(
          sysId,
          'replaced',
          'disk',
          t,
          `データストアの変更 ${bd.datastore} → ${hd.datastore}（ディスクを再作成 — forces replacement）`,
          true,
        );
      if (hd.sizeGb < bd.sizeGb) {
        c.add(
          sysId,
          'destroyed',
          'disk',
          t,
          `縮小 ${bd.sizeGb} → ${hd.sizeGb} GB（縮小はできず、再作成でデータ消失 — shrinking recreates the disk)`,
          true,
        );
        c.errors.push(
          `${sysId}/${t}: disk shrunk from ${bd.sizeGb} GB to ${hd.sizeGb} GB — a disk cannot shrink, it would be recreated and its data lost; keep ${bd.sizeGb} GB or more / ディスクが ${bd.sizeGb} GB から ${hd.sizeGb} GB に縮小されています。縮小はできず、再作成でデータが失われます`,
        );
      } else if (hd.sizeGb > bd.sizeGb) c.add(sysId, 'changed', 'disk', t, `拡張 ${bd.sizeGb} → ${hd.sizeGb} GB`);
      if (bd.thin !== hd.thin)
        c.add(
          sysId,
          'replaced',
          'disk',
          t,
          `プロビジョニング ${bd.thin ? 'thin' : 'thick'} → ${hd.thin ? 'thin' : 'thick'}（ディスクを再作成 — forces replacement）`,
          true,
        );
    }
  }
  const bb = b.backupVolume;
  const hb = h.backupVolume;
  const bt = `${n} バックアップ領域`;
  if (!bb && hb) c.add(sysId, 'added', 'backup-volume', bt, `${hb.sizeGb} GB（${hb.datastore}）`);
  else if (bb && !hb) {
    c.add(
      sysId,
      'destroyed',
      'backup-volume',
      bt,
      `バックアップ領域 ${bb.sizeGb} GB の削除 — データ消失 (backup volume removed: data lost)`,
      true,
    );
    c.errors.push(
      `${sysId}/${bt}: backup volume present in BASE (${bb.sizeGb} GB on ${bb.datastore}) is absent in HEAD — it is protected from destroy (R10a) / バックアップ領域が削除されています`,
    );
  } else if (bb && hb) {
    if (bb.datastore !== hb.datastore)
      c.add(
        sysId,
        'replaced',
        'backup-volume',
        bt,
        `データストアの変更 ${bb.datastore} → ${hb.datastore}（再作成 — forces replacement）`,
        true,
      );
    if (hb.sizeGb < bb.sizeGb) {
      c.add(
        sysId,
        'destroyed',
        'backup-volume',
        bt,
        `縮小 ${bb.sizeGb} → ${hb.sizeGb} GB（再作成でデータ消失 — shrinking recreates the disk）`,
        true,
      );
      c.errors.push(
        `${sysId}/${bt}: backup volume shrunk from ${bb.sizeGb} GB to ${hb.sizeGb} GB — it would be recreated and its data lost (R10a) / バックアップ領域が ${bb.sizeGb} GB から ${hb.sizeGb} GB に縮小されています。再作成でデータが失われます（R10a）`,
      );
    } else if (hb.sizeGb > bb.sizeGb)
      c.add(sysId, 'changed', 'backup-volume', bt, `拡張 ${bb.sizeGb} → ${hb.sizeGb} GB`);
  }
  const maxNics = Math.max(b.nics.length, h.nics.length);
  for (let i = 0; i < maxNics; i++) {
    const bn = b.nics.find((x) => x.index === i);
    const hn = h.nics.find((x) => x.index === i);
    const t = `${n} NIC${i}`;
    if (!bn && hn)
      c.add(sysId, 'added', 'nic', t, `${hn.network}${hn.ipv4 ? ` ${hn.ipv4}` : ''}${hn.fqdn ? ` ${hn.fqdn}` : ''}`);
    else if (bn && !hn)
      c.add(
        sysId,
        'destroyed',
        'nic',
        t,
        `${bn.network}${bn.ipv4 ? ` ${bn.ipv4}` : ''}（IPアドレスの返却を依頼, R29）`,
      );
    else if (bn && hn) {
      const d: string[] = [];
      if (bn.network !== hn.network) d.push(`ネットワーク ${bn.network} → ${hn.network}`);
      if (bn.ipv4 !== hn.ipv4) d.push(`IP ${bn.ipv4 ?? '未割当'} → ${hn.ipv4 ?? '未割当'}`);
      if (bn.fqdn !== hn.fqdn) d.push(`FQDN ${bn.fqdn ?? 'なし'} → ${hn.fqdn ?? 'なし'}（DNS登録の変更, R32）`);
      if (d.length > 0) c.add(sysId, 'changed', 'nic', t, d.join(', '));
    }
  }
}

/** A server deleted from the declaration takes its backup volume (R10a) with it: listed as destroyed too. */
function backupVolumeGone(c: Collector, sysId: string, s: ManifestServer): void {
  if (s.backupVolume)
    c.add(
      sysId,
      'destroyed',
      'backup-volume',
      `${s.name} バックアップ領域`,
      `サーバとともに削除 ${s.backupVolume.sizeGb} GB（${s.backupVolume.datastore}）— データ消失 (deleted with its server: data lost, R10a)`,
      true,
    );
}

function diffSystem(c: Collector, b: ManifestSystem | undefined, h: ManifestSystem | undefined): void {
  const id = (h ?? b)!.systemId;
  if (!b && h) {
    c.add(
      id,
      'added',
      'system',
      id,
      `新規システム ${h.systemName}（${h.departmentJa}, ${h.hypervisor}, ${PHASE_JA[h.phase]}）`,
    );
    if (h.hypervisor === 'vsphere') c.add(id, 'added', 'permission', h.account, '仮想化ソフトアカウントと権限 (R30)');
    for (const s of h.servers) if (!s.decommissioned) c.add(id, 'added', 'server', s.name, res(s));
    for (const s of h.servers)
      if (s.backupVolume && !s.decommissioned)
        c.add(
          id,
          'added',
          'backup-volume',
          `${s.name} バックアップ領域`,
          `${s.backupVolume.sizeGb} GB（${s.backupVolume.datastore}）`,
        );
    return;
  }
  if (b && !h) {
    const live = b.servers.filter((s) => !s.decommissioned && !b.decommissioned);
    if (live.length === 0) {
      c.add(
        id,
        'destroyed',
        'system',
        id,
        '利用停止済みのシステムを宣言から除去 (decommissioned system removed from the declaration)',
      );
      return;
    }
    c.add(
      id,
      'destroyed',
      'system',
      id,
      'システムが宣言から削除されています (system deleted without decommissioning)',
      true,
    );
    for (const s of live) {
      c.add(
        id,
        'destroyed',
        'server',
        s.name,
        `宣言から削除 — 仮想マシンとデータが失われます (deleted: VM and data lost)`,
        true,
      );
      backupVolumeGone(c, id, s);
      c.errors.push(
        `${id}/${s.name}: server present in BASE is absent in HEAD — deleted instead of decommissioned; declare it decommissioned (R07, form 3) / サーバが利用停止の手続きなしに削除されています（R07 様式3）`,
      );
    }
    return;
  }
  if (!b || !h) return;
  if (b.phase !== h.phase) c.add(id, 'changed', 'system', id, `工程 ${PHASE_JA[b.phase]} → ${PHASE_JA[h.phase]}`);
  if (h.decommissioned && !b.decommissioned)
    c.add(
      id,
      'destroyed',
      'system',
      id,
      `利用停止（様式3 ${h.decommission?.form3Date ?? ''}）— 全サーバを削除 (decommissioned)`,
      true,
    );
  if (b.department !== h.department) c.add(id, 'changed', 'system', id, `所管部局 ${b.department} → ${h.department}`);
  if (b.hostPool !== h.hostPool) c.add(id, 'changed', 'system', id, `配置先 ${b.hostPool} → ${h.hostPool}`);
  if (JSON.stringify(b.backup) !== JSON.stringify(h.backup))
    c.add(
      id,
      'changed',
      'system',
      id,
      `バックアップの希望 OSイメージ ${b.backup.osImage ? '有' : '無'} → ${h.backup.osImage ? '有' : '無'}, 復旧テスト ${b.backup.restoreTest ? '有' : '無'} → ${h.backup.restoreTest ? '有' : '無'}`,
    );
  if (JSON.stringify(b.contacts) !== JSON.stringify(h.contacts))
    c.add(id, 'changed', 'system', id, '連絡先の変更 (R08)');
  if (b.account !== h.account)
    c.add(id, 'replaced', 'permission', h.account, `アカウント ${b.account} → ${h.account}（権限を付け替え, R30）`);
  const hvChanged = b.hypervisor !== h.hypervisor;
  const names = [...new Set([...b.servers.map((s) => s.name), ...h.servers.map((s) => s.name)])].sort();
  for (const name of names) {
    const bs = b.servers.find((s) => s.name === name);
    const hs = h.servers.find((s) => s.name === name);
    if (!bs && hs) {
      if (!hs.decommissioned) c.add(id, 'added', 'server', name, res(hs));
    } else if (bs && !hs) {
      if (bs.decommissioned || b.decommissioned)
        c.add(id, 'destroyed', 'server', name, '利用停止済みのサーバを宣言から除去');
      else {
        c.add(
          id,
          'destroyed',
          'server',
          name,
          '宣言から削除 — 仮想マシンとデータが失われます (deleted: VM and data lost)',
          true,
        );
        backupVolumeGone(c, id, bs);
        c.errors.push(
          `${id}/${name}: server present in BASE is absent in HEAD — deleted instead of decommissioned; declare it decommissioned (R07) / サーバが利用停止の手続きなしに削除されています（R07）`,
        );
      }
    } else if (bs && hs) diffServer(c, id, hvChanged, bs, hs);
  }
}

function diffVlans(c: Collector, base: EstateManifest, head: EstateManifest): void {
  const bv = new Map(base.networks.filter((n) => n.dedicated).map((n) => [n.key, n]));
  const hv = new Map(head.networks.filter((n) => n.dedicated).map((n) => [n.key, n]));
  for (const key of [...new Set([...bv.keys(), ...hv.keys()])].sort()) {
    const b = bv.get(key);
    const h = hv.get(key);
    if (!b && h)
      c.add(
        'platform',
        'added',
        'vlan',
        h.portGroup,
        `専用ネットワーク VLAN ${h.vlanId} ${h.subnet}（${h.nameJa}）— VLAN ID の割当・L3SW 設定は統合基盤管理者 (R24)`,
      );
    else if (b && !h) c.add('platform', 'destroyed', 'vlan', b.portGroup, `専用ネットワーク VLAN ${b.vlanId} の削除`);
    else if (b && h) {
      if (b.vlanId !== h.vlanId || b.portGroup !== h.portGroup)
        c.add(
          'platform',
          'replaced',
          'vlan',
          h.portGroup,
          `VLAN ${b.vlanId} → ${h.vlanId}（ポートグループ ${b.portGroup} を再作成、接続中のNICは一時切断）`,
        );
      else if (b.subnet !== h.subnet || b.gateway !== h.gateway)
        c.add('platform', 'changed', 'vlan', h.portGroup, `サブネット ${b.subnet} → ${h.subnet}`);
    }
  }
}

/** Compares two manifests (and, when the folders are given, their Terraform JSON and Hyper-V scripts). */
export function diffManifests(
  base: EstateManifest,
  head: EstateManifest,
  dirs?: { base: string; head: string },
): { changes: Change[]; errors: string[] } {
  const c = new Collector();
  const bs = new Map(base.systems.map((s) => [s.systemId, s]));
  const hs = new Map(head.systems.map((s) => [s.systemId, s]));
  const ids = [...new Set([...bs.keys(), ...hs.keys()])].sort();
  for (const id of ids) diffSystem(c, bs.get(id), hs.get(id));
  diffVlans(c, base, head);
  if (dirs) diffOutputFiles(c, ids, dirs);
  return { changes: c.changes, errors: c.errors };
}
