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
import { StateBackendKind } from './backend';
import { stackFrame, varRef } from './stack-frame';
import { TfBlock, TfObject, TfRef, TfStack, TfStackBuilder, TfValue, addressOf, refTo } from './terraform';
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
  readonly firmware: TfRef;
  readonly scsiType: TfRef;
  readonly id: TfRef;
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

/** One system's stack, built from its declaration: what both renderers render. */
export interface SystemStackPlan extends TfStack {
  /** V2V from OVF: the one-off import on the management terminal of each such server (R20, R34). */
  readonly ovfImports: readonly OvfImportPlan[];
  /** Local name of each server's VM block, by server name. */
  readonly virtualMachines: ReadonlyMap<string, string>;
  /** Local name of each server's backup volume block (R10a), by server name. */
  readonly backupDisks: ReadonlyMap<string, string>;
  /** The system folder and role blocks (undefined when the stack builds no VMs). */
  readonly folder: string | undefined;
  readonly role: string | undefined;
}

/**
 * One individual business system on vSphere: its own Terraform stack and state, so a department's
 * pull request can never plan changes in another department's resources. Shared objects are
 * looked up by name.
 */
export function planSystemStack(system: IndividualBusinessSystem, backend: StateBackendKind = 'pg'): SystemStackPlan {
  return new SystemPlanner(system).plan(backend);
}

class SystemPlanner {
  private readonly b: TfStackBuilder;
  private readonly ovfImports: OvfImportPlan[] = [];
  private readonly virtualMachines = new Map<string, string>();
  private readonly backupDisks = new Map<string, string>();
  private folder: TfBlock | undefined;
  private role: TfBlock | undefined;
  private readonly platform: Platform;
  private readonly lookups: PlatformLookups;
  private readonly datastores = new Map<string, TfRef>();
  private readonly networks = new Map<string, TfRef>();
  private readonly sources = new Map<string, SourceVmRefs>();
  private dcId!: TfRef;
  private resourcePoolId!: TfRef;
  private folderPath!: string;

  constructor(private readonly system: IndividualBusinessSystem) {
    this.b = new TfStackBuilder(system.systemId);
    this.platform = system.estate.platform;
    this.lookups = platformLookups(this.platform);
  }

  public plan(backend: StateBackendKind): SystemStackPlan {
    const system = this.system;
    this.build();
    const frame = stackFrame(system.systemId, backend);
    return {
      ...frame,
      variables: [...frame.variables, ...this.b.variables],
      blocks: this.b.blocks,
      imports: this.b.imports,
      removed: this.b.removed,
      ovfImports: this.ovfImports,
      virtualMachines: this.virtualMachines,
      backupDisks: this.backupDisks,
      folder: this.folder?.name,
      role: this.role?.name,
    };
  }

  private build(): void {
    const system = this.system;
    const b = this.b;
    // A decommissioned system (R07, confirmed) keeps an empty stack: applying it removes everything.
    // Before the application phase nothing is built yet.
    if (system.isDecommissioned) {
      this.forgetKeptBackupVolumes(system.servers, system.spec.decommission?.keptDisks ?? 'keep');
      return;
    }
    if (!system.buildsVms) return;

    const p = this.platform;
    const spec = system.spec;
    const dc = b.data('vsphere_datacenter', 'datacenter', { name: p.vsphere.datacenter });
    this.dcId = refTo(dc, 'id');
    const cluster = b.data('vsphere_compute_cluster', 'cluster', {
      name: system.clusterName,
      datacenter_id: this.dcId,
    });
    this.folderPath = systemFolderPath(p.vsphere.vmFolderRoot, spec.department, spec.systemId);

    this.folder = b.resource('vsphere_folder', 'folder', {
      path: this.folderPath,
      type: 'vm',
      datacenter_id: this.dcId,
    });

    const deptCat = b.data('vsphere_tag_category', 'tagcat_department', { name: TAG_CATEGORY.department });
    const sysCat = b.data('vsphere_tag_category', 'tagcat_system', { name: TAG_CATEGORY.system });
    const deptTag = b.data('vsphere_tag', 'tag_department', {
      name: spec.department,
      category_id: refTo(deptCat, 'id'),
    });
    const sysTag = b.resource('vsphere_tag', 'tag_system', {
      name: spec.systemId,
      category_id: refTo(sysCat, 'id'),
      description: tfString(spec.systemName),
    });
    const tags: TfRef[] = [refTo(deptTag, 'id'), refTo(sysTag, 'id')];
    if (spec.backup.osImage) {
      const backupCat = b.data('vsphere_tag_category', 'tagcat_backup_policy', { name: TAG_CATEGORY.backupPolicy });
      tags.push(
        refTo(
          b.data('vsphere_tag', 'tag_backup_policy', { name: p.backupPolicy.tag, category_id: refTo(backupCat, 'id') }),
          'id',
        ),
      );
    }

    // R30: the system's account reaches only its own folder (and so only its own VMs).
    this.role = b.resource('vsphere_role', 'role', {
      name: systemRoleName(spec.systemId),
      role_privileges: [...SYSTEM_ROLE_PRIVILEGES],
    });
    b.resource('vsphere_entity_permissions', 'permissions', {
      entity_id: refTo(this.folder, 'id'),
      entity_type: 'Folder',
      permissions: [
        { user_or_group: tfString(system.account), propagate: true, is_group: false, role_id: refTo(this.role, 'id') },
      ],
    });

    this.resourcePoolId = refTo(cluster, 'resource_pool_id');
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
        this.b.remove({
          name: `forget_backup_disk_${tfName(server.name)}`,
          from: `vsphere_virtual_disk.backup_disk_${tfName(server.name)}`,
        });
    }
  }

  /** The id reference of a datastore data source (created on first use). */
  private datastore(name: string): TfRef {
    let id = this.datastores.get(name);
    if (id === undefined) {
      id = refTo(
        this.b.data('vsphere_datastore', `datastore_${tfName(name)}`, { name, datacenter_id: this.dcId }),
        'id',
      );
      this.datastores.set(name, id);
    }
    return id;
  }

  /** The id reference of a NIC's network data source (created on first use). */
  private network(server: VirtualServer, index: number): TfRef {
    const nic = server.nics[index]!;
    const name = nic.network.portGroup;
    let id = this.networks.get(name);
    if (id === undefined) {
      const local = `network_${tfName(nic.dedicatedVlan ? `vlan_${nic.dedicatedVlan.props.name}` : nic.networkKey)}`;
      id = refTo(this.b.data('vsphere_network', local, { name, datacenter_id: this.dcId }), 'id');
      this.networks.set(name, id);
    }
    return id;
  }

  private sourceVm(kind: 'template' | 'clone', name: string): SourceVmRefs {
    const key = `${kind}:${name}`;
    let vm = this.sources.get(key);
    if (!vm) {
      const data = this.b.data('vsphere_virtual_machine', `${kind}_${tfName(name)}`, {
        name: tfString(name),
        datacenter_id: this.dcId,
      });
      vm = { firmware: refTo(data, 'firmware'), scsiType: refTo(data, 'scsi_type'), id: refTo(data, 'id') };
      this.sources.set(key, vm);
    }
    return vm;
  }

  private addServer(server: VirtualServer, tags: readonly TfRef[]): void {
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
    const disks: TfObject[] = s.disks.map((d, i) => ({
      label: adopted ? `Hard disk ${i + 1}` : `disk${i}`,
      unit_number: i,
      size: d.sizeGb,
      thin_provisioned: d.thin,
      datastore_id: this.datastore(systemDsName(d.datastore)),
      keep_on_remove: true,
    }));
    if (src.kind === 'vmdk') {
      // V2V from an existing VMDK (R20): the system disk is the transferred VMDK, attached as is.
      disks[0] = {
        label: 'disk0',
        unit_number: 0,
        attach: true,
        path: tfString(src.vmdkPath),
        datastore_id: this.datastore(src.datastore),
      };
    }
    if (server.backupVolume) {
      const bkName = server.backupVolume.props.datastore ?? this.lookups.backupDatastore!;
      const vdisk = this.b.resource('vsphere_virtual_disk', `backup_disk_${id}`, {
        size: server.backupVolume.props.sizeGb,
        vmdk_path: backupVmdkPath(sys.systemId, s.name),
        datastore: bkName,
        datacenter: p.vsphere.datacenter,
        type: 'thin',
        create_directories: true,
        lifecycle: { prevent_destroy: true },
      });
      this.backupDisks.set(s.name, vdisk.name);
      // Independent: VM snapshots (R11) and the OS-image backup (R10) leave the backup volume out.
      disks.push({
        label: 'backup',
        unit_number: s.disks.length,
        attach: true,
        path: refTo(vdisk, 'vmdk_path'),
        datastore_id: this.datastore(bkName),
        disk_mode: BACKUP_VOLUME_DISK_MODE,
      });
    }

    const nics = server.nics.map((n) => ({
      network_id: this.network(server, n.index),
      adapter_type: isWindows && src.kind === 'empty' ? 'e1000e' : 'vmxnet3',
    }));

    const hw = server.bootHardware;
    const args: { [k: string]: TfValue | undefined } = {
      name: s.name,
      resource_pool_id: this.resourcePoolId,
      datastore_id: homeDs,
      folder: this.folderPath,
      num_cpus: server.vcpus,
      num_cores_per_socket: s.cpu.coresPerSocket,
      memory: s.memoryGb * 1024,
      guest_id: support.guestId,
      // Clones take both from their source VM below; the others from the declaration (source.scsiType / source.firmware).
      firmware: hw?.firmware,
      scsi_type: hw?.scsiType,
      force_power_off: POWER_POLICY.forcePowerOff,
      shutdown_wait_timeout: POWER_POLICY.shutdownWaitTimeoutMinutes,
      annotation: tfString(
        [sys.systemName, s.roleJa, `所管: ${sys.department}`, `システムID: ${sys.systemId}`]
          .filter((x) => x !== undefined)
          .join(' / '),
      ),
      tags: [...tags],
      tools_upgrade_policy: s.vmwareTools.upgradePolicy,
      disk: disks,
      network_interface: nics,
      lifecycle: { prevent_destroy: true, ignore_changes: ignoredChanges(src.kind, server.nics.length) },
    };
    // Without VMware Tools or customization the guest reports no network: do not wait for it.
    if (src.kind === 'empty' || src.kind === 'ovf' || src.kind === 'vmdk') args['wait_for_guest_net_timeout'] = 0;
    // Otherwise the platform data may set how long to wait for the customized guest's network.
    else if (p.vsphere.guestNetWaitMinutes !== undefined)
      args['wait_for_guest_net_timeout'] = p.vsphere.guestNetWaitMinutes;

    if (src.kind === 'template' || src.kind === 'clone') {
      const from = src.kind === 'template' ? this.lookups.templates.get(src.template)!.name : src.sourceVm;
      const source = this.sourceVm(src.kind, from);
      const c = src.customization;
      const customize: TfObject | undefined = c.disabled
        ? undefined
        : {
            network_interface: server.nics.map((n) =>
              n.ipv4 ? { ipv4_address: n.ipv4, ipv4_netmask: n.network.prefixLength } : {},
            ),
            ipv4_gateway: server.gateway,
            dns_server_list: server.dnsServers.length > 0 ? [...server.dnsServers] : undefined,
            ...(isWindows
              ? {
                  windows_options: {
                    computer_name: s.name,
                    admin_password: this.windowsPassword(s.name),
                    workgroup: tfString(c.windows?.workgroup ?? CUSTOMIZATION_DEFAULTS.workgroup),
                    organization_name: tfString(sysprepOrganization(c, sys.systemName)),
                    full_name: tfString(sys.systemName),
                    time_zone: typeof c.timeZone === 'number' ? c.timeZone : CUSTOMIZATION_DEFAULTS.windowsTimeZone,
                  },
                }
              : {
                  linux_options: {
                    host_name: s.name,
                    domain: tfString(c.domain ?? CUSTOMIZATION_DEFAULTS.domain),
                    time_zone: tfString(
                      typeof c.timeZone === 'string' ? c.timeZone : CUSTOMIZATION_DEFAULTS.linuxTimeZone,
                    ),
                  },
                }),
            // A customization that times out taints the VM (README: terraform untaint).
            timeout: isWindows ? CUSTOMIZE_TIMEOUT_MINUTES.windows : CUSTOMIZE_TIMEOUT_MINUTES.linux,
          };
      // Firmware and SCSI controller follow the source VM, as the provider requires for clones, and
      // are then pinned (ignore_changes): a rebuilt template never changes an existing VM's.
      args['firmware'] = source.firmware;
      args['scsi_type'] = source.scsiType;
      args['clone'] = { template_uuid: source.id, ...(customize ? { customize } : {}) };
    }
    const vm = this.b.resource(
      'vsphere_virtual_machine',
      `vm_${id}`,
      args,
      this.folder ? [addressOf(this.folder)] : [],
    );
    this.virtualMachines.set(s.name, vm.name);
    if (src.kind === 'ovf') this.adoptImportedOvf(server, vm, hw!);

    for (const snap of s.snapshots) {
      this.b.resource('vsphere_virtual_machine_snapshot', `snapshot_${id}_${tfName(snap.name)}`, {
        virtual_machine_uuid: refTo(vm, 'uuid'),
        snapshot_name: snap.name,
        // Every argument of a snapshot forces replacement (a new snapshot, the old one deleted), so
        // the description holds only what never changes: no expiry, no clock, no platform setting.
        // Its expiry stays in the declaration, where R11 checks it; an expired snapshot is deleted
        // by removing its declaration.
        description: tfString(`${snap.purposeJa} (R11, 作成 ${snap.createdAt})`),
        memory: snap.includeMemory,
        quiesce: false,
        remove_children: false,
        consolidate: true,
        lifecycle: { ignore_changes: ['description', 'memory'] },
      });
    }
  }

  /**
   * V2V from OVF: the VM is imported once on the management terminal (a generated govc script), into
   * the department folder; the import block adopts it on the next plan and the stack moves it into
   * the system folder. No `ovf_deploy`: later plans never need the media.
   */
  private adoptImportedOvf(server: VirtualServer, vm: TfBlock, hw: NonNullable<VirtualServer['bootHardware']>): void {
    const p = this.platform;
    const s = server.spec;
    const src = s.source as Extract<VirtualServer['spec']['source'], { kind: 'ovf' }>;
    const dc = p.vsphere.datacenter;
    const importFolder = `/${dc}/vm/${departmentFolderPath(p.vsphere.vmFolderRoot, this.system.spec.department)}`;
    const importId = `${importFolder}/${s.name}`;
    this.b.import({ name: `import_vm_${tfName(s.name)}`, to: addressOf(vm), id: importId });
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

  private windowsPassword(server: string): TfRef {
    // Windows administrator passwords are sensitive variables, never literals.
    const name = `windows_admin_password_${tfName(server)}`;
    this.b.variable({
      name,
      type: 'string',
      sensitive: true,
      description: `Local administrator password for ${server} (set TF_VAR_${name})`,
    });
    return varRef(name);
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
