import { z } from 'zod';
import { DeclarationError } from './errors';
import { FieldMeta, field } from './fields';
import { codeSchema, freeTextSchema, platformObjectNameSchema } from './names';
import { zodToIssues } from './zod-issues';

/**
 * The platform (統合基盤) as data: what the platform admin runs and allocates from.
 * Versions, capacities and names are data that platform engineers change; no code depends on a
 * particular ESXi or Windows Server version.
 */

/** The four standard networks of R24, by key. */
export const STANDARD_NETWORKS = ['internet', 'lgwan', 'myNumber', 'dmz'] as const;
export type StandardNetworkKey = (typeof STANDARD_NETWORKS)[number];

/** Network zones for the isolation rules of R24. A dedicated VLAN belongs to one of them. */
export const ZONES = ['internet', 'lgwan', 'myNumber', 'dmz', 'dedicated'] as const;
export type Zone = (typeof ZONES)[number];

/** The fields a standard network and a dedicated VLAN share (R24), as declarations name them. */
export const NETWORK_FIELDS = {
  zone: {
    ruleId: 'R24',
    labelJa: 'ネットワークの区分（ゾーン）',
    example: 'dedicated',
    valuesJa: {
      internet: 'インターネット接続系',
      lgwan: 'LGWAN接続系',
      myNumber: '個人番号利用事務系',
      dmz: 'DMZ（インターネット公開）',
      dedicated: '専用（どの系とも分離）',
    } satisfies Record<Zone, string>,
  },
  vlanId: { ruleId: 'R24', labelJa: 'VLAN ID', example: '231' },
  subnet: {
    ruleId: 'R24',
    labelJa: 'サブネット',
    example: '10.231.0.0/24',
    formatJa: 'IPアドレス/ビット数（例: 10.231.0.0/24）',
    format: 'a CIDR such as 10.231.0.0/24',
  },
  gateway: {
    ruleId: 'R24',
    labelJa: 'デフォルトゲートウェイ',
    example: '10.231.0.1',
    formatJa: '半角数字 4 つを「.」で区切る（例: 10.231.0.1）',
    format: 'an IPv4 address',
  },
} as const satisfies Record<string, FieldMeta>;

/** The parties of R29 who assign IP addresses. */
export const IP_PARTIES = ['om-vendor', 'admin-net-vendor', 'department', 'network-admin'] as const;
export type IpParty = (typeof IP_PARTIES)[number];

const cidr = z.cidrv4();

export const clusterSchema = z
  .strictObject({
    name: platformObjectNameSchema,
    hosts: z.int().min(1).max(64),
    socketsPerHost: z.int().min(1).max(8),
    coresPerSocket: z.int().min(1).max(128),
    memoryGbPerHost: z.int().min(1),
    /** Allowed vCPU : physical core ratio. */
    cpuOvercommit: z.number().min(1).max(20).default(4),
    /** Allowed allocated memory : physical memory ratio. */
    memoryOvercommit: z.number().min(0.5).max(2).default(1),
    /** ESXi host that receives OVF deployments (the provider deploys an OVF onto one host). */
    ovfDeployHost: platformObjectNameSchema,
    /**
     * The hosts' names as vCenter knows them (e.g. `kiban-esx01.pref.example.jp`), one per host:
     * the name the CLI, review documents and impact queries use.
     * @default `<cluster>/esxiNN` placeholders
     */
    hostNames: z.array(platformObjectNameSchema).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.hostNames === undefined) return;
    if (c.hostNames.length !== c.hosts)
      ctx.addIssue({
        code: 'custom',
        path: ['hostNames'],
        message: `names ${c.hostNames.length} host(s) but the cluster has hosts: ${c.hosts}`,
      });
    const lower = c.hostNames.map((h) => h.toLowerCase());
    const dup = lower.find((h, i) => lower.indexOf(h) !== i);
    if (dup !== undefined) ctx.addIssue({ code: 'custom', path: ['hostNames'], message: `host ${dup} is named twice` });
    if (!lower.includes(c.ovfDeployHost.toLowerCase()))
      ctx.addIssue({
        code: 'custom',
        path: ['ovfDeployHost'],
        message: `${c.ovfDeployHost} is not one of hostNames (${c.hostNames.join(', ')})`,
      });
  });

/** The hosts of a cluster by name: the platform data's `hostNames`, else `<cluster>/esxiNN`. */
export function clusterHostNames(c: {
  readonly name: string;
  readonly hosts: number;
  readonly hostNames?: readonly string[];
}): string[] {
  return c.hostNames
    ? [...c.hostNames]
    : Array.from({ length: c.hosts }, (_, i) => `${c.name}/esxi${String(i + 1).padStart(2, '0')}`);
}

export const datastoreSchema = z.strictObject({
  name: platformObjectNameSchema,
  /** `system` holds VM system/data disks; `backup` is the separate backup storage of R10a. */
  kind: z.enum(['system', 'backup']),
  capacityGb: z.int().min(1),
});

export const vmTemplateSchema = z.strictObject({
  /** Key used by declarations, e.g. `rhel7`. */
  key: codeSchema,
  /** Name of the template VM in vCenter / path of the sysprepped VHDX on Hyper-V. */
  name: z
    .string()
    .min(1)
    .max(260)
    .regex(/^[^'"`$\u0000-\u001f]*$/, 'must not contain quotes, backticks, "$" or control characters'),
  /** Guest OS key in the catalog. */
  guestOs: field(z.string().min(1), { ruleId: 'R22', labelJa: 'ゲストOS', example: 'rhel_7' }),
});

export const vsphereSchema = z.strictObject({
  /** ESXi version of the hosts (data, e.g. `6.5`). */
  esxiVersion: z.string().regex(/^\d+\.\d+$/),
  /**
   * vCenter Server version (data, e.g. `6.5` or `8.0.3`): the Terraform provider talks to vCenter,
   * and the rule pack warns when the provider release of the output does not support it.
   * @default not recorded (the rule pack warns that it is unknown)
   */
  vcenterVersion: z
    .string()
    .regex(/^\d+\.\d+(\.\d+)?$/, 'must be a version such as 6.5, 7.0 or 8.0.3')
    .optional(),
  datacenter: platformObjectNameSchema,
  clusters: z.array(clusterSchema).min(1),
  datastores: z.array(datastoreSchema).min(1),
  /** Distributed switch that carries the port groups of dedicated VLANs. */
  distributedSwitch: platformObjectNameSchema,
  /** Root VM folder under which department and system folders live. */
  vmFolderRoot: codeSchema,
  /** SSO domain of the per-system accounts of R30, e.g. `VSPHERE.LOCAL`. */
  accountDomain: z.string().regex(/^[A-Za-z0-9.-]+$/),
  templates: z.array(vmTemplateSchema).default([]),
  /**
   * Minutes Terraform waits after creating a customized VM (template or clone) for its guest to
   * report a routable IP address (the provider's `wait_for_guest_net_timeout`); 0 does not wait
   * (e.g. a simulator whose guests report no route). @default the provider's default (5 minutes)
   */
  guestNetWaitMinutes: z.int().min(0).max(60).optional(),
  /**
   * Minutes Terraform waits for guest customization (R28) to report completion (the provider's
   * `customize.timeout`); 0 does not wait (e.g. a simulator whose customization events can precede
   * the provider's watch). @default the provider's default (10 minutes)
   */
  customizeWaitMinutes: z.int().min(0).max(120).optional(),
});

export const hypervHostSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,14}$/),
  sockets: z.int().min(1).max(8),
  coresPerSocket: z.int().min(1).max(128),
  memoryGb: z.int().min(1),
});

const windowsPath = z
  .string()
  .regex(/^[A-Za-z]:\\[^'"`$\u0000-\u001f]*$/, 'must be an absolute Windows path without quotes, backticks or "$"');

export const hypervSchema = z
  .strictObject({
    /** Windows Server version of the Hyper-V hosts (data, e.g. `2016`). */
    windowsServerVersion: z.string().regex(/^\d{4}$/),
    /** Failover cluster name, when the hosts are clustered (the scripts add each VM as a cluster role). */
    cluster: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,14}$/)
      .optional(),
    /** The hosts are standalone, not a failover cluster: the scripts say so and add no cluster role. @default false */
    standalone: z.boolean().default(false),
    hosts: z.array(hypervHostSchema).min(1),
    cpuOvercommit: z.number().min(1).max(20).default(4),
    memoryOvercommit: z.number().min(0.5).max(2).default(1),
    vmStoragePath: windowsPath,
    vmStorageCapacityGb: z.int().min(1),
    backupStoragePath: windowsPath,
    backupStorageCapacityGb: z.int().min(1),
    virtualSwitches: z.array(z.strictObject({ name: platformObjectNameSchema })).min(1),
    templates: z.array(vmTemplateSchema).default([]),
  })
  .refine((h) => !(h.standalone && h.cluster !== undefined), {
    message:
      'a standalone host pool has no failover cluster: remove cluster or standalone / スタンドアロンのホストにはフェールオーバークラスタ名を指定できません',
    path: ['standalone'],
  });

export const standardNetworkSchema = z.strictObject({
  /** Japanese name as in the application form. */
  nameJa: freeTextSchema(60),
  zone: field(z.enum(ZONES), NETWORK_FIELDS.zone),
  /** Port group name on vSphere. */
  portGroup: platformObjectNameSchema,
  /** Virtual switch name on Hyper-V. */
  hypervSwitch: platformObjectNameSchema,
  vlanId: field(z.int().min(1).max(4094), NETWORK_FIELDS.vlanId),
  subnet: field(cidr, NETWORK_FIELDS.subnet),
  gateway: field(z.ipv4().optional(), NETWORK_FIELDS.gateway),
  dnsServers: z.array(z.ipv4()).default([]),
  /** Who assigns IPs on this network (R29). */
  ipAssignedBy: z.enum(IP_PARTIES),
  /** Whether systems here need the firewall change between platform and admin network (R32). */
  firewallChange: z.boolean(),
});

export const departmentSchema = z.strictObject({
  code: codeSchema,
  nameJa: freeTextSchema(60),
});

export const platformSchema = z.strictObject({
  nameJa: freeTextSchema(80),
  vsphere: vsphereSchema,
  hyperv: hypervSchema,
  networks: z.strictObject({
    internet: standardNetworkSchema,
    lgwan: standardNetworkSchema,
    myNumber: standardNetworkSchema,
    dmz: standardNetworkSchema,
  }),
  departments: z.array(departmentSchema).min(1),
  backupPolicy: z.strictObject({
    /** Tag the backup job selects VMs by (R10). */
    tag: codeSchema,
    weeklyGenerations: z.int().min(1),
    dailyGenerations: z.int().min(1),
  }),
  /** Longest life of a temporary snapshot in hours (R11). */
  snapshotMaxHours: z
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  /** The platform's typical allocation per server, for the right-sizing warning of R23. */
  typicalAllocation: z.strictObject({ vcpu: z.int().min(1), memoryGb: z.int().min(1), diskGb: z.int().min(1) }),
});

export type PlatformInput = z.input<typeof platformSchema>;
export type Platform = z.output<typeof platformSchema>;
export type Cluster = z.output<typeof clusterSchema>;
export type Datastore = z.output<typeof datastoreSchema>;
export type StandardNetwork = z.output<typeof standardNetworkSchema>;
export type VmTemplate = z.output<typeof vmTemplateSchema>;

/**
 * Validates a platform description (an estate's platform data); throws a DeclarationError listing
 * every problem. The library ships no platform: every estate brings its own (see docs/estate.md).
 */
export function parsePlatform(input: unknown, location = 'platform'): Platform {
  const result = platformSchema.safeParse(input);
  if (!result.success)
    throw new DeclarationError(zodToIssues(result.error, input, location, '', { schema: platformSchema }));
  return result.data;
}

/** The platform's default vSphere datastore of a kind: the first one listed (undefined when the platform has none). */
export function defaultDatastore(platform: Platform, kind: Datastore['kind']): string | undefined {
  return platform.vsphere.datastores.find((d) => d.kind === kind)?.name;
}

/** What a host pool can allocate (R03). */
export interface PoolCapacity {
  readonly vcpus: number;
  readonly memoryGb: number;
}

/**
 * Capacity of a vSphere cluster: physical cores × CPU overcommit and memory × memory overcommit,
 * rounded down (a fraction of a vCPU or a GB cannot be allocated; allocations are whole numbers, so
 * rounding changes no verdict of R03).
 */
export function clusterCapacity(c: Cluster): PoolCapacity {
  return {
    vcpus: Math.floor(c.hosts * c.socketsPerHost * c.coresPerSocket * c.cpuOvercommit),
    memoryGb: Math.floor(c.hosts * c.memoryGbPerHost * c.memoryOvercommit),
  };
}

/** Capacity of the Hyper-V host pool, by the same formula as {@link clusterCapacity}. */
export function hypervCapacity(hv: Platform['hyperv']): PoolCapacity {
  const cores = hv.hosts.reduce((n, h) => n + h.sockets * h.coresPerSocket, 0);
  const memoryGb = hv.hosts.reduce((n, h) => n + h.memoryGb, 0);
  return { vcpus: Math.floor(cores * hv.cpuOvercommit), memoryGb: Math.floor(memoryGb * hv.memoryOvercommit) };
}
