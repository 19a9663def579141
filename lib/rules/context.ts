import { Clock } from '../model/clock';
import { DedicatedVlan } from '../model/dedicated-vlan';
import { Estate } from '../model/estate';
import { GuestOs, findGuestOs } from '../model/guest-os';
import { Platform, Zone } from '../model/platform';
import { ResolvedNic, VirtualServer } from '../model/server';
import { SharedLicense } from '../model/shared-license';
import { IndividualBusinessSystem } from '../model/system';

/** A physical host a VM can run on (licensing, R05). */
export interface HostRef {
  readonly id: string;
  readonly sockets: number;
}

/** A server with everything rules need about it, resolved once. */
export interface ServerEntry {
  readonly server: VirtualServer;
  readonly system: IndividualBusinessSystem;
  readonly path: string;
  readonly systemId: string;
  readonly name: string;
  readonly os: GuestOs | undefined;
  /** Neither the server nor its system is decommissioned: rules on running resources apply. */
  readonly active: boolean;
  readonly hypervisor: 'vsphere' | 'hyperv';
}

/** What every rule reads: the estate, indexed once so that no rule needs a quadratic scan. */
export interface RuleContext {
  readonly estate: Estate;
  readonly platform: Platform;
  readonly now: Date;
  /** Today's date (Asia/Tokyo) as YYYY-MM-DD, for date-only rules. */
  readonly today: string;
  readonly systems: readonly IndividualBusinessSystem[];
  readonly servers: readonly ServerEntry[];
  readonly licenses: readonly SharedLicense[];
  readonly vlans: readonly DedicatedVlan[];
  /** The hosts a VM can run on: all hosts of its vSphere cluster, or all Hyper-V hosts. */
  hostsOf(entry: ServerEntry): readonly HostRef[];
  /** Zone of the network a NIC joins (the model's `nic.network.zone`). */
  zoneOf(nic: ResolvedNic): Zone;
  /** CIDR of the network a NIC joins (the model's `nic.network.subnet`). */
  subnetOf(nic: ResolvedNic): string;
}

const JST_OFFSET_MS = 9 * 3600 * 1000;

/** YYYY-MM-DD of an instant in Asia/Tokyo, independent of the process time zone. */
export function jstDate(d: Date): string {
  return new Date(d.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Builds the context in one walk over the construct tree. */
export function buildRuleContext(estate: Estate, clock: Clock): RuleContext {
  const platform = estate.platform;
  const now = clock();
  const systems: IndividualBusinessSystem[] = [];
  const licenses: SharedLicense[] = [];
  const vlans: DedicatedVlan[] = [];
  for (const c of estate.node.findAll()) {
    if (IndividualBusinessSystem.isSystem(c)) systems.push(c);
    else if (c instanceof SharedLicense) licenses.push(c);
    else if (c instanceof DedicatedVlan) vlans.push(c);
  }
  const servers: ServerEntry[] = [];
  for (const system of systems) {
    for (const server of system.servers) {
      servers.push({
        server,
        system,
        path: server.node.path,
        systemId: system.systemId,
        name: server.name,
        os: findGuestOs(server.spec.guestOs),
        active: !system.isDecommissioned && !server.isDecommissioned,
        hypervisor: system.spec.hypervisor,
      });
    }
  }
  const clusterHosts = new Map<string, HostRef[]>();
  for (const c of platform.vsphere.clusters) {
    clusterHosts.set(
      c.name,
      Array.from({ length: c.hosts }, (_, i) => ({ id: `vsphere:${c.name}:${i + 1}`, sockets: c.socketsPerHost })),
    );
  }
  const hypervHosts: HostRef[] = platform.hyperv.hosts.map((h) => ({ id: `hyperv:${h.name}`, sockets: h.sockets }));
  return {
    estate,
    platform,
    now,
    today: jstDate(now),
    systems,
    servers,
    licenses,
    vlans,
    hostsOf: (e) => (e.hypervisor === 'hyperv' ? hypervHosts : (clusterHosts.get(e.system.clusterName) ?? [])),
    zoneOf: (nic) => nic.network.zone,
    subnetOf: (nic) => nic.network.subnet,
  };
}
