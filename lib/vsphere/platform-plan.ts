import { DedicatedVlan } from '../model/dedicated-vlan';
import { Estate } from '../model/estate';
import { StateBackendKind } from './backend';
import { tfString } from './escape';
import { PLATFORM_STACK, TAG_CATEGORY, departmentFolderPath } from './names';
import { stackFrame } from './stack-frame';
import { TfStack, TfStackBuilder, addressOf, refTo } from './terraform';

/** The platform stack, built from the estate: what both renderers render. */
export interface PlatformStackPlan extends TfStack {
  /** Local name of each dedicated VLAN's port group block, by VLAN name. */
  readonly portGroups: ReadonlyMap<string, string>;
  /** Local name of each department folder block, by department code. */
  readonly departmentFolders: ReadonlyMap<string, string>;
}

/**
 * The shared platform stack: department folders, tag categories and tags the backup job selects
 * by (R10), and a distributed port group per dedicated VLAN (R24). Owned by the platform admin.
 */
export function planPlatformStack(estate: Estate, backend: StateBackendKind = 'pg'): PlatformStackPlan {
  const p = estate.platform;
  const b = new TfStackBuilder(PLATFORM_STACK);
  const dcId = refTo(b.data('vsphere_datacenter', 'datacenter', { name: p.vsphere.datacenter }), 'id');

  const root = b.resource('vsphere_folder', 'folder_root', {
    path: p.vsphere.vmFolderRoot,
    type: 'vm',
    datacenter_id: dcId,
    lifecycle: { prevent_destroy: true },
  });
  const folders = new Map<string, string>();
  for (const d of p.departments) {
    const f = b.resource(
      'vsphere_folder',
      `folder_${d.code}`,
      { path: departmentFolderPath(p.vsphere.vmFolderRoot, d.code), type: 'vm', datacenter_id: dcId },
      [addressOf(root)],
    );
    folders.set(d.code, f.name);
  }

  const types = ['VirtualMachine', 'Folder'];
  const deptCat = b.resource('vsphere_tag_category', 'tagcat_department', {
    name: TAG_CATEGORY.department,
    cardinality: 'SINGLE',
    associable_types: types,
    description: '所管部局 (R01)',
  });
  b.resource('vsphere_tag_category', 'tagcat_system', {
    name: TAG_CATEGORY.system,
    cardinality: 'SINGLE',
    associable_types: types,
    description: '個別業務システム',
  });
  const backupCat = b.resource('vsphere_tag_category', 'tagcat_backup_policy', {
    name: TAG_CATEGORY.backupPolicy,
    cardinality: 'SINGLE',
    associable_types: ['VirtualMachine'],
    description: 'OSイメージバックアップ方針 (R10)',
  });
  for (const d of p.departments) {
    b.resource('vsphere_tag', `tag_department_${d.code}`, {
      name: d.code,
      category_id: refTo(deptCat, 'id'),
      description: tfString(d.nameJa),
    });
  }
  const bp = p.backupPolicy;
  b.resource('vsphere_tag', 'tag_backup_policy', {
    name: bp.tag,
    category_id: refTo(backupCat, 'id'),
    description: `OSイメージバックアップ 週1回${bp.weeklyGenerations}世代＋毎日1回${bp.dailyGenerations}世代 (R10)`,
  });

  const vlans = estate.node.findAll().filter((c): c is DedicatedVlan => c instanceof DedicatedVlan);
  const pgs = new Map<string, string>();
  if (vlans.length > 0) {
    const dvs = b.data('vsphere_distributed_virtual_switch', 'dvs', {
      name: p.vsphere.distributedSwitch,
      datacenter_id: dcId,
    });
    for (const v of [...vlans].sort((a, b2) => a.props.vlanId - b2.props.vlanId)) {
      const pg = b.resource('vsphere_distributed_port_group', `portgroup_${v.props.name.replace(/-/g, '_')}`, {
        name: v.portGroupName,
        distributed_virtual_switch_uuid: refTo(dvs, 'id'),
        vlan_id: v.props.vlanId,
        description: tfString(`${v.props.descriptionJa} (R24, ${v.props.department})`),
        allow_promiscuous: false,
        allow_forged_transmits: false,
        allow_mac_changes: false,
      });
      pgs.set(v.props.name, pg.name);
    }
  }
  const frame = stackFrame(PLATFORM_STACK, backend);
  return {
    ...frame,
    blocks: b.blocks,
    imports: b.imports,
    removed: b.removed,
    portGroups: pgs,
    departmentFolders: folders,
  };
}
