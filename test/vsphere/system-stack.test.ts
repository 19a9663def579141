import { App, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { VirtualDisk } from '@cdktf/provider-vsphere/lib/virtual-disk';
import { VirtualMachineSnapshot } from '@cdktf/provider-vsphere/lib/virtual-machine-snapshot';
import { EntityPermissions } from '@cdktf/provider-vsphere/lib/entity-permissions';
import { Role } from '@cdktf/provider-vsphere/lib/role';
import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { DedicatedVlan, Estate, IndividualBusinessSystem } from '../../lib/model';
import { emitVsphere, tfString } from '../../lib/vsphere';
import { newEstate, server, system } from './helpers';

Testing.setupJest();

function synthOf(estate: Estate, stack: string): string {
  const app = Testing.app();
  const stacks = emitVsphere(app as App, estate);
  return Testing.synth(stack === 'platform' ? stacks.platform! : stacks.systems.get(stack)!, true);
}
const parsed = (s: string) =>
  JSON.parse(s) as {
    resource?: Record<string, Record<string, Record<string, unknown>>>;
    data?: Record<string, Record<string, Record<string, unknown>>>;
    variable?: Record<string, Record<string, unknown>>;
  };

describe('VsphereSystemStack', () => {
  test('a template build clones with customization of host name, IP and identity (R20, R28)', () => {
    const e = newEstate();
    new IndividualBusinessSystem(e, 's', system());
    const out = synthOf(e, 'bunsho');
    expect(out).toHaveResourceWithProperties(VirtualMachine, {
      name: 'ap01',
      num_cpus: 4,
      num_cores_per_socket: 2,
      memory: 8192,
      guest_id: 'rhel7_64Guest',
      folder: 'kobetsu-gyomu/somu/bunsho',
      clone: expect.objectContaining({
        customize: expect.objectContaining({
          linux_options: { host_name: 'ap01', domain: 'localdomain', time_zone: 'Asia/Tokyo' },
          network_interface: [{ ipv4_address: '10.120.1.11', ipv4_netmask: 22 }],
          ipv4_gateway: '10.120.0.1',
        }),
      }),
      lifecycle: {
        prevent_destroy: true,
        ignore_changes: ['clone[0].template_uuid', 'clone[0].customize', 'scsi_type', 'firmware'],
      },
    });
    const vm = parsed(out).resource!['vsphere_virtual_machine']!['vm_ap01']!;
    expect(
      (vm['disk'] as Array<Record<string, unknown>>).map((d) => [
        d['label'],
        d['unit_number'],
        d['size'],
        d['keep_on_remove'],
      ]),
    ).toEqual([
      ['disk0', 0, 60, true],
      ['disk1', 1, 100, true],
    ]);
    expect(parsed(out).data!['vsphere_virtual_machine']!['template_tmpl_rhel7_x64']).toMatchObject({
      name: 'tmpl-rhel7-x64',
    });
  });

  test('a Windows clone of an existing VM is sysprepped with a sensitive password variable (R28)', () => {
    const e = newEstate();
    new IndividualBusinessSystem(
      e,
      's',
      system({ servers: [server({ guestOs: 'windows_server_2016', source: { kind: 'clone', sourceVm: 'gold-vm' } })] }),
    );
    const out = parsed(synthOf(e, 'bunsho'));
    const vm = out.resource!['vsphere_virtual_machine']!['vm_ap01']! as {
      clone: { customize: { windows_options: Record<string, unknown> } };
    };
    expect(vm.clone.customize.windows_options).toMatchObject({
      computer_name: 'ap01',
      admin_password: '${var.windows_admin_password_ap01}',
    });
    expect(out.variable!['windows_admin_password_ap01']).toMatchObject({ sensitive: true, type: 'string' });
    expect(out.data!['vsphere_virtual_machine']!['clone_gold-vm'.replace('-', '_')]).toMatchObject({ name: 'gold-vm' });
  });

  test('V2V from OVF is adopted with an import block: no ovf_deploy, no host, disks under their vSphere labels (R20, R34)', () => {
    const e = newEstate();
    new IndividualBusinessSystem(
      e,
      's',
      system({ servers: [server({ source: { kind: 'ovf', localOvfPath: 'D:/v2v/a.ovf' } })] }),
    );
    const out = parsed(synthOf(e, 'bunsho')) as ReturnType<typeof parsed> & { import?: Array<Record<string, string>> };
    const vm = out.resource!['vsphere_virtual_machine']!['vm_ap01']!;
    expect(vm['ovf_deploy']).toBeUndefined();
    expect(vm['datacenter_id']).toBeUndefined();
    expect(vm['host_system_id']).toBeUndefined();
    expect(out.data!['vsphere_host']).toBeUndefined();
    expect(out.import).toEqual([{ to: 'vsphere_virtual_machine.vm_ap01', id: '/Kiban-DC/vm/kobetsu-gyomu/somu/ap01' }]);
    expect(vm['folder']).toBe('kobetsu-gyomu/somu/bunsho');
    expect((vm['disk'] as Array<Record<string, unknown>>).map((d) => d['label'])).toEqual([
      'Hard disk 1',
      'Hard disk 2',
    ]);
    expect(vm).toMatchObject({
      wait_for_guest_net_timeout: 0,
      lifecycle: {
        prevent_destroy: true,
        ignore_changes: ['ovf_deploy', 'scsi_type', 'firmware', 'network_interface[0].adapter_type'],
      },
    });
    expect(JSON.stringify(out)).not.toContain('D:/v2v/a.ovf');
  });

  test('V2V from a VMDK attaches the transferred disk as the system disk (R20)', () => {
    const e = newEstate();
    new IndividualBusinessSystem(
      e,
      's',
      system({
        servers: [server({ source: { kind: 'vmdk', datastore: 'kiban-sys-ds01', vmdkPath: 'v2v/ap01/ap01.vmdk' } })],
      }),
    );
    const vm = parsed(synthOf(e, 'bunsho')).resource!['vsphere_virtual_machine']!['vm_ap01']!;
    expect((vm['disk'] as unknown[])[0]).toEqual({
      label: 'disk0',
      unit_number: 0,
      attach: true,
      path: 'v2v/ap01/ap01.vmdk',
      datastore_id: '${data.vsphere_datastore.datastore_kiban_sys_ds01.id}',
    });
    expect(vm['clone']).toBeUndefined();
  });

  test('an empty VM has neither clone nor ovf_deploy', () => {
    const e = newEstate();
    new IndividualBusinessSystem(e, 's', system({ servers: [server({ source: { kind: 'empty' } })] }));
    const vm = parsed(synthOf(e, 'bunsho')).resource!['vsphere_virtual_machine']!['vm_ap01']!;
    expect(vm['clone']).toBeUndefined();
    expect(vm['ovf_deploy']).toBeUndefined();
    expect(vm['lifecycle']).toEqual({ prevent_destroy: true, ignore_changes: ['scsi_type', 'firmware'] });
  });

  test('a backup volume is a protected virtual disk on the backup datastore, attached to the VM (R10a)', () => {
    const e = newEstate();
    new IndividualBusinessSystem(e, 's', system({ servers: [server({ backupVolume: { sizeGb: 300 } })] }));
    const out = synthOf(e, 'bunsho');
    expect(out).toHaveResourceWithProperties(VirtualDisk, {
      size: 300,
      datastore: 'kiban-bk-ds01',
      vmdk_path: 'kiban-backup/bunsho/ap01-backup.vmdk',
      lifecycle: { prevent_destroy: true },
    });
    const vm = parsed(out).resource!['vsphere_virtual_machine']!['vm_ap01']!;
    expect((vm['disk'] as unknown[])[2]).toEqual({
      label: 'backup',
      unit_number: 2,
      attach: true,
      path: '${vsphere_virtual_disk.backup_disk_ap01.vmdk_path}',
      datastore_id: '${data.vsphere_datastore.datastore_kiban_bk_ds01.id}',
      disk_mode: 'independent_persistent',
    });
  });

  test('tags select the VM for the OS-image backup job unless opted out (R10)', () => {
    const on = newEstate();
    new IndividualBusinessSystem(on, 's', system());
    expect(parsed(synthOf(on, 'bunsho')).resource!['vsphere_virtual_machine']!['vm_ap01']!['tags']).toContain(
      '${data.vsphere_tag.tag_backup_policy.id}',
    );
    const off = newEstate();
    new IndividualBusinessSystem(
      off,
      's',
      system({ backup: { osImage: false, osImageOptOutReasonJa: 'データはDBのレプリカで別途保全している' } }),
    );
    expect(parsed(synthOf(off, 'bunsho')).resource!['vsphere_virtual_machine']!['vm_ap01']!['tags']).not.toContain(
      '${data.vsphere_tag.tag_backup_policy.id}',
    );
  });

  test('a per-system role and folder permission for the system account (R30)', () => {
    const e = newEstate();
    new IndividualBusinessSystem(e, 's', system());
    const out = synthOf(e, 'bunsho');
    expect(out).toHaveResourceWithProperties(Role, { name: 'kiban-bunsho-operator' });
    expect(out).toHaveResourceWithProperties(EntityPermissions, {
      entity_type: 'Folder',
      entity_id: '${vsphere_folder.folder.id}',
      permissions: [
        {
          user_or_group: 'VSPHERE.LOCAL\\kiban-bunsho',
          propagate: true,
          is_group: false,
          role_id: '${vsphere_role.role.id}',
        },
      ],
    });
  });

  test('temporary snapshots carry their purpose and creation time (R11)', () => {
    const e = newEstate();
    new IndividualBusinessSystem(
      e,
      's',
      system({
        servers: [
          server({
            snapshots: [
              {
                name: 'pre-patch',
                purposeJa: 'パッチ適用前',
                createdAt: '2026-11-21T09:00:00+09:00',
                expiresAt: '2026-11-23T09:00:00+09:00',
              },
            ],
          }),
        ],
      }),
    );
    expect(synthOf(e, 'bunsho')).toHaveResourceWithProperties(VirtualMachineSnapshot, {
      snapshot_name: 'pre-patch',
      virtual_machine_uuid: '${vsphere_virtual_machine.vm_ap01.uuid}',
      description: 'パッチ適用前 (R11, 作成 2026-11-21T09:00:00+09:00)',
    });
  });

  test('declared text reaching Terraform strings has ${ and %{ escaped', () => {
    expect(tfString('a ${var.x} %{if} b')).toBe('a $${var.x} %%{if} b');
    const e = newEstate();
    new IndividualBusinessSystem(
      e,
      's',
      system({
        systemName: '危険 ${file("/etc/passwd")} %{ for x in y }',
        servers: [server({ roleJa: '${jsonencode(var.vsphere_password)}' })],
      }),
    );
    const out = synthOf(e, 'bunsho');
    const vm = parsed(out).resource!['vsphere_virtual_machine']!['vm_ap01']!;
    expect(vm['annotation']).toBe(
      '危険 $${file("/etc/passwd")} %%{ for x in y } / $${jsonencode(var.vsphere_password)} / 所管: somu / システムID: bunsho',
    );
    // Every ${ left in the output is one the emitter generated itself (a reference), never declared text.
    for (const m of out.matchAll(/(?<!\$)\$\{([^}]*)\}/g))
      expect(m[1]).toMatch(/^(data\.vsphere_[a-z_]+|vsphere_[a-z_]+|var)\.[A-Za-z0-9_.-]+$/);
  });

  test('no secrets: credentials are sensitive variables, never literals', () => {
    const e = newEstate();
    new IndividualBusinessSystem(e, 's', system());
    const out = parsed(synthOf(e, 'bunsho')) as {
      provider: { vsphere: Array<Record<string, unknown>> };
      variable: Record<string, Record<string, unknown>>;
    };
    expect(out.provider.vsphere[0]).toMatchObject({ user: '${var.vsphere_user}', password: '${var.vsphere_password}' });
    expect(out.variable['vsphere_password']).toMatchObject({ sensitive: true });
    expect(out.variable['vsphere_user']).toMatchObject({ sensitive: true });
  });

  test('decommissioned servers and systems leave the configuration only through decommissioning (R07)', () => {
    const e = newEstate();
    new IndividualBusinessSystem(
      e,
      's',
      system({
        servers: [
          server(),
          server({
            name: 'ap02',
            decommissioned: { confirm: 'ap02', reasonJa: '統合により不要', approvedBy: '室長', date: '2026-11-01' },
          }),
        ],
      }),
    );
    const vms = Object.keys(parsed(synthOf(e, 'bunsho')).resource!['vsphere_virtual_machine']!);
    expect(vms).toEqual(['vm_ap01']);
    const d = newEstate();
    new IndividualBusinessSystem(
      d,
      's',
      system({
        phase: 'decommissioned',
        decommission: { confirmSystemId: 'bunsho', form3Date: '2026-11-01', approvedBy: '室長' },
      }),
    );
    expect(parsed(synthOf(d, 'bunsho')).resource).toBeUndefined();
  });

  test('systems before the application phase build nothing yet', () => {
    const e = newEstate();
    new IndividualBusinessSystem(e, 's', system({ phase: 'study' }));
    expect(parsed(synthOf(e, 'bunsho')).resource).toBeUndefined();
  });

  test('a dedicated VLAN is a distributed port group in the platform stack, looked up by name in the system stack (R24)', () => {
    const e = newEstate();
    new DedicatedVlan(e, 'v', {
      name: 'kokuho',
      descriptionJa: '専用',
      vlanId: 231,
      subnet: '10.231.0.0/24',
      zone: 'myNumber',
      department: 'hoken',
      ipAdministrator: { party: 'department', nameJa: '健康国保課' },
    });
    new IndividualBusinessSystem(
      e,
      's',
      system({ servers: [server({ nics: [{ network: 'kokuho', ipv4: '10.231.0.11' }] })] }),
    );
    expect(synthOf(e, 'platform')).toHaveResourceWithProperties(DistributedPortGroup, {
      name: 'dv-kokuho-v231',
      vlan_id: 231,
    });
    expect(parsed(synthOf(e, 'bunsho')).data!['vsphere_network']!['network_vlan_kokuho']).toMatchObject({
      name: 'dv-kokuho-v231',
    });
  });
});
