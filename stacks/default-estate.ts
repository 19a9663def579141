import { Estate, IndividualBusinessSystem, SharedOracleLicense, SharedRhelLicense, SharedWindowsDatacenterLicense } from '../lib/model';
import { R22_ESXI65, contact } from '../examples/typescript/common';
import { declareKankoWeb } from '../examples/typescript/kanko-web';
import { declareKohoOld } from '../examples/typescript/koho-old';
import { declareKokuho } from '../examples/typescript/kokuho';
import { declarePlatformVlans } from '../examples/typescript/platform-vlans';
import { declareZeimuDb } from '../examples/typescript/zeimu-db';

/**
 * The embedded default estate: the prefecture's platform with example systems covering every way
 * in of R20 (template, clone, OVF, VMDK, Hyper-V template, Hyper-V export, empty VM), a dedicated
 * VLAN with a backup volume, a temporary snapshot, Oracle on the shared SE2 pool, and a
 * decommissioned system.
 *
 * The example data is a fixture reviewed on {@link DEFAULT_ESTATE_AS_OF}: its snapshot carries
 * fixed dates, so the default run pins the clock to that day (a real estate uses the system clock).
 */
export const DEFAULT_ESTATE_AS_OF = '2026-11-22T09:00:00+09:00';


export function declareDefaultEstate(estate: Estate): void {
  new SharedOracleLicense(estate, 'OracleSe2Pool', { units: 4, contractJa: 'Oracle Database SE2 プロセッサライセンス（統合基盤管理者保有）' });
  new SharedRhelLicense(estate, 'RhelPool', { units: 8, contractJa: 'RHEL Server 1-2 sockets Unlimited guests サブスクリプション', validUntil: '2027-03-31' });
  new SharedWindowsDatacenterLicense(estate, 'WindowsDcPool', { units: 8, contractJa: 'Windows Server 2019 Datacenter（Core）' });

  // Dedicated VLANs and four of the systems are the TypeScript twins of the YAML examples (examples/).
  const [kokuhoVlan] = declarePlatformVlans(estate);


  // 1. DMZ web server from a RHEL template (R20 new build, R28 customization).
  declareKankoWeb(estate);

  // 2. LGWAN Windows system cloned from an existing VM (R20 clone, R28 sysprep).
  new IndividualBusinessSystem(estate, 'somu-bunsho', {
    department: 'somu',
    systemId: 'bunsho',
    systemName: '文書管理システム',
    contacts: { primary: contact('盛岡 花子', '総務部 総務室', '5101'), secondary: contact('花巻 次郎', '総務部 総務室', '5102') },
    hypervisor: 'vsphere',
    phase: 'verification',
    servers: ['bunshoap01', 'bunshoap02'].map((name, i) => ({
      name,
      roleJa: 'APサーバ',
      cpu: { sockets: 2, coresPerSocket: 2 },
      memoryGb: 16,
      disks: [{ sizeGb: 100 }, { sizeGb: 200, datastore: 'kiban-sys-ds02' }],
      nics: [{ network: 'lgwan' as const, ipv4: `10.120.1.${11 + i}` }],
      guestOs: 'windows_server_2016',
      source: { kind: 'clone' as const, sourceVm: 'bunsho-gold', customization: { windows: { workgroup: 'BUNSHO', organizationJa: '岩手県総務部' }, timeZone: 235 } },
    })),
    backup: { osImage: true, restoreTest: true },
    acknowledgements: [R22_ESXI65],
  });

  // 3. My Number zone system on a dedicated VLAN with a backup volume (R24, R10a).
  declareKokuho(estate, kokuhoVlan!);

  // 4. V2V from an OVF template (R20, R34: media handed over in person, transferred from the management terminal).
  new IndividualBusinessSystem(estate, 'norin-chikusan', {
    department: 'norin',
    systemId: 'chikusan',
    systemName: '畜産情報管理システム',
    contacts: { primary: contact('遠野 五郎', '農林水産部 畜産課', '5301') },
    hypervisor: 'vsphere',
    phase: 'virtualization',
    servers: [
      {
        name: 'chikusan01',
        roleJa: 'AP・DBサーバ',
        cpu: { sockets: 1, coresPerSocket: 2 },
        memoryGb: 8,
        disks: [{ sizeGb: 120 }],
        nics: [{ network: 'internet', ipv4: '10.110.2.31' }],
        guestOs: 'windows_server_2016',
        source: { kind: 'ovf', localOvfPath: 'D:/v2v/chikusan01/chikusan01.ovf' },
      },
    ],
    acknowledgements: [R22_ESXI65],
  });

  // 5. V2V from an existing VMDK (the current system already runs on VMware).
  new IndividualBusinessSystem(estate, 'kendo-doro', {
    department: 'kendo',
    systemId: 'doro-kanri',
    systemName: '道路台帳管理システム',
    contacts: { primary: contact('宮古 六郎', '県土整備部 道路環境課', '5401') },
    hypervisor: 'vsphere',
    phase: 'virtualization',
    servers: [
      {
        name: 'doro01',
        roleJa: 'GISサーバ',
        cpu: { sockets: 2, coresPerSocket: 2 },
        memoryGb: 16,
        disks: [{ sizeGb: 200 }],
        nics: [{ network: 'lgwan', ipv4: '10.120.2.41' }],
        guestOs: 'sles_12',
        osLicense: 'department',
        source: { kind: 'vmdk', datastore: 'kiban-sys-ds01', vmdkPath: 'v2v/doro01/doro01.vmdk' },
      },
    ],
    acknowledgements: [R22_ESXI65],
  });

  // 6. A system with a temporary snapshot before patching (R11: at most 72 hours).
  new IndividualBusinessSystem(estate, 'shoko-kigyo', {
    department: 'shoko',
    systemId: 'kigyo-shien',
    systemName: '中小企業支援システム',
    contacts: { primary: contact('釜石 七子', '商工労働観光部 経営支援課', '5501') },
    hypervisor: 'vsphere',
    phase: 'production',
    servers: [
      {
        name: 'kigyoap01',
        roleJa: 'APサーバ',
        cpu: { sockets: 1, coresPerSocket: 2 },
        memoryGb: 8,
        disks: [{ sizeGb: 80 }],
        nics: [{ network: 'internet', ipv4: '10.110.3.21' }],
        guestOs: 'rhel_7',
        source: { kind: 'template', template: 'rhel7' },
        snapshots: [
          { name: 'before-patch-202611', purposeJa: '月次パッチ適用前の一時スナップショット', createdAt: '2026-11-21T18:00:00+09:00', expiresAt: '2026-11-24T18:00:00+09:00' },
        ],
      },
    ],
    acknowledgements: [R22_ESXI65],
  });

  // 7. An empty VM: the department installs the OS itself (R20 new build (1)).
  new IndividualBusinessSystem(estate, 'kankyo-hozen', {
    department: 'kankyo',
    systemId: 'hozen-kansoku',
    systemName: '環境保全観測データシステム',
    contacts: { primary: contact('大船渡 八郎', '環境生活部 環境保全課', '5601') },
    hypervisor: 'vsphere',
    phase: 'application',
    servers: [
      {
        name: 'kansoku01',
        roleJa: '観測データ収集サーバ',
        cpu: { sockets: 1, coresPerSocket: 2 },
        memoryGb: 4,
        disks: [{ sizeGb: 100 }],
        nics: [{ network: 'internet' }],
        guestOs: 'ubuntu_22_04',
        source: { kind: 'empty', isoPath: '[kiban-sys-ds01] iso/ubuntu-22.04-live-server-amd64.iso' },
      },
    ],
    acknowledgements: [R22_ESXI65],
  });

  // 8. Hyper-V: Oracle Database on the shared SE2 pool (R21: Oracle only on Hyper-V).
  declareZeimuDb(estate);

  // 9. Hyper-V: V2V from a Hyper-V export (R20), imported as a copy with a new ID.
  new IndividualBusinessSystem(estate, 'fukko-hisai', {
    department: 'fukko',
    systemId: 'hisai-shien',
    systemName: '被災者生活再建支援システム',
    contacts: { primary: contact('久慈 十郎', '復興防災部 復興推進課', '5801') },
    hypervisor: 'hyperv',
    phase: 'virtualization',
    servers: [
      {
        name: 'hisaiap01',
        roleJa: 'APサーバ',
        cpu: { sockets: 1, coresPerSocket: 4 },
        memoryGb: 16,
        disks: [{ sizeGb: 150 }],
        nics: [{ network: 'lgwan', ipv4: '10.120.3.61' }],
        guestOs: 'windows_server_2016',
        source: { kind: 'hyperv-export', exportPath: 'D:\\V2V\\hisaiap01' },
      },
    ],
  });

  // 10. A decommissioned system (R07, form 3): its VMs are removed only this way.
  declareKohoOld(estate);
}
