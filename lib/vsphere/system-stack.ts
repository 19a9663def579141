import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { DataVsphereComputeCluster } from '@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster';
import { DataVsphereDatacenter } from '@cdktf/provider-vsphere/lib/data-vsphere-datacenter';
import { DataVsphereDatastore } from '@cdktf/provider-vsphere/lib/data-vsphere-datastore';
import { DataVsphereNetwork } from '@cdktf/provider-vsphere/lib/data-vsphere-network';
import { DataVsphereTag } from '@cdktf/provider-vsphere/lib/data-vsphere-tag';
import { DataVsphereTagCategory } from '@cdktf/provider-vsphere/lib/data-vsphere-tag-category';
import { DataVsphereVirtualMachine } from '@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine';
import { EntityPermissions } from '@cdktf/provider-vsphere/lib/entity-permissions';
import { Folder } from '@cdktf/provider-vsphere/lib/folder';
import { Role } from '@cdktf/provider-vsphere/lib/role';
import { Tag } from '@cdktf/provider-vsphere/lib/tag';
import { VirtualDisk } from '@cdktf/provider-vsphere/lib/virtual-disk';
import { VirtualMachine, VirtualMachineConfig, VirtualMachineDisk } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { VirtualMachineSnapshot } from '@cdktf/provider-vsphere/lib/virtual-machine-snapshot';
import { findGuestOs, vsphereSupport } from '../model/guest-os';
import { Cluster, Platform, VmTemplate, defaultDatastore } from '../model/platform';
import { CUSTOMIZATION_DEFAULTS, VirtualServer, sysprepOrganization } from '../model/server';
import { IndividualBusinessSystem } from '../model/system';
import { tfString } from './escape';
import {
  SYSTEM_ROLE_PRIVILEGES,
  TAG_CATEGORY,
  backupVmdkPath,
  departmentFolderPath,
  systemFolderPath,
  systemRoleName,
} from './names';
import { addVsphereProvider } from './provider';
import { ForgetBlock, ImportBlock } from './state-blocks';
import { OvfImportPlan } from './v2v-import';

/** Platform look-ups shared by every system stack of an estate (instead of a linear scan per server). */
interface PlatformLookups {
  /** The arrays the look-ups were built from: a platform changed since is looked up afresh. */
  readonly from: readonly unknown[];
  readonly systemDatastore: string | undefined;
  readonly backupDatastore: string | undefined;
  /** First template / cluster of each key or name, as `Array.find` would return. */
  readonly templates: ReadonlyMap<string, VmTemplate>;
  readonly clusters: ReadonlyMap<string, Cluster>;
}

const lookupCache = new WeakMap<Platform, PlatformLookups>();

function platformLookups(p: Platform): PlatformLookups {
  const v = p.vsphere;
  const from = [v.templates, v.templates.length, v.clusters, v.clusters.length, v.datastores, v.datastores.length];
  let l = lookupCache.get(p);
  if (!l || l.from.some((x, i) => x !== from[i])) {
    const templates = new Map<string, VmTemplate>();
    for (const t of p.vsphere.templates) if (!templates.has(t.key)) templates.set(t.key, t);
    const clusters = new Map<string, Cluster>();
    for (const c of p.vsphere.clusters) if (!clusters.has(c.name)) clusters.set(c.name, c);
    l = {
      from,
      systemDatastore: defaultDatastore(p, 'system'),
      backupDatastore: defaultDatastore(p, 'backup'),
      templates,
      clusters,
    };
    lookupCache.set(p, l);
  }
  return l;
}

/** The references a clone needs from its source VM data source. */
interface SourceVmRefs {
  readonly firmware: string;
  readonly scsiType: string;
  readonly id: string;
}

/** Terraform-safe local name from an allow-listed identifier. */
const tfName = (s: string) => s.replace(/[^a-zA-Z0-9_]/g, '_');

/**
 * Power policy for routine changes (CPU, memory, disk modes...) that need the VM powered off: the
 * provider asks the guest to shut down and waits; it never pulls the plug (its default is
 * `force_power_off = true` after 3 minutes). A guest that does not stop within the wait fails the
 * apply, and the admin schedules the change with the department instead.
 */
export const POWER_POLICY = { forcePowerOff: false, shutdownWaitTimeoutMinutes: 10 } as const;

/** Minutes the provider waits for guest customization (its default, 10, is too short for sysprep). */
export const CUSTOMIZE_TIMEOUT_MINUTES = { windows: 30, linux: 15 } as const;

/** Disk mode of a backup volume (R10a): left out of VM snapshots and of the OS-image backup. */
export const BACKUP_VOLUME_DISK_MODE = 'independent_persistent';

/**
 * One individual business system on vSphere: its own Terraform stack and state, so a department's
 * pull request can never plan changes in another department's resources. Shared objects are
 * looked up by name.
 */
export class VsphereSystemStack extends TerraformStack {
  /** The VMs by server name. */
  public readonly virtualMachines = new Map<string, VirtualMachine>();
  /** The backup volumes (R10a) by server name. */
  public readonly backupDisks = new Map<string, VirtualDisk>();
  /** V2V from OVF: the one-off import on the management terminal of each such server (R20, R34). */
  public readonly ovfImports: OvfImportPlan[] = [];
  public readonly folder: Folder | undefined;
  public readonly role: Role | undefined;

  private readonly platform: Platform;
  private readonly lookups: PlatformLookups;
  /**
   * Attribute references are cached as strings: every `.id` read makes a new cdktf token (and
   * cdktf captures a full stack trace per token); the cached string resolves to the same reference.
   */
  private readonly datastores = new Map<string, string>();
  private readonly networks = new Map<string, string>();
  private readonly sources = new Map<string, SourceVmRefs>();
  private dc!: DataVsphereDatacenter;
  private dcId!: string;
  private resourcePoolId!: string;
  private folderPath!: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly system: IndividualBusinessSystem,
  ) {
    super(scope, id);
    this.platform = system.estate.platform;
    this.lookups = platformLookups(this.platform);
    addVsphereProvider(this);
    // A decommissioned system (R07, confirmed) keeps an empty stack: applying it removes everything.
    // Before the application phase nothing is built yet.
    if (system.isDecommissioned) {
      this.forgetKeptBackupVolumes(system.servers, system.spec.decommission?.keptDisks ?? 'keep');
      return;
    }
    if (!system.buildsVms) return;

    const p = this.platform;
    const spec = system.spec;
    this.dc = new DataVsphereDatacenter(this, 'datacenter', { name: p.vsphere.datacenter });
    this.dcId = this.dc.id;
    const cluster = new DataVsphereComputeCluster(this, 'cluster', {
      name: system.clusterName,
      datacenterId: this.dcId,
    });
    this.folderPath = systemFolderPath(p.vsphere.vmFolderRoot, spec.department, spec.systemId);

    this.folder = new Folder(this, 'folder', { path: this.folderPath, type: 'vm', datacenterId: this.dcId });

    const deptCat = new DataVsphereTagCategory(this, 'tagcat_department', { name: TAG_CATEGORY.department });
    const sysCat = new DataVsphereTagCategory(this, 'tagcat_system', { name: TAG_CATEGORY.system });
    const deptTag = new DataVsphereTag(this, 'tag_department', { name: spec.department, categoryId: deptCat.id });
    const sysTag = new Tag(this, 'tag_system', {
      name: spec.systemId,
      categoryId: sysCat.id,
      description: tfString(spec.systemName),
    });
    const tags = [deptTag.id, sysTag.id];
    if (spec.backup.osImage) {
      const backupCat = new DataVsphereTagCategory(this, 'tagcat_backup_policy', { name: TAG_CATEGORY.backupPolicy });
      tags.push(
        new DataVsphereTag(this, 'tag_backup_policy', { name: p.backupPolicy.tag, categoryId: backupCat.id }).id,
      );
    }

    // R30: the system's account reaches only its own folder (and so only its own VMs).
    this.role = new Role(this, 'role', {
      name: systemRoleName(spec.systemId),
      rolePrivileges: [...SYSTEM_ROLE_PRIVILEGES],
    });
    new EntityPermissions(this, 'permissions', {
      entityId: this.folder.id,
      entityType: 'Folder',
      permissions: [{ userOrGroup: tfString(system.account), propagate: true, isGroup: false, roleId: this.role.id }],
    });

    this.resourcePoolId = cluster.resourcePoolId;
    for (const server of system.servers) {
      if (!server.isDecommissioned) this.addServer(server, tags);
      else this.forgetKeptBackupVolumes([server], server.spec.decommissioned!.keptDisks);
    }
  }

  /**
   * A removed VM's data disks stay on the datastore (`keep_on_remove`; the department erases the
   * data, R07). Its backup volume (R10a) is a resource of its own: with `keptDisks: keep` the stack
   * forgets it and the VMDK stays; with `delete` Terraform deletes it with the VM.
   */
  private forgetKeptBackupVolumes(servers: readonly VirtualServer[], keptDisks: 'keep' | 'delete'): void {
    if (keptDisks !== 'keep') return;
    for (const server of servers) {
      if (server.spec.backupVolume)
        new ForgetBlock(
          this,
          `forget_backup_disk_${tfName(server.name)}`,
          `vsphere_virtual_disk.backup_disk_${tfName(server.name)}`,
        );
    }
  }

  /** The id reference of a datastore data source (created on first use). */
  private datastore(name: string): string {
    let id = this.datastores.get(name);
    if (id === undefined) {
      id = new DataVsphereDatastore(this, `datastore_${tfName(name)}`, { name, datacenterId: this.dcId }).id;
      this.datastores.set(name, id);
    }
    return id;
  }

  /** The id reference of a NIC's network data source (created on first use). */
  private network(server: VirtualServer, index: number): string {
    const nic = server.nics[index]!;
    const name = nic.network.portGroup;
    let id = this.networks.get(name);
    if (id === undefined) {
      id = new DataVsphereNetwork(
        this,
        `network_${tfName(nic.dedicatedVlan ? `vlan_${nic.dedicatedVlan.props.name}` : nic.networkKey)}`,
        { name, datacenterId: this.dcId },
      ).id;
      this.networks.set(name, id);
    }
    return id;
  }

  private sourceVm(kind: 'template' | 'clone', name: string): SourceVmRefs {
    const key = `${kind}:${name}`;
    let vm = this.sources.get(key);
    if (!vm) {
      const data = new DataVsphereVirtualMachine(this, `${kind}_${tfName(name)}`, {
        name: tfString(name),
        datacenterId: this.dcId,
      });
      vm = { firmware: data.firmware, scsiType: data.scsiType, id: data.id };
      this.sources.set(key, vm);
    }
    return vm;
  }

  private addServer(server: VirtualServer, tags: string[]): void {
    const p = this.platform;
    const s = server.spec;
    const sys = this.system.spec;
    const id = tfName(s.name);
    const os = findGuestOs(s.guestOs)!;
    const support = vsphereSupport(os, p.vsphere.esxiVersion);
    // An OS without a guest id on this ESXi is unsupported: the rule pack (R22) refuses it before any emitter runs.
    const systemDsName = (n?: string) => n ?? this.lookups.systemDatastore!;
    const homeDs = this.datastore(systemDsName(s.disks[0]!.datastore));
    const isWindows = os.family === 'windows';
    const src = s.source;

    // A VM adopted with an import block (V2V from OVF) has the labels vSphere gave its disks: the
    // provider imports each disk under its device label ("Hard disk 1"...), and a label that differs
    // from the state's is a different disk to the provider (the old one would be removed).
    const adopted = src.kind === 'ovf';
    const disks: VirtualMachineDisk[] = s.disks.map((d, i) => ({
      label: adopted ? `Hard disk ${i + 1}` : `disk${i}`,
      unitNumber: i,
      size: d.sizeGb,
      thinProvisioned: d.thin,
      datastoreId: this.datastore(systemDsName(d.datastore)),
      keepOnRemove: true,
    }));
    if (src.kind === 'vmdk') {
      // V2V from an existing VMDK (R20): the system disk is the transferred VMDK, attached as is.
      disks[0] = {
        label: 'disk0',
        unitNumber: 0,
        attach: true,
        path: tfString(src.vmdkPath),
        datastoreId: this.datastore(src.datastore),
      };
    }
    if (server.backupVolume) {
      const bkName = server.backupVolume.props.datastore ?? this.lookups.backupDatastore!;
      const vdisk = new VirtualDisk(this, `backup_disk_${id}`, {
        size: server.backupVolume.props.sizeGb,
        vmdkPath: backupVmdkPath(sys.systemId, s.name),
        datastore: bkName,
        datacenter: p.vsphere.datacenter,
        type: 'thin',
        createDirectories: true,
        lifecycle: { preventDestroy: true },
      });
      this.backupDisks.set(s.name, vdisk);
      // Independent: VM snapshots (R11) and the OS-image backup (R10) leave the backup volume out.
      disks.push({
        label: 'backup',
        unitNumber: s.disks.length,
        attach: true,
        path: vdisk.vmdkPath,
        datastoreId: this.datastore(bkName),
        diskMode: BACKUP_VOLUME_DISK_MODE,
      });
    }

    const nics = server.nics.map((n) => ({
      networkId: this.network(server, n.index),
      adapterType: isWindows && src.kind === 'empty' ? 'e1000e' : 'vmxnet3',
    }));

    const hw = server.bootHardware;
    const config: VirtualMachineConfig = {
      name: s.name,
      resourcePoolId: this.resourcePoolId,
      datastoreId: homeDs,
      folder: this.folderPath,
      numCpus: server.vcpus,
      numCoresPerSocket: s.cpu.coresPerSocket,
      memory: s.memoryGb * 1024,
      guestId: support.guestId,
      // Clones take both from their source VM below; the others from the declaration (source.scsiType / source.firmware).
      ...(hw ? { firmware: hw.firmware, scsiType: hw.scsiType } : {}),
      forcePowerOff: POWER_POLICY.forcePowerOff,
      shutdownWaitTimeout: POWER_POLICY.shutdownWaitTimeoutMinutes,
      annotation: tfString(
        [sys.systemName, s.roleJa, `所管: ${sys.department}`, `システムID: ${sys.systemId}`]
          .filter((x) => x !== undefined)
          .join(' / '),
      ),
      tags,
      toolsUpgradePolicy: s.vmwareTools.upgradePolicy,
      disk: disks,
      networkInterface: nics,
      dependsOn: this.folder ? [this.folder] : [],
      lifecycle: { preventDestroy: true, ignoreChanges: ignoredChanges(src.kind, server.nics.length) },
    };
    // Without VMware Tools or customization the guest reports no network: do not wait for it.
    if (src.kind === 'empty' || src.kind === 'ovf' || src.kind === 'vmdk')
      (config as { waitForGuestNetTimeout?: number }).waitForGuestNetTimeout = 0;
    // Otherwise the platform data may set how long to wait for the customized guest's network.
    else if (p.vsphere.guestNetWaitMinutes !== undefined)
      (config as { waitForGuestNetTimeout?: number }).waitForGuestNetTimeout = p.vsphere.guestNetWaitMinutes;

    let vmConfig: VirtualMachineConfig = config;
    if (src.kind === 'template' || src.kind === 'clone') {
      const from = src.kind === 'template' ? this.lookups.templates.get(src.template)!.name : src.sourceVm;
      const source = this.sourceVm(src.kind, from);
      const c = src.customization;
      const customize = c.disabled
        ? undefined
        : {
            networkInterface: server.nics.map((n) => {
              return n.ipv4 ? { ipv4Address: n.ipv4, ipv4Netmask: n.network.prefixLength } : {};
            }),
            ipv4Gateway: server.gateway,
            dnsServerList: server.dnsServers.length > 0 ? [...server.dnsServers] : undefined,
            ...(p.vsphere.customizeWaitMinutes !== undefined ? { timeout: p.vsphere.customizeWaitMinutes } : {}),
            ...(isWindows
              ? {
                  windowsOptions: {
                    computerName: s.name,
                    adminPassword: this.windowsPassword(s.name),
                    workgroup: tfString(c.windows?.workgroup ?? CUSTOMIZATION_DEFAULTS.workgroup),
                    organizationName: tfString(sysprepOrganization(c, sys.systemName)),
                    fullName: tfString(sys.systemName),
                    timeZone: typeof c.timeZone === 'number' ? c.timeZone : CUSTOMIZATION_DEFAULTS.windowsTimeZone,
                  },
                }
              : {
                  linuxOptions: {
                    hostName: s.name,
                    domain: tfString(c.domain ?? CUSTOMIZATION_DEFAULTS.domain),
                    timeZone: tfString(
                      typeof c.timeZone === 'string' ? c.timeZone : CUSTOMIZATION_DEFAULTS.linuxTimeZone,
                    ),
                  },
                }),
            // A customization that times out taints the VM (README: terraform untaint).
            timeout: isWindows ? CUSTOMIZE_TIMEOUT_MINUTES.windows : CUSTOMIZE_TIMEOUT_MINUTES.linux,
          };
      // Firmware and SCSI controller follow the source VM, as the provider requires for clones, and
      // are then pinned (ignore_changes): a rebuilt template never changes an existing VM's.
      vmConfig = {
        ...config,
        firmware: source.firmware,
        scsiType: source.scsiType,
        clone: { templateUuid: source.id, ...(customize ? { customize } : {}) },
      };
    }
    const vm = new VirtualMachine(this, `vm_${id}`, vmConfig);
    this.virtualMachines.set(s.name, vm);
    if (src.kind === 'ovf') this.adoptImportedOvf(server, vm, hw!);

    for (const snap of s.snapshots) {
      new VirtualMachineSnapshot(this, `snapshot_${id}_${tfName(snap.name)}`, {
        virtualMachineUuid: vm.uuid,
        snapshotName: snap.name,
        // Every argument of a snapshot forces replacement (a new snapshot, the old one deleted), so
        // the description holds only what never changes: no expiry, no clock, no platform setting.
        // Its expiry stays in the declaration, where R11 checks it; an expired snapshot is deleted
        // by removing its declaration.
        description: tfString(`${snap.purposeJa} (R11, 作成 ${snap.createdAt})`),
        memory: snap.includeMemory,
        quiesce: false,
        removeChildren: false,
        consolidate: true,
        lifecycle: { ignoreChanges: ['description', 'memory'] },
      });
    }
  }

  /**
   * V2V from OVF: the VM is imported once on the management terminal (a generated govc script), into
   * the department folder; the import block adopts it on the next plan and the stack moves it into
   * the system folder. No `ovf_deploy`: later plans never need the media.
   */
  private adoptImportedOvf(
    server: VirtualServer,
    vm: VirtualMachine,
    hw: NonNullable<VirtualServer['bootHardware']>,
  ): void {
    const p = this.platform;
    const s = server.spec;
    const src = s.source as Extract<VirtualServer['spec']['source'], { kind: 'ovf' }>;
    const dc = p.vsphere.datacenter;
    const importFolder = `/${dc}/vm/${departmentFolderPath(p.vsphere.vmFolderRoot, this.system.spec.department)}`;
    const importId = `${importFolder}/${s.name}`;
    new ImportBlock(this, `import_vm_${tfName(s.name)}`, vm, importId);
    const nic = server.nics[0]!;
    const cluster = this.lookups.clusters.get(this.system.clusterName)!;
    this.ovfImports.push({
      systemId: this.system.spec.systemId,
      server: s.name,
      source: src.localOvfPath ? { kind: 'local', path: src.localOvfPath } : { kind: 'url', url: src.remoteOvfUrl! },
      datacenter: dc,
      importFolder,
      importId,
      datastore: s.disks[0]!.datastore ?? this.lookups.systemDatastore!,
      pool: `/${dc}/host/${cluster.name}/Resources`,
      host: cluster.ovfDeployHost,
      network: nic.network.portGroup,
      diskProvisioning: s.disks[0]!.thin ? 'thin' : 'thick',
      firmware: hw.firmware,
      scsiType: hw.scsiType,
      diskCount: s.disks.length,
    });
  }

  private windowsPassword(server: string): string {
    // Windows administrator passwords are sensitive variables, never literals.
    return new TerraformVariable(this, `windows_admin_password_${tfName(server)}`, {
      type: 'string',
      sensitive: true,
      description: `Local administrator password for ${server} (set TF_VAR_windows_admin_password_${tfName(server)})`,
    }).stringValue;
  }
}

/**
 * Changes Terraform must not act on. A rebuilt template or a re-exported OVF never recreates a VM;
 * the SCSI controller and the firmware of an existing VM never change (its guest would no longer
 * boot); the NICs of an adopted OVF keep the adapter type the OVF gave them (a new type is a new
 * NIC to the guest).
 */
function ignoredChanges(kind: string, nics: number): string[] {
  const pinned = ['scsi_type', 'firmware'];
  switch (kind) {
    case 'template':
    case 'clone':
      return ['clone[0].template_uuid', 'clone[0].customize', ...pinned];
    case 'ovf':
      // `ovf_deploy` too: a VM an earlier output deployed with it would otherwise be replaced now
      // that the block is gone (its arguments force replacement).
      return [
        'ovf_deploy',
        ...pinned,
        ...Array.from({ length: nics }, (_, i) => `network_interface[${i}].adapter_type`),
      ];
    case 'vmdk':
      return ['disk[0].path', ...pinned];
    default:
      return pinned;
  }
}
