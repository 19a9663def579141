import { DedicatedVlan } from './dedicated-vlan';
import { IpParty, Platform, STANDARD_NETWORKS, StandardNetworkKey, Zone } from './platform';

/**
 * Everything a VM's NIC needs to know about the network it joins, resolved once by the model from
 * a standard network (platform data) or a dedicated VLAN (R24). Emitters, rules and the review read
 * these fields; none of them looks the network up again.
 */
export interface ResolvedNetwork {
  /** `internet` / `lgwan` / `myNumber` / `dmz`, or `vlan:<name>` for a dedicated VLAN. */
  readonly key: string;
  /** The dedicated VLAN, or undefined for a standard network. */
  readonly dedicatedVlan: DedicatedVlan | undefined;
  /** Japanese name (the standard network's name, or the dedicated VLAN's description). */
  readonly nameJa: string;
  /** Zone for the isolation rules (R24). */
  readonly zone: Zone;
  readonly vlanId: number;
  /** CIDR of the subnet. */
  readonly subnet: string;
  /** Prefix length of the subnet. */
  readonly prefixLength: number;
  readonly gateway: string | undefined;
  /** DNS servers of a standard network; a dedicated VLAN records none. */
  readonly dnsServers: readonly string[];
  /** vSphere distributed port group. */
  readonly portGroup: string;
  /** Hyper-V virtual switch: the standard network's, or the platform's first switch for a dedicated VLAN (tagged with its VLAN ID). */
  readonly hypervSwitch: string;
  /** Who assigns IP addresses (R29). */
  readonly ipAssignedBy: IpParty;
  /** Name of the dedicated VLAN's IP administrator (R29). */
  readonly ipAdministratorJa: string | undefined;
  /** Whether the firewall between the platform and the administrative network must be changed (R32). */
  readonly firewallChange: boolean;
}

/** R32 names the three internal zones; a dedicated VLAN placed in one of them needs the firewall change too. */
const INTERNAL_ZONES: ReadonlySet<Zone> = new Set(['internet', 'lgwan', 'myNumber']);

export function isStandardNetworkKey(key: string): key is StandardNetworkKey {
  return (STANDARD_NETWORKS as readonly string[]).includes(key);
}

const prefixOf = (cidr: string): number => Number(cidr.split('/')[1]);

/** A standard network of the platform, resolved. */
export function resolveStandardNetwork(platform: Platform, key: StandardNetworkKey): ResolvedNetwork {
  const n = platform.networks[key];
  return {
    key,
    dedicatedVlan: undefined,
    nameJa: n.nameJa,
    zone: n.zone,
    vlanId: n.vlanId,
    subnet: n.subnet,
    prefixLength: prefixOf(n.subnet),
    gateway: n.gateway,
    dnsServers: n.dnsServers,
    portGroup: n.portGroup,
    hypervSwitch: n.hypervSwitch,
    ipAssignedBy: n.ipAssignedBy,
    ipAdministratorJa: undefined,
    firewallChange: n.firewallChange,
  };
}

/** A dedicated VLAN, resolved. */
export function resolveDedicatedNetwork(platform: Platform, vlan: DedicatedVlan): ResolvedNetwork {
  const p = vlan.props;
  return {
    key: `vlan:${p.name}`,
    dedicatedVlan: vlan,
    nameJa: p.descriptionJa,
    zone: p.zone,
    vlanId: p.vlanId,
    subnet: p.subnet,
    prefixLength: prefixOf(p.subnet),
    gateway: p.gateway,
    dnsServers: [],
    portGroup: vlan.portGroupName,
    hypervSwitch: platform.hyperv.virtualSwitches[0]!.name,
    ipAssignedBy: p.ipAdministrator.party,
    ipAdministratorJa: p.ipAdministrator.nameJa,
    firewallChange: INTERNAL_ZONES.has(p.zone),
  };
}
