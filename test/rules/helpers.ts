import {
  Estate,
  SharedOracleLicense,
  SharedRhelLicense,
  SharedWindowsDatacenterLicense,
  IndividualBusinessSystem,
  IndividualBusinessSystemProps,
  Platform,
  VirtualServerProps,
  fixedClock,
} from '../../lib/model';
import { Rule, RuleResult, runRule } from '../../lib/rules';
import { AS_OF, CONTACTS, emptyEstate, examplePlatform } from '../fixtures/estate';

export { AS_OF };

/** A fresh estate on the example platform upgraded to ESXi and vCenter 8.0 (where RHEL 9 is supported), clock fixed at AS_OF. */
export function makeEstate(mod?: (p: Platform) => void, asOf = AS_OF): Estate {
  const platform = examplePlatform();
  platform.vsphere.esxiVersion = '8.0';
  platform.vsphere.vcenterVersion = '8.0';
  mod?.(platform);
  return emptyEstate(platform, undefined, fixedClock(asOf));
}

/** A small RHEL 9 server on the internet-connected zone, built empty. */
export function srv(name: string, o: Partial<VirtualServerProps> = {}): VirtualServerProps {
  return {
    name,
    cpu: { sockets: 1, coresPerSocket: 2 },
    memoryGb: 4,
    disks: [{ sizeGb: 50 }],
    nics: [{ network: 'internet' }],
    guestOs: 'rhel_9',
    source: { kind: 'empty' },
    ...o,
  };
}

/** A production vSphere system of the 総務部 with the given servers; its systemId is `sys-<id>`. */
export function sys(
  estate: Estate,
  id: string,
  servers: VirtualServerProps[],
  o: Partial<IndividualBusinessSystemProps> = {},
): IndividualBusinessSystem {
  return new IndividualBusinessSystem(estate, id, {
    department: 'somu',
    systemId: `sys-${id}`,
    systemName: `テスト${id}`,
    contacts: CONTACTS,
    hypervisor: 'vsphere',
    phase: 'production',
    servers,
    ...o,
  });
}

/** `status path` lines of a rule's results, sorted by path then status, for compact assertions. */
export function statuses(rule: Rule, estate: Estate): string[] {
  const key = (r: RuleResult) => `${r.path}\u0000${r.status}`;
  return runRule(rule, estate)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map((r) => `${r.status} ${r.path}`);
}

export function violations(rule: Rule, estate: Estate): Extract<RuleResult, { status: 'non-compliant' }>[] {
  return runRule(rule, estate).filter(
    (r): r is Extract<RuleResult, { status: 'non-compliant' }> => r.status === 'non-compliant',
  );
}

export const DECOMMISSION = { confirmSystemId: '', form3Date: '2026-11-01', approvedBy: '科学・情報政策室長' };
/** Props that make a system decommissioned (form 3 with confirmation). */
export function decommissioned(id: string): Partial<IndividualBusinessSystemProps> {
  return { phase: 'decommissioned', decommission: { ...DECOMMISSION, confirmSystemId: `sys-${id}` } };
}

/** An estate (see makeEstate) whose shared licence pools are large enough for any small test. */
export function pooledEstate(mod?: (p: Platform) => void, asOf = AS_OF): Estate {
  const e = makeEstate(mod, asOf);
  new SharedRhelLicense(e, 'RhelPool', { units: 100 });
  new SharedWindowsDatacenterLicense(e, 'WindowsPool', { units: 100 });
  new SharedOracleLicense(e, 'OraclePool', { units: 100 });
  return e;
}
