import { Construct } from 'constructs';
import { Estate, IndividualBusinessSystemProps, VirtualServerProps, fixedClock } from '../../lib/model';
import { examplePlatform } from '../fixtures/estate';

export const NOW = '2026-11-22T09:00:00+09:00';

export function newEstate(): Estate {
  return new Estate(new Construct(undefined as never, ''), 'Estate', {
    platform: examplePlatform(),
    clock: fixedClock(NOW),
  });
}

export function server(patch: Partial<VirtualServerProps> = {}): VirtualServerProps {
  return {
    name: 'ap01',
    cpu: { sockets: 2, coresPerSocket: 2 },
    memoryGb: 8,
    disks: [{ sizeGb: 60 }, { sizeGb: 100 }],
    nics: [{ network: 'lgwan', ipv4: '10.120.1.11' }],
    guestOs: 'rhel_7',
    source: { kind: 'template', template: 'rhel7' },
    ...patch,
  };
}

export function system(patch: Partial<IndividualBusinessSystemProps> = {}): IndividualBusinessSystemProps {
  return {
    department: 'somu',
    systemId: 'bunsho',
    systemName: '文書管理システム',
    contacts: { primary: { nameJa: '盛岡 花子', phone: '019-629-5101', email: 'a@pref.example.jp' } },
    hypervisor: 'vsphere',
    phase: 'production',
    servers: [server()],
    ...patch,
  };
}
