import { upgradeImpact as rulesUpgradeImpact } from '../rules/upgrade-impact';
import { Estate } from '../model/estate';
import { CONTACT_ROLE_JA } from './labels';
import { EstateManifest, ManifestSystem, buildEstateManifest } from './manifest';
import { code, doc, table, text } from './markdown';

/** What failed: a host, a cluster / host pool, a datastore or a network (R15). */
export interface ImpactTarget {
  readonly kind: 'host' | 'cluster' | 'datastore' | 'network';
  readonly name: string;
}

export interface ImpactedSystem {
  readonly systemId: string;
  readonly systemName: string;
  readonly department: string;
  readonly servers: readonly string[];
  readonly contacts: ManifestSystem['contacts'];
}

export interface ImpactResult {
  readonly target: ImpactTarget;
  /** Empty when the target is known; otherwise why it is not. */
  readonly error?: string;
  readonly systems: readonly ImpactedSystem[];
}

/**
 * Which systems and contacts sit behind a host, cluster, datastore or network (R15). VMs can run on
 * any host of their cluster / host pool, so a host failure affects every system of its pool.
 * Decommissioned servers are left out.
 */
export function impactOf(manifest: EstateManifest, target: ImpactTarget): ImpactResult {
  const pools = manifest.platform.hostPools;
  let match: (sys: ManifestSystem, server: ManifestSystem['servers'][number]) => boolean;
  let error: string | undefined;
  switch (target.kind) {
    case 'host': {
      const pool = pools.find((p) => p.hosts.some((h) => h.name.toLowerCase() === target.name.toLowerCase()));
      if (!pool) error = `unknown host ${target.name}; known: ${pools.flatMap((p) => p.hosts.map((h) => h.name)).join(', ')}`;
      match = (sys) => pool !== undefined && sys.hostPool === pool.name && sys.hypervisor === pool.hypervisor;
      break;
    }
    case 'cluster': {
      const pool = pools.find((p) => p.name.toLowerCase() === target.name.toLowerCase());
      if (!pool) error = `unknown cluster / host pool ${target.name}; known: ${pools.map((p) => p.name).join(', ')}`;
      match = (sys) => pool !== undefined && sys.hostPool === pool.name && sys.hypervisor === pool.hypervisor;
      break;
    }
    case 'datastore': {
      if (!manifest.platform.datastores.some((d) => d.name === target.name)) error = `unknown datastore ${target.name}; known: ${manifest.platform.datastores.map((d) => d.name).join(', ')}`;
      match = (_sys, s) => s.disks.some((d) => d.datastore === target.name) || s.backupVolume?.datastore === target.name;
      break;
    }
    case 'network': {
      const net = manifest.networks.find((n) => n.key === target.name || n.key === `vlan:${target.name}` || n.portGroup === target.name || String(n.vlanId) === target.name);
      if (!net) error = `unknown network ${target.name}; known: ${manifest.networks.map((n) => n.key).join(', ')}`;
      match = (_sys, s) => net !== undefined && s.nics.some((n) => n.network === net.key);
      break;
    }
  }
  const systems: ImpactedSystem[] = [];
  for (const sys of manifest.systems) {
    const servers = sys.servers.filter((s) => !s.decommissioned && match(sys, s)).map((s) => s.name);
    if (servers.length > 0) systems.push({ systemId: sys.systemId, systemName: sys.systemName, department: sys.departmentJa, servers, contacts: sys.contacts });
  }
  return { target, ...(error !== undefined ? { error } : {}), systems };
}

/** A target platform version for R12. */
export interface UpgradeTarget {
  readonly esxiVersion?: string;
  readonly windowsServerVersion?: string;
}

export interface UpgradeImpactEntry {
  readonly systemId: string;
  readonly server: string;
  readonly guestOs: string;
  readonly hypervisor: 'vsphere' | 'hyperv';
  readonly version: string;
  readonly support: 'unsupported' | 'unconfirmed';
  readonly detail: string;
}

/**
 * Which servers a target platform version would break (R12): the rule pack's `upgradeImpact`,
 * shaped for the review documents.
 */
export function upgradeImpact(estate: Estate, target: UpgradeTarget): UpgradeImpactEntry[] {
  return rulesUpgradeImpact(estate, target).map((e) => ({
    systemId: e.systemId,
    server: e.server,
    guestOs: e.guestOs,
    hypervisor: e.hypervisor,
    version: e.toVersion,
    support: e.targetSupport,
    detail: `${e.fromVersion}: ${e.currentSupport} → ${e.toVersion}: ${e.targetSupport}`,
  }));
}

const TARGET_JA = { host: 'ホスト', cluster: 'クラスタ／ホストプール', datastore: 'データストア', network: 'ネットワーク' } as const;

/** Markdown of an impact query (R15). */
export function renderImpact(r: ImpactResult): string {
  return doc([
    `## 影響範囲（R15）: ${TARGET_JA[r.target.kind]} ${code(r.target.name)}`,
    r.error ? `❌ ${text(r.error)}` : `影響を受けるシステム: ${r.systems.length} 件。統合基盤管理者は直ちに各個別業務システム管理者へ連絡し、個別業務システム管理者は利用者へ周知してください。`,
    table(
      ['システム', '名称', '所管部局', 'サーバ', '連絡先', '電話', 'メール'],
      r.systems.flatMap((s) => s.contacts.map((c) => [s.systemId, s.systemName, s.department, s.servers.join(', '), `${CONTACT_ROLE_JA[c.role]} ${c.nameJa}`, c.phone, c.email])),
    ),
  ]);
}

/** Markdown of an upgrade impact (R12). */
export function renderUpgradeImpact(target: UpgradeTarget, entries: readonly UpgradeImpactEntry[]): string {
  const t = [target.esxiVersion ? `ESXi ${target.esxiVersion}` : '', target.windowsServerVersion ? `Hyper-V (Windows Server ${target.windowsServerVersion})` : ''].filter((x) => x).join(', ');
  return doc([
    `## 基盤バージョンアップの影響（R12）: ${text(t || '（対象なし）')}`,
    `非対応 ${entries.filter((e) => e.support === 'unsupported').length} 件・未確認 ${entries.filter((e) => e.support === 'unconfirmed').length} 件。統合基盤管理者は十分な期間をもって周知し、個別業務システム管理者は速やかにゲストOSを更新してください。`,
    table(
      ['システム', 'サーバ', 'ゲストOS', '基盤', '判定', '根拠'],
      entries.map((e) => [e.systemId, e.server, e.guestOs, `${e.hypervisor} ${e.version}`, e.support === 'unsupported' ? '非対応 (breaks)' : '未確認 (unconfirmed)', e.detail]),
    ),
  ]);
}
