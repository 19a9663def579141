import { STANDARD_NETWORKS } from '../model/platform';
import { cidrRange, ipv4ToInt, Ipv4Range } from './net';
import { Rule, RuleResult, Violation, notApplicable, outcome, show } from './types';

/** R24: every assigned IPv4 address is inside its network's subnet (not its network or broadcast address) and unique platform-wide. */
export const r24IpAddressesValid: Rule = {
  id: 'R24',
  name: 'R24-IpAddressesValid',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy: 'a duplicate or foreign address breaks another system or routes traffic to the wrong zone',
  notAcknowledgeableWhyJa: '重複した、またはサブネット外のアドレスは他システムを停止させ、通信を誤った系に流すため',
  summary:
    "Each NIC's IPv4 address lies inside its network's subnet and is used by no other NIC, gateway or DNS server.",
  why: "IP addresses are assigned per network by the admin or the network's administrator (管理要領 2.1.8, 2.3.3); a wrong one cuts the server (or another) off its network.",
  whyJa:
    'IPアドレスはネットワークごとに統合基盤管理者またはネットワーク管理者が割り当てる（管理要領 2.1.8、2.3.3）。誤ったアドレスは当該サーバや他のサーバを通信不能にするため。',
  check(ctx) {
    const ranges = new Map<string, Ipv4Range>();
    const rangeOf = (cidr: string) => {
      let r = ranges.get(cidr);
      if (!r) ranges.set(cidr, (r = cidrRange(cidr)));
      return r;
    };
    const used = new Map<string, string>();
    for (const k of STANDARD_NETWORKS) {
      const n = ctx.platform.networks[k];
      if (n.gateway) used.set(n.gateway, `the gateway of standard network ${k}`);
      for (const d of n.dnsServers) used.set(d, `a DNS server of standard network ${k}`);
    }
    for (const v of ctx.vlans)
      if (v.props.gateway) used.set(v.props.gateway, `the gateway of dedicated VLAN ${v.props.name}`);
    const out: RuleResult[] = [];
    for (const e of ctx.servers) {
      if (!e.active || e.server.nics.every((n) => n.ipv4 === undefined)) {
        out.push(notApplicable(e.path));
        continue;
      }
      const v: Violation[] = [];
      for (const nic of e.server.nics) {
        if (nic.ipv4 === undefined) continue;
        const cidr = ctx.subnetOf(nic);
        const r = rangeOf(cidr);
        const ip = ipv4ToInt(nic.ipv4);
        const base = { path: e.path, systemId: e.systemId, server: e.name, value: show(nic.ipv4) };
        const edge = r.prefix <= 30 && (ip === r.start || ip === r.end);
        if (ip < r.start || ip > r.end || edge) {
          v.push({
            ...base,
            message: `NIC ${nic.index} of server ${e.name}: ${nic.ipv4} is ${edge ? 'the network or broadcast address of' : 'outside'} the subnet ${cidr} of network ${nic.networkKey}`,
            messageJa: `仮想サーバ ${e.name} の NIC ${nic.index}: ${nic.ipv4} はネットワーク ${nic.networkKey} のサブネット ${cidr} の${edge ? 'ネットワークアドレスまたはブロードキャストアドレスです' : '範囲外です'}`,
            fix: `use an address inside ${cidr} assigned by the network's administrator`,
            fixJa: `${cidr} の範囲内で、ネットワーク管理者が割り当てたアドレスを指定してください`,
          });
        }
        const holder = used.get(nic.ipv4);
        if (holder !== undefined) {
          v.push({
            ...base,
            message: `NIC ${nic.index} of server ${e.name}: ${nic.ipv4} is already used by ${holder}`,
            messageJa: `仮想サーバ ${e.name} の NIC ${nic.index}: ${nic.ipv4} は ${holder} で使用済みです`,
            fix: "ask the network's administrator for a free address",
            fixJa: 'ネットワーク管理者に未使用のアドレスの割当てを依頼してください',
          });
        } else used.set(nic.ipv4, `${e.path} (NIC ${nic.index})`);
      }
      out.push(...outcome(e.path, v));
    }
    return out;
  },
};
