import { Rule, RuleResult, Violation, notApplicable, outcome, show } from './types';

/** R24: host names and FQDNs are unique platform-wide. */
export const r24NamesUnique: Rule = {
  id: 'R24',
  name: 'R24-HostNamesAndFqdnsUnique',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy: 'a duplicate VM name or FQDN makes the platform and DNS point at the wrong server',
  notAcknowledgeableWhyJa: 'VM名やFQDNが重複すると、統合基盤やDNSが誤ったサーバを指すため',
  summary: 'Host (VM) names and FQDNs of running servers are unique on the platform.',
  why: 'The host name is the VM name on the platform and the Admin-NET vendor checks that a wanted FQDN is free (管理要領 2.3.3, 2.4.3).',
  whyJa: 'ホスト名は統合基盤上のVM名であり、FQDNは行政NET運用保守業者が未使用であることを確認する（管理要領 2.3.3、2.4.3）ため。',
  check(ctx) {
    const names = new Map<string, string>();
    const fqdns = new Map<string, string>();
    const out: RuleResult[] = [];
    for (const e of ctx.servers) {
      if (!e.active) {
        out.push(notApplicable(e.path));
        continue;
      }
      const v: Violation[] = [];
      const holder = names.get(e.name);
      if (holder !== undefined) {
        v.push({
          path: e.path, systemId: e.systemId, server: e.name, value: show(e.name),
          message: `host name ${e.name} is already used by ${holder}`,
          messageJa: `ホスト名 ${e.name} は ${holder} で使用済みです`,
          fix: 'give the server a host name unique on the platform', fixJa: '統合基盤で一意のホスト名を付けてください',
        });
      } else names.set(e.name, e.path);
      for (const nic of e.server.nics) {
        if (nic.fqdn === undefined) continue;
        const h = fqdns.get(nic.fqdn);
        if (h !== undefined && h !== e.path) {
          v.push({
            path: e.path, systemId: e.systemId, server: e.name, value: show(nic.fqdn),
            message: `FQDN ${nic.fqdn} of server ${e.name} is already used by ${h}`,
            messageJa: `仮想サーバ ${e.name} の FQDN ${nic.fqdn} は ${h} で使用済みです`,
            fix: 'choose a free FQDN (the Admin-NET vendor checks it)', fixJa: '未使用の FQDN を指定してください（行政NET運用保守業者が確認します）',
          });
        } else fqdns.set(nic.fqdn, e.path);
      }
      out.push(...outcome(e.path, v));
    }
    return out;
  },
};
