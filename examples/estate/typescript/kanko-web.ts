import { Estate, IndividualBusinessSystem } from '../../../lib/model';
import { contact, R22_ESXI65 } from './common';

/** TypeScript twin of examples/estate/systems/furusato/kanko-web.yaml. */
export function declareKankoWeb(estate: Estate): IndividualBusinessSystem {
  return new IndividualBusinessSystem(estate, 'furusato-kanko-web', {
    department: 'furusato',
    systemId: 'kanko-web',
    systemName: '観光情報公開Webシステム',
    contacts: { primary: contact('岩手 太郎', 'ふるさと振興部 観光課', '5001') },
    hypervisor: 'vsphere',
    phase: 'production',
    servers: [
      {
        name: 'kankoweb01',
        roleJa: 'Webサーバ',
        cpu: { sockets: 2, coresPerSocket: 1 },
        memoryGb: 8,
        disks: [{ sizeGb: 60 }, { sizeGb: 100 }],
        nics: [{ network: 'dmz', ipv4: '172.16.140.21', fqdn: 'kanko.pref.example.jp' }],
        guestOs: 'rhel_7',
        source: { kind: 'template', template: 'rhel7', customization: { domain: 'pref.example.jp', timeZone: 'Asia/Tokyo' } },
      },
    ],
    acknowledgements: [R22_ESXI65],
  });
}
