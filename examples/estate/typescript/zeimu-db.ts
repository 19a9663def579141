import { Estate, IndividualBusinessSystem } from '../../../lib/model';
import { contact } from './common';

/** TypeScript twin of examples/estate/systems/somu/zeimu-db.yaml (Hyper-V, Oracle on the shared SE2 pool). */
export function declareZeimuDb(estate: Estate): IndividualBusinessSystem {
  return new IndividualBusinessSystem(estate, 'somu-zeimu-db', {
    department: 'somu',
    systemId: 'zeimu-db',
    systemName: '税務事務システム（DB）',
    contacts: { primary: contact('奥州 九子', '総務部 税務課', '5701') },
    hypervisor: 'hyperv',
    phase: 'virtualization',
    servers: [
      {
        name: 'zeimudb01',
        roleJa: 'DBサーバ（Oracle Database SE2）',
        cpu: { sockets: 2, coresPerSocket: 2 },
        memoryGb: 32,
        disks: [{ sizeGb: 120 }, { sizeGb: 400 }],
        nics: [{ network: 'lgwan', ipv4: '10.120.3.51' }],
        guestOs: 'windows_server_2019',
        source: { kind: 'template', template: 'ws2019' },
        oracleDatabase: { edition: 'SE2', license: 'shared', version: '19c' },
        backupVolume: { sizeGb: 400 },
      },
    ],
    backup: { osImage: true, restoreTest: true },
  });
}
