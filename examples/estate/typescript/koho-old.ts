import { Estate, IndividualBusinessSystem } from '../../../lib/model';
import { contact, R22_ESXI65 } from './common';

/** TypeScript twin of examples/estate/systems/hisho/koho-old.yaml (decommissioned, R07). */
export function declareKohoOld(estate: Estate): IndividualBusinessSystem {
  return new IndividualBusinessSystem(estate, 'hisho-koho-old', {
    department: 'hisho',
    systemId: 'koho-old',
    systemName: '旧広報誌配信システム',
    contacts: { primary: contact('二戸 十一子', '秘書広報室 広報広聴課', '5901') },
    hypervisor: 'vsphere',
    phase: 'decommissioned',
    decommission: { confirmSystemId: 'koho-old', form3Date: '2026-11-01', approvedBy: '科学・情報政策室長' },
    servers: [
      {
        name: 'kohoold01',
        roleJa: 'Webサーバ（廃止）',
        cpu: { sockets: 1, coresPerSocket: 1 },
        memoryGb: 4,
        disks: [{ sizeGb: 40 }],
        nics: [{ network: 'internet', ipv4: '10.110.4.11' }],
        guestOs: 'rhel_7',
        source: { kind: 'template', template: 'rhel7' },
      },
    ],
    acknowledgements: [R22_ESXI65],
  });
}
