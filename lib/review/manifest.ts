import { DedicatedVlan } from '../model/dedicated-vlan';
import { Estate } from '../model/estate';
import { findGuestOs, LicenseSource, osLicenseSource } from '../model/guest-os';
import { ResolvedNetwork, resolveDedicatedNetwork, resolveStandardNetwork } from '../model/network';
import {
  IpParty,
  STANDARD_NETWORKS,
  Zone,
  clusterCapacity,
  clusterHostNames,
  defaultDatastore,
  hypervCapacity,
} from '../model/platform';
import { SharedLicense, SharedLicenseKind } from '../model/shared-license';
import { IndividualBusinessSystem, Phase } from '../model/system';
import { VirtualServer } from '../model/server';

/**
 * The estate manifest (`<out>/estate.json`): a normalized, sorted, JSON-only view of the estate.
 * The diff compares two manifests, so it never depends on how the emitters lay out Terraform.
 * Decommissioned servers stay in the manifest (flagged) so that removal can be told apart from deletion.
 */
export const MANIFEST_SCHEMA = 'kiban-estate/1';

export interface ManifestContact {
  readonly role: 'primary' | 'secondary' | 'vendor';
  readonly nameJa: string;
  readonly sectionJa?: string;
  readonly companyJa?: string;
  readonly phone: string;
  readonly email: string;
}

export interface ManifestDisk {
  readonly index: number;
  readonly sizeGb: number;
  /** vSphere datastore name, or the Hyper-V VM storage path. */
  readonly datastore: string;
  readonly thin: boolean;
}

export interface ManifestNic {
  readonly index: number;
  /** `internet` / `lgwan` / `myNumber` / `dmz`, or `vlan:<name>` for a dedicated VLAN. */
  readonly network: string;
  readonly networkNameJa: string;
  readonly zone: Zone;
  readonly vlanId: number;
  readonly subnet: string;
  readonly portGroup: string;
  readonly ipv4?: string;
  readonly fqdn?: string;
  /** Who assigns the IP (R29). */
  readonly ipAssignedBy: IpParty;
  /** Name of the network's administrator (dedicated VLANs). */
  readonly ipAdministratorJa?: string;
  /** Whether the firewall between the platform and the administrative network must be changed (R32). */
  readonly firewallChange: boolean;
}

export interface ManifestServer {
  readonly name: string;
  readonly roleJa?: string;
  readonly cpu: { readonly sockets: number; readonly coresPerSocket: number };
  readonly vcpus: number;
  readonly memoryGb: number;
  readonly disks: readonly ManifestDisk[];
  readonly nics: readonly ManifestNic[];
  readonly guestOs: string;
  readonly guestOsName: string;
  /** Way in (R20) and its reference (template, source VM, OVF path, VMDK, export folder, ISO). */
  readonly source: { readonly kind: string; readonly ref: string };
  /** Where the OS licence comes from (R05). */
  readonly osLicense: LicenseSource;
  readonly oracle?: {
    readonly edition: string;
    readonly license: 'shared' | 'department';
    readonly rac: boolean;
    readonly version?: string;
  };
  readonly backupVolume?: { readonly sizeGb: number; readonly datastore: string };
  readonly snapshots: readonly { readonly name: string; readonly purposeJa: string; readonly expiresAt: string }[];
  readonly vmwareTools: boolean;
  readonly devices: readonly string[];
  readonly decommissioned: boolean;
  readonly decommission?: { readonly date: string; readonly approvedBy: string; readonly reasonJa: string };
}

export interface ManifestSystem {
  readonly systemId: string;
  readonly path: string;
  readonly systemName: string;
  readonly descriptionJa?: string;
  readonly department: string;
  readonly departmentJa: string;
  readonly hypervisor: 'vsphere' | 'hyperv';
  /** vSphere cluster, or the Hyper-V host pool (failover cluster name, else `hyperv`). */
  readonly hostPool: string;
  readonly phase: Phase;
  readonly contacts: readonly ManifestContact[];
  readonly backup: {
    readonly osImage: boolean;
    readonly osImageOptOutReasonJa?: string;
    readonly restoreTest: boolean;
    readonly scheduleOnReadyReport: boolean;
  };
  /** The system's virtualization-software account (R30). */
  readonly account: string;
  readonly decommissioned: boolean;
  readonly decommission?: { readonly form3Date: string; readonly approvedBy: string };
  readonly acknowledgements: readonly {
    readonly ruleId: string;
    readonly server?: string;
    readonly reasonJa: string;
    readonly approvedBy: string;
    readonly date: string;
  }[];
  readonly servers: readonly ManifestServer[];
}

export interface ManifestHostPool {
  readonly name: string;
  readonly hypervisor: 'vsphere' | 'hyperv';
  readonly hosts: readonly {
    readonly name: string;
    readonly sockets: number;
    readonly coresPerSocket: number;
    readonly memoryGb: number;
  }[];
  readonly vcpuCapacity: number;
  readonly memoryGbCapacity: number;
}

export interface ManifestDatastore {
  readonly name: string;
  readonly hypervisor: 'vsphere' | 'hyperv';
  readonly kind: 'system' | 'backup';
  readonly capacityGb: number;
}

export interface ManifestNetwork {
  readonly key: string;
  readonly nameJa: string;
  readonly zone: Zone;
  readonly vlanId: number;
  readonly subnet: string;
  readonly gateway?: string;
  readonly portGroup: string;
  readonly ipAssignedBy: IpParty;
  readonly ipAdministratorJa?: string;
  readonly firewallChange: boolean;
  readonly dedicated: boolean;
  /** Department that asked for a dedicated VLAN (R24). */
  readonly department?: string;
}

export interface ManifestLicensePool {
  readonly kind: SharedLicenseKind;
  readonly units: number;
  readonly contractJa?: string;
  readonly validUntil?: string;
}

export interface EstateManifest {
  readonly schema: typeof MANIFEST_SCHEMA;
  readonly platform: {
    readonly nameJa: string;
    readonly esxiVersion: string;
    readonly windowsServerVersion: string;
    readonly departments: readonly { readonly code: string; readonly nameJa: string }[];
    readonly hostPools: readonly ManifestHostPool[];
    readonly datastores: readonly ManifestDatastore[];
    readonly backupPolicy: {
      readonly tag: string;
      readonly weeklyGenerations: number;
      readonly dailyGenerations: number;
    };
  };
  /** Standard networks first (in the order of R24), then dedicated VLANs by name. */
  readonly networks: readonly ManifestNetwork[];
  readonly licensePools: readonly ManifestLicensePool[];
  readonly systems: readonly ManifestSystem[];
}

export const byKey =
  <T>(key: (x: T) => string | number) =>
  (a: T, b: T): number => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

/** The Hyper-V host pool name of a platform. */
function hypervPoolName(estate: Estate): string {
  return estate.platform.hyperv.cluster ?? 'hyperv';
}

/** A network of the manifest, from the model's resolved network. */
function manifestNetwork(n: ResolvedNetwork): ManifestNetwork {
  return {
    key: n.key,
    nameJa: n.nameJa,
    zone: n.zone,
    vlanId: n.vlanId,
    subnet: n.subnet,
    ...(n.gateway !== undefined ? { gateway: n.gateway } : {}),
    portGroup: n.portGroup,
    ipAssignedBy: n.ipAssignedBy,
    ...(n.ipAdministratorJa !== undefined ? { ipAdministratorJa: n.ipAdministratorJa } : {}),
    firewallChange: n.firewallChange,
    dedicated: n.dedicatedVlan !== undefined,
    ...(n.dedicatedVlan ? { department: n.dedicatedVlan.props.department } : {}),
  };
}

function sourceRef(s: VirtualServer['spec']['source']): string {
  switch (s.kind) {
    case 'empty':
      return s.isoPath ?? '';
    case 'template':
      return s.template;
    case 'clone':
      return s.sourceVm;
    case 'ovf':
      return s.localOvfPath ?? s.remoteOvfUrl ?? '';
    case 'vmdk':
      return `[${s.datastore}] ${s.vmdkPath}`;
    case 'hyperv-export':
      return s.exportPath;
  }
}

function serverManifest(sys: IndividualBusinessSystem, server: VirtualServer): ManifestServer {
  const p = sys.estate.platform;
  const spec = server.spec;
  const hv = sys.spec.hypervisor === 'hyperv';
  const firstSystemDs = defaultDatastore(p, 'system') ?? '';
  const firstBackupDs = defaultDatastore(p, 'backup') ?? '';
  const os = findGuestOs(spec.guestOs);
  const osLicense = osLicenseSource(spec.osLicense, os);
  return {
    name: spec.name,
    ...(spec.roleJa !== undefined ? { roleJa: spec.roleJa } : {}),
    cpu: { sockets: spec.cpu.sockets, coresPerSocket: spec.cpu.coresPerSocket },
    vcpus: server.vcpus,
    memoryGb: spec.memoryGb,
    disks: spec.disks.map((d, index) => ({
      index,
      sizeGb: d.sizeGb,
      datastore: hv ? p.hyperv.vmStoragePath : (d.datastore ?? firstSystemDs),
      thin: d.thin,
    })),
    nics: server.nics.map((n) => ({
      index: n.index,
      network: n.network.key,
      networkNameJa: n.network.nameJa,
      zone: n.network.zone,
      vlanId: n.network.vlanId,
      subnet: n.network.subnet,
      // Hyper-V: the standard network's virtual switch; a dedicated VLAN keeps its port group name.
      portGroup: hv && !n.dedicatedVlan ? n.network.hypervSwitch : n.network.portGroup,
      ...(n.ipv4 !== undefined ? { ipv4: n.ipv4 } : {}),
      ...(n.fqdn !== undefined ? { fqdn: n.fqdn } : {}),
      ipAssignedBy: n.network.ipAssignedBy,
      ...(n.network.ipAdministratorJa !== undefined ? { ipAdministratorJa: n.network.ipAdministratorJa } : {}),
      firewallChange: n.network.firewallChange,
    })),
    guestOs: spec.guestOs,
    guestOsName: os?.name ?? spec.guestOs,
    source: { kind: spec.source.kind, ref: sourceRef(spec.source) },
    osLicense,
    ...(spec.oracleDatabase
      ? {
          oracle: {
            edition: spec.oracleDatabase.edition,
            license: spec.oracleDatabase.license,
            rac: spec.oracleDatabase.rac,
            ...(spec.oracleDatabase.version ? { version: spec.oracleDatabase.version } : {}),
          },
        }
      : {}),
    ...(spec.backupVolume
      ? {
          backupVolume: {
            sizeGb: spec.backupVolume.sizeGb,
            datastore: hv ? p.hyperv.backupStoragePath : (spec.backupVolume.datastore ?? firstBackupDs),
          },
        }
      : {}),
    snapshots: spec.snapshots
      .map((s) => ({ name: s.name, purposeJa: s.purposeJa, expiresAt: s.expiresAt }))
      .sort(byKey((s) => s.name)),
    vmwareTools: !hv && spec.vmwareTools.install,
    devices: [...spec.devices].sort(),
    decommissioned: server.isDecommissioned || sys.isDecommissioned,
    ...(spec.decommissioned
      ? {
          decommission: {
            date: spec.decommissioned.date,
            approvedBy: spec.decommissioned.approvedBy,
            reasonJa: spec.decommissioned.reasonJa,
          },
        }
      : {}),
  };
}

/** Builds the normalized manifest of an estate (sorted; no dates other than declared ones). */
export function buildEstateManifest(estate: Estate): EstateManifest {
  const p = estate.platform;
  const all = estate.node.findAll();
  const vlans = all.filter((c): c is DedicatedVlan => c instanceof DedicatedVlan).sort(byKey((v) => v.props.name));
  const networks = [
    ...STANDARD_NETWORKS.map((key) => resolveStandardNetwork(p, key)),
    ...vlans.map((v) => resolveDedicatedNetwork(p, v)),
  ].map(manifestNetwork);
  const deptJa = new Map(p.departments.map((d) => [d.code, d.nameJa]));

  const systems: ManifestSystem[] = all
    .filter((c): c is IndividualBusinessSystem => IndividualBusinessSystem.isSystem(c))
    .map((sys) => {
      const s = sys.spec;
      const contacts: ManifestContact[] = [];
      const c = s.contacts;
      contacts.push({ role: 'primary', ...c.primary });
      if (c.secondary) contacts.push({ role: 'secondary', ...c.secondary });
      if (c.vendor) contacts.push({ role: 'vendor', ...c.vendor });
      return {
        systemId: s.systemId,
        path: sys.node.path,
        systemName: s.systemName,
        ...(s.descriptionJa !== undefined ? { descriptionJa: s.descriptionJa } : {}),
        department: s.department,
        departmentJa: deptJa.get(s.department) ?? s.department,
        hypervisor: s.hypervisor,
        hostPool: s.hypervisor === 'hyperv' ? hypervPoolName(estate) : sys.clusterName,
        phase: s.phase,
        contacts,
        backup: {
          osImage: s.backup.osImage,
          ...(s.backup.osImageOptOutReasonJa !== undefined
            ? { osImageOptOutReasonJa: s.backup.osImageOptOutReasonJa }
            : {}),
          restoreTest: s.backup.restoreTest,
          scheduleOnReadyReport: s.backup.scheduleOnReadyReport,
        },
        account: sys.account,
        decommissioned: sys.isDecommissioned,
        ...(s.decommission
          ? { decommission: { form3Date: s.decommission.form3Date, approvedBy: s.decommission.approvedBy } }
          : {}),
        acknowledgements: s.acknowledgements
          .map((a) => ({
            ruleId: a.ruleId,
            ...(a.server !== undefined ? { server: a.server } : {}),
            reasonJa: a.reasonJa,
            approvedBy: a.approvedBy,
            date: a.date,
          }))
          .sort(byKey((a) => `${a.ruleId}/${a.server ?? ''}/${a.date}`)),
        servers: sys.servers.map((v) => serverManifest(sys, v)).sort(byKey((v) => v.name)),
      };
    })
    .sort(byKey((s) => s.systemId));

  const hostPools: ManifestHostPool[] = [
    ...p.vsphere.clusters.map((c) => ({
      name: c.name,
      hypervisor: 'vsphere' as const,
      hosts: clusterHostNames(c).map((name) => ({
        name,
        sockets: c.socketsPerHost,
        coresPerSocket: c.coresPerSocket,
        memoryGb: c.memoryGbPerHost,
      })),
      vcpuCapacity: clusterCapacity(c).vcpus,
      memoryGbCapacity: clusterCapacity(c).memoryGb,
    })),
    {
      name: hypervPoolName(estate),
      hypervisor: 'hyperv' as const,
      hosts: p.hyperv.hosts.map((h) => ({
        name: h.name,
        sockets: h.sockets,
        coresPerSocket: h.coresPerSocket,
        memoryGb: h.memoryGb,
      })),
      vcpuCapacity: hypervCapacity(p.hyperv).vcpus,
      memoryGbCapacity: hypervCapacity(p.hyperv).memoryGb,
    },
  ];
  const datastores: ManifestDatastore[] = [
    ...p.vsphere.datastores.map((d) => ({
      name: d.name,
      hypervisor: 'vsphere' as const,
      kind: d.kind,
      capacityGb: d.capacityGb,
    })),
    {
      name: p.hyperv.vmStoragePath,
      hypervisor: 'hyperv' as const,
      kind: 'system' as const,
      capacityGb: p.hyperv.vmStorageCapacityGb,
    },
    {
      name: p.hyperv.backupStoragePath,
      hypervisor: 'hyperv' as const,
      kind: 'backup' as const,
      capacityGb: p.hyperv.backupStorageCapacityGb,
    },
  ];
  const licensePools: ManifestLicensePool[] = all
    .filter((c): c is SharedLicense => c instanceof SharedLicense)
    .map((l) => ({
      kind: l.kind,
      units: l.props.units,
      ...(l.props.contractJa ? { contractJa: l.props.contractJa } : {}),
      ...(l.props.validUntil ? { validUntil: l.props.validUntil } : {}),
    }))
    .sort(byKey((l) => l.kind));

  return {
    schema: MANIFEST_SCHEMA,
    platform: {
      nameJa: p.nameJa,
      esxiVersion: p.vsphere.esxiVersion,
      windowsServerVersion: p.hyperv.windowsServerVersion,
      departments: p.departments.map((d) => ({ code: d.code, nameJa: d.nameJa })),
      hostPools,
      datastores,
      backupPolicy: { ...p.backupPolicy },
    },
    networks,
    licensePools,
    systems,
  };
}

/** Serializes a manifest deterministically. */
export function manifestJson(m: EstateManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** Parses `estate.json`, checking the schema marker. */
export function parseEstateManifest(text: string, where: string): EstateManifest {
  const m = JSON.parse(text) as EstateManifest;
  if (m?.schema !== MANIFEST_SCHEMA)
    throw new Error(`${where}: not an estate manifest (expected schema ${MANIFEST_SCHEMA})`);
  return m;
}
