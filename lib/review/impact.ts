import {
  UPGRADE_VERDICTS,
  UpgradeImpactEntry,
  UpgradeTarget,
  UpgradeVerdict,
  countVerdicts,
  targetLifecycle,
} from '../rules/upgrade-impact';
import { SourceRef } from '../model/guest-os';
import { CONTACT_ROLE_JA } from './labels';
import { EstateManifest, ManifestSystem } from './manifest';
import { code, doc, sourceLink, table, text } from '../model/markdown';
import { didYouMean, suggestNames } from './suggest';

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

/** The platform object an impact target names, as the platform data names it. */
export interface ResolvedTarget {
  /** The canonical name (platform data), when known. */
  readonly name?: string;
  readonly pool?: EstateManifest['platform']['hostPools'][number];
  /** Why the name is not known, with the names that come closest. */
  readonly error?: string;
  readonly suggestions: readonly string[];
}

/**
 * Resolves a host, cluster / host pool, datastore or network name the way the platform data spells
 * it (case-insensitive). Networks are named by their key (`internet`, `lgwan`, `myNumber`, `dmz` or
 * a dedicated VLAN's name); a port group or VLAN ID is accepted and reported under the key. An
 * unknown name is an error that lists the nearest known names ("did you mean").
 */
export function resolveImpactTarget(manifest: EstateManifest, target: ImpactTarget): ResolvedTarget {
  const q = target.name.toLowerCase();
  const pools = manifest.platform.hostPools;
  const unknown = (what: string, known: readonly string[], extra: readonly string[] = []): ResolvedTarget => {
    const suggestions = [...new Set([...extra, ...suggestNames(target.name, known)])].slice(0, 3);
    return {
      error: `unknown ${what} ${target.name}.${didYouMean(suggestions)} Known: ${known.join(', ')}`,
      suggestions,
    };
  };
  switch (target.kind) {
    case 'host': {
      for (const p of pools) {
        const h = p.hosts.find((x) => x.name.toLowerCase() === q);
        if (h) return { name: h.name, pool: p, suggestions: [] };
      }
      // The old `<cluster>/esxiNN` placeholder points at the NN-th host of that cluster.
      const m = /^(.+)\/esxi(\d+)$/i.exec(target.name);
      const byNumber = m
        ? pools.find((p) => p.name.toLowerCase() === m[1]!.toLowerCase())?.hosts[Number(m[2]) - 1]?.name
        : undefined;
      return unknown(
        'host',
        pools.flatMap((p) => p.hosts.map((h) => h.name)),
        byNumber !== undefined ? [byNumber] : [],
      );
    }
    case 'cluster': {
      const p = pools.find((x) => x.name.toLowerCase() === q);
      return p
        ? { name: p.name, pool: p, suggestions: [] }
        : unknown(
            'cluster / host pool',
            pools.map((x) => x.name),
          );
    }
    case 'datastore': {
      const d = manifest.platform.datastores.find((x) => x.name.toLowerCase() === q);
      return d
        ? { name: d.name, suggestions: [] }
        : unknown(
            'datastore',
            manifest.platform.datastores.map((x) => x.name),
          );
    }
    case 'network': {
      const n = manifest.networks.find(
        (x) =>
          x.key.toLowerCase() === q ||
          x.key.toLowerCase() === `vlan:${q}` ||
          x.portGroup?.toLowerCase() === q ||
          String(x.vlanId) === target.name,
      );
      return n
        ? { name: n.key, suggestions: [] }
        : unknown(
            'network',
            manifest.networks.map((x) => x.key),
          );
    }
  }
}

/**
 * Which systems and contacts sit behind a host, cluster, datastore or network (R15). VMs can run on
 * any host of their cluster / host pool, so a host failure affects every system of its pool.
 * Decommissioned servers are left out.
 */
export function impactOf(manifest: EstateManifest, target: ImpactTarget): ImpactResult {
  const resolved = resolveImpactTarget(manifest, target);
  const pool = resolved.pool;
  let match: (sys: ManifestSystem, server: ManifestSystem['servers'][number]) => boolean;
  switch (target.kind) {
    case 'host':
    case 'cluster':
      match = (sys) => pool !== undefined && sys.hostPool === pool.name && sys.hypervisor === pool.hypervisor;
      break;
    case 'datastore':
      match = (_sys, s) =>
        resolved.name !== undefined &&
        (s.disks.some((d) => d.datastore === resolved.name) || s.backupVolume?.datastore === resolved.name);
      break;
    case 'network':
      match = (_sys, s) => resolved.name !== undefined && s.nics.some((n) => n.network === resolved.name);
      break;
  }
  const error = resolved.error;
  const named: ImpactTarget = resolved.name !== undefined ? { kind: target.kind, name: resolved.name } : target;
  const systems: ImpactedSystem[] = [];
  for (const sys of manifest.systems) {
    const servers = sys.servers.filter((s) => !s.decommissioned && match(sys, s)).map((s) => s.name);
    if (servers.length > 0)
      systems.push({
        systemId: sys.systemId,
        systemName: sys.systemName,
        department: sys.departmentJa,
        servers,
        contacts: sys.contacts,
      });
  }
  return { target: named, ...(error !== undefined ? { error } : {}), systems };
}

export type { UpgradeTarget, UpgradeImpactEntry, UpgradeVerdict, VerdictCounts } from '../rules/upgrade-impact';

/** The R12 verdict of every running server on a target platform version: the rule pack's one definition. */
export { upgradeImpact } from '../rules/upgrade-impact';

const TARGET_JA = {
  host: 'ホスト',
  cluster: 'クラスタ／ホストプール',
  datastore: 'データストア',
  network: 'ネットワーク',
} as const;

/** Markdown of an impact query (R15). */
export function renderImpact(r: ImpactResult): string {
  return doc([
    `## 影響範囲（R15）: ${TARGET_JA[r.target.kind]} ${code(r.target.name)}`,
    r.error
      ? `❌ ${text(r.error)}`
      : `影響を受けるシステム: ${r.systems.length} 件。統合基盤管理者は直ちに各個別業務システム管理者へ連絡し、個別業務システム管理者は利用者へ周知してください。`,
    table(
      ['システム', '名称', '所管部局', 'サーバ', '連絡先', '電話', 'メール'],
      r.systems.flatMap((s) =>
        s.contacts.map((c) => [
          s.systemId,
          s.systemName,
          s.department,
          s.servers.join(', '),
          `${CONTACT_ROLE_JA[c.role]} ${c.nameJa}`,
          c.phone,
          c.email,
        ]),
      ),
    ),
  ]);
}

const BROADCOM_SUPPORT_LEVELS: SourceRef = {
  url: 'https://knowledge.broadcom.com/external/article/344481/understanding-guest-operating-system-sup.html',
  title: 'Broadcom KB 344481: Understanding guest operating system support levels',
};

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
  const t = [
    target.esxiVersion ? `ESXi ${target.esxiVersion}` : '',
    target.windowsServerVersion ? `Hyper-V (Windows Server ${target.windowsServerVersion})` : '',
  ]
    .filter((x) => x)
    .join(', ');
  // Sources are numbered once, in order of first use, and listed below the table.
  const refs: SourceRef[] = [];
  const refNo = (r: SourceRef): number => {
    const i = refs.findIndex((x) => x.url === r.url && x.title === r.title);
    if (i >= 0) return i + 1;
    refs.push(r);
    return refs.length;
  };
  const order = (v: UpgradeVerdict) => UPGRADE_VERDICTS.indexOf(v);
  const sorted = [...entries].sort(
    (a, b) => order(a.verdict) - order(b.verdict) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  const rows = sorted.map((e) => [
    e.systemId,
    e.server,
    e.guestOsName,
    `${e.hypervisor === 'vsphere' ? 'ESXi' : 'Hyper-V'} ${e.fromVersion} → ${e.toVersion}`,
    VERDICT_JA[e.verdict],
    e.fact,
    e.sources.map((r) => `[${refNo(r)}]`).join(' '),
  ]);
  const checks = sorted.filter((e) => e.checkWithVendor);
  const checkRows = [
    ...new Map(checks.map((e) => [`${e.checkWithVendor!.guestOs}@${e.checkWithVendor!.host}`, e])).values(),
  ].map((e) => [
    e.checkWithVendor!.vendor,
    e.checkWithVendor!.guestOs,
    e.checkWithVendor!.host,
    checks
      .filter(
        (x) =>
          x.checkWithVendor!.guestOs === e.checkWithVendor!.guestOs &&
          x.checkWithVendor!.host === e.checkWithVendor!.host,
      )
      .map((x) => `${x.systemId}/${x.server}`)
      .join(', '),
    `[${refNo(e.checkWithVendor!.where)}]`,
  ]);
  const lifecycle = targetLifecycle(target).map(
    (l) =>
      `- ${text(l.host)}: ベンダーのサポート終了日 (vendor end of support) ${text(l.endOfSupport)} ${l.sources.map((r) => `[${refNo(r)}]`).join(' ')}`,
  );
  return doc([
    `## 基盤バージョンアップの影響（R12）: ${text(t || '（対象なし）')}`,
    `判定（verdicts）: ${verdictSummary(entries)}。統合基盤管理者は十分な期間をもって周知し、個別業務システム管理者は速やかにゲストOSを更新してください。`,
    target.on ? `更新予定日 (upgrade day): ${text(target.on)}` : undefined,
    lifecycle.length > 0 ? lifecycle.join('\n') : undefined,
    table(['システム', 'サーバ', 'ゲストOS', '基盤', '判定', '根拠 (fact)', '出典'], rows),
    checkRows.length > 0 ? '### ベンダーに確認すること（未確認のもの） / To check with the vendor' : undefined,
    checks.some((e) => e.hypervisor === 'vsphere')
      ? `Broadcom はOSベンダーがサポートするマイナーアップデート／サービスパック（メジャーリリースのサポート終了後は最新のもの）を前提とします / Broadcom requires a minor update or service pack the OS vendor supports (the latest one once the major release is out of vendor support) [${refNo(BROADCOM_SUPPORT_LEVELS)}]`
      : undefined,
    checkRows.length > 0
      ? table(['確認先 (vendor)', 'ゲストOS (guest OS)', '基盤 (host version)', 'サーバ', '出典'], checkRows)
      : undefined,
    refs.length > 0
      ? `### 出典 / Sources\n\n${refs.map((r, i) => `${i + 1}. ${text(r.title)}: ${sourceLink(r.url)}`).join('\n')}`
      : undefined,
  ]);
}
