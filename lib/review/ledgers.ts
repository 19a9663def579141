import { ManifestServer, EstateManifest, byKey } from './manifest';
import { LICENSE_JA, PARTY, POOL_JA, ZONE_JA, ipActorJa, ipPartyJa } from './labels';
import { doc, table, text } from '../model/markdown';

/** One capacity line: a host pool (vCPU, memory) or a datastore (GB). */
export interface CapacityLine {
  readonly key: string;
  readonly kindJa: string;
  readonly name: string;
  readonly unit: string;
  readonly allocated: number;
  readonly capacity: number;
}

/** Servers that use platform resources (not decommissioned). */
function activeServers(
  m: EstateManifest,
): { systemId: string; department: string; hostPool: string; hypervisor: string; s: ManifestServer }[] {
  return m.systems.flatMap((sys) =>
    sys.servers
      .filter((s) => !s.decommissioned)
      .map((s) => ({
        systemId: sys.systemId,
        department: sys.department,
        hostPool: sys.hostPool,
        hypervisor: sys.hypervisor,
        s,
      })),
  );
}

/** Allocated vs capacity per cluster / host pool / datastore. */
export function capacityLines(m: EstateManifest): CapacityLine[] {
  const active = activeServers(m);
  const out: CapacityLine[] = [];
  for (const pool of m.platform.hostPools) {
    const on = active.filter((a) => a.hostPool === pool.name && a.hypervisor === pool.hypervisor);
    const kindJa = pool.hypervisor === 'vsphere' ? 'クラスタ' : 'Hyper-V ホストプール';
    out.push({
      key: `pool:${pool.name}:vcpu`,
      kindJa,
      name: pool.name,
      unit: 'vCPU',
      allocated: on.reduce((n, a) => n + a.s.vcpus, 0),
      capacity: pool.vcpuCapacity,
    });
    out.push({
      key: `pool:${pool.name}:mem`,
      kindJa,
      name: pool.name,
      unit: 'メモリGB',
      allocated: on.reduce((n, a) => n + a.s.memoryGb, 0),
      capacity: pool.memoryGbCapacity,
    });
  }
  for (const ds of m.platform.datastores) {
    let gb = 0;
    for (const a of active) {
      for (const d of a.s.disks) if (d.datastore === ds.name) gb += d.sizeGb;
      if (a.s.backupVolume?.datastore === ds.name) gb += a.s.backupVolume.sizeGb;
    }
    out.push({
      key: `ds:${ds.name}`,
      kindJa: ds.kind === 'backup' ? 'バックアップ用データストア' : 'システム用データストア',
      name: ds.name,
      unit: 'GB',
      allocated: gb,
      capacity: ds.capacityGb,
    });
  }
  return out;
}

export const pct = (a: number, c: number): string => (c > 0 ? `${((a / c) * 100).toFixed(1)}%` : '—');

/** Units a shared pool needs (R05 counting) and who uses it. */
export interface LicenseLine {
  readonly kind: string;
  readonly held: number;
  readonly required: number;
  readonly servers: number;
  readonly byDepartment: ReadonlyMap<string, number>;
}

function poolOf(s: ManifestServer): string[] {
  const out: string[] = [];
  if (s.osLicense === 'shared-rhel') out.push('rhel-vdc');
  if (s.osLicense === 'shared-windows-datacenter') out.push('windows-datacenter');
  if (s.oracle?.license === 'shared') out.push('oracle-se2');
  return out;
}

/** Shared-licence use per pool and per department (R05). */
export function licenseLines(m: EstateManifest): LicenseLine[] {
  const active = activeServers(m);
  const kinds = [
    ...new Set([...m.licensePools.map((p) => p.kind as string), ...active.flatMap((a) => poolOf(a.s))]),
  ].sort();
  return kinds.map((kind) => {
    const users = active.filter((a) => poolOf(a.s).includes(kind));
    const pools = new Set(users.map((a) => `${a.hypervisor}:${a.hostPool}`));
    let required = 0;
    for (const hp of m.platform.hostPools) {
      if (!pools.has(`${hp.hypervisor}:${hp.name}`)) continue;
      for (const h of hp.hosts) {
        if (kind === 'rhel-vdc') required += Math.ceil(h.sockets / 2);
        else if (kind === 'windows-datacenter') required += 1;
        else required += h.sockets;
      }
    }
    const byDepartment = new Map<string, number>();
    for (const u of users.sort(byKey((u) => u.department)))
      byDepartment.set(u.department, (byDepartment.get(u.department) ?? 0) + 1);
    return {
      kind,
      held: m.licensePools.filter((p) => p.kind === kind).reduce((n, p) => n + p.units, 0),
      required,
      servers: users.length,
      byDepartment,
    };
  });
}

/** One request routed to the party that acts on it. */
export interface RoutedRequest {
  readonly systemId: string;
  readonly kindJa: string;
  readonly target: string;
  readonly requesterJa: string;
  readonly actorJa: string;
  readonly ruleId: string;
}

/** Requests of R29 (IP), R32 (FQDN, firewall) and R10 (OS-image backup schedule), routed per the manual. */
export function routedRequests(m: EstateManifest): RoutedRequest[] {
  const out: RoutedRequest[] = [];
  for (const sys of m.systems) {
    if (sys.decommissioned) continue;
    const servers = sys.servers.filter((s) => !s.decommissioned);
    for (const s of servers) {
      for (const n of s.nics) {
        const requester =
          n.ipAssignedBy === 'om-vendor' || n.ipAssignedBy === 'admin-net-vendor' ? PARTY.admin : PARTY.department;
        out.push({
          systemId: sys.systemId,
          kindJa: n.ipv4 ? 'IPアドレス割当（割当済み）' : 'IPアドレス割当（未割当）',
          target: `${s.name} NIC${n.index} ${n.networkNameJa}${n.ipv4 ? ` ${n.ipv4}` : ''}`,
          requesterJa: requester,
          actorJa: ipActorJa(n.ipAssignedBy, n.ipAdministratorJa),
          ruleId: 'R29',
        });
        if (n.fqdn)
          out.push({
            systemId: sys.systemId,
            kindJa: 'FQDN の DNS 登録',
            target: `${s.name} ${n.fqdn}`,
            requesterJa: PARTY.admin,
            actorJa: PARTY.adminNetVendor,
            ruleId: 'R32',
          });
      }
    }
    const fw = [
      ...new Set(servers.flatMap((s) => s.nics.filter((n) => n.firewallChange).map((n) => n.networkNameJa))),
    ].sort();
    for (const net of fw)
      out.push({
        systemId: sys.systemId,
        kindJa: 'F/W の設定変更',
        target: net,
        requesterJa: PARTY.admin,
        actorJa: PARTY.adminNetVendor,
        ruleId: 'R32',
      });
    if (sys.backup.osImage && servers.length > 0) {
      out.push({
        systemId: sys.systemId,
        kindJa: 'OSイメージバックアップのスケジュール追加',
        target: `${servers.map((s) => s.name).join(', ')}（${sys.backup.scheduleOnReadyReport ? '準備完了の報告後' : '申請どおり'}）`,
        requesterJa: PARTY.admin,
        actorJa: PARTY.omVendor,
        ruleId: 'R10',
      });
    }
  }
  return out;
}

/** `<out>/review/ledgers.md`: capacity, shared licences, VLAN/IP registry, routed requests. */
export function renderLedgers(m: EstateManifest): string {
  const deptJa = new Map(m.platform.departments.map((d) => [d.code, d.nameJa]));
  const lic = licenseLines(m);
  const ips = m.systems
    .flatMap((sys) => sys.servers.flatMap((s) => s.nics.map((n) => ({ sys, s, n }))))
    .sort(byKey((x) => `${x.n.network}/${x.n.ipv4 ?? '~'}/${x.s.name}/${x.n.index}`));
  return doc([
    `# 統合基盤 台帳（${text(m.platform.nameJa)}）`,
    '> 宣言から生成した台帳です。利用停止のサーバは割当に含めません。',
    '## 1. 基盤リソース（割当 / 容量）',
    table(
      ['種別', '名前', '単位', '割当', '容量', '使用率'],
      capacityLines(m).map((l) => [l.kindJa, l.name, l.unit, l.allocated, l.capacity, pct(l.allocated, l.capacity)]),
    ),
    '## 2. 共用ライセンス（R05）',
    table(
      ['ライセンス', '保有数', '必要数', '過不足', '利用サーバ数'],
      lic.map((l) => [POOL_JA[l.kind] ?? l.kind, l.held, l.required, l.held - l.required, l.servers]),
    ),
    '### 部局別の利用サーバ数',
    table(
      ['ライセンス', '部局', 'サーバ数'],
      lic.flatMap((l) =>
        [...l.byDepartment].map(([d, n]) => [POOL_JA[l.kind] ?? l.kind, `${deptJa.get(d) ?? d}（${d}）`, n]),
      ),
    ),
    '### OSライセンスの出所（R04）',
    table(
      ['システム', 'サーバ', 'OS', 'ライセンス'],
      m.systems.flatMap((sys) =>
        sys.servers
          .filter((s) => !s.decommissioned)
          .map((s) => [sys.systemId, s.name, s.guestOsName, LICENSE_JA[s.osLicense]]),
      ),
    ),
    '## 3. VLAN 台帳（R24）',
    table(
      [
        'ネットワーク',
        '名称',
        'ゾーン',
        'VLAN ID',
        'サブネット',
        'ゲートウェイ',
        'ポートグループ',
        '専用',
        '申請部局',
        'IP割当者（R29）',
      ],
      m.networks.map((n) => [
        n.key,
        n.nameJa,
        ZONE_JA[n.zone],
        n.vlanId,
        n.subnet,
        n.gateway,
        n.portGroup,
        n.dedicated ? 'はい' : 'いいえ',
        n.department ? (deptJa.get(n.department) ?? n.department) : '—',
        ipPartyJa(n.ipAssignedBy, n.ipAdministratorJa),
      ]),
    ),
    '## 4. IP アドレス台帳（R27, R29）',
    table(
      ['ネットワーク', 'IPアドレス', 'システム', 'サーバ', 'NIC', 'FQDN', '割当者', '状態'],
      ips.map(({ sys, s, n }) => [
        n.network,
        n.ipv4 ?? '未割当',
        sys.systemId,
        s.name,
        n.index,
        n.fqdn,
        ipPartyJa(n.ipAssignedBy, n.ipAdministratorJa),
        s.decommissioned ? '利用停止（返却予定）' : '使用中',
      ]),
    ),
    '## 5. 依頼先別の依頼一覧（R29, R32, R10）',
    table(
      ['作業者', '依頼内容', 'システム', '対象', '依頼者', 'ルール'],
      routedRequests(m)
        .sort(byKey((r) => `${r.actorJa}/${r.ruleId}/${r.systemId}/${r.target}`))
        .map((r) => [r.actorJa, r.kindJa, r.systemId, r.target, r.requesterJa, r.ruleId]),
    ),
  ]);
}
