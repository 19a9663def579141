import { ServerEntry } from './context';
import { Rule, RuleResult, Violation, notApplicable, outcome, show } from './types';

/**
 * A decommissioned server's VM still exists until the platform admin confirms its removal
 * (`decommissioned.removedOn`, or the system's `decommission.removedOn`): its name stays reserved.
 */
export function nameReserved(e: ServerEntry): boolean {
  if (e.active) return true;
  return e.server.spec.decommissioned?.removedOn === undefined && e.system.spec.decommission?.removedOn === undefined;
}

/** R24: host names and FQDNs are unique platform-wide; names of decommissioned servers stay reserved until their removal is confirmed. */
export const r24NamesUnique: Rule = {
  id: 'R24',
  name: 'R24-HostNamesAndFqdnsUnique',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy: 'a duplicate VM name or FQDN makes the platform and DNS point at the wrong server',
  notAcknowledgeableWhyJa: 'VM名やFQDNが重複すると、統合基盤やDNSが誤ったサーバを指すため',
  summary:
    'Host (VM) names and FQDNs of running servers are unique on the platform; a decommissioned server keeps its name until its removal is confirmed.',
  why: 'The host name is the VM name on the platform and the Admin-NET vendor checks that a wanted FQDN is free (管理要領 2.3.3, 2.4.3).',
  whyJa:
    'ホスト名は統合基盤上のVM名であり、FQDNは行政NET運用保守業者が未使用であることを確認する（管理要領 2.3.3、2.4.3）ため。',
  check(ctx) {
    const names = new Map<string, string>();
    const fqdns = new Map<string, string>();
    const out: RuleResult[] = [];
    // Reserved names first, so a clash is reported on the running server that reuses the name.
    const reserved = new Set<string>();
    for (const e of ctx.servers) {
      if (e.active || !nameReserved(e) || names.has(e.name)) continue;
      names.set(e.name, e.path);
      reserved.add(e.name);
    }
    for (const e of ctx.servers) {
      if (!e.active) {
        out.push(notApplicable(e.path));
        continue;
      }
      const v: Violation[] = [];
      const holder = names.get(e.name);
      if (holder !== undefined) {
        const waiting = reserved.has(e.name);
        v.push({
          path: e.path,
          systemId: e.systemId,
          server: e.name,
          value: show(e.name),
          message: waiting
            ? `host name ${e.name} is reserved by the decommissioned ${holder} until its removal is confirmed`
            : `host name ${e.name} is already used by ${holder}`,
          messageJa: waiting
            ? `ホスト名 ${e.name} は利用停止した ${holder} の削除が確認されるまで予約されています`
            : `ホスト名 ${e.name} は ${holder} で使用済みです`,
          fix: waiting
            ? 'choose another host name, or record removedOn once the old VM is removed'
            : 'give the server a host name unique on the platform',
          fixJa: waiting
            ? '別のホスト名にするか、旧仮想マシンの削除を確認してから removedOn を記載してください'
            : '統合基盤で一意のホスト名を付けてください',
        });
      } else names.set(e.name, e.path);
      for (const nic of e.server.nics) {
        if (nic.fqdn === undefined) continue;
        const h = fqdns.get(nic.fqdn);
        if (h !== undefined && h !== e.path) {
          v.push({
            path: e.path,
            systemId: e.systemId,
            server: e.name,
            value: show(nic.fqdn),
            message: `FQDN ${nic.fqdn} of server ${e.name} is already used by ${h}`,
            messageJa: `仮想サーバ ${e.name} の FQDN ${nic.fqdn} は ${h} で使用済みです`,
            fix: 'choose a free FQDN (the Admin-NET vendor checks it)',
            fixJa: '未使用の FQDN を指定してください（行政NET運用保守業者が確認します）',
          });
        } else fqdns.set(nic.fqdn, e.path);
      }
      out.push(...outcome(e.path, v));
    }
    return out;
  },
};
