import { LICENSE_MODEL, SharedLicenseKind } from '../model/shared-license';
import { HostRef, RuleContext, ServerEntry } from './context';
import { osLicenseOf } from './r05-shared-os-license-eligible';
import { Rule, RuleResult, Violation, notApplicable, outcome, show } from './types';

const KIND_NAME: Record<SharedLicenseKind, { en: string; ja: string }> = {
  'oracle-se2': { en: 'Oracle Database SE2', ja: 'Oracle Database SE2' },
  'rhel-vdc': { en: 'RHEL (1-2 sockets, unlimited guests)', ja: 'RHEL（1-2ソケット・ゲスト無制限）' },
  'windows-datacenter': { en: 'Windows Server Datacenter', ja: 'Windows Server Datacenter' },
};

/** Units one host needs in a pool of `kind` (guest-os-facts.json `licensing`). */
export function unitsPerHost(kind: SharedLicenseKind, host: HostRef): number {
  switch (kind) {
    case 'oracle-se2':
      return host.sockets; // per occupied socket
    case 'rhel-vdc':
      return Math.ceil(host.sockets / 2); // per 1-2 socket pair, stackable
    case 'windows-datacenter':
      return 1; // one host per licence
  }
}

/** The servers drawing on each pool. */
function usersOf(ctx: RuleContext, kind: SharedLicenseKind): ServerEntry[] {
  return ctx.servers.filter((e) => {
    if (!e.active) return false;
    if (kind === 'oracle-se2') return e.server.spec.oracleDatabase?.license === 'shared';
    if (!e.os || osLicenseOf(e) !== 'shared') return false;
    if (kind === 'rhel-vdc') return e.os.family === 'rhel';
    return e.os.windowsRelease !== undefined && e.os.windowsRelease <= 2019;
  });
}

function checkPool(ctx: RuleContext, kind: SharedLicenseKind): RuleResult[] {
  const users = usersOf(ctx, kind);
  const pools = ctx.licenses.filter((l) => l.kind === kind);
  const path = pools[0]?.node.path ?? ctx.estate.node.path;
  if (users.length === 0) return [notApplicable(path)];
  const name = KIND_NAME[kind];
  const out: Violation[] = [];
  const hosts = new Map<string, HostRef>();
  const seen = new Set<readonly HostRef[]>(); // host sets are shared per cluster: add each once
  for (const e of users) {
    const reach = ctx.hostsOf(e);
    if (!seen.has(reach)) {
      seen.add(reach);
      for (const h of reach) hosts.set(h.id, h);
    }
    if (kind !== 'oracle-se2') continue;
    const db = e.server.spec.oracleDatabase;
    if (db && db.edition !== 'SE2') {
      out.push({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(`${db.edition} on shared licence`),
        message: `server ${e.name} uses the shared Oracle pool for edition ${db.edition}; the pool holds SE2 processor licences only`,
        messageJa: `仮想サーバ ${e.name} は Oracle ${db.edition} に共有ライセンスを使用していますが、共有ライセンスは SE2 のみです`,
        fix: 'use edition SE2, or license: department',
        fixJa: 'edition を SE2 にするか、license を department にしてください',
      });
    }
    const big = reach.filter((h) => h.sockets > 2);
    if (big.length > 0) {
      out.push({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(big.map((h) => `${h.id} (${h.sockets} sockets)`).join(', ')),
        message: `server ${e.name} can run on hosts of more than 2 sockets; Oracle SE2 may only be licensed on hosts of at most 2 sockets`,
        messageJa: `仮想サーバ ${e.name} は2ソケットを超えるホストで稼働し得ますが、Oracle SE2 は2ソケット以下のホストでのみ利用できます`,
        fix: 'run the server on Hyper-V hosts of at most 2 sockets',
        fixJa: '2ソケット以下の Hyper-V ホスト上で稼働させてください',
      });
    }
  }
  let needed = 0;
  for (const h of hosts.values()) needed += unitsPerHost(kind, h);
  const valid = pools.filter((p) => p.props.validUntil === undefined || p.props.validUntil >= ctx.today);
  for (const p of pools) {
    if (valid.includes(p)) continue;
    out.push({
      path: p.node.path,
      value: show(p.props.validUntil),
      message: `the shared ${name.en} pool expired on ${p.props.validUntil} but ${users.length} server(s) still use it`,
      messageJa: `共有ライセンス ${name.ja} の期限（${p.props.validUntil}）が過ぎていますが、${users.length} 台の仮想サーバが利用しています`,
      fix: 'renew the licence and update validUntil (RHEL subscriptions must be renewed while used)',
      fixJa: 'ライセンスを更新し validUntil を更新してください（RHELサブスクリプションは利用中は更新が必要）',
    });
  }
  const held = valid.reduce((n, p) => n + p.props.units, 0);
  if (needed > held) {
    out.push({
      path,
      value: show(`needed ${needed} > held ${held}`),
      message: `the shared ${name.en} pool is over-committed: ${needed} ${LICENSE_MODEL[kind].unitEn} needed for ${hosts.size} host(s) that ${users.length} server(s) can run on, ${held} held`,
      messageJa: `共有ライセンス ${name.ja} が不足しています: ${users.length} 台の仮想サーバが稼働し得る ${hosts.size} 台のホストに ${needed} 必要（${LICENSE_MODEL[kind].unitJa}）、保有 ${held}`,
      fix: 'the platform admin buys more units, or servers move to department licences',
      fixJa: '統合基盤管理者がライセンスを追加調達するか、所管部局のライセンスに切り替えてください',
    });
  }
  return outcome(path, out);
}

/** R05: each shared licence pool covers, by its own counting model, every host its guests can run on. */
export const r05SharedLicensePools: Rule = {
  id: 'R05',
  name: 'R05-SharedLicensePoolsNotOvercommitted',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy: 'an over-committed or expired licence pool is unlicensed use; only buying licences fixes it',
  notAcknowledgeableWhyJa: 'ライセンスの不足・期限切れは無許諾使用であり、ライセンスの調達以外に解決策がないため',
  summary:
    "Shared Oracle SE2 / RHEL / Windows Server Datacenter pools cover every host their guests can run on, counted per each licence's model; pools in use are not expired.",
  why: 'The shared licences are held by the platform admin (管理要領 第8条). Hypervisors are soft partitioning: every host a VM can run on must be licensed (SE2 per socket on hosts of at most 2 sockets, RHEL per 1-2 socket host, Windows Server Datacenter per host).',
  whyJa:
    '共有ライセンスは統合基盤管理者が保有する（管理要領 第8条）。仮想化はソフトパーティショニングのため、VMが稼働し得る全ホスト分のライセンスが必要（SE2はソケット単位で2ソケット以下のホストのみ、RHELは2ソケットごと、Windows Server Datacenterはホスト単位）。',
  check: (ctx) => (['oracle-se2', 'rhel-vdc', 'windows-datacenter'] as const).flatMap((k) => checkPool(ctx, k)),
};
