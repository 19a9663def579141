import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { Folder } from '@cdktf/provider-vsphere/lib/folder';
import { Role } from '@cdktf/provider-vsphere/lib/role';
import { VirtualDisk } from '@cdktf/provider-vsphere/lib/virtual-disk';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { SystemStackPlan } from '../system-plan';
import { OvfImportPlan } from '../v2v-import';
import { renderIntoStack } from './render';

/**
 * One individual business system's stack (system-plan.ts) as a cdktf TerraformStack built with the
 * provider bindings, for cdktf users: its VMs, backup volumes, folder and role are constructs.
 */
export class VsphereSystemStack extends TerraformStack {
  /** The VMs by server name. */
  public readonly virtualMachines = new Map<string, VirtualMachine>();
  /** The backup volumes (R10a) by server name. */
  public readonly backupDisks = new Map<string, VirtualDisk>();
  /** V2V from OVF: the one-off import on the management terminal of each such server (R20, R34). */
  public readonly ovfImports: readonly OvfImportPlan[];
  public readonly folder: Folder | undefined;
  public readonly role: Role | undefined;

  constructor(scope: Construct, plan: SystemStackPlan) {
    super(scope, plan.id);
    const elements = renderIntoStack(this, plan);
    for (const [server, name] of plan.virtualMachines)
      this.virtualMachines.set(server, elements.get(`vsphere_virtual_machine.${name}`) as VirtualMachine);
    for (const [server, name] of plan.backupDisks)
      this.backupDisks.set(server, elements.get(`vsphere_virtual_disk.${name}`) as VirtualDisk);
    this.folder = plan.folder ? (elements.get(`vsphere_folder.${plan.folder}`) as Folder) : undefined;
    this.role = plan.role ? (elements.get(`vsphere_role.${plan.role}`) as Role) : undefined;
    this.ovfImports = plan.ovfImports;
  }
}
