import { STANDARD_NETWORKS } from '../model/platform';
import { cidrRange, Ipv4Range } from './net';
import { Rule, RuleResult, compliant, nonCompliant, show } from './types';

interface Net extends Ipv4Range {
  readonly label: string;
  readonly cidr: string;
  /** Construct path of a dedicated VLAN; undefined for a standard network. */
  readonly path: string | undefined;
}

/** R24: dedicated subnets overlap no other subnet (one sorted sweep, O(n log n)). */
export const r24SubnetsDoNotOverlap: Rule = {
  id: 'R24',
  name: 'R24-SubnetsDoNotOverlap',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy: 'overlapping subnets make routing ambiguous and can leak traffic between zones',
  notAcknowledgeableWhyJa: 'サブネットが重複するとルーティングが曖昧になり、系の間で通信が漏れるおそれがあるため',
  summary: 'The subnet of every dedicated VLAN overlaps no standard network and no other dedicated subnet.',
  why: 'No illegal routing or loops (管理要領 2.3.2): overlapping address ranges break routing on the platform L3 switch.',
  whyJa:
    '不正なルーティングやループは認められず（管理要領 2.3.2）、アドレス範囲の重複はL3スイッチのルーティングを壊すため。',
  check(ctx) {
    const nets: Net[] = STANDARD_NETWORKS.map((k) => ({
      ...cidrRange(ctx.platform.networks[k].subnet),
      cidr: ctx.platform.networks[k].subnet,
      label: `standard network ${k}`,
      path: undefined,
    }));
    for (const v of ctx.vlans)
      nets.push({
        ...cidrRange(v.props.subnet),
        cidr: v.props.subnet,
        label: `dedicated VLAN ${v.props.name}`,
        path: v.node.path,
      });
    nets.sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
    const bad = new Map<string, { net: Net; other: Net }>();
    let maxStd: Net | undefined;
    let maxDed: Net | undefined;
    for (const n of nets) {
      const other =
        maxDed && maxDed.end >= n.start
          ? maxDed
          : n.path !== undefined && maxStd && maxStd.end >= n.start
            ? maxStd
            : undefined;
      if (other) {
        const victim = n.path !== undefined ? n : other; // report on a dedicated VLAN
        if (victim.path !== undefined && !bad.has(victim.path))
          bad.set(victim.path, { net: victim, other: victim === n ? other : n });
      }
      if (n.path === undefined) maxStd = !maxStd || n.end > maxStd.end ? n : maxStd;
      else maxDed = !maxDed || n.end > maxDed.end ? n : maxDed;
    }
    const out: RuleResult[] = [];
    for (const v of ctx.vlans) {
      const b = bad.get(v.node.path);
      if (!b) {
        out.push(compliant(v.node.path));
        continue;
      }
      out.push(
        nonCompliant({
          path: v.node.path,
          value: show(v.props.subnet),
          message: `the subnet ${v.props.subnet} of dedicated VLAN ${v.props.name} overlaps ${b.other.label} (${b.other.cidr})`,
          messageJa: `専用ネットワーク ${v.props.name} のサブネット ${v.props.subnet} は ${b.other.label}（${b.other.cidr}）と重複しています`,
          fix: 'choose a subnet that no other network of the platform uses',
          fixJa: '統合基盤のほかのネットワークと重複しないサブネットを指定してください',
        }),
      );
    }
    return out;
  },
};
