import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { Folder } from '@cdktf/provider-vsphere/lib/folder';
import { PlatformStackPlan } from '../platform-plan';
import { renderIntoStack } from './render';

/** The shared platform stack (platform-plan.ts) as a cdktf TerraformStack built with the provider bindings. */
export class VspherePlatformStack extends TerraformStack {
  /** Port groups of the dedicated VLANs (R24) by VLAN name. */
  public readonly portGroups: ReadonlyMap<string, DistributedPortGroup>;
  /** Department folders by department code. */
  public readonly departmentFolders: ReadonlyMap<string, Folder>;

  constructor(scope: Construct, plan: PlatformStackPlan) {
    super(scope, plan.id);
    const elements = renderIntoStack(this, plan);
    const pick = <T>(m: ReadonlyMap<string, string>, type: string) =>
      new Map([...m].map(([k, name]) => [k, elements.get(`${type}.${name}`) as T]));
    this.portGroups = pick<DistributedPortGroup>(plan.portGroups, 'vsphere_distributed_port_group');
    this.departmentFolders = pick<Folder>(plan.departmentFolders, 'vsphere_folder');
  }
}
