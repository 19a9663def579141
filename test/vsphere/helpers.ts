import { Estate, IndividualBusinessSystemProps, VirtualServerProps } from '../../lib/model';
import { AS_OF, CONTACTS, emptyEstate } from '../fixtures/estate';

/** The review date of the shared fixture. */
export const NOW = AS_OF;

/** An empty estate on the example platform, clock at the fixture's date. */
export function newEstate(): Estate {
  return emptyEstate();
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
    contacts: CONTACTS,
    hypervisor: 'vsphere',
    phase: 'production',
    servers: [server()],
    ...patch,
  };
}
