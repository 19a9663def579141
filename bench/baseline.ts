import { App, PgBackend, PgBackendConfig, TerraformStack, TerraformVariable } from 'cdktf';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { DataVsphereComputeCluster } from '@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster';
import { DataVsphereDatacenter } from '@cdktf/provider-vsphere/lib/data-vsphere-datacenter';
import { DataVsphereDatastore } from '@cdktf/provider-vsphere/lib/data-vsphere-datastore';
import { DataVsphereDistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch';
import { DataVsphereNetwork } from '@cdktf/provider-vsphere/lib/data-vsphere-network';
import { DataVsphereTag } from '@cdktf/provider-vsphere/lib/data-vsphere-tag';
import { DataVsphereTagCategory } from '@cdktf/provider-vsphere/lib/data-vsphere-tag-category';
import { DataVsphereVirtualMachine } from '@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine';
import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { EntityPermissions } from '@cdktf/provider-vsphere/lib/entity-permissions';
import { Folder } from '@cdktf/provider-vsphere/lib/folder';
import { Role } from '@cdktf/provider-vsphere/lib/role';
import { Tag } from '@cdktf/provider-vsphere/lib/tag';
import { TagCategory } from '@cdktf/provider-vsphere/lib/tag-category';
import { VirtualDisk } from '@cdktf/provider-vsphere/lib/virtual-disk';
import { VirtualMachine, VirtualMachineConfig, VirtualMachineDisk } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { benchPlatform, systemProps } from './generate';
import { SYSTEM_ROLE_PRIVILEGES } from '../lib/vsphere/names';

/** Guest ids of the two guest OSes the generator uses, on the bench platform's ESXi (6.5). */
const GUEST_ID: Record<string, string> = { rhel_7: 'rhel7_64Guest', windows_server_2016: 'windows9Server64Guest' };
// The privilege list is data, not emitter logic: the baseline shares it so both build the same role.
const ROLE_PRIVILEGES = [...SYSTEM_ROLE_PRIVILEGES];
const tfName = (s: string) => s.replace(/[^a-zA-Z0-9_]/g, '_');

/** The pg state backend, one schema per stack, no connection string (as the product does). */
function pg(stack: TerraformStack): void {
  new PgBackend(stack, { schemaName: `kiban_${stack.node.id.replace(/-/g, '_')}` } as PgBackendConfig);
}

function provider(stack: TerraformStack): void {
  const user = new TerraformVariable(stack, 'vsphere_user', {
    type: 'string',
    sensitive: true,
    description: 'vCenter user (set TF_VAR_vsphere_user)',
  });
  const password = new TerraformVariable(stack, 'vsphere_password', {
    type: 'string',
    sensitive: true,
    description: 'vCenter password (set TF_VAR_vsphere_password)',
  });
  const server = new TerraformVariable(stack, 'vsphere_server', {
    type: 'string',
    description: 'vCenter server name (set TF_VAR_vsphere_server)',
  });
  new VsphereProvider(stack, 'vsphere', {
    user: user.stringValue,
    password: password.stringValue,
    vsphereServer: server.stringValue,
    allowUnverifiedSsl: false,
  });
  stack.addOverride('terraform.required_version', '>= 1.7.0');
}

/**
 * The raw-cdktf baseline: the same vSphere resources, data sources and variables in the same stack
 * layout as the product (one platform stack, one stack per vSphere system), written by hand with
 * the provider bindings from the generator's props. No model, no validation, no rules.
 * test/bench/baseline-parity.test.ts keeps the block set equal to the product's.
 */
export function rawCdktf(count: number, outdir: string): App {
  const platform = benchPlatform(count);
  const v = platform.vsphere;
  const app = new App({ outdir, skipValidation: true });
  let seed = 42 >>> 0;
  const r = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const vlanCount = Math.max(1, Math.floor(count / 50));
  const vlans = Array.from({ length: vlanCount }, (_, i) => `dv${i}`);
  const vlanId = (name: string) => 1000 + Number(name.slice(2));

  // Platform stack: department folders, tag categories and tags, a port group per dedicated VLAN.
  const ps = new TerraformStack(app, 'platform');
  provider(ps);
  pg(ps);
  const pdc = new DataVsphereDatacenter(ps, 'datacenter', { name: v.datacenter });
  const root = new Folder(ps, 'folder_root', {
    path: v.vmFolderRoot,
    type: 'vm',
    datacenterId: pdc.id,
    lifecycle: { preventDestroy: true },
  });
  for (const d of platform.departments)
    new Folder(ps, `folder_${d.code}`, {
      path: `${v.vmFolderRoot}/${d.code}`,
      type: 'vm',
      datacenterId: pdc.id,
      dependsOn: [root],
    });
  const types = ['VirtualMachine', 'Folder'];
  const deptCatP = new TagCategory(ps, 'tagcat_department', {
    name: 'kiban-department',
    cardinality: 'SINGLE',
    associableTypes: types,
    description: '所管部局 (R01)',
  });
  new TagCategory(ps, 'tagcat_system', {
    name: 'kiban-system',
    cardinality: 'SINGLE',
    associableTypes: types,
    description: '個別業務システム',
  });
  const backupCatP = new TagCategory(ps, 'tagcat_backup_policy', {
    name: 'kiban-backup-policy',
    cardinality: 'SINGLE',
    associableTypes: ['VirtualMachine'],
    description: 'OSイメージバックアップ方針 (R10)',
  });
  for (const d of platform.departments)
    new Tag(ps, `tag_department_${d.code}`, { name: d.code, categoryId: deptCatP.id, description: d.nameJa });
  const b = platform.backupPolicy;
  new Tag(ps, 'tag_backup_policy', {
    name: b.tag,
    categoryId: backupCatP.id,
    description: `OSイメージバックアップ 週1回${b.weeklyGenerations}世代＋毎日1回${b.dailyGenerations}世代 (R10)`,
  });
  const dvs = new DataVsphereDistributedVirtualSwitch(ps, 'dvs', { name: v.distributedSwitch, datacenterId: pdc.id });
  vlans.forEach((name, i) => {
    new DistributedPortGroup(ps, `portgroup_${name}`, {
      name: `dv-${name}-v${vlanId(name)}`,
      distributedVirtualSwitchUuid: dvs.id,
      vlanId: vlanId(name),
      description: `専用ネットワーク${i} (R24, ${platform.departments[i % platform.departments.length]!.code})`,
      allowPromiscuous: false,
      allowForgedTransmits: false,
      allowMacChanges: false,
    });
  });

  const systemDs = v.datastores.find((d) => d.kind === 'system')!.name;
  const backupDs = v.datastores.find((d) => d.kind === 'backup')!.name;
  const templates = new Map(v.templates.map((t) => [t.key, t.name]));

  for (let i = 0; i < count; i++) {
    const sys = systemProps(i, r, platform, vlans);
    if (sys.hypervisor !== 'vsphere') continue;
    const stack = new TerraformStack(app, sys.systemId);
    provider(stack);
    pg(stack);
    const dc = new DataVsphereDatacenter(stack, 'datacenter', { name: v.datacenter });
    const cluster = new DataVsphereComputeCluster(stack, 'cluster', { name: sys.cluster, datacenterId: dc.id });
    const folderPath = `${v.vmFolderRoot}/${sys.department}/${sys.systemId}`;
    const folder = new Folder(stack, 'folder', { path: folderPath, type: 'vm', datacenterId: dc.id });
    const deptCat = new DataVsphereTagCategory(stack, 'tagcat_department', { name: 'kiban-department' });
    const sysCat = new DataVsphereTagCategory(stack, 'tagcat_system', { name: 'kiban-system' });
    const deptTag = new DataVsphereTag(stack, 'tag_department', { name: sys.department, categoryId: deptCat.id });
    const sysTag = new Tag(stack, 'tag_system', {
      name: sys.systemId,
      categoryId: sysCat.id,
      description: sys.systemName,
    });
    const backupCat = new DataVsphereTagCategory(stack, 'tagcat_backup_policy', { name: 'kiban-backup-policy' });
    const tags = [
      deptTag.id,
      sysTag.id,
      new DataVsphereTag(stack, 'tag_backup_policy', { name: b.tag, categoryId: backupCat.id }).id,
    ];
    const role = new Role(stack, 'role', {
      name: `kiban-${sys.systemId}-operator`,
      rolePrivileges: [...ROLE_PRIVILEGES],
    });
    new EntityPermissions(stack, 'permissions', {
      entityId: folder.id,
      entityType: 'Folder',
      permissions: [
        { userOrGroup: `${v.accountDomain}\\kiban-${sys.systemId}`, propagate: true, isGroup: false, roleId: role.id },
      ],
    });

    const dss = new Map<string, DataVsphereDatastore>();
    const datastore = (name: string) => {
      let ds = dss.get(name);
      if (!ds)
        dss.set(
          name,
          (ds = new DataVsphereDatastore(stack, `datastore_${tfName(name)}`, { name, datacenterId: dc.id })),
        );
      return ds;
    };
    const nets = new Map<string, DataVsphereNetwork>();
    const sources = new Map<string, DataVsphereVirtualMachine>();

    for (const s of sys.servers) {
      const id = tfName(s.name);
      const isWindows = s.guestOs.startsWith('windows');
      const src = s.source as {
        kind: string;
        template?: string;
        sourceVm?: string;
        localOvfPath?: string;
        datastore?: string;
        vmdkPath?: string;
        scsiType?: string;
        firmware?: string;
      };
      const homeDs = datastore(s.disks[0]!.datastore ?? systemDs);
      const disks: VirtualMachineDisk[] = s.disks.map((d, k) => ({
        label: src.kind === 'ovf' ? `Hard disk ${k + 1}` : `disk${k}`,
        unitNumber: k,
        size: d.sizeGb,
        thinProvisioned: d.thin ?? true,
        datastoreId: datastore(d.datastore ?? systemDs).id,
        keepOnRemove: true,
      }));
      if (src.kind === 'vmdk')
        disks[0] = {
          label: 'disk0',
          unitNumber: 0,
          attach: true,
          path: src.vmdkPath,
          datastoreId: datastore(src.datastore!).id,
        };
      if (s.backupVolume) {
        const vdisk = new VirtualDisk(stack, `backup_disk_${id}`, {
          size: s.backupVolume.sizeGb,
          vmdkPath: `kiban-backup/${sys.systemId}/${s.name}-backup.vmdk`,
          datastore: backupDs,
          datacenter: v.datacenter,
          type: 'thin',
          createDirectories: true,
          lifecycle: { preventDestroy: true },
        });
        disks.push({
          label: 'backup',
          unitNumber: s.disks.length,
          attach: true,
          path: vdisk.vmdkPath,
          datastoreId: datastore(backupDs).id,
          diskMode: 'independent_persistent',
        });
      }
      const nics = s.nics.map((n) => {
        const key = String(n.network);
        const std = platform.networks[key as keyof typeof platform.networks];
        const pg = std ? std.portGroup : `dv-${key}-v${vlanId(key)}`;
        let net = nets.get(pg);
        if (!net)
          nets.set(
            pg,
            (net = new DataVsphereNetwork(stack, `network_${tfName(std ? key : `vlan_${key}`)}`, {
              name: pg,
              datacenterId: dc.id,
            })),
          );
        return { networkId: net.id, adapterType: isWindows && src.kind === 'empty' ? 'e1000e' : 'vmxnet3' };
      });
      const pinned = ['scsi_type', 'firmware'];
      const ignoreChanges =
        src.kind === 'template' || src.kind === 'clone'
          ? ['clone[0].template_uuid', 'clone[0].customize', ...pinned]
          : src.kind === 'ovf'
            ? ['ovf_deploy', ...pinned, ...s.nics.map((_, k) => `network_interface[${k}].adapter_type`)]
            : src.kind === 'vmdk'
              ? ['disk[0].path', ...pinned]
              : pinned;
      const built = src.kind === 'empty' || src.kind === 'ovf' || src.kind === 'vmdk';
      const config: VirtualMachineConfig = {
        name: s.name,
        resourcePoolId: cluster.resourcePoolId,
        datastoreId: homeDs.id,
        folder: folderPath,
        numCpus: s.cpu.sockets * (s.cpu.coresPerSocket ?? 1),
        numCoresPerSocket: s.cpu.coresPerSocket ?? 1,
        memory: s.memoryGb * 1024,
        guestId: GUEST_ID[s.guestOs]!,
        ...(built
          ? {
              firmware: src.firmware ?? (src.kind === 'empty' && isWindows ? 'efi' : 'bios'),
              scsiType: src.scsiType ?? (isWindows ? 'lsilogic-sas' : 'pvscsi'),
            }
          : {}),
        forcePowerOff: false,
        shutdownWaitTimeout: 10,
        annotation: [sys.systemName, s.roleJa, `所管: ${sys.department}`, `システムID: ${sys.systemId}`]
          .filter((x) => x !== undefined)
          .join(' / '),
        tags,
        toolsUpgradePolicy: 'manual',
        disk: disks,
        networkInterface: nics,
        dependsOn: [folder],
        lifecycle: { preventDestroy: true, ignoreChanges },
        ...(src.kind === 'empty' || src.kind === 'ovf' || src.kind === 'vmdk' ? { waitForGuestNetTimeout: 0 } : {}),
      };
      let vmConfig = config;
      if (src.kind === 'template' || src.kind === 'clone') {
        const from = src.kind === 'template' ? templates.get(src.template!)! : src.sourceVm!;
        const key = `${src.kind}:${from}`;
        let source = sources.get(key);
        if (!source)
          sources.set(
            key,
            (source = new DataVsphereVirtualMachine(stack, `${src.kind}_${tfName(from)}`, {
              name: from,
              datacenterId: dc.id,
            })),
          );
        const dns = new Set<string>();
        for (const n of s.nics) {
          const std = platform.networks[String(n.network) as keyof typeof platform.networks];
          if (std) for (const d of std.dnsServers) dns.add(d);
        }
        const customize = {
          networkInterface: s.nics.map(() => ({})),
          ipv4Gateway: undefined,
          dnsServerList: dns.size > 0 ? [...dns] : undefined,
          ...(isWindows
            ? {
                windowsOptions: {
                  computerName: s.name,
                  adminPassword: new TerraformVariable(stack, `windows_admin_password_${id}`, {
                    type: 'string',
                    sensitive: true,
                    description: `Local administrator password for ${s.name} (set TF_VAR_windows_admin_password_${id})`,
                  }).stringValue,
                  workgroup: 'WORKGROUP',
                  organizationName: sys.systemName,
                  fullName: sys.systemName,
                  timeZone: 235,
                },
              }
            : { linuxOptions: { hostName: s.name, domain: 'localdomain', timeZone: 'Asia/Tokyo' } }),
          timeout: isWindows ? 30 : 15,
        };
        vmConfig = {
          ...config,
          firmware: source.firmware,
          scsiType: source.scsiType,
          clone: { templateUuid: source.id, customize },
        };
      }
      const vm = new VirtualMachine(stack, `vm_${id}`, vmConfig);
      if (src.kind === 'ovf') vm.importFrom(`/${v.datacenter}/vm/${v.vmFolderRoot}/${sys.department}/${s.name}`);
    }
  }
  return app;
}
