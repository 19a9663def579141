import { UPGRADE_VERDICTS, UpgradeImpactEntry, UpgradeTarget, UpgradeVerdict, countVerdicts, targetLifecycle, upgradeImpact as rulesUpgradeImpact } from '../rules/upgrade-impact';
import { SourceRef } from '../model/guest-os';
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

export type { UpgradeTarget, UpgradeImpactEntry, UpgradeVerdict, VerdictCounts } from '../rules/upgrade-impact';

/**
 * The R12 verdict of every running server on a target platform version: the rule pack's
 * `upgradeImpact` (one verdict, shared with the rules).
 */
export function upgradeImpact(estate: Estate, target: UpgradeTarget): UpgradeImpactEntry[] {
  return rulesUpgradeImpact(estate, target);
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

const VERDICT_JA: Readonly<Record<UpgradeVerdict, string>> = {
  unsupported: '非対応 (unsupported)',
  'past-end-of-support': 'OSサポート終了 (past end of support)',
  unconfirmed: '未確認 (unconfirmed)',
  supported: '対応 (supported)',
};

/** One line per verdict count, e.g. `非対応 (unsupported) 1 件`. */
export function verdictSummary(entries: readonly UpgradeImpactEntry[]): string {
  const c = countVerdicts(entries);
  return UPGRADE_VERDICTS.map((v) => `${VERDICT_JA[v]} ${c[v]} 件`).join('・');
}

/** Markdown of an upgrade impact (R12): counts per verdict, the verdict of every server with its fact and sources, and what to check with the vendor. */
export function renderUpgradeImpact(target: UpgradeTarget, entries: readonly UpgradeImpactEntry[]): string {
  const t = [target.esxiVersion ? `ESXi ${target.esxiVersion}` : '', target.windowsServerVersion ? `Hyper-V (Windows Server ${target.windowsServerVersion})` : ''].filter((x) => x).join(', ');
  // Sources are numbered once, in order of first use, and listed below the table.
  const refs: SourceRef[] = [];
  const refNo = (r: SourceRef): number => {
    const i = refs.findIndex((x) => x.url === r.url && x.title === r.title);
    if (i >= 0) return i + 1;
    refs.push(r);
    return refs.length;
  };
  const order = (v: UpgradeVerdict) => UPGRADE_VERDICTS.indexOf(v);
  const sorted = [...entries].sort((a, b) => order(a.verdict) - order(b.verdict) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const rows = sorted.map((e) => [
    e.systemId, e.server, e.guestOsName, `${e.hypervisor === 'vsphere' ? 'ESXi' : 'Hyper-V'} ${e.fromVersion} → ${e.toVersion}`, VERDICT_JA[e.verdict], e.fact,
    e.sources.map((r) => `[${refNo(r)}]`).join(' '),
  ]);
  const checks = sorted.filter((e) => e.checkWithVendor);
  const checkRows = [...new Map(checks.map((e) => [`${e.checkWithVendor!.guestOs}@${e.checkWithVendor!.host}`, e])).values()].map((e) => [
    e.checkWithVendor!.vendor, e.checkWithVendor!.guestOs, e.checkWithVendor!.host,
    checks.filter((x) => x.checkWithVendor!.guestOs === e.checkWithVendor!.guestOs && x.checkWithVendor!.host === e.checkWithVendor!.host).map((x) => `${x.systemId}/${x.server}`).join(', '),
    `[${refNo(e.checkWithVendor!.where)}]`,
  ]);
  const lifecycle = targetLifecycle(target).map((l) => `- ${text(l.host)}: ベンダーのサポート終了日 (vendor end of support) ${text(l.endOfSupport)} ${l.sources.map((r) => `[${refNo(r)}]`).join(' ')}`);
  return doc([
    `## 基盤バージョンアップの影響（R12）: ${text(t || '（対象なし）')}`,
    `判定（verdicts）: ${verdictSummary(entries)}。統合基盤管理者は十分な期間をもって周知し、個別業務システム管理者は速やかにゲストOSを更新してください。`,
    target.on ? `更新予定日 (upgrade day): ${text(target.on)}` : undefined,
    lifecycle.length > 0 ? lifecycle.join('\n') : undefined,
    table(['システム', 'サーバ', 'ゲストOS', '基盤', '判定', '根拠 (fact)', '出典'], rows),
    checkRows.length > 0 ? '### ベンダーに確認すること（未確認のもの） / To check with the vendor' : undefined,
    checkRows.length > 0 ? table(['確認先 (vendor)', 'ゲストOS (guest OS)', '基盤 (host version)', 'サーバ', '出典'], checkRows) : undefined,
    refs.length > 0 ? `### 出典 / Sources\n\n${refs.map((r, i) => `${i + 1}. ${text(r.title)}: ${text(r.url)}`).join('\n')}` : undefined,
  ]);
}
