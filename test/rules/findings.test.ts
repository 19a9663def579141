import { DedicatedVlan, SharedOracleLicense } from '../../lib/model';
import { r01DepartmentRegistered } from '../../lib/rules/r01-department-registered';
import { r03Capacity } from '../../lib/rules/r03-capacity-within-platform';
import { r05NoRacOnSe2 } from '../../lib/rules/r05-no-rac-on-se2';
import { r05SharedLicensePools } from '../../lib/rules/r05-shared-license-pools-not-overcommitted';
import { r05SharedWindowsUpTo2019 } from '../../lib/rules/r05-shared-os-license-eligible';
import { r10OsImageBackup } from '../../lib/rules/r10-os-image-backup';
import { r22GuestOsSupported } from '../../lib/rules/r22-guest-os-supported-by-hypervisor';
import { r12ProviderSupportsVcenter } from '../../lib/rules/r12-provider-supports-vcenter';
import { r24NamesUnique } from '../../lib/rules/r24-host-names-and-fqdns-unique';
import { r24SubnetsDoNotOverlap } from '../../lib/rules/r24-subnets-do-not-overlap';
import { r24ZoneIsolation } from '../../lib/rules/r24-zone-isolation';
import { r28GuestCustomization } from '../../lib/rules/r28-template-and-clone-customized';
import { r33VmwareTools } from '../../lib/rules/r33-vmware-tools-installed';
import { decommissioned, makeEstate, srv, statuses, sys, violations } from './helpers';

// Issue 19: what each finding carries (value, system, server) and the branches that only show in it,
// plus the sweep of R24-SubnetsDoNotOverlap on both sides of each comparison.

const C = 'compliant';
const N = 'non-compliant';
type E = ReturnType<typeof makeEstate>;
const vlan = (e: E, id: string, vlanId: number, subnet: string) =>
  new DedicatedVlan(e, id, {
    name: `vlan-${id.toLowerCase()}`,
    descriptionJa: '専用ネットワーク',
    vlanId,
    subnet,
    department: 'somu',
    ipAdministrator: { party: 'department', nameJa: '総務部' },
  });

describe('finding values', () => {
  test('R01 names what is unregistered and lists the registered codes in the fix', () => {
    const e = makeEstate();
    sys(e, 'bad', [srv('bad01')], { department: 'hisho' });
    vlan(e, 'V', 300, '10.250.0.0/24').props.department = 'nowhere';
    e.platform.departments = e.platform.departments.filter((d) => d.code === 'somu' || d.code === 'hoken');
    const v = violations(r01DepartmentRegistered, e);
    expect(v.map((x) => [x.path, x.systemId, x.value])).toEqual([
      ['Estate/bad', 'sys-bad', '"hisho"'],
      ['Estate/V', undefined, '"nowhere"'],
    ]);
    expect(v[0]!.message).toContain('individual business system');
    expect(v[1]!.message).toContain('dedicated VLAN');
    expect(v[0]!.fix).toContain('use one of: somu, hoken');
    expect(v[0]!.fixJa).toContain('登録済みの部局コード');
    // the field it is about, so that `kiban validate` points at it (issue 13)
    expect(v.map((x) => x.field)).toEqual(['department', 'department']);
  });
  test('R03 message counts servers and the Japanese names the unit', () => {
    const e = makeEstate((p) => (p.hyperv.hosts = [{ name: 'HV1', sockets: 1, coresPerSocket: 1, memoryGb: 64 }]));
    sys(
      e,
      'h',
      [
        srv('h01', { cpu: { sockets: 2, coresPerSocket: 1 } }),
        srv('h02', { cpu: { sockets: 2, coresPerSocket: 1 } }),
        srv('h03', { cpu: { sockets: 1, coresPerSocket: 1 } }),
      ],
      { hypervisor: 'hyperv' },
    );
    const [v] = violations(r03Capacity, e);
    expect(v!.value).toBe('"Hyper-V hosts: vCPU 5 > 4"');
    expect(v!.message).toContain('5 vCPU allocated to 3 server(s), capacity 4');
    expect(v!.messageJa).toContain('vCPU 5（3 台）');
  });
  test('R03 places disks on the first system datastore and backup volumes on the first backup datastore, whatever the order; a named one is used as named', () => {
    const e = makeEstate((p) => {
      p.vsphere.datastores = [
        { name: 'bk-a', kind: 'backup', capacityGb: 10 },
        { name: 'sys-a', kind: 'system', capacityGb: 10 },
        { name: 'bk-b', kind: 'backup', capacityGb: 10 },
        { name: 'sys-b', kind: 'system', capacityGb: 10 },
      ];
    });
    sys(e, 'v', [
      srv('v01', { disks: [{ sizeGb: 11 }], backupVolume: { sizeGb: 11 } }),
      srv('v02', { disks: [{ sizeGb: 10, datastore: 'sys-b' }], backupVolume: { sizeGb: 12, datastore: 'bk-b' } }),
    ]);
    expect(violations(r03Capacity, e).map((v) => v.value)).toEqual([
      '"datastore bk-a: backup storage GB 11 > 10"',
      '"datastore sys-a: storage GB 11 > 10"',
      '"datastore bk-b: backup storage GB 12 > 10"',
    ]);
  });
  test('R05 values: RAC, edition on the shared pool, OS on the shared licence', () => {
    const e = makeEstate();
    new SharedOracleLicense(e, 'Ora', { units: 100 });
    sys(
      e,
      'db',
      [
        srv('rac01', {
          guestOs: 'windows_server_2019',
          osLicense: 'department',
          oracleDatabase: { edition: 'SE2', license: 'department', rac: true },
        }),
        srv('ee01', {
          guestOs: 'windows_server_2019',
          osLicense: 'department',
          oracleDatabase: { edition: 'EE', license: 'shared' },
        }),
        srv('sles01', { guestOs: 'sles_15', osLicense: 'shared' }),
      ],
      { hypervisor: 'hyperv' },
    );
    expect(violations(r05NoRacOnSe2, e).map((v) => [v.systemId, v.server, v.value])).toEqual([
      ['sys-db', 'rac01', '{"edition":"SE2","rac":true}'],
    ]);
    expect(violations(r05SharedLicensePools, e).map((v) => [v.server, v.value])).toEqual([
      ['ee01', '"EE on shared licence"'],
    ]);
    expect(violations(r05SharedWindowsUpTo2019, e).map((v) => [v.systemId, v.server, v.value])).toEqual([
      ['sys-db', 'sles01', '"sles_15 on shared licence"'],
    ]);
  });
  test('R10 values carry the opt-out and its reason; a missing reason names the field', () => {
    const e = makeEstate();
    sys(e, 'why', [srv('why01')], { backup: { osImage: false, osImageOptOutReasonJa: '二重化済み' } });
    const bad = sys(e, 'bad', [srv('bad01')]);
    bad.spec.backup.osImage = false;
    expect(
      violations(r10OsImageBackup, e).map((v) => [v.path, v.systemId, v.level ?? 'error', v.field ?? '-', v.value]),
    ).toEqual([
      ['Estate/why', 'sys-why', 'info', '-', '{"osImage":false,"osImageOptOutReasonJa":"二重化済み"}'],
      ['Estate/bad', 'sys-bad', 'error', 'backup.osImageOptOutReasonJa', '{"osImage":false}'],
    ]);
  });
  test('R22 values name the hypervisor and its version on each side', () => {
    const e = makeEstate();
    sys(e, 'hv', [srv('ws22', { guestOs: 'windows_server_2022' })], { hypervisor: 'hyperv' });
    sys(e, 'vs', [srv('rhel7', { guestOs: 'rhel_7' })]);
    sys(e, 'ok', [srv('ok01')]);
    expect(violations(r22GuestOsSupported, e).map((v) => [v.server, v.value])).toEqual([
      ['ws22', '"windows_server_2022 on Hyper-V on Windows Server 2016: not_supported"'],
      ['rhel7', expect.stringMatching(/^"rhel_7 on VMware ESXi 8\.0: /)],
    ]);
    expect(statuses(r22GuestOsSupported, e)).toContain(`${C} Estate/ok/ok01`);
  });
  test('R24 zone isolation, R28 customization and R33 VMware Tools values', () => {
    const e = makeEstate();
    sys(e, 'z', [
      srv('br01', { nics: [{ network: 'lgwan' }, { network: 'internet' }] }),
      srv('cl01', {
        source: { kind: 'template', template: 'rhel7', customization: { disabled: { reason: '手作業' } } },
        guestOs: 'rhel_7',
      }),
      srv('vt01', { vmwareTools: { install: false } }),
    ]);
    expect(violations(r24ZoneIsolation, e).map((v) => [v.systemId, v.server, v.value])).toEqual([
      ['sys-z', 'br01', '"lgwan(lgwan), internet(internet)"'],
    ]);
    expect(violations(r28GuestCustomization, e).map((v) => [v.systemId, v.server, v.value])).toEqual([
      ['sys-z', 'cl01', '"template customization disabled: 手作業"'],
    ]);
    expect(violations(r33VmwareTools, e).map((v) => [v.systemId, v.server, v.value])).toEqual([
      ['sys-z', 'vt01', '{"install":false}'],
    ]);
  });
  test('R24 zone isolation on its own: My Number twice is one zone; DMZ with a dedicated VLAN is allowed; a dedicated VLAN with My Number is not', () => {
    const e = makeEstate();
    vlan(e, 'D', 300, '10.250.0.0/24');
    sys(e, 'z', [
      srv('mn01', { nics: [{ network: 'myNumber' }, { network: 'myNumber' }] }),
      srv('dmz01', { nics: [{ network: 'dmz' }, { network: 'vlan-d' }] }),
      srv('mnd01', { nics: [{ network: 'myNumber' }, { network: 'vlan-d' }] }),
      srv('dmzmn01', { nics: [{ network: 'dmz' }, { network: 'myNumber' }] }),
    ]);
    expect(statuses(r24ZoneIsolation, e)).toEqual([
      `${C} Estate/z/dmz01`,
      `${N} Estate/z/dmzmn01`,
      `${N} Estate/z/dmzmn01`,
      `${C} Estate/z/mn01`,
      `${N} Estate/z/mnd01`,
    ]);
  });
  test('R24 an FQDN twice on one server is no duplicate; on another server it is', () => {
    const e = makeEstate();
    sys(e, 'a', [
      srv('web01', {
        nics: [
          { network: 'dmz', fqdn: 'www.pref.example.jp' },
          { network: 'dmz', fqdn: 'www.pref.example.jp' },
        ],
      }),
    ]);
    sys(e, 'b', [srv('web02', { nics: [{ network: 'dmz', fqdn: 'www.pref.example.jp' }] })]);
    sys(e, 'old', [srv('web03', { nics: [{ network: 'dmz', fqdn: 'old.pref.example.jp' }] })], decommissioned('old'));
    sys(e, 'new', [srv('web04', { nics: [{ network: 'dmz', fqdn: 'old.pref.example.jp' }] })]); // a retired server's FQDN is free
    expect(statuses(r24NamesUnique, e)).toEqual([
      `${C} Estate/a/web01`,
      `${N} Estate/b/web02`,
      `${C} Estate/new/web04`,
      'not-applicable Estate/old/web03',
    ]);
    expect(violations(r24NamesUnique, e).map((v) => [v.systemId, v.server, v.value])).toEqual([
      ['sys-b', 'web02', '"www.pref.example.jp"'],
    ]);
  });
});

describe('R12 on its own', () => {
  test('only a running vSphere server makes it applicable; the value says what is missing', () => {
    const retired = makeEstate((p) => (p.vsphere.vcenterVersion = '6.5'));
    sys(retired, 'old', [srv('old01')], decommissioned('old'));
    sys(retired, 'h', [srv('h01')], { hypervisor: 'hyperv' });
    expect(statuses(r12ProviderSupportsVcenter, retired)).toEqual(['not-applicable Estate']);
    const mixed = makeEstate((p) => delete (p.vsphere as { vcenterVersion?: string }).vcenterVersion);
    sys(mixed, 'old', [srv('old01')], decommissioned('old'));
    sys(mixed, 'v', [srv('v01')]);
    expect(
      violations(r12ProviderSupportsVcenter, mixed).map((v) => [
        v.path,
        v.value,
        v.systemId,
        v.message.includes('7.x, 8.x'),
      ]),
    ).toEqual([['Estate', '{"vcenterVersion":null}', undefined, true]]);
  });
});

describe('R24 dedicated subnets: the sweep on both sides', () => {
  const verdicts = (nets: [string, string][], mod?: Parameters<typeof makeEstate>[0]) => {
    const e = makeEstate(mod);
    nets.forEach(([id, subnet], i) => vlan(e, id, 300 + i, subnet));
    const v = violations(r24SubnetsDoNotOverlap, e);
    return {
      statuses: statuses(r24SubnetsDoNotOverlap, e).map((s) => s.replace('Estate/', '')),
      others: v.map((x) => `${x.path.replace('Estate/', '')}: ${x.message.replace(/.* overlaps /, '')}`),
      values: v.map((x) => x.value),
    };
  };
  test('sharing exactly one address is an overlap; adjacent subnets are not', () => {
    expect(
      verdicts([
        ['A', '10.250.0.0/24'],
        ['B', '10.250.0.255/32'],
      ]).statuses,
    ).toEqual([`${C} A`, `${N} B`]);
    expect(
      verdicts([
        ['A', '10.250.0.0/24'],
        ['B', '10.250.1.0/32'],
      ]).statuses,
    ).toEqual([`${C} A`, `${C} B`]);
    expect(verdicts([['A', '10.110.3.255/32']]).statuses).toEqual([`${N} A`]); // last address of standard internet 10.110.0.0/22
    expect(verdicts([['A', '10.110.4.0/32']]).statuses).toEqual([`${C} A`]);
    expect(verdicts([['A', '10.250.0.255/32']]).values).toEqual([]);
  });
  test('same start: the wider one is swept first, whatever the declaration order', () => {
    expect(
      verdicts([
        ['Narrow', '10.250.0.0/24'],
        ['Wide', '10.250.0.0/16'],
      ]).statuses,
    ).toEqual([`${N} Narrow`, `${C} Wide`]);
    expect(
      verdicts([
        ['Wide', '10.250.0.0/16'],
        ['Narrow', '10.250.0.0/24'],
      ]).statuses,
    ).toEqual([`${N} Narrow`, `${C} Wide`]);
  });
  test('a dedicated subnet that contains standard networks is reported (the standard one comes later in the sweep)', () => {
    const r = verdicts([['All', '10.0.0.0/8']]);
    expect(r.statuses).toEqual([`${N} All`]);
    expect(r.values).toEqual(['"10.0.0.0/8"']);
    expect(r.others).toEqual(['All: standard network internet (10.110.0.0/22)']);
  });
  test('the widest subnet so far is remembered past a narrower one, for dedicated and standard networks', () => {
    // A contains B and C; C comes after B ended.
    expect(
      verdicts([
        ['A', '10.250.0.0/16'],
        ['B', '10.250.1.0/24'],
        ['Cc', '10.250.200.0/24'],
      ]).others,
    ).toEqual(['B: dedicated VLAN vlan-a (10.250.0.0/16)', 'Cc: dedicated VLAN vlan-a (10.250.0.0/16)']);
    // The same with standard networks: internet widened to /16 contains lgwan moved inside it.
    const wideStd = (p: Parameters<NonNullable<Parameters<typeof makeEstate>[0]>>[0]) => {
      p.networks.internet.subnet = '10.110.0.0/16';
      p.networks.lgwan.subnet = '10.110.4.0/22';
    };
    expect(verdicts([['D', '10.110.200.0/24']], wideStd).others).toEqual([
      'D: standard network internet (10.110.0.0/16)',
    ]);
    // Of two standard networks with the same end, the first (the wider) is the one named.
    const sameEnd = (p: Parameters<NonNullable<Parameters<typeof makeEstate>[0]>>[0]) => {
      p.networks.internet.subnet = '10.110.0.0/16';
      p.networks.lgwan.subnet = '10.110.255.0/24';
    };
    expect(verdicts([['E', '10.110.255.128/25']], sameEnd).others).toEqual([
      'E: standard network internet (10.110.0.0/16)',
    ]);
  });
  test('of equal ends, the first is kept as the widest; each VLAN reports the first network it overlaps', () => {
    expect(
      verdicts([
        ['A', '10.250.0.0/16'],
        ['B', '10.250.255.0/24'],
        ['Cc', '10.250.255.128/25'],
      ]).others,
    ).toEqual(['B: dedicated VLAN vlan-a (10.250.0.0/16)', 'Cc: dedicated VLAN vlan-a (10.250.0.0/16)']);
    // Wide overlaps Narrow1 and Narrow2 (both after it): each narrow one names Wide.
    expect(
      verdicts([
        ['Wide', '10.250.0.0/23'],
        ['N1', '10.250.0.0/24'],
        ['N2', '10.250.1.0/24'],
      ]).others,
    ).toEqual(['N1: dedicated VLAN vlan-wide (10.250.0.0/23)', 'N2: dedicated VLAN vlan-wide (10.250.0.0/23)']);
  });
  test('a dedicated VLAN overlapping a standard network and then a dedicated one names the first', () => {
    expect(
      verdicts([
        ['Big', '10.110.0.0/20'],
        ['In', '10.110.8.0/24'],
      ]).others,
    ).toEqual(['Big: standard network internet (10.110.0.0/22)', 'In: dedicated VLAN vlan-big (10.110.0.0/20)']);
  });
});
