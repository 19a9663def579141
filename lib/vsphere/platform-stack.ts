import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { DataVsphereDatacenter } from '@cdktf/provider-vsphere/lib/data-vsphere-datacenter';
import { DataVsphereDistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch';
import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { Folder } from '@cdktf/provider-vsphere/lib/folder';
import { Tag } from '@cdktf/provider-vsphere/lib/tag';
import { TagCategory } from '@cdktf/provider-vsphere/lib/tag-category';
import { DedicatedVlan } from '../model/dedicated-vlan';
import { Estate } from '../model/estate';
import { tfString } from './escape';
import { TAG_CATEGORY, departmentFolderPath } from './names';
import { addVsphereProvider } from './provider';

/**
 * The shared platform stack: department folders, tag categories and tags the backup job selects
 * by (R10), and a distributed port group per dedicated VLAN (R24). Owned by the platform admin.
 */
export class VspherePlatformStack extends TerraformStack {
  public readonly portGroups: ReadonlyMap<string, DistributedPortGroup>;
  public readonly departmentFolders: ReadonlyMap<string, Folder>;

  constructor(scope: Construct, id: string, estate: Estate) {
    super(scope, id);
    const p = estate.platform;
    addVsphereProvider(this);
    const dc = new DataVsphereDatacenter(this, 'datacenter', { name: p.vsphere.datacenter });

    const root = new Folder(this, 'folder_root', {
      path: p.vsphere.vmFolderRoot,
      type: 'vm',
      datacenterId: dc.id,
      lifecycle: { preventDestroy: true },
    });
    const folders = new Map<string, Folder>();
    for (const d of p.departments) {
      folders.set(
        d.code,
        new Folder(this, `folder_${d.code}`, {
          path: departmentFolderPath(p.vsphere.vmFolderRoot, d.code),
          type: 'vm',
          datacenterId: dc.id,
          dependsOn: [root],
        }),
      );
    }
    this.departmentFolders = folders;

    const types = ['VirtualMachine', 'Folder'];
    const deptCat = new TagCategory(this, 'tagcat_department', {
      name: TAG_CATEGORY.department,
      cardinality: 'SINGLE',
      associableTypes: types,
      description: '所管部局 (R01)',
    });
    new TagCategory(this, 'tagcat_system', {
      name: TAG_CATEGORY.system,
      cardinality: 'SINGLE',
      associableTypes: types,
      description: '個別業務システム',
    });
    const backupCat = new TagCategory(this, 'tagcat_backup_policy', {
      name: TAG_CATEGORY.backupPolicy,
      cardinality: 'SINGLE',
      associableTypes: ['VirtualMachine'],
      description: 'OSイメージバックアップ方針 (R10)',
    });
    for (const d of p.departments) {
      new Tag(this, `tag_department_${d.code}`, {
        name: d.code,
        categoryId: deptCat.id,
        description: tfString(d.nameJa),
      });
    }
    const b = p.backupPolicy;
    new Tag(this, 'tag_backup_policy', {
      name: b.tag,
      categoryId: backupCat.id,
      description: `OSイメージバックアップ 週1回${b.weeklyGenerations}世代＋毎日1回${b.dailyGenerations}世代 (R10)`,
    });

    const vlans = estate.node.findAll().filter((c): c is DedicatedVlan => c instanceof DedicatedVlan);
    const pgs = new Map<string, DistributedPortGroup>();
    if (vlans.length > 0) {
      const dvs = new DataVsphereDistributedVirtualSwitch(this, 'dvs', {
        name: p.vsphere.distributedSwitch,
        datacenterId: dc.id,
      });
      for (const v of [...vlans].sort((a, b2) => a.props.vlanId - b2.props.vlanId)) {
        pgs.set(
          v.props.name,
          new DistributedPortGroup(this, `portgroup_${v.props.name.replace(/-/g, '_')}`, {
            name: v.portGroupName,
            distributedVirtualSwitchUuid: dvs.id,
            vlanId: v.props.vlanId,
            description: tfString(`${v.props.descriptionJa} (R24, ${v.props.department})`),
            allowPromiscuous: false,
            allowForgedTransmits: false,
            allowMacChanges: false,
          }),
        );
      }
    }
    this.portGroups = pgs;
  }
}
