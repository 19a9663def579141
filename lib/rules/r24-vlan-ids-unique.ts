import { STANDARD_NETWORKS } from '../model/platform';
import { Rule, RuleResult, compliant, nonCompliant, show } from './types';

/** R24: VLAN IDs are unique platform-wide and distinct from the standard networks. */
export const r24VlanIdsUnique: Rule = {
  id: 'R24',
  name: 'R24-VlanIdsUnique',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy: 'two networks on one VLAN ID are one network: the separation is gone',
  notAcknowledgeableWhyJa: '同じVLAN IDの二つのネットワークは一つのネットワークとなり、分離が失われるため',
  summary: "Every dedicated VLAN ID is unique on the platform and differs from the standard networks' VLAN IDs.",
  why: 'The platform admin assigns one VLAN ID per dedicated network, shared by the virtual switch and the platform L3 switch (管理要領 2.3.2); a reused ID merges networks.',
  whyJa:
    '専用ネットワークのVLAN IDは統合基盤管理者が割り当て、仮想スイッチとL3スイッチで共用する（管理要領 2.3.2）。重複すると複数のネットワークが結合されるため。',
  check(ctx) {
    const owners = new Map<number, string>();
    for (const k of STANDARD_NETWORKS) owners.set(ctx.platform.networks[k].vlanId, `standard network ${k}`);
    const out: RuleResult[] = [];
    for (const v of ctx.vlans) {
      const id = v.props.vlanId;
      const holder = owners.get(id);
      if (holder === undefined) {
        owners.set(id, v.node.path);
        out.push(compliant(v.node.path));
        continue;
      }
      out.push(
        nonCompliant({
          path: v.node.path,
          value: show(id),
          message: `dedicated VLAN ${v.props.name} uses VLAN ID ${id}, already used by ${holder}`,
          messageJa: `専用ネットワーク ${v.props.name} の VLAN ID ${id} は ${holder} で使用済みです`,
          fix: 'ask the platform admin for a free VLAN ID',
          fixJa: '統合基盤管理者に未使用の VLAN ID の割当てを依頼してください',
        }),
      );
    }
    return out;
  },
};
