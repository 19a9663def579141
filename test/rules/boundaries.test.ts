import { DedicatedVlan, SharedOracleLicense, SharedRhelLicense, SharedWindowsDatacenterLicense } from '../../lib/model';
import { findGuestOs } from '../../lib/model/guest-os';
import { r03Capacity } from '../../lib/rules/r03-capacity-within-platform';
import { r05SharedLicensePools, unitsPerHost } from '../../lib/rules/r05-shared-license-pools-not-overcommitted';
import { r10aBackupVolumeOnBackupStorage } from '../../lib/rules/r10a-backup-volume-on-backup-storage';
import { r11SnapshotExpiry } from '../../lib/rules/r11-snapshot-expiry';
import { EOS_WARNING_MONTHS, r22GuestOsEndOfSupport } from '../../lib/rules/r22-guest-os-within-vendor-support';
import { r23RightSizing } from '../../lib/rules/r23-right-sizing';
import { r24IpAddressesValid } from '../../lib/rules/r24-ip-addresses-valid';
import { decommissioned, makeEstate, srv, statuses, sys, violations } from './helpers';

// Issue 19: both sides of every boundary the rules compare with < / <= / > / >=, so that a
// mutation of the comparison (or of its operands) changes a verdict a test asserts.

const C = 'compliant';
const N = 'non-compliant';
const NA = 'not-applicable';
/** The instant 09:00 JST on `date` (the rule context's `today` is that date). */
const at = (date: string) => `${date}T09:00:00+09:00`;
const level = (v: { level?: string }) => v.level ?? 'error';

describe('R11 snapshot expiry boundaries (now = 2026-11-22T09:00+09:00, at most 72 h)', () => {
  const snap = (name: string, createdAt: string, expiresAt: string) => ({
    name,
    purposeJa: 'パッチ適用前',
    createdAt,
    expiresAt,
  });
  const one = (createdAt: string, expiresAt: string) => {
    const e = makeEstate();
    sys(e, 's', [srv('s01', { snapshots: [snap('snap-x', createdAt, expiresAt)] })]);
    return violations(r11SnapshotExpiry, e).map((v) => v.value);
  };
  test('expiry equal to creation lives 0 h: refused; one second later is fine', () => {
    expect(one('2026-11-22T10:00:00+09:00', '2026-11-22T10:00:00+09:00')).toEqual([
      '"snap-x: 2026-11-22T10:00:00+09:00 → 2026-11-22T10:00:00+09:00"',
    ]);
    expect(one('2026-11-22T10:00:00+09:00', '2026-11-22T10:00:01+09:00')).toEqual([]);
    expect(one('2026-11-22T10:00:01+09:00', '2026-11-22T10:00:00+09:00')).toEqual([
      '"snap-x: 2026-11-22T10:00:01+09:00 → 2026-11-22T10:00:00+09:00"',
    ]);
  });
  test('exactly 72 h is allowed, 72 h and one second is not', () => {
    expect(one('2026-11-22T09:00:00+09:00', '2026-11-25T09:00:00+09:00')).toEqual([]);
    expect(one('2026-11-22T09:00:00+09:00', '2026-11-25T09:00:01+09:00')).toEqual([
      '"snap-x: 2026-11-22T09:00:00+09:00 → 2026-11-25T09:00:01+09:00"',
    ]);
  });
  test('expiry equal to the clock is not yet expired; one second before is', () => {
    expect(one('2026-11-21T09:00:00+09:00', '2026-11-22T09:00:00+09:00')).toEqual([]);
    expect(one('2026-11-21T09:00:00+09:00', '2026-11-22T08:59:59+09:00')).toEqual([
      '"snap-x: expired 2026-11-22T08:59:59+09:00"',
    ]);
  });
  test('the platform maximum is read from the platform data', () => {
    const e = makeEstate((p) => (p.snapshotMaxHours = 24));
    sys(e, 's', [
      srv('s01', {
        snapshots: [
          snap('ok', at('2026-11-22'), at('2026-11-23')),
          snap('long', at('2026-11-22'), '2026-11-23T09:00:01+09:00'),
        ],
      }),
    ]);
    expect(violations(r11SnapshotExpiry, e).map((v) => v.value)).toEqual([
      '"long: 2026-11-22T09:00:00+09:00 → 2026-11-23T09:00:01+09:00"',
    ]);
  });
  test('each bad snapshot of a server is reported; a decommissioned server is not applicable', () => {
    const e = makeEstate();
    sys(e, 's', [
      srv('s01', {
        snapshots: [
          snap('snap-a', '2026-11-19T09:00:00+09:00', '2026-11-23T09:00:00+09:00'),
          snap('ok', at('2026-11-22'), at('2026-11-23')),
          snap('snap-b', '2026-11-20T09:00:00+09:00', '2026-11-21T09:00:00+09:00'),
        ],
      }),
    ]);
    sys(
      e,
      'old',
      [srv('old01', { snapshots: [snap('snap-c', '2026-11-20T09:00:00+09:00', '2026-11-21T09:00:00+09:00')] })],
      decommissioned('old'),
    );
    const v = violations(r11SnapshotExpiry, e);
    expect(v.map((x) => [x.path, x.systemId, x.server, x.value])).toEqual([
      ['Estate/s/s01', 'sys-s', 's01', '"snap-a: 2026-11-19T09:00:00+09:00 → 2026-11-23T09:00:00+09:00"'],
      ['Estate/s/s01', 'sys-s', 's01', '"snap-b: expired 2026-11-21T09:00:00+09:00"'],
    ]);
    expect(statuses(r11SnapshotExpiry, e)).toEqual([
      `${NA} Estate/old/old01`,
      `${N} Estate/s/s01`,
      `${N} Estate/s/s01`,
    ]);
  });
});

describe('R24 IP address boundaries', () => {
  const vlanOf = (e: ReturnType<typeof makeEstate>, name: string, vlanId: number, subnet: string) =>
    new DedicatedVlan(e, name, {
      name,
      descriptionJa: '専用ネットワーク',
      vlanId,
      subnet,
      department: 'somu',
      ipAdministrator: { party: 'department', nameJa: '総務部' },
    });
  /** The verdict for each address on `network` (one server per address), as `ip status`. */
  const verdicts = (network: string, ips: string[], vlan?: { vlanId: number; subnet: string }) => {
    const e = makeEstate();
    if (vlan) vlanOf(e, network, vlan.vlanId, vlan.subnet);
    sys(
      e,
      'ip',
      ips.map((ip, i) => srv(`s${i}`, { nics: [{ network, ipv4: ip }] })),
    );
    const out = statuses(r24IpAddressesValid, e);
    return ips.map((ip, i) => `${ip} ${out.find((s) => s.endsWith(`/s${i}`))!.split(' ')[0]}`);
  };
  test('a /22 standard network: below, network address, first host, last host, broadcast, above', () => {
    // internet: 10.110.0.0/22 (gateway .0.1, DNS .0.10/.0.11)
    expect(
      verdicts('internet', [
        '10.109.255.255',
        '10.110.0.0',
        '10.110.0.2',
        '10.110.3.254',
        '10.110.3.255',
        '10.110.4.0',
      ]),
    ).toEqual([
      `10.109.255.255 ${N}`,
      `10.110.0.0 ${N}`,
      `10.110.0.2 ${C}`,
      `10.110.3.254 ${C}`,
      `10.110.3.255 ${N}`,
      `10.110.4.0 ${N}`,
    ]);
  });
  test('the finding says outside or network/broadcast, with the value', () => {
    const e = makeEstate();
    sys(e, 'ip', [
      srv('low', { nics: [{ network: 'internet', ipv4: '10.109.255.255' }] }),
      srv('net', { nics: [{ network: 'internet', ipv4: '10.110.0.0' }] }),
    ]);
    expect(
      violations(r24IpAddressesValid, e).map((v) => [
        v.server,
        v.value,
        v.message.includes('outside'),
        v.message.includes('network or broadcast'),
      ]),
    ).toEqual([
      ['low', '"10.109.255.255"', true, false],
      ['net', '"10.110.0.0"', false, true],
    ]);
  });
  test('/30: network and broadcast refused, the two hosts allowed', () => {
    expect(
      verdicts('p2p', ['10.250.0.3', '10.250.0.4', '10.250.0.5', '10.250.0.6', '10.250.0.7', '10.250.0.8'], {
        vlanId: 300,
        subnet: '10.250.0.4/30',
      }),
    ).toEqual([
      `10.250.0.3 ${N}`,
      `10.250.0.4 ${N}`,
      `10.250.0.5 ${C}`,
      `10.250.0.6 ${C}`,
      `10.250.0.7 ${N}`,
      `10.250.0.8 ${N}`,
    ]);
  });
  test('/31 (RFC 3021 point-to-point): both addresses are hosts; neighbours are outside', () => {
    expect(
      verdicts('p2p', ['10.250.0.3', '10.250.0.4', '10.250.0.5', '10.250.0.6'], {
        vlanId: 300,
        subnet: '10.250.0.4/31',
      }),
    ).toEqual([`10.250.0.3 ${N}`, `10.250.0.4 ${C}`, `10.250.0.5 ${C}`, `10.250.0.6 ${N}`]);
  });
  test('/32: the one address is the host; its neighbours are outside', () => {
    expect(
      verdicts('host', ['10.250.0.8', '10.250.0.9', '10.250.0.10'], { vlanId: 300, subnet: '10.250.0.9/32' }),
    ).toEqual([`10.250.0.8 ${N}`, `10.250.0.9 ${C}`, `10.250.0.10 ${N}`]);
  });
  test('gateways and DNS servers of standard networks and dedicated VLANs are taken; a second NIC is checked too', () => {
    const e = makeEstate();
    new DedicatedVlan(e, 'gw', {
      name: 'gw',
      descriptionJa: '専用',
      vlanId: 300,
      subnet: '10.250.0.0/24',
      gateway: '10.250.0.1',
      department: 'somu',
      ipAdministrator: { party: 'department', nameJa: '総務部' },
    });
    sys(e, 'ip', [
      srv('dns', { nics: [{ network: 'internet', ipv4: '10.110.0.11' }] }),
      srv('vgw', { nics: [{ network: 'gw', ipv4: '10.250.0.1' }] }),
      srv('two', { nics: [{ network: 'internet' }, { network: 'gw', ipv4: '10.250.0.30' }] }),
      srv('dup', {
        nics: [
          { network: 'internet', ipv4: '10.110.0.20' },
          { network: 'lgwan', ipv4: '10.110.0.20' },
        ],
      }),
    ]);
    expect(
      violations(r24IpAddressesValid, e).map((v) => [v.server, v.value, v.message.replace(/.*already used by /, '')]),
    ).toEqual([
      ['dns', '"10.110.0.11"', 'a DNS server of standard network internet'],
      ['vgw', '"10.250.0.1"', 'the gateway of dedicated VLAN gw'],
      ['dup', '"10.110.0.20"', expect.stringContaining('outside the subnet 10.120.0.0/22')],
      ['dup', '"10.110.0.20"', 'Estate/ip/dup (NIC 0)'],
    ]);
    expect(statuses(r24IpAddressesValid, e)).toContain(`${C} Estate/ip/two`);
  });
  test('a decommissioned server neither is checked nor takes its address', () => {
    const e = makeEstate();
    sys(
      e,
      'old',
      [
        srv('old01', { nics: [{ network: 'internet', ipv4: '10.110.0.0' }] }),
        srv('old02', { nics: [{ network: 'internet', ipv4: '10.110.1.1' }] }),
      ],
      decommissioned('old'),
    );
    sys(e, 'new', [srv('new01', { nics: [{ network: 'internet', ipv4: '10.110.1.1' }] })]);
    expect(statuses(r24IpAddressesValid, e)).toEqual([
      `${C} Estate/new/new01`,
      `${NA} Estate/old/old01`,
      `${NA} Estate/old/old02`,
    ]);
  });
});

describe('R03 capacity: a pool filled exactly to capacity is fine, one more unit is not', () => {
  /** A platform small enough to fill: cluster 1 host × 2 sockets × 3 cores × overcommit 2 = 12 vCPU, 1 × 10 GB × 2 = 20 GB. */
  const small = (p: Parameters<NonNullable<Parameters<typeof makeEstate>[0]>>[0]) => {
    Object.assign(p.vsphere.clusters[0]!, {
      hosts: 1,
      hostNames: undefined,
      socketsPerHost: 2,
      coresPerSocket: 3,
      cpuOvercommit: 2,
      memoryGbPerHost: 10,
      memoryOvercommit: 2,
    });
    p.vsphere.datastores[0]!.capacityGb = 100; // kiban-sys-ds01, the first system datastore (the default)
    p.vsphere.datastores[1]!.capacityGb = 30; // kiban-sys-ds02
    p.vsphere.datastores[2]!.capacityGb = 40; // kiban-bk-ds01, the first backup datastore (the default)
    // Hyper-V: 2 hosts × (1 socket × 3 cores) × overcommit 2 = 12 vCPU; 2 × 8 GB × overcommit 1.5 = 24 GB.
    p.hyperv.hosts = [
      { name: 'HV1', sockets: 1, coresPerSocket: 3, memoryGb: 8 },
      { name: 'HV2', sockets: 1, coresPerSocket: 3, memoryGb: 8 },
    ];
    Object.assign(p.hyperv, {
      cpuOvercommit: 2,
      memoryOvercommit: 1.5,
      vmStorageCapacityGb: 90,
      backupStorageCapacityGb: 50,
    });
  };
  const values = (extra: number, hyperv: boolean) => {
    const e = makeEstate(small);
    const x = (n: number) => n + extra;
    if (hyperv) {
      sys(
        e,
        'h',
        [
          srv('h01', {
            cpu: { sockets: 2, coresPerSocket: 3 },
            memoryGb: 12,
            disks: [{ sizeGb: 40 }, { sizeGb: 20 }],
            backupVolume: { sizeGb: 25 },
          }),
          srv('h02', {
            cpu: { sockets: 1, coresPerSocket: x(6) },
            memoryGb: x(12),
            disks: [{ sizeGb: x(30) }],
            backupVolume: { sizeGb: x(25) },
          }),
        ],
        { hypervisor: 'hyperv' },
      );
    } else {
      sys(e, 'v', [
        srv('v01', {
          cpu: { sockets: 2, coresPerSocket: 3 },
          memoryGb: 10,
          disks: [{ sizeGb: 60 }, { sizeGb: 30, datastore: 'kiban-sys-ds02' }],
          backupVolume: { sizeGb: 20 },
        }),
        srv('v02', {
          cpu: { sockets: 1, coresPerSocket: x(6) },
          memoryGb: x(10),
          disks: [{ sizeGb: x(40) }, { sizeGb: 1 + extra - extra, datastore: 'kiban-sys-ds02' }].slice(
            0,
            extra ? 2 : 1,
          ),
          backupVolume: { sizeGb: x(20), datastore: 'kiban-bk-ds01' },
        }),
      ]);
    }
    return violations(r03Capacity, e).map((v) => v.value);
  };
  test('vSphere cluster vCPU and memory, system datastores (default and named), backup datastore', () => {
    expect(values(0, false)).toEqual([]);
    expect(values(1, false)).toEqual([
      '"vSphere cluster Kiban-Cluster01: vCPU 13 > 12"',
      '"vSphere cluster Kiban-Cluster01: memory GB 21 > 20"',
      '"datastore kiban-sys-ds01: storage GB 101 > 100"',
      '"datastore kiban-sys-ds02: storage GB 31 > 30"',
      '"datastore kiban-bk-ds01: backup storage GB 41 > 40"',
    ]);
  });
  test("Hyper-V over-commit: vCPU over every host's cores × ratio, memory × ratio, VM storage (all disks), backup storage", () => {
    expect(values(0, true)).toEqual([]);
    expect(values(1, true)).toEqual([
      '"Hyper-V hosts: vCPU 13 > 12"',
      '"Hyper-V hosts: memory GB 25 > 24"',
      '"Hyper-V VM storage C:\\\\ClusterStorage\\\\Volume1\\\\VMs: storage GB 91 > 90"',
      '"Hyper-V backup storage C:\\\\ClusterStorage\\\\Volume2\\\\Backup: backup storage GB 51 > 50"',
    ]);
  });
  test('pools nobody uses are not applicable; decommissioned servers and systems that build no VM use nothing', () => {
    const e = makeEstate(small);
    sys(e, 'v', [srv('v01', { cpu: { sockets: 2, coresPerSocket: 3 }, memoryGb: 10, disks: [{ sizeGb: 50 }] })]);
    sys(e, 'old', [srv('old01', { memoryGb: 500, disks: [{ sizeGb: 500 }] })], decommissioned('old'));
    sys(e, 'gone', [
      srv('gone01', {
        memoryGb: 500,
        decommissioned: { confirm: 'gone01', reasonJa: '統合のため', approvedBy: '統合基盤担当', date: '2026-11-10' },
      }),
      srv('gone02'),
    ]);
    sys(e, 'plan', [srv('plan01', { memoryGb: 500 })], { phase: 'study' });
    expect(violations(r03Capacity, e).map((v) => v.value)).toEqual([]);
    const s = statuses(r03Capacity, e);
    // 3 used pools (cluster vCPU, memory, kiban-sys-ds01) compliant; ds02, bk-ds01 and the four Hyper-V pools not applicable.
    expect(s.filter((x) => x.startsWith(C))).toHaveLength(3);
    expect(s.filter((x) => x.startsWith(NA))).toHaveLength(6);
  });
});

describe('R05 shared licence pools: counting boundaries', () => {
  test('units per host: SE2 per socket, RHEL per started pair of sockets, Windows Datacenter one per host', () => {
    expect([1, 2, 3, 4].map((sockets) => unitsPerHost('oracle-se2', { id: 'h', sockets }))).toEqual([1, 2, 3, 4]);
    expect([1, 2, 3, 4, 5].map((sockets) => unitsPerHost('rhel-vdc', { id: 'h', sockets }))).toEqual([1, 1, 2, 2, 3]);
    expect([1, 4].map((sockets) => unitsPerHost('windows-datacenter', { id: 'h', sockets }))).toEqual([1, 1]);
  });
  test('held exactly what is needed is fine; one unit less is over-committed', () => {
    // two Hyper-V hosts of 2 sockets: RHEL 2, Windows 2, SE2 4.
    const verdict = (units: { rhel: number; win: number; ora: number }) => {
      const e = makeEstate();
      new SharedRhelLicense(e, 'Rhel', { units: units.rhel });
      new SharedWindowsDatacenterLicense(e, 'Win', { units: units.win });
      new SharedOracleLicense(e, 'Ora', { units: units.ora });
      sys(
        e,
        'h',
        [
          srv('rhel01'),
          srv('rhel02'),
          srv('win01', { guestOs: 'windows_server_2019' }),
          srv('ora01', {
            guestOs: 'windows_server_2019',
            osLicense: 'department',
            oracleDatabase: { edition: 'SE2', license: 'shared' },
          }),
        ],
        { hypervisor: 'hyperv' },
      );
      return violations(r05SharedLicensePools, e).map((v) => [v.path, v.value]);
    };
    expect(verdict({ rhel: 2, win: 2, ora: 4 })).toEqual([]);
    expect(verdict({ rhel: 1, win: 1, ora: 3 })).toEqual([
      ['Estate/Ora', '"needed 4 > held 3"'],
      ['Estate/Rhel', '"needed 2 > held 1"'],
      ['Estate/Win', '"needed 2 > held 1"'],
    ]);
  });
  test('a pool valid until today still counts; valid until yesterday it is expired and counts for nothing', () => {
    const verdict = (validUntil: string) => {
      const e = makeEstate();
      new SharedRhelLicense(e, 'Rhel', { units: 2, validUntil });
      sys(e, 'h', [srv('rhel01')], { hypervisor: 'hyperv' });
      return violations(r05SharedLicensePools, e).map((v) => [v.path, v.value]);
    };
    expect(verdict('2026-11-22')).toEqual([]);
    expect(verdict('2026-11-23')).toEqual([]);
    expect(verdict('2026-11-21')).toEqual([
      ['Estate/Rhel', '"2026-11-21"'],
      ['Estate/Rhel', '"needed 2 > held 0"'],
    ]);
  });
  test('several pools of a kind add up, expired ones excluded; the finding sits on the first pool', () => {
    const e = makeEstate();
    new SharedRhelLicense(e, 'Rhel1', { units: 1 });
    new SharedRhelLicense(e, 'Rhel2', { units: 5, validUntil: '2026-01-31' });
    new SharedRhelLicense(e, 'Rhel3', { units: 1, validUntil: '2027-03-31' });
    sys(e, 'h', [srv('rhel01')], { hypervisor: 'hyperv' });
    expect(violations(r05SharedLicensePools, e).map((v) => [v.path, v.value])).toEqual([
      ['Estate/Rhel2', '"2026-01-31"'],
    ]);
  });
  test('Oracle SE2 on hosts of exactly 2 sockets is fine, 3 sockets is refused (value names the hosts)', () => {
    const verdict = (sockets: number) => {
      const e = makeEstate((p) => p.hyperv.hosts.forEach((h) => (h.sockets = sockets)));
      new SharedOracleLicense(e, 'Ora', { units: 100 });
      sys(
        e,
        'db',
        [
          srv('db01', {
            guestOs: 'windows_server_2019',
            osLicense: 'department',
            oracleDatabase: { edition: 'SE2', license: 'shared' },
          }),
        ],
        { hypervisor: 'hyperv' },
      );
      return violations(r05SharedLicensePools, e).map((v) => [v.path, v.server, v.systemId, v.value]);
    };
    expect(verdict(2)).toEqual([]);
    expect(verdict(3)).toEqual([
      ['Estate/db/db01', 'db01', 'sys-db', '"hyperv:KIBAN-HV01 (3 sockets), hyperv:KIBAN-HV02 (3 sockets)"'],
    ]);
  });
  test('who draws on a pool: Windows Server up to 2019 on the shared licence, RHEL, Oracle on license shared; never decommissioned servers', () => {
    const e = makeEstate();
    sys(
      e,
      'h',
      [
        srv('ws19d', { guestOs: 'windows_server_2019', osLicense: 'department' }),
        srv('ws22', { guestOs: 'windows_server_2022', osLicense: 'shared' }),
        srv('sles01', { guestOs: 'sles_15', osLicense: 'shared' }),
        srv('rheld', { osLicense: 'department' }),
        srv('orad', {
          guestOs: 'windows_server_2019',
          osLicense: 'department',
          oracleDatabase: { edition: 'SE2', license: 'department' },
        }),
      ],
      { hypervisor: 'hyperv' },
    );
    sys(
      e,
      'old',
      [srv('old01', { guestOs: 'windows_server_2019', oracleDatabase: { edition: 'SE2', license: 'shared' } })],
      { ...decommissioned('old'), hypervisor: 'hyperv' },
    );
    expect(statuses(r05SharedLicensePools, e)).toEqual([`${NA} Estate`, `${NA} Estate`, `${NA} Estate`]);
    const w = makeEstate();
    sys(w, 'h', [srv('ws16', { guestOs: 'windows_server_2016' })], { hypervisor: 'hyperv' });
    expect(violations(r05SharedLicensePools, w).map((v) => v.value)).toEqual(['"needed 2 > held 0"']);
  });
  test('vSphere servers count every host of their cluster; servers of one cluster count it once', () => {
    const e = makeEstate((p) => Object.assign(p.vsphere.clusters[0]!, { hosts: 3, hostNames: undefined }));
    new SharedRhelLicense(e, 'Rhel', { units: 2 });
    sys(e, 'a', [srv('a01'), srv('a02')]);
    sys(e, 'b', [srv('b01')]);
    expect(violations(r05SharedLicensePools, e).map((v) => v.value)).toEqual(['"needed 3 > held 2"']);
  });
});

describe('R22 end of support: the day itself and the first day of the warning window', () => {
  const eos = findGuestOs('windows_server_2016')!.endOfSupport!; // 2027-01-12
  const shift = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400e3).toISOString().slice(0, 10);
  const warnFrom = `${Number(eos.slice(0, 4)) - EOS_WARNING_MONTHS / 12}${eos.slice(4)}`; // 12 months before
  const verdict = (today: string, phase: 'production' | 'application' = 'production') => {
    const e = makeEstate(undefined, at(today));
    sys(e, 's', [srv('ws16', { guestOs: 'windows_server_2016' }), srv('ws16b', { guestOs: 'windows_server_2016' })], {
      hypervisor: 'hyperv',
      phase,
    });
    const v = violations(r22GuestOsEndOfSupport, e);
    return [...new Set(v.map(level))].join() || 'compliant';
  };
  test('the facts: Windows Server 2016 extended support ends 2027-01-12', () =>
    expect([eos, warnFrom]).toEqual(['2027-01-12', '2026-01-12']));
  test('on the end-of-support day itself: a warning, not yet an error; the day after: an error', () => {
    expect(verdict(eos)).toBe('warning');
    expect(verdict(shift(eos, 1))).toBe('error');
    expect(verdict(shift(eos, 1), 'application')).toBe('error');
  });
  test('12 months before is still compliant; the day after is the first day of the warning window', () => {
    expect(verdict(shift(warnFrom, -1))).toBe('compliant');
    expect(verdict(warnFrom)).toBe('compliant');
    expect(verdict(shift(warnFrom, 1))).toBe('warning');
  });
  test('the finding carries the server, the system and the OS with its date', () => {
    const e = makeEstate(undefined, at(shift(eos, 1)));
    sys(e, 's', [srv('ws16', { guestOs: 'windows_server_2016' })], { hypervisor: 'hyperv' });
    expect(violations(r22GuestOsEndOfSupport, e).map((v) => [v.path, v.systemId, v.server, v.value])).toEqual([
      ['Estate/s/ws16', 'sys-s', 'ws16', '"windows_server_2016 end of support 2027-01-12"'],
    ]);
  });
  test('servers with different end-of-support dates are judged each on their own date', () => {
    const e = makeEstate(undefined, at('2026-11-22'));
    sys(
      e,
      's',
      [
        srv('ws16', { guestOs: 'windows_server_2016' }),
        srv('ws19', { guestOs: 'windows_server_2019' }),
        srv('ws16b', { guestOs: 'windows_server_2016' }),
      ],
      { hypervisor: 'hyperv' },
    );
    expect(statuses(r22GuestOsEndOfSupport, e)).toEqual([
      `${N} Estate/s/ws16`,
      `${N} Estate/s/ws16b`,
      `${C} Estate/s/ws19`,
    ]);
  });
});

describe('R10a: the Hyper-V exemption on its own', () => {
  test('a backup volume naming a system datastore is refused on vSphere and exempt on Hyper-V (always the backup storage path)', () => {
    const e = makeEstate();
    const v = sys(e, 'v', [srv('v01', { backupVolume: { sizeGb: 10 } })]);
    const h = sys(e, 'h', [srv('h01', { backupVolume: { sizeGb: 10 } })], { hypervisor: 'hyperv' });
    v.servers[0]!.backupVolume!.props.datastore = 'kiban-sys-ds01';
    h.servers[0]!.backupVolume!.props.datastore = 'kiban-sys-ds01';
    expect(statuses(r10aBackupVolumeOnBackupStorage, e)).toEqual([
      `${C} Estate/h/h01/BackupVolume`,
      `${N} Estate/v/v01/BackupVolume`,
    ]);
    expect(violations(r10aBackupVolumeOnBackupStorage, e).map((x) => [x.systemId, x.server, x.field, x.value])).toEqual(
      [['sys-v', 'v01', 'backupVolume.datastore', '"kiban-sys-ds01"']],
    );
  });
  test('a platform without backup datastore: vSphere refused (no backup datastore), Hyper-V still exempt', () => {
    const e = makeEstate();
    sys(e, 'v', [srv('v01', { backupVolume: { sizeGb: 10 } })]);
    sys(e, 'h', [srv('h01', { backupVolume: { sizeGb: 10 } })], { hypervisor: 'hyperv' });
    // The declaration refuses this up front; the rule must still hold if the platform data changes afterwards.
    e.platform.vsphere.datastores = e.platform.vsphere.datastores.filter((d) => d.kind !== 'backup');
    expect(statuses(r10aBackupVolumeOnBackupStorage, e)).toEqual([
      `${C} Estate/h/h01/BackupVolume`,
      `${N} Estate/v/v01/BackupVolume`,
    ]);
    expect(violations(r10aBackupVolumeOnBackupStorage, e).map((x) => x.value)).toEqual(['"(no backup datastore)"']);
  });
  test('an unknown datastore name is refused; a decommissioned server is not applicable on its backup volume', () => {
    const e = makeEstate();
    const v = sys(e, 'v', [srv('v01', { backupVolume: { sizeGb: 10 } })]);
    v.servers[0]!.backupVolume!.props.datastore = 'nowhere';
    sys(e, 'old', [srv('old01', { backupVolume: { sizeGb: 10 } }), srv('old02')], decommissioned('old'));
    expect(statuses(r10aBackupVolumeOnBackupStorage, e)).toEqual([
      `${NA} Estate/old/old01/BackupVolume`,
      `${NA} Estate/old/old02`,
      `${N} Estate/v/v01/BackupVolume`,
    ]);
  });
});

describe('R23 right-sizing: exactly 4× typical is fine, one more is questioned', () => {
  test('vCPU 16 / memory 64 GB / disk 800 GB pass; 17 / 65 / 801 warn', () => {
    const e = makeEstate();
    sys(e, 'r', [
      srv('edge01', {
        cpu: { sockets: 4, coresPerSocket: 4 },
        memoryGb: 64,
        disks: [{ sizeGb: 500 }, { sizeGb: 300 }],
      }),
      srv('over01', { cpu: { sockets: 1, coresPerSocket: 17 }, memoryGb: 65, disks: [{ sizeGb: 800 }, { sizeGb: 1 }] }),
    ]);
    expect(statuses(r23RightSizing, e)).toEqual([
      `${C} Estate/r/edge01`,
      `${N} Estate/r/over01`,
      `${N} Estate/r/over01`,
      `${N} Estate/r/over01`,
    ]);
    expect(violations(r23RightSizing, e).map((v) => [v.level ?? 'warning', v.systemId, v.server, v.value])).toEqual([
      ['warning', 'sys-r', 'over01', '"vCPU 17"'],
      ['warning', 'sys-r', 'over01', '"memory 65 GB"'],
      ['warning', 'sys-r', 'over01', '"disk 801 GB"'],
    ]);
  });
  test('the typical allocation is platform data', () => {
    const e = makeEstate((p) => (p.typicalAllocation = { vcpu: 1, memoryGb: 1, diskGb: 10 }));
    sys(e, 'r', [srv('s01', { cpu: { sockets: 1, coresPerSocket: 4 }, memoryGb: 5, disks: [{ sizeGb: 40 }] })]);
    expect(violations(r23RightSizing, e).map((v) => v.value)).toEqual(['"memory 5 GB"']);
  });
});
