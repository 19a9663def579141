import * as fs from 'fs';
import * as path from 'path';
import { PHASE_JA } from '../model/system';
import { capacityLines, licenseLines, pct } from './ledgers';
import { POOL_JA } from './labels';
import { EstateManifest, ManifestServer, ManifestSystem, byKey, parseEstateManifest } from './manifest';
import { cell, code, doc, table, text } from './markdown';

/** The first line of every diff report (`kiban diff --output` only overwrites a file that starts with it). */
export const DIFF_HEADER = '## 統合基盤 変更レビュー / kiban estate diff';

/** GitHub's limit for a pull-request comment. */
export const GITHUB_COMMENT_LIMIT = 65536;
/** We aim below the limit, leaving room for a wrapper the workflow may add. */
const TARGET = 60000;

export type ChangeOp = 'added' | 'changed' | 'replaced' | 'destroyed';
export type ChangeObject =
  'system' | 'server' | 'disk' | 'backup-volume' | 'nic' | 'vlan' | 'permission' | 'hyperv-step' | 'terraform';

export interface Change {
  /** System id, or `platform` for platform-wide objects (dedicated VLANs). */
  readonly systemId: string;
  readonly op: ChangeOp;
  readonly object: ChangeObject;
  readonly target: string;
  readonly detail: string;
  /** True when the change deletes or recreates a VM or a disk. */
  readonly destroysData: boolean;
}

export interface DiffResult {
  readonly markdown: string;
  /** Problems that must fail the command (e.g. a server deleted instead of decommissioned). */
  readonly errors: string[];
  readonly changes: Change[];
}

const OP_JA: Record<ChangeOp, string> = {
  added: '追加 added',
  changed: '変更 changed',
  replaced: '再作成 replaced',
  destroyed: '削除 destroyed',
};
const OBJ_JA: Record<ChangeObject, string> = {
  system: 'システム',
  server: 'サーバ',
  disk: 'ディスク',
  'backup-volume': 'バックアップ領域',
  nic: 'NIC',
  vlan: 'VLAN',
  permission: '権限',
  'hyperv-step': 'Hyper-V スクリプト',
  terraform: 'Terraform',
};

const diskName = (i: number) => (i === 0 ? 'システムディスク' : `データディスク${i}`);
const res = (s: ManifestServer) =>
  `${s.cpu.sockets}×${s.cpu.coresPerSocket} vCPU ${s.vcpus}, ${s.memoryGb} GB, ディスク ${s.disks.map((d) => d.sizeGb).join('+')} GB`;

class Collector {
  readonly changes: Change[] = [];
  readonly errors: string[] = [];
  add(
    systemId: string,
    op: ChangeOp,
    object: ChangeObject,
    target: string,
    detail: string,
    destroysData = false,
  ): void {
    this.changes.push({ systemId, op, object, target, detail, destroysData });
  }
}

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

/* ---------- Terraform JSON and Hyper-V scripts, read only when present ---------- */

type Json = Record<string, unknown>;

function readJson(file: string): Json | undefined {
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new Error(
      `${file} is not valid JSON: not a kiban synth output / ${file} は kiban synth の出力ではありません（JSON として読めません）`,
    );
  }
}

function resourcesOf(tf: Json | undefined, type: string): Map<string, Json> {
  const r = (tf?.['resource'] as Json | undefined)?.[type] as Record<string, Json> | undefined;
  return new Map(Object.entries(r ?? {}));
}

const asArray = (v: unknown): Json[] =>
  Array.isArray(v) ? (v as Json[]) : v && typeof v === 'object' ? [v as Json] : [];
const stable = (v: unknown): string => JSON.stringify(v ?? null);

/** Replacement triggers of the vSphere provider, from the synthesized stacks (when both are present). */
function diffTerraform(
  c: Collector,
  systemId: string,
  baseTf: Json | undefined,
  headTf: Json | undefined,
  already: ReadonlySet<string>,
): void {
  if (!baseTf || !headTf) return;
  const bvm = resourcesOf(baseTf, 'vsphere_virtual_machine');
  const hvm = resourcesOf(headTf, 'vsphere_virtual_machine');
  for (const [key, b] of [...bvm].sort(byKey(([k]) => k))) {
    const h = hvm.get(key);
    const name = String(b['name'] ?? key);
    if (already.has(`${systemId}/${name}`)) continue;
    if (!h) {
      c.add(
        systemId,
        'destroyed',
        'terraform',
        `vsphere_virtual_machine.${key}`,
        'Terraform から仮想マシンが消えます (VM resource removed)',
        true,
      );
      continue;
    }
    for (const block of ['clone', 'ovf_deploy'] as const) {
      if (stable(b[block]) !== stable(h[block]))
        c.add(
          systemId,
          'replaced',
          'terraform',
          `vsphere_virtual_machine.${key}`,
          `${block} ブロックの変更は再作成 (${block} block changed: forces replacement)`,
          true,
        );
    }
    const bd = asArray(b['disk']);
    const hd = asArray(h['disk']);
    bd.forEach((d, i) => {
      const e = hd[i];
      if (!e) return; // removal is reported by the manifest diff
      if (d['label'] !== e['label'])
        c.add(
          systemId,
          'replaced',
          'terraform',
          `vsphere_virtual_machine.${key} disk[${i}]`,
          `ディスクラベル ${String(d['label'])} → ${String(e['label'])}（ディスク再作成 — forces replacement）`,
          true,
        );
      if (stable(d['datastore_id']) !== stable(e['datastore_id']))
        c.add(
          systemId,
          'replaced',
          'terraform',
          `vsphere_virtual_machine.${key} disk[${i}]`,
          'ディスクのデータストア変更（再作成 — forces replacement）',
          true,
        );
    });
  }
  const bdk = resourcesOf(baseTf, 'vsphere_virtual_disk');
  const hdk = resourcesOf(headTf, 'vsphere_virtual_disk');
  for (const [key, b] of [...bdk].sort(byKey(([k]) => k))) {
    const h = hdk.get(key);
    if (!h) continue; // the manifest diff reports removed backup volumes
    for (const attr of ['vmdk_path', 'datastore', 'type']) {
      if (stable(b[attr]) !== stable(h[attr]))
        c.add(
          systemId,
          'replaced',
          'terraform',
          `vsphere_virtual_disk.${key}`,
          `${attr} の変更は再作成 (${attr} changed: forces replacement)`,
          true,
        );
    }
  }
}

function scriptSteps(file: string): string[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function diffHyperv(c: Collector, systemId: string, baseDir: string, headDir: string): void {
  for (const script of ['apply.ps1', 'remove.ps1']) {
    const b = scriptSteps(path.join(baseDir, 'hyperv', systemId, script));
    const h = scriptSteps(path.join(headDir, 'hyperv', systemId, script));
    if (!b && !h) continue;
    const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
    const bc = count(b ?? []);
    const hc = count(h ?? []);
    // Multiset difference: a line present twice in HEAD and once in BASE is one added line, not two.
    const beyond = (xs: string[], own: Map<string, number>, other: Map<string, number>) => {
      const left = new Map([...own].map(([x, n]) => [x, n - (other.get(x) ?? 0)]));
      return xs.filter((x) => {
        const n = left.get(x)!;
        left.set(x, n - 1);
        return n > 0;
      });
    };
    const added = beyond(h ?? [], hc, bc);
    const removed = beyond(b ?? [], bc, hc);
    const show = (xs: string[]) =>
      [...new Set(xs)]
        .slice(0, 5)
        .map((x) => (x.length > 100 ? `${x.slice(0, 100)}…` : x))
        .join(' / ');
    if (added.length > 0)
      c.add(
        systemId,
        b ? 'changed' : 'added',
        'hyperv-step',
        `hyperv/${systemId}/${script}`,
        `+${added.length} 行: ${show(added)}`,
      );
    if (removed.length > 0)
      c.add(
        systemId,
        h ? 'changed' : 'destroyed',
        'hyperv-step',
        `hyperv/${systemId}/${script}`,
        `-${removed.length} 行: ${show(removed)}`,
      );
  }
}

/* ---------- the comparison and its Markdown ---------- */

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
  if (dirs) {
    const flagged = new Set(
      c.changes
        .filter((x) => x.object === 'server' && (x.op === 'replaced' || x.op === 'destroyed'))
        .map((x) => `${x.systemId}/${x.target}`),
    );
    for (const id of ids) {
      diffTerraform(
        c,
        id,
        readJson(path.join(dirs.base, 'stacks', id, 'cdk.tf.json')),
        readJson(path.join(dirs.head, 'stacks', id, 'cdk.tf.json')),
        flagged,
      );
      diffHyperv(c, id, dirs.base, dirs.head);
    }
  }
  return { changes: c.changes, errors: c.errors };
}

function capacitySection(base: EstateManifest, head: EstateManifest, onlyChanged: boolean): string {
  const b = new Map(capacityLines(base).map((l) => [l.key, l]));
  const rows = capacityLines(head)
    .filter((l) => !onlyChanged || b.get(l.key)?.allocated !== l.allocated || b.get(l.key)?.capacity !== l.capacity)
    .map((l) => {
      const o = b.get(l.key);
      return [
        l.kindJa,
        l.name,
        l.unit,
        `${o?.allocated ?? 0} → ${l.allocated}`,
        `${o?.capacity ?? 0} → ${l.capacity}`,
        `${pct(o?.allocated ?? 0, o?.capacity ?? 0)} → ${pct(l.allocated, l.capacity)}`,
      ];
    });
  const bl = new Map(licenseLines(base).map((l) => [l.kind, l]));
  const lic = licenseLines(head)
    .filter(
      (l) =>
        !onlyChanged ||
        bl.get(l.kind)?.required !== l.required ||
        bl.get(l.kind)?.held !== l.held ||
        bl.get(l.kind)?.servers !== l.servers,
    )
    .map((l) => {
      const o = bl.get(l.kind);
      return [
        POOL_JA[l.kind] ?? l.kind,
        `${o?.held ?? 0} → ${l.held}`,
        `${o?.required ?? 0} → ${l.required}`,
        `${o?.servers ?? 0} → ${l.servers}`,
        l.held < l.required ? '不足 (short)' : 'OK',
      ];
    });
  return doc([
    '### 基盤リソース（変更前 → 変更後） / Platform capacity (before → after)',
    table(['種別', '名前', '単位', '割当', '容量', '使用率'], rows),
    '### 共用ライセンス（変更前 → 変更後） / Shared licences (before → after)',
    table(['ライセンス', '保有数', '必要数', '利用サーバ数', '判定'], lic),
  ]).trimEnd();
}

interface RenderLimits {
  readonly detailed: boolean;
  readonly maxErrors: number;
  readonly maxDestroy: number;
  readonly maxSystems: number;
}

function renderDiff(
  base: EstateManifest,
  head: EstateManifest,
  changes: Change[],
  errors: string[],
  lim: RenderLimits,
): string {
  const destroy = changes.filter((c) => c.destroysData);
  const names = new Map([...base.systems, ...head.systems].map((s) => [s.systemId, s.systemName]));
  names.set('platform', '統合基盤（共通） / platform');
  const bySystem = new Map<string, Change[]>();
  for (const c of changes) bySystem.set(c.systemId, [...(bySystem.get(c.systemId) ?? []), c]);
  const systems = [...bySystem.keys()].sort((a, b) =>
    a === 'platform' ? 1 : b === 'platform' ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const count = (op: ChangeOp, xs: Change[]) => xs.filter((c) => c.op === op).length;
  const more = (n: number, what: string) => (n > 0 ? `…ほか ${n} 件（${what}） / …and ${n} more` : undefined);
  const blocks: (string | undefined)[] = [
    DIFF_HEADER,
    `変更のあるシステム ${systems.filter((s) => s !== 'platform').length} 件 — 追加 ${count('added', changes)}・変更 ${count('changed', changes)}・再作成 ${count('replaced', changes)}・削除 ${count('destroyed', changes)}` +
      ` / ${systems.filter((s) => s !== 'platform').length} systems changed: ${count('added', changes)} added, ${count('changed', changes)} changed, ${count('replaced', changes)} replaced, ${count('destroyed', changes)} destroyed`,
  ];
  if (!lim.detailed)
    blocks.push(
      '> 変更が多いため要約しています。詳細は synth 出力の `review/` を参照してください。 / Summarized because the change is large; see `review/` in the synth output for details.',
    );
  if (errors.length > 0) {
    blocks.push(
      `### ❌ エラー（マージ不可） / Errors (must be fixed)`,
      errors
        .slice(0, lim.maxErrors)
        .map((e) => `- ${text(e)}`)
        .join('\n'),
      more(errors.length - lim.maxErrors, 'エラー'),
    );
  }
  blocks.push('### ⚠️ データの削除・再作成 / Destroys or recreates data');
  if (destroy.length === 0)
    blocks.push(
      'この変更で削除・再作成される仮想マシンやディスクはありません。 / No VM or disk is deleted or recreated by this change.',
    );
  else {
    blocks.push(
      '**以下の変更は仮想マシンまたはディスクを削除・再作成し、データが失われます。適用前にバックアップと関係者の合意を確認してください。** / **The changes below delete or recreate a VM or a disk; data is lost. Confirm backups and agreement before applying.**',
      table(
        ['システム', '操作', '種別', '対象', '理由'],
        destroy.slice(0, lim.maxDestroy).map((c) => [c.systemId, OP_JA[c.op], OBJ_JA[c.object], c.target, c.detail]),
      ),
      more(destroy.length - lim.maxDestroy, 'データ削除・再作成'),
    );
  }
  blocks.push('### システム別の変更 / Changes per system');
  if (systems.length === 0) blocks.push('変更はありません。 / No changes.');
  if (lim.detailed) {
    for (const id of systems) {
      const xs = bySystem.get(id)!;
      blocks.push(
        `#### ${code(id)} ${text(names.get(id) ?? '')}`,
        table(
          ['操作', '種別', '対象', '内容'],
          xs.map((c) => [`${c.destroysData ? '⚠️ ' : ''}${OP_JA[c.op]}`, OBJ_JA[c.object], c.target, c.detail]),
        ),
      );
    }
  } else {
    blocks.push(
      table(
        ['システム', '名称', '追加', '変更', '再作成', '削除', 'データ削除'],
        systems.slice(0, lim.maxSystems).map((id) => {
          const xs = bySystem.get(id)!;
          return [
            id,
            names.get(id),
            count('added', xs),
            count('changed', xs),
            count('replaced', xs),
            count('destroyed', xs),
            xs.some((c) => c.destroysData) ? '⚠️ あり' : 'なし',
          ];
        }),
      ),
      more(systems.length - lim.maxSystems, 'システム'),
    );
  }
  blocks.push(capacitySection(base, head, true));
  return doc(blocks);
}

/** Renders the diff, summarizing as needed to stay under GitHub's comment limit. */
export function renderDiffMarkdown(
  base: EstateManifest,
  head: EstateManifest,
  changes: Change[],
  errors: string[],
  limit = TARGET,
): string {
  const attempts: RenderLimits[] = [
    { detailed: true, maxErrors: 200, maxDestroy: 500, maxSystems: Infinity },
    { detailed: false, maxErrors: 100, maxDestroy: 200, maxSystems: 1000 },
    { detailed: false, maxErrors: 50, maxDestroy: 100, maxSystems: 300 },
    { detailed: false, maxErrors: 20, maxDestroy: 30, maxSystems: 50 },
    { detailed: false, maxErrors: 5, maxDestroy: 5, maxSystems: 0 },
  ];
  for (const lim of attempts) {
    const md = renderDiff(base, head, changes, errors, lim);
    if (md.length <= limit) return md;
  }
  const md = renderDiff(base, head, changes, errors, attempts[attempts.length - 1]!);
  const cut = md.slice(0, limit - 200);
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n…（長すぎるため省略 / truncated）\n`;
}

function loadManifest(dir: string, errors: string[], label: string): EstateManifest | undefined {
  const file = path.join(dir, 'estate.json');
  if (!fs.existsSync(file)) {
    errors.push(
      `${label}: ${file} not found — not a kiban synth output folder (run \`kiban synth --out ${dir}\`) / kiban synth の出力フォルダではありません`,
    );
    return undefined;
  }
  try {
    return parseEstateManifest(fs.readFileSync(file, 'utf8'), file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    errors.push(
      code
        ? `${label}: cannot read ${file} (${code}) — check the permissions / ${file} を読み込めません（${code}）。権限を確認してください`
        : `${label}: ${(e as Error).message}`,
    );
    return undefined;
  }
}

/** `kiban diff BASE HEAD`: a pull-request comment of what two synth output folders change. */
export function diffOutputs(baseDir: string, headDir: string): DiffResult {
  const errors: string[] = [];
  const base = loadManifest(baseDir, errors, 'BASE');
  const head = loadManifest(headDir, errors, 'HEAD');
  if (!base || !head) {
    return {
      markdown: doc([DIFF_HEADER, '### ❌ エラー / Errors', errors.map((e) => `- ${cell(e)}`).join('\n')]),
      errors,
      changes: [],
    };
  }
  const d = diffManifests(base, head, { base: baseDir, head: headDir });
  return { markdown: renderDiffMarkdown(base, head, d.changes, d.errors), errors: d.errors, changes: d.changes };
}
