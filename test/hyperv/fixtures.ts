import { Construct } from 'constructs';
import {
  DedicatedVlan,
  Estate,
  IndividualBusinessSystem,
  IndividualBusinessSystemProps,
  Platform,
  fixedClock,
} from '../../lib/model';
import { AS_OF, exampleEstate, examplePlatform } from '../fixtures/estate';

export const newEstate = (platform?: Platform): Estate =>
  new Estate(new Construct(undefined as never, ''), 'Estate', {
    clock: fixedClock(AS_OF),
    platform: platform ?? examplePlatform(),
  });

export function defaultEstate(): Estate {
  return exampleEstate();
}

export const contact = { nameJa: '盛岡 花子', phone: '019-629-5101', email: 'a@pref.example.jp' };

/** A Hyper-V system exercising every feature; `over` patches its props. */
export function fullProps(over: Partial<IndividualBusinessSystemProps> = {}): IndividualBusinessSystemProps {
  return {
    department: 'hoken',
    systemId: 'hv-full',
    systemName: '全機能テストシステム',
    contacts: { primary: contact },
    hypervisor: 'hyperv',
    phase: 'production',
    servers: [
      {
        name: 'tmpl01',
        roleJa: 'APサーバ',
        cpu: { sockets: 2, coresPerSocket: 2 },
        memoryGb: 16,
        disks: [{ sizeGb: 100 }, { sizeGb: 200 }, { sizeGb: 50, thin: false }],
        nics: [
          { network: 'lgwan', ipv4: '10.120.0.21' },
          { network: 'mynumber-test', ipv4: '10.240.0.21' },
        ],
        guestOs: 'windows_server_2019',
        source: {
          kind: 'template',
          template: 'ws2019',
          customization: {
            domain: 'hoken.pref.example.jp',
            timeZone: 'Asia/Tokyo',
            windows: { workgroup: 'KIBAN', organizationJa: '岩手県保健福祉部' },
          },
        },
        backupVolume: { sizeGb: 300 },
        snapshots: [
          {
            name: 'before-patch',
            purposeJa: 'パッチ適用前',
            createdAt: '2026-11-21T18:00:00+09:00',
            expiresAt: '2026-11-24T18:00:00+09:00',
          },
          {
            name: 'old-test',
            purposeJa: '検証用（期限切れ）',
            createdAt: '2026-11-01T18:00:00+09:00',
            expiresAt: '2026-11-03T18:00:00+09:00',
          },
        ],
        hyperv: { generation: 2 },
      },
      {
        name: 'empty01',
        cpu: { sockets: 1 },
        memoryGb: 4,
        disks: [{ sizeGb: 60 }],
        nics: [{ network: 'internet' }],
        guestOs: 'windows_server_2019',
        source: { kind: 'empty', isoPath: 'C:\\ISO\\ws2019.iso' },
        hyperv: { generation: 1 },
      },
      {
        name: 'import01',
        cpu: { sockets: 1, coresPerSocket: 2 },
        memoryGb: 8,
        disks: [{ sizeGb: 80 }],
        nics: [{ network: 'dmz' }],
        guestOs: 'windows_server_2016',
        source: { kind: 'hyperv-export', exportPath: 'D:\\V2V\\import01' },
      },
      {
        name: 'gone01',
        cpu: { sockets: 1 },
        memoryGb: 4,
        disks: [{ sizeGb: 60 }],
        nics: [{ network: 'lgwan' }],
        guestOs: 'windows_server_2019',
        source: { kind: 'template', template: 'ws2019' },
        backupVolume: { sizeGb: 100 },
        decommissioned: {
          confirm: 'gone01',
          reasonJa: '統合により廃止',
          approvedBy: '科学・情報政策室長',
          date: '2026-11-01',
        },
      },
    ],
    ...over,
  };
}

export function vlan(estate: Estate): DedicatedVlan {
  return new DedicatedVlan(estate, 'TestVlan', {
    name: 'mynumber-test',
    descriptionJa: 'テスト用専用ネットワーク',
    vlanId: 240,
    subnet: '10.240.0.0/24',
    department: 'hoken',
    ipAdministrator: { party: 'department', nameJa: '保健福祉部' },
  });
}

/** An estate with the full fixture, a decommissioned system and a system still in study. */
export function fixtureEstate(): Estate {
  const e = newEstate();
  vlan(e);
  new IndividualBusinessSystem(e, 'full', fullProps());
  new IndividualBusinessSystem(e, 'old', {
    ...fullProps({
      systemId: 'hv-old',
      phase: 'decommissioned',
      decommission: { confirmSystemId: 'hv-old', form3Date: '2026-11-01', approvedBy: '科学・情報政策室長' },
    }),
    servers: [fullProps().servers![1]!, { ...fullProps().servers![3]!, name: 'oldgone01', decommissioned: undefined }],
  });
  new IndividualBusinessSystem(e, 'study', {
    ...fullProps({ systemId: 'hv-study', phase: 'study' }),
    servers: [fullProps().servers![2]!],
  });
  return e;
}

/** The example estate's platform (the library embeds none). */
export const defaultPlatform = examplePlatform;
