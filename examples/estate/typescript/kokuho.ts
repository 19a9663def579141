import { DedicatedVlan, Estate, IndividualBusinessSystem } from '../../../lib/model';
import { contact, R22_ESXI65 } from './common';

/** TypeScript twin of examples/estate/systems/hoken/kokuho.yaml: the NIC references the DedicatedVlan object. */
export function declareKokuho(estate: Estate, kokuhoVlan: DedicatedVlan): IndividualBusinessSystem {
  return new IndividualBusinessSystem(estate, 'hoken-kokuho', {
    department: 'hoken',
    systemId: 'kokuho',
    systemName: '国民健康保険事務システム',
    contacts: { primary: contact('北上 三郎', '保健福祉部 健康国保課', '5201'), vendor: { ...contact('一関 四郎', '第二システム部', '9001'), companyJa: '株式会社サンプル情報' } },
    hypervisor: 'vsphere',
    phase: 'production',
    servers: [
      {
        name: 'kokuhodb01',
        roleJa: 'DBサーバ（PostgreSQL）',
        cpu: { sockets: 1, coresPerSocket: 4 },
        memoryGb: 32,
        disks: [{ sizeGb: 80 }, { sizeGb: 500 }],
        nics: [{ network: kokuhoVlan, ipv4: '10.231.0.11' }],
        guestOs: 'rhel_7',
        source: { kind: 'template', template: 'rhel7', customization: { timeZone: 'Asia/Tokyo' } },
        backupVolume: { sizeGb: 500 },
      },
    ],
    backup: { osImage: true, restoreTest: true },
    acknowledgements: [R22_ESXI65],
  });
}
