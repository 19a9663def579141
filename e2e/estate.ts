import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import {
  DedicatedVlan,
  DedicatedVlanProps,
  Estate,
  IndividualBusinessSystem,
  IndividualBusinessSystemProps,
  SharedRhelLicense,
  SharedWindowsDatacenterLicense,
  fixedClock,
} from '../lib/model';
import { Platform, parsePlatform } from '../lib/model/platform';

/** ESXi 6.5 support of these guests is unconfirmed in VMware's guide: acknowledged as on the platform (R22). */
const R22_ESXI65 = {
  ruleId: 'R22',
  reasonJa:
    'ESXi 6.5 での本ゲストOSのサポートはVMware互換性ガイドで未確認。統合基盤で稼働実績があり、統合基盤管理者が確認した。',
  approvedBy: '科学・情報政策室 統合基盤担当',
  date: '2026-11-20',
} as const;

const contact = (nameJa: string, sectionJa: string, ext: string) => ({
  nameJa,
  sectionJa,
  phone: `019-629-${ext}`,
  email: `staff-${ext}@pref.example.jp`,
});

/**
 * The end-to-end estate: one system per provisioning path the vCenter simulator supports (R20:
 * template with Linux customization, template with Windows sysprep, clone of an existing VM, V2V
 * from OVF, V2V from an existing VMDK, empty VM), a dedicated VLAN, a backup volume (R10a) and a
 * temporary snapshot (R11), on the e2e platform data (e2e/platform.json).
 *
 * It is plain data, so a scenario is an edit of a copy of it (see e2e/scenarios.ts).
 */
export interface E2eEstateInput {
  readonly vlans: DedicatedVlanProps[];
  readonly systems: IndividualBusinessSystemProps[];
}

/** The review date of the e2e estate (its snapshot carries fixed dates). */
export const E2E_AS_OF = '2026-11-22T09:00:00+09:00';

/** Folder of the OVF packages, relative to a stack folder (`<work>/out/stacks/<id>` → `<work>/media`). */
export const E2E_MEDIA_FROM_STACK = '../../../media';

/** The e2e platform data, optionally with top-level fields replaced (a scenario's platform edit). */
export function e2ePlatform(edit: Record<string, unknown> = {}): Platform {
  return parsePlatform(
    { ...JSON.parse(fs.readFileSync(path.join(__dirname, 'platform.json'), 'utf8')), ...edit },
    'e2e/platform.json',
  );
}

const ack = [R22_ESXI65];

export function e2eEstateInput(): E2eEstateInput {
  return {
    // Dedicated VLANs are left out: vcsim registers every distributed switch as a plain
    // DistributedVirtualSwitch and the provider's vsphere_distributed_virtual_switch data source
    // (the platform stack's port groups, R24) requires a VmwareDistributedVirtualSwitch.
    vlans: [],
    systems: [
      {
        // Template + Linux customization (R20, R28), a temporary snapshot (R11), a backup volume (R10a).
        department: 'somu',
        systemId: 'e2e-linux',
        systemName: 'E2E Linuxテンプレートシステム',
        contacts: { primary: contact('盛岡 花子', '総務部 総務室', '5101') },
        hypervisor: 'vsphere',
        phase: 'production',
        servers: [
          {
            name: 'e2elnx01',
            roleJa: 'APサーバ',
            cpu: { sockets: 1, coresPerSocket: 2 },
            memoryGb: 4,
            disks: [{ sizeGb: 40 }, { sizeGb: 20 }],
            nics: [{ network: 'internet', ipv4: '10.110.3.11' }],
            guestOs: 'rhel_7',
            source: { kind: 'template', template: 'rhel7', customization: { domain: 'pref.example.jp' } },
            snapshots: [
              {
                name: 'before-patch',
                purposeJa: 'パッチ適用前の一時スナップショット',
                createdAt: '2026-11-22T08:00:00+09:00',
                expiresAt: '2026-11-24T08:00:00+09:00',
              },
            ],
          },
          {
            name: 'e2elnx02',
            roleJa: 'バッチサーバ',
            cpu: { sockets: 1, coresPerSocket: 2 },
            memoryGb: 4,
            disks: [{ sizeGb: 40 }],
            nics: [{ network: 'internet', ipv4: '10.110.3.12' }],
            guestOs: 'rhel_7',
            source: { kind: 'template', template: 'rhel7' },
            backupVolume: { sizeGb: 20 },
          },
        ],
        backup: { osImage: true, restoreTest: false },
        acknowledgements: ack,
      },
      {
        // Template + Windows sysprep, and a clone of an existing VM (R20, R28).
        department: 'hisho',
        systemId: 'e2e-windows',
        systemName: 'E2E Windowsシステム',
        contacts: { primary: contact('花巻 次郎', '秘書広報室', '5102') },
        hypervisor: 'vsphere',
        phase: 'production',
        servers: [
          {
            name: 'e2ewin01',
            cpu: { sockets: 2, coresPerSocket: 1 },
            memoryGb: 8,
            disks: [{ sizeGb: 60 }],
            nics: [{ network: 'lgwan', ipv4: '10.120.3.11' }],
            guestOs: 'windows_server_2016',
            source: {
              kind: 'template',
              template: 'ws2016',
              customization: { windows: { workgroup: 'E2E' }, timeZone: 235 },
            },
          },
          {
            name: 'e2ewin02',
            cpu: { sockets: 2, coresPerSocket: 1 },
            memoryGb: 8,
            disks: [{ sizeGb: 60 }, { sizeGb: 30 }],
            nics: [{ network: 'lgwan', ipv4: '10.120.3.12' }],
            guestOs: 'windows_server_2016',
            source: { kind: 'clone', sourceVm: 'e2e-gold-ws2016', customization: { windows: { workgroup: 'E2E' } } },
          },
        ],
        backup: {
          osImage: false,
          osImageOptOutReasonJa: 'E2E: シミュレータ上の検証用システムのため',
          restoreTest: false,
        },
        acknowledgements: ack,
      },
      {
        // The My Number zone (R24) and a backup volume on the backup datastore (R10a).
        department: 'hoken',
        systemId: 'e2e-mynumber',
        systemName: 'E2E 個人番号利用事務系システム',
        contacts: { primary: contact('北上 三郎', '保健福祉部 健康国保課', '5201') },
        hypervisor: 'vsphere',
        phase: 'production',
        servers: [
          {
            name: 'e2emyn01',
            cpu: { sockets: 1, coresPerSocket: 2 },
            memoryGb: 8,
            disks: [{ sizeGb: 40 }],
            nics: [{ network: 'myNumber', ipv4: '10.130.0.11' }],
            guestOs: 'rhel_7',
            source: { kind: 'template', template: 'rhel7' },
            backupVolume: { sizeGb: 30 },
          },
        ],
        backup: { osImage: true, restoreTest: true },
        acknowledgements: ack,
      },
      {
        // V2V from an OVF on the management terminal (R20, R34).
        department: 'norin',
        systemId: 'e2e-ovf',
        systemName: 'E2E OVF移行システム',
        contacts: { primary: contact('遠野 五郎', '農林水産部 畜産課', '5301') },
        hypervisor: 'vsphere',
        phase: 'virtualization',
        servers: [
          {
            name: 'e2eovf01',
            cpu: { sockets: 1, coresPerSocket: 2 },
            memoryGb: 4,
            disks: [{ sizeGb: 30 }],
            nics: [{ network: 'internet', ipv4: '10.110.3.31' }],
            guestOs: 'windows_server_2016',
            source: { kind: 'ovf', localOvfPath: `${E2E_MEDIA_FROM_STACK}/e2eovf01.ovf` },
          },
        ],
        acknowledgements: ack,
      },
      {
        // V2V from an existing VMDK on a datastore (R20).
        department: 'kendo',
        systemId: 'e2e-vmdk',
        systemName: 'E2E VMDK移行システム',
        contacts: { primary: contact('宮古 六郎', '県土整備部 道路環境課', '5401') },
        hypervisor: 'vsphere',
        phase: 'virtualization',
        servers: [
          {
            name: 'e2evmdk01',
            cpu: { sockets: 1, coresPerSocket: 2 },
            memoryGb: 4,
            disks: [{ sizeGb: 50 }],
            nics: [{ network: 'lgwan', ipv4: '10.120.3.41' }],
            guestOs: 'sles_12',
            osLicense: 'department',
            source: { kind: 'vmdk', datastore: 'kiban-sys-ds01', vmdkPath: 'v2v/e2evmdk01/e2evmdk01.vmdk' },
          },
        ],
        acknowledgements: ack,
      },
      {
        // An empty VM: the department installs the OS itself (R20).
        department: 'kankyo',
        systemId: 'e2e-empty',
        systemName: 'E2E 空VMシステム',
        contacts: { primary: contact('大船渡 八郎', '環境生活部 環境保全課', '5601') },
        hypervisor: 'vsphere',
        phase: 'application',
        servers: [
          {
            name: 'e2eempty01',
            cpu: { sockets: 1, coresPerSocket: 1 },
            memoryGb: 2,
            // A data disk on the second system datastore. (A clone with a disk on another datastore
            // never finishes on vcsim: the clone completes, the provider's reconfigure never does.)
            disks: [{ sizeGb: 20 }, { sizeGb: 10, datastore: 'kiban-sys-ds02' }],
            nics: [{ network: 'internet' }],
            guestOs: 'ubuntu_22_04',
            source: { kind: 'empty' },
          },
        ],
        acknowledgements: ack,
      },
    ],
  };
}

/** Builds the estate of `input` on the e2e platform with the e2e clock (`asOf`). */
export function buildE2eEstate(
  input: E2eEstateInput = e2eEstateInput(),
  platform: Platform = e2ePlatform(),
  asOf: string = E2E_AS_OF,
): Estate {
  const estate = new Estate(new Construct(undefined as never, ''), 'Estate', { clock: fixedClock(asOf), platform });
  new SharedRhelLicense(estate, 'RhelPool', {
    units: 8,
    contractJa: 'RHEL Server 1-2 sockets Unlimited guests サブスクリプション',
    validUntil: '2027-03-31',
  });
  new SharedWindowsDatacenterLicense(estate, 'WindowsDcPool', {
    units: 8,
    contractJa: 'Windows Server 2019 Datacenter（Core）',
  });
  for (const v of input.vlans) new DedicatedVlan(estate, `vlan-${v.name}`, v);
  for (const s of input.systems) new IndividualBusinessSystem(estate, `${s.department}-${s.systemId}`, s);
  return estate;
}
