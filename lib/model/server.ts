import { Construct } from 'constructs';
import { z } from 'zod';
import { BackupVolume, BackupVolumeProps, backupVolumeSchema } from './backup-volume';
import { DedicatedVlan } from './dedicated-vlan';
import { findGuestOs } from './guest-os';
import { ResolvedNetwork } from './network';
import {
  codeSchema,
  dateSchema,
  dateTimeSchema,
  freeTextSchema,
  hostNameSchema,
  platformObjectNameSchema,
} from './names';
import { STANDARD_NETWORKS, StandardNetworkKey } from './platform';

const safePath = (what: string) =>
  z
    .string()
    .min(1)
    .max(400)
    .regex(/^[^'"`$\u0000-\u001f]*$/, `${what} must not contain quotes, backticks, "$" or control characters`);

export const customizationSchema = z.strictObject({
  /** DNS domain of the host. */
  domain: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/)
    .optional(),
  /** Time zone: Linux zone name or Windows time zone index. */
  timeZone: z.union([z.string().regex(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/), z.int().min(0).max(300)]).optional(),
  /** Windows sysprep settings (workgroup / organization). */
  windows: z
    .strictObject({
      workgroup: z
        .string()
        .regex(/^[A-Z][A-Z0-9-]{0,14}$/)
        .optional(),
      organizationJa: freeTextSchema(64).optional(),
    })
    .optional(),
  /** Opt out of customization; R28 requires a reason and the rule pack reports it. */
  disabled: z.strictObject({ reason: freeTextSchema(200) }).optional(),
});

/** A guest customization, as parsed. */
export type Customization = z.output<typeof customizationSchema>;

/** What a customization leaves out (R28): the one list both hypervisors use. */
export const CUSTOMIZATION_DEFAULTS = {
  /** Windows workgroup. */
  workgroup: 'WORKGROUP',
  /** Windows time zone index (Tokyo Standard Time). */
  windowsTimeZone: 235,
  /** Linux time zone. */
  linuxTimeZone: 'Asia/Tokyo',
  /** Linux DNS domain. */
  domain: 'localdomain',
} as const;

/**
 * The sysprep organization (RegisteredOrganization) of a Windows guest, on both hypervisors: the
 * declared `windows.organizationJa`, else the system's name (`systemName`) — it tells whose guest this
 * is, where the platform's name would be the same on every VM. (vSphere used the platform's name
 * until issue 13; no declaration of the example estate relied on it.)
 */
export function sysprepOrganization(c: Customization | undefined, systemName: string): string {
  return c?.windows?.organizationJa ?? systemName;
}

/** SCSI controller types of vSphere: the guest must carry the driver of the one it boots from. */
export const SCSI_TYPES = ['pvscsi', 'lsilogic', 'lsilogic-sas'] as const;
export type ScsiType = (typeof SCSI_TYPES)[number];
/** VM firmware: a guest installed under BIOS does not boot under EFI, and the other way round. */
export const FIRMWARES = ['bios', 'efi'] as const;
export type Firmware = (typeof FIRMWARES)[number];

/**
 * Controller and firmware of a VM the platform does not clone (empty, V2V from OVF or VMDK): taken
 * from the source, because the provider would otherwise give every VM pvscsi and a V2V'd guest
 * without that driver does not boot. Set once, at creation; never changed on an existing VM.
 */
const bootHardware = {
  /** SCSI controller, as on the source VM for V2V. @default empty: `lsilogic-sas` on Windows (driver in the installer), `pvscsi` otherwise; V2V: `lsilogic-sas` on Windows, `pvscsi` otherwise */
  scsiType: z.enum(SCSI_TYPES).optional(),
  /** Firmware, as on the source VM for V2V. @default empty: `efi` on Windows, `bios` otherwise; V2V: `bios` */
  firmware: z.enum(FIRMWARES).optional(),
};

/** The ways in of R20. */
export const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('empty'),
    /** ISO image on a datastore, e.g. `[iso-ds] rhel/rhel-7.9.iso`. */ isoPath: safePath('isoPath').optional(),
    ...bootHardware,
  }),
  z.strictObject({ kind: z.literal('template'), template: codeSchema, customization: customizationSchema.default({}) }),
  z.strictObject({
    kind: z.literal('clone'),
    sourceVm: hostNameSchema.or(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/)),
    customization: customizationSchema.default({}),
  }),
  z.strictObject({
    kind: z.literal('ovf'),
    /** Path of the .ovf on the admin's management terminal (R34: media are handed over in person). */
    localOvfPath: safePath('localOvfPath').optional(),
    remoteOvfUrl: z.url({ protocol: /^https$/ }).optional(),
    ...bootHardware,
  }),
  z.strictObject({
    kind: z.literal('vmdk'),
    /** Datastore holding the transferred VMDK. */
    datastore: platformObjectNameSchema,
    /** Path of the VMDK inside the datastore, e.g. `v2v/kokuho01/kokuho01.vmdk`. */
    vmdkPath: z
      .string()
      .regex(
        /^[A-Za-z0-9._/-]+\.vmdk$/,
        'must be a datastore path ending in .vmdk (letters, digits, ".", "_", "/", "-")',
      ),
    ...bootHardware,
  }),
  z.strictObject({
    kind: z.literal('hyperv-export'),
    /** Folder of the Hyper-V export (virtual hard disks and checkpoint files). */
    exportPath: z
      .string()
      .regex(/^[A-Za-z]:\\[^'"`$\u0000-\u001f]*$/, 'must be an absolute Windows path without quotes, backticks or "$"'),
  }),
]);

export const nicSchema = z.strictObject({
  /** A standard network key, a DedicatedVlan, or the name of a DedicatedVlan of the estate. */
  network: z.union([
    z.enum(STANDARD_NETWORKS),
    codeSchema,
    z.custom<DedicatedVlan>((v) => v instanceof DedicatedVlan, 'must be a DedicatedVlan'),
  ]),
  /** IPv4 address once assigned (by the admin on standard networks, by the network's administrator otherwise; R27, R29). */
  ipv4: z.ipv4().optional(),
  /** FQDN to register in DNS (R32). */
  fqdn: z
    .string()
    .max(253)
    .regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'must be a lower-case FQDN')
    .optional(),
});

export const diskSchema = z.strictObject({
  sizeGb: z
    .int()
    .min(1)
    .max(62 * 1024),
  /** System datastore. @default the platform's first system datastore */
  datastore: platformObjectNameSchema.optional(),
  thin: z.boolean().default(true),
});

export const snapshotSchema = z.strictObject({
  name: codeSchema,
  purposeJa: freeTextSchema(120),
  createdAt: dateTimeSchema,
  expiresAt: dateTimeSchema,
  includeMemory: z.boolean().default(false),
});

/**
 * What happens to the disks a VM leaves behind when it is removed (R07): the VM's data disks are
 * always detached and kept (`keep_on_remove`; the department erases the data), and the backup volume
 * (R10a) is kept with them (`keep`) or deleted with the VM (`delete`, once the department confirms
 * that its data is erased or no longer needed).
 */
export const keptDisksSchema = z.enum(['keep', 'delete']).default('keep');

export const decommissionSchema = z.strictObject({
  /** Must repeat the server (or system) name exactly: the explicit confirmation. */
  confirm: z.string(),
  reasonJa: freeTextSchema(200),
  approvedBy: freeTextSchema(80),
  date: dateSchema,
  keptDisks: keptDisksSchema,
  /** Date the platform admin confirmed the VM was removed (remove.ps1 ran); until then the name stays reserved (R24). @default not yet removed */
  removedOn: dateSchema.optional(),
});

export const virtualServerSchema = z.strictObject({
  /** Host name and VM name (unique on the platform). */
  name: hostNameSchema,
  /** Role in Japanese, e.g. `Webサーバ`. */
  roleJa: freeTextSchema(60).optional(),
  cpu: z.strictObject({ sockets: z.int().min(1).max(16), coresPerSocket: z.int().min(1).max(64).default(1) }),
  memoryGb: z.int().min(1).max(4096),
  /** The first disk is the system disk (R27). */
  disks: z.array(diskSchema).min(1).max(14),
  nics: z.array(nicSchema).min(1).max(8),
  /** Guest OS key of the catalog, e.g. `rhel_7`. */
  guestOs: z.string().min(1),
  source: sourceSchema,
  /** OS licence: the platform's shared pool or the department's own (R05). @default per the catalog */
  osLicense: z.enum(['shared', 'department']).optional(),
  oracleDatabase: z
    .strictObject({
      edition: z.enum(['SE2', 'EE', 'XE']),
      license: z.enum(['shared', 'department']),
      rac: z.boolean().default(false),
      version: z
        .string()
        .regex(/^\d{2}c?$/)
        .optional(),
    })
    .optional(),
  vmwareTools: z
    .strictObject({
      install: z.boolean().default(true),
      upgradePolicy: z.enum(['manual', 'upgradeAtPowerCycle']).default('manual'),
    })
    .default({ install: true, upgradePolicy: 'manual' }),
  backupVolume: backupVolumeSchema.optional(),
  snapshots: z.array(snapshotSchema).default([]),
  /** Peripheral / passthrough devices requested (R26 refuses them). */
  devices: z.array(z.enum(['usb', 'serial', 'parallel', 'scsi', 'pci'])).default([]),
  hyperv: z.strictObject({ generation: z.union([z.literal(1), z.literal(2)]).default(2) }).optional(),
  decommissioned: decommissionSchema.optional(),
});

export type VirtualServerSpec = z.output<typeof virtualServerSchema>;
export type ProvisioningSource = z.output<typeof sourceSchema>;
export type NicSpec = z.output<typeof nicSchema>;

/** Props of a {@link VirtualServer}. */
export interface VirtualServerProps {
  /** Host name and VM name, unique on the platform. */
  readonly name: string;
  /** Role in Japanese. @default none */
  readonly roleJa?: string;
  /** Virtual sockets × cores per socket (R27). */
  readonly cpu: { readonly sockets: number; readonly coresPerSocket?: number };
  /** Memory in GB (R27). */
  readonly memoryGb: number;
  /** Disks; the first is the system disk (R27). */
  readonly disks: ReadonlyArray<{ readonly sizeGb: number; readonly datastore?: string; readonly thin?: boolean }>;
  /** Network interfaces (R27): a standard network or a dedicated VLAN each. */
  readonly nics: ReadonlyArray<{
    readonly network: StandardNetworkKey | DedicatedVlan | string;
    readonly ipv4?: string;
    readonly fqdn?: string;
  }>;
  /** Guest OS key in the catalog (R22). */
  readonly guestOs: string;
  /** How the VM comes into being (R20). */
  readonly source: z.input<typeof sourceSchema>;
  /** OS licence source (R05). @default the catalog's default for the OS */
  readonly osLicense?: 'shared' | 'department';
  /** Oracle Database on this server (R05, R21). @default none */
  readonly oracleDatabase?: z.input<typeof virtualServerSchema>['oracleDatabase'];
  /** VMware Tools policy (R33). @default install, manual upgrades */
  readonly vmwareTools?: { readonly install?: boolean; readonly upgradePolicy?: 'manual' | 'upgradeAtPowerCycle' };
  /** A data-backup disk on backup storage (R10a). @default none */
  readonly backupVolume?: BackupVolumeProps;
  /** Temporary snapshots with their expiry (R11). @default none */
  readonly snapshots?: ReadonlyArray<z.input<typeof snapshotSchema>>;
  /** Passthrough devices requested (R26 refuses them). @default none */
  readonly devices?: ReadonlyArray<'usb' | 'serial' | 'parallel' | 'scsi' | 'pci'>;
  /** Hyper-V options. @default generation 2 */
  readonly hyperv?: { readonly generation?: 1 | 2 };
  /** Marks the server decommissioned: it is removed (destroyed) only this way, never by deletion. @default not decommissioned */
  readonly decommissioned?: z.input<typeof decommissionSchema>;
}

/**
 * A resolved NIC: its network with everything derived from it (subnet, gateway, DNS, zone, port
 * group, Hyper-V switch, who assigns the IP (R29)), resolved once by the model.
 */
export interface ResolvedNic {
  readonly index: number;
  /** Same as `network.key`. */
  readonly networkKey: string;
  /** Same as `network.dedicatedVlan`. */
  readonly dedicatedVlan: DedicatedVlan | undefined;
  /** The network, resolved. */
  readonly network: ResolvedNetwork;
  readonly ipv4: string | undefined;
  readonly fqdn: string | undefined;
}

/**
 * One virtual server (仮想サーバ) of an individual business system. Created by the system from its
 * `servers` props (or with `system.addServer`).
 */
export class VirtualServer extends Construct {
  public readonly spec: VirtualServerSpec;
  public readonly nics: readonly ResolvedNic[];
  public readonly backupVolume: BackupVolume | undefined;

  /** @internal use IndividualBusinessSystem.addServer */
  constructor(scope: Construct, spec: VirtualServerSpec, nics: readonly ResolvedNic[]) {
    super(scope, spec.name);
    this.spec = spec;
    this.nics = nics;
    this.backupVolume = spec.backupVolume ? new BackupVolume(this, 'BackupVolume', spec.backupVolume) : undefined;
  }

  public get name(): string {
    return this.spec.name;
  }

  public get vcpus(): number {
    return this.spec.cpu.sockets * this.spec.cpu.coresPerSocket;
  }

  public get isDecommissioned(): boolean {
    return this.spec.decommissioned !== undefined;
  }

  /** The default gateway: that of the first NIC with a static IPv4 address whose network has one. */
  public get gateway(): string | undefined {
    return this.nics.find((n) => n.ipv4 !== undefined && n.network.gateway !== undefined)?.network.gateway;
  }

  /** DNS servers of the server's networks, in NIC order, each once. */
  public get dnsServers(): readonly string[] {
    return [...new Set(this.nics.flatMap((n) => n.network.dnsServers))];
  }

  /**
   * SCSI controller and firmware of a VM built without a clone (empty, V2V from OVF or VMDK): the
   * declared values, else the documented defaults of `source.scsiType` / `source.firmware`.
   * Undefined for clones and templates, which take both from their source VM.
   */
  public get bootHardware(): { readonly scsiType: ScsiType; readonly firmware: Firmware } | undefined {
    const src = this.spec.source;
    if (src.kind !== 'empty' && src.kind !== 'ovf' && src.kind !== 'vmdk') return undefined;
    const windows = findGuestOs(this.spec.guestOs)?.family === 'windows';
    return {
      scsiType: src.scsiType ?? (windows ? 'lsilogic-sas' : 'pvscsi'),
      firmware: src.firmware ?? (src.kind === 'empty' && windows ? 'efi' : 'bios'),
    };
  }
}
