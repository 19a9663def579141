import * as fs from 'fs';
import * as path from 'path';
import { DedicatedVlan, SharedOracleLicense, SharedRhelLicense, SharedWindowsDatacenterLicense } from '../../lib/model';
import { PLATFORM_RULES, Rule } from '../../lib/rules';
import { r01DepartmentRegistered } from '../../lib/rules/r01-department-registered';
import { r03Capacity } from '../../lib/rules/r03-capacity-within-platform';
import { r05NoRacOnSe2 } from '../../lib/rules/r05-no-rac-on-se2';
import { r05SharedLicensePools } from '../../lib/rules/r05-shared-license-pools-not-overcommitted';
import { r05SharedWindowsUpTo2019 } from '../../lib/rules/r05-shared-os-license-eligible';
import { r10OsImageBackup } from '../../lib/rules/r10-os-image-backup';
import { r10aBackupVolumeOnBackupStorage } from '../../lib/rules/r10a-backup-volume-on-backup-storage';
import { r11SnapshotExpiry } from '../../lib/rules/r11-snapshot-expiry';
import { r21OracleOnlyOnHyperV } from '../../lib/rules/r21-oracle-only-on-hyper-v';
import { r22GuestOsEndOfSupport } from '../../lib/rules/r22-guest-os-within-vendor-support';
import { r22GuestOsSupported } from '../../lib/rules/r22-guest-os-supported-by-hypervisor';
import { r23RightSizing } from '../../lib/rules/r23-right-sizing';
import { r24IpAddressesValid } from '../../lib/rules/r24-ip-addresses-valid';
import { r24NamesUnique } from '../../lib/rules/r24-host-names-and-fqdns-unique';
import { r24SubnetsDoNotOverlap } from '../../lib/rules/r24-subnets-do-not-overlap';
import { r24VlanIdsUnique } from '../../lib/rules/r24-vlan-ids-unique';
import { r24ZoneIsolation } from '../../lib/rules/r24-zone-isolation';
import { r26NoPassthroughDevices } from '../../lib/rules/r26-no-passthrough-devices';
import { r28GuestCustomization } from '../../lib/rules/r28-template-and-clone-customized';
import { r33VmwareTools } from '../../lib/rules/r33-vmware-tools-installed';
import { r34V2vMediaHandedOver } from '../../lib/rules/r34-v2v-media-handed-over-in-person';
import { decommissioned, makeEstate, srv, statuses, sys, violations } from './helpers';

const C = 'compliant';
const N = 'non-compliant';
const NA = 'not-applicable';

describe('rule metadata', () => {
  test.each(PLATFORM_RULES.map((r) => [r.name, r] as [string, Rule]))(
    '%s names its ID, explains itself in English and Japanese',
    (name, r) => {
      expect(name.startsWith(`${r.id}-`)).toBe(true);
      for (const t of [r.why, r.whyJa, r.summary]) expect(t.length).toBeGreaterThan(10);
      if (r.acknowledgeable !== 'yes') expect(r.notAcknowledgeableWhy && r.notAcknowledgeableWhyJa).toBeTruthy();
    },
  );
  test('rule names are unique', () =>
    expect(new Set(PLATFORM_RULES.map((r) => r.name)).size).toBe(PLATFORM_RULES.length));
});

describe('per-construct rules: compliant, non-compliant, not-applicable', () => {
  test('R01 department registered (systems and dedicated VLANs)', () => {
    const e = makeEstate();
    sys(e, 'ok', [srv('ok01')]);
    sys(e, 'bad', [srv('bad01')], { department: 'hisho' });
    sys(e, 'old', [srv('old01')], { ...decommissioned('old'), department: 'hisho' });
    new DedicatedVlan(e, 'Vlan', {
      name: 'vlan-hisho',
      descriptionJa: '専用',
      vlanId: 300,
      subnet: '10.250.0.0/24',
      department: 'hisho',
      ipAdministrator: { party: 'department', nameJa: '秘書広報室' },
    });
    e.platform.departments.splice(
      e.platform.departments.findIndex((d) => d.code === 'hisho'),
      1,
    );
    expect(statuses(r01DepartmentRegistered, e)).toEqual([
      `${N} Estate/Vlan`,
      `${N} Estate/bad`,
      `${C} Estate/ok`,
      `${NA} Estate/old`,
    ]);
    expect(violations(r01DepartmentRegistered, e)[0]).toMatchObject({ value: '"hisho"', systemId: 'sys-bad' });
  });

  test('R21 Oracle only on Hyper-V', () => {
    const e = makeEstate();
    const ora = { edition: 'EE' as const, license: 'department' as const };
    sys(e, 'hv', [srv('hv01', { guestOs: 'windows_server_2019', oracleDatabase: ora })], { hypervisor: 'hyperv' });
    sys(e, 'vs', [srv('vs01', { oracleDatabase: ora }), srv('vs02')]);
    sys(e, 'old', [srv('old01', { oracleDatabase: ora })], decommissioned('old'));
    expect(statuses(r21OracleOnlyOnHyperV, e)).toEqual([
      `${C} Estate/hv/hv01`,
      `${NA} Estate/old/old01`,
      `${N} Estate/vs/vs01`,
      `${NA} Estate/vs/vs02`,
    ]);
    expect(violations(r21OracleOnlyOnHyperV, e)[0]!.value).toContain('vsphere');
  });

  test('R05 no RAC on SE2', () => {
    const e = makeEstate();
    const db = (edition: 'SE2' | 'EE', rac: boolean) => ({ edition, license: 'department' as const, rac });
    sys(
      e,
      'db',
      [
        srv('ok01', { oracleDatabase: db('SE2', false) }),
        srv('rac01', { oracleDatabase: db('SE2', true) }),
        srv('ee01', { oracleDatabase: db('EE', true) }),
      ],
      { hypervisor: 'hyperv' },
    );
    expect(statuses(r05NoRacOnSe2, e)).toEqual([`${NA} Estate/db/ee01`, `${C} Estate/db/ok01`, `${N} Estate/db/rac01`]);
  });

  test('R05 shared OS licence only for RHEL and Windows Server 2019 and earlier', () => {
    const e = makeEstate();
    sys(
      e,
      's',
      [
        srv('rhel01'),
        srv('ws19', { guestOs: 'windows_server_2019' }),
        srv('ws22', { guestOs: 'windows_server_2022', osLicense: 'shared' }),
        srv('ws22d', { guestOs: 'windows_server_2022' }),
        srv('sles01', { guestOs: 'sles_15', osLicense: 'shared' }),
      ],
      { hypervisor: 'hyperv' },
    );
    expect(statuses(r05SharedWindowsUpTo2019, e)).toEqual([
      `${C} Estate/s/rhel01`,
      `${N} Estate/s/sles01`,
      `${C} Estate/s/ws19`,
      `${N} Estate/s/ws22`,
      `${NA} Estate/s/ws22d`,
    ]);
  });

  describe('R05 shared licence pools counted per model', () => {
    test('RHEL: per 1-2 socket host of every host a VM can run on (6 two-socket cluster hosts + 2 Hyper-V hosts = 8)', () => {
      const e = makeEstate();
      const pool = new SharedRhelLicense(e, 'Rhel', { units: 7 });
      sys(e, 'a', [srv('a01'), srv('a02')]);
      sys(e, 'b', [srv('b01')], { hypervisor: 'hyperv' });
      expect(violations(r05SharedLicensePools, e).map((v) => v.value)).toEqual(['"needed 8 > held 7"']);
      (pool.props as { units: number }).units = 8;
      expect(statuses(r05SharedLicensePools, e)).toEqual([`${NA} Estate`, `${NA} Estate`, `${C} Estate/Rhel`]);
    });
    test('RHEL: 4-socket hosts need 2 subscriptions each; an expired pool counts for nothing', () => {
      const e = makeEstate((p) => (p.vsphere.clusters[0]!.socketsPerHost = 4));
      new SharedRhelLicense(e, 'Rhel', { units: 20, validUntil: '2026-03-31' });
      sys(e, 'a', [srv('a01')]);
      expect(violations(r05SharedLicensePools, e).map((v) => [v.path, v.value])).toEqual([
        ['Estate/Rhel', '"2026-03-31"'],
        ['Estate/Rhel', '"needed 12 > held 0"'],
      ]);
    });
    test('Oracle SE2: per socket of every Hyper-V host; hosts above 2 sockets refused; the pool holds SE2 only', () => {
      const e = makeEstate((p) => (p.hyperv.hosts[1]!.sockets = 4));
      new SharedOracleLicense(e, 'Ora', { units: 6 });
      sys(
        e,
        'db',
        [
          srv('db01', {
            guestOs: 'windows_server_2019',
            osLicense: 'department',
            oracleDatabase: { edition: 'EE', license: 'shared' },
          }),
        ],
        { hypervisor: 'hyperv' },
      );
      expect(violations(r05SharedLicensePools, e).map((v) => v.message)).toEqual([
        expect.stringContaining('edition EE'),
        expect.stringContaining('more than 2 sockets'),
      ]);
    });
    test('Windows Server Datacenter: one licence per host; no pool at all is over-committed; none needed is not applicable', () => {
      const e = makeEstate();
      sys(e, 'w', [srv('w01', { guestOs: 'windows_server_2016' })], { hypervisor: 'hyperv' });
      expect(violations(r05SharedLicensePools, e).map((v) => [v.path, v.value])).toEqual([
        ['Estate', '"needed 2 > held 0"'],
      ]);
      const e2 = makeEstate();
      new SharedWindowsDatacenterLicense(e2, 'Win', { units: 2 });
      sys(e2, 'w', [srv('w01', { guestOs: 'windows_server_2016' })], { hypervisor: 'hyperv' });
      expect(statuses(r05SharedLicensePools, e2)).toEqual([`${NA} Estate`, `${NA} Estate`, `${C} Estate/Win`]);
    });
  });

  test('R22 guest OS supported by the hypervisor version: unsupported error, unconfirmed warning', () => {
    const e = makeEstate();
    sys(e, 'hv', [srv('ok01'), srv('ws22', { guestOs: 'windows_server_2022' })], { hypervisor: 'hyperv' });
    sys(e, 'vs', [srv('rhel7', { guestOs: 'rhel_7' })]);
    sys(e, 'old', [srv('old01', { guestOs: 'windows_server_2022' })], {
      ...decommissioned('old'),
      hypervisor: 'hyperv',
    });
    expect(statuses(r22GuestOsSupported, e)).toEqual([
      `${C} Estate/hv/ok01`,
      `${N} Estate/hv/ws22`,
      `${NA} Estate/old/old01`,
      `${N} Estate/vs/rhel7`,
    ]);
    expect(violations(r22GuestOsSupported, e).map((v) => [v.level ?? 'error', v.acknowledgeable])).toEqual([
      ['error', false],
      ['warning', true],
    ]);
  });

  test('R22 end of support: refused before and in production, warned 12 months ahead', () => {
    const e = makeEstate();
    sys(e, 'prod', [srv('centos01', { guestOs: 'centos_7' }), srv('rhel9', { guestOs: 'rhel_9' })], {
      hypervisor: 'hyperv',
    });
    sys(e, 'newb', [srv('centos02', { guestOs: 'centos_7' })], { hypervisor: 'hyperv', phase: 'application' });
    sys(e, 'soon', [srv('ws16', { guestOs: 'windows_server_2016' })], { hypervisor: 'hyperv' });
    sys(e, 'gone', [srv('centos03', { guestOs: 'centos_7' })], { ...decommissioned('gone'), hypervisor: 'hyperv' });
    expect(statuses(r22GuestOsEndOfSupport, e)).toEqual([
      `${NA} Estate/gone/centos03`,
      `${N} Estate/newb/centos02`,
      `${N} Estate/prod/centos01`,
      `${C} Estate/prod/rhel9`,
      `${N} Estate/soon/ws16`,
    ]);
    const v = violations(r22GuestOsEndOfSupport, e);
    expect(v.map((x) => [x.path, x.level ?? 'error'])).toEqual([
      ['Estate/prod/centos01', 'error'],
      ['Estate/newb/centos02', 'error'],
      ['Estate/soon/ws16', 'warning'],
    ]);
    expect(v[0]!.message).toContain('in production');
    expect(v[1]!.messageJa).toContain('構築・移行できません');
    // the clock is injected: a year earlier, Windows Server 2016 is not yet within 12 months
    const early = makeEstate(undefined, '2025-11-22T09:00:00+09:00');
    sys(early, 'soon', [srv('ws16', { guestOs: 'windows_server_2016' })], { hypervisor: 'hyperv' });
    expect(statuses(r22GuestOsEndOfSupport, early)).toEqual([`${C} Estate/soon/ws16`]);
  });

  test('R24 zone isolation', () => {
    const e = makeEstate();
    const two = (a: 'internet' | 'lgwan' | 'myNumber' | 'dmz', b: 'internet' | 'lgwan' | 'myNumber' | 'dmz') => ({
      nics: [{ network: a }, { network: b }],
    });
    sys(e, 'z', [
      srv('ok01'),
      srv('mn01', two('myNumber', 'lgwan')),
      srv('bridge01', two('lgwan', 'internet')),
      srv('dmz01', two('dmz', 'internet')),
    ]);
    sys(e, 'old', [srv('old01', two('lgwan', 'internet'))], decommissioned('old'));
    expect(statuses(r24ZoneIsolation, e)).toEqual([
      `${NA} Estate/old/old01`,
      `${N} Estate/z/bridge01`,
      `${N} Estate/z/dmz01`,
      `${N} Estate/z/mn01`,
      `${C} Estate/z/ok01`,
    ]);
    expect(violations(r24ZoneIsolation, e).map((v) => v.message)).toEqual([
      expect.stringContaining('My Number zone together with lgwan'),
      expect.stringContaining('bridges the LGWAN zone and the internet-connected zone'),
      expect.stringContaining('DMZ and touches the internal zone(s) internet'),
    ]);
  });

  const vlan = (
    e: ReturnType<typeof makeEstate>,
    id: string,
    vlanId: number,
    subnet: string,
    zone: 'dedicated' | 'myNumber' = 'dedicated',
  ) =>
    new DedicatedVlan(e, id, {
      name: `vlan-${id.toLowerCase()}`,
      descriptionJa: '専用ネットワーク',
      vlanId,
      subnet,
      zone,
      department: 'somu',
      ipAdministrator: { party: 'department', nameJa: '総務部' },
    });

  test('R24 VLAN IDs unique and distinct from the standard networks', () => {
    const e = makeEstate();
    vlan(e, 'A', 300, '10.250.0.0/24');
    vlan(e, 'B', 300, '10.250.1.0/24');
    vlan(e, 'C', 120, '10.250.2.0/24');
    expect(statuses(r24VlanIdsUnique, e)).toEqual([`${C} Estate/A`, `${N} Estate/B`, `${N} Estate/C`]);
    expect(violations(r24VlanIdsUnique, e).map((v) => v.message)).toEqual([
      expect.stringContaining('Estate/A'),
      expect.stringContaining('standard network lgwan'),
    ]);
  });

  test('R24 dedicated subnets overlap no other subnet (sorted sweep)', () => {
    const e = makeEstate();
    vlan(e, 'Ok', 301, '10.250.0.0/24');
    vlan(e, 'Wide', 302, '10.251.0.0/16');
    vlan(e, 'Inside', 303, '10.251.7.0/24');
    vlan(e, 'Std', 304, '10.120.2.0/24');
    expect(statuses(r24SubnetsDoNotOverlap, e)).toEqual([
      `${N} Estate/Inside`,
      `${C} Estate/Ok`,
      `${N} Estate/Std`,
      `${C} Estate/Wide`,
    ]);
    expect(violations(r24SubnetsDoNotOverlap, e).map((v) => v.message)).toEqual([
      expect.stringContaining('dedicated VLAN vlan-wide (10.251.0.0/16)'),
      expect.stringContaining('standard network lgwan (10.120.0.0/22)'),
    ]);
  });

  test('R24 IP addresses inside their subnet and unique', () => {
    const e = makeEstate();
    const v = vlan(e, 'Mn', 305, '10.231.0.0/24', 'myNumber');
    sys(e, 'ip', [
      srv('ok01', { nics: [{ network: 'internet', ipv4: '10.110.1.5' }] }),
      srv('dup01', { nics: [{ network: 'internet', ipv4: '10.110.1.5' }] }),
      srv('out01', { nics: [{ network: v, ipv4: '10.232.0.5' }] }),
      srv('bcast01', { nics: [{ network: 'vlan-mn', ipv4: '10.231.0.255' }] }),
      srv('gw01', { nics: [{ network: 'lgwan', ipv4: '10.120.0.1' }] }),
      srv('none01'),
    ]);
    expect(statuses(r24IpAddressesValid, e)).toEqual(
      ['bcast01', 'dup01', 'gw01', 'none01', 'ok01', 'out01'].map(
        (n) => `${{ ok01: C, none01: NA }[n] ?? N} Estate/ip/${n}`,
      ),
    );
    expect(violations(r24IpAddressesValid, e).map((x) => x.message)).toEqual([
      expect.stringContaining('already used by Estate/ip/ok01'),
      expect.stringContaining('outside the subnet 10.231.0.0/24'),
      expect.stringContaining('network or broadcast address'),
      expect.stringContaining('gateway of standard network lgwan'),
    ]);
  });

  test('R24 host names and FQDNs unique platform-wide', () => {
    const e = makeEstate();
    sys(e, 'a', [srv('web01', { nics: [{ network: 'dmz', fqdn: 'www.pref.example.jp' }] })]);
    sys(e, 'b', [srv('web01'), srv('web02', { nics: [{ network: 'dmz', fqdn: 'www.pref.example.jp' }] })]);
    const removed = decommissioned('c');
    sys(e, 'c', [srv('web01')], { ...removed, decommission: { ...removed.decommission!, removedOn: '2026-11-10' } });
    expect(statuses(r24NamesUnique, e)).toEqual([
      `${C} Estate/a/web01`,
      `${N} Estate/b/web01`,
      `${N} Estate/b/web02`,
      `${NA} Estate/c/web01`,
    ]);
  });

  test('R24 a decommissioned name stays reserved until its removal is confirmed (removedOn)', () => {
    const e = makeEstate();
    sys(e, 'old', [srv('app01')], decommissioned('old'));
    sys(e, 'part', [
      srv('db01', { decommissioned: { confirm: 'db01', reasonJa: '統合', approvedBy: '室長', date: '2026-11-01' } }),
      srv('gone01', {
        decommissioned: {
          confirm: 'gone01',
          reasonJa: '統合',
          approvedBy: '室長',
          date: '2026-11-01',
          removedOn: '2026-11-05',
        },
      }),
    ]);
    sys(e, 'new', [srv('app01'), srv('db01'), srv('gone01')]);
    expect(statuses(r24NamesUnique, e)).toEqual([
      `${N} Estate/new/app01`,
      `${N} Estate/new/db01`,
      `${C} Estate/new/gone01`,
      `${NA} Estate/old/app01`,
      `${NA} Estate/part/db01`,
      `${NA} Estate/part/gone01`,
    ]);
    expect(violations(r24NamesUnique, e).map((v) => v.messageJa)).toEqual([
      expect.stringContaining('削除が確認されるまで予約'),
      expect.stringContaining('削除が確認されるまで予約'),
    ]);
  });

  test('R26 no passthrough devices', () => {
    const e = makeEstate();
    sys(e, 'd', [srv('ok01'), srv('usb01', { devices: ['usb', 'serial'] })], { hypervisor: 'hyperv' });
    sys(e, 'old', [srv('old01', { devices: ['pci'] })], decommissioned('old'));
    expect(statuses(r26NoPassthroughDevices, e)).toEqual([
      `${C} Estate/d/ok01`,
      `${N} Estate/d/usb01`,
      `${NA} Estate/old/old01`,
    ]);
    expect(violations(r26NoPassthroughDevices, e)[0]!.value).toBe('"usb, serial"');
  });

  test('R03 capacity per cluster, host pool and datastore; backup storage', () => {
    const e = makeEstate((p) => {
      p.vsphere.clusters[0]!.hosts = 1; // 1 host x 2 x 16 cores x 4 = 128 vCPU, 512 GB
      p.vsphere.clusters[0]!.hostNames = ['kiban-esx01.pref.example.jp'];
      p.vsphere.datastores[0]!.capacityGb = 100;
      p.hyperv.backupStorageCapacityGb = 100;
    });
    sys(e, 'big', [
      srv('big01', { cpu: { sockets: 8, coresPerSocket: 16 } }),
      srv('big02', { memoryGb: 600, disks: [{ sizeGb: 60 }] }),
    ]);
    sys(e, 'hv', [srv('hv01', { backupVolume: { sizeGb: 200 } })], { hypervisor: 'hyperv' });
    sys(e, 'study', [srv('plan01', { memoryGb: 4000 })], { phase: 'study' });
    expect(violations(r03Capacity, e).map((v) => v.value)).toEqual([
      '"vSphere cluster Kiban-Cluster01: vCPU 130 > 128"',
      '"vSphere cluster Kiban-Cluster01: memory GB 604 > 512"',
      '"datastore kiban-sys-ds01: storage GB 110 > 100"',
      '"Hyper-V backup storage C:\\\\ClusterStorage\\\\Volume2\\\\Backup: backup storage GB 200 > 100"',
    ]);
    const ok = makeEstate();
    sys(ok, 'a', [srv('a01')]);
    expect(statuses(r03Capacity, ok).filter((s) => s.startsWith(C))).toHaveLength(3);
  });

  test('R10 OS-image backup on unless opted out with a reason (recorded as info)', () => {
    const e = makeEstate();
    sys(e, 'on', [srv('on01')]);
    sys(e, 'why', [srv('why01')], {
      backup: { osImage: false, osImageOptOutReasonJa: '業務データは別システムで二重化済みのため' },
    });
    const bad = sys(e, 'bad', [srv('bad01')]);
    bad.spec.backup.osImage = false; // bypasses the constructor's check, as a later edit would
    sys(e, 'old', [srv('old01')], decommissioned('old'));
    expect(statuses(r10OsImageBackup, e)).toEqual([
      `${N} Estate/bad`,
      `${NA} Estate/old`,
      `${C} Estate/on`,
      `${N} Estate/why`,
    ]);
    expect(violations(r10OsImageBackup, e).map((v) => v.level ?? 'error')).toEqual(['info', 'error']);
  });

  test('R10a backup volumes only on backup storage', () => {
    const e = makeEstate();
    const s = sys(e, 'b', [
      srv('ok01', { backupVolume: { sizeGb: 100 } }),
      srv('bad01', { backupVolume: { sizeGb: 100 } }),
      srv('none01'),
    ]);
    s.servers[1]!.backupVolume!.props.datastore = 'kiban-sys-ds01';
    sys(e, 'hv', [srv('hv01', { backupVolume: { sizeGb: 10 } })], { hypervisor: 'hyperv' });
    expect(statuses(r10aBackupVolumeOnBackupStorage, e)).toEqual([
      `${N} Estate/b/bad01/BackupVolume`,
      `${NA} Estate/b/none01`,
      `${C} Estate/b/ok01/BackupVolume`,
      `${C} Estate/hv/hv01/BackupVolume`,
    ]);
  });

  test('R11 snapshots at most 72 h and not expired (clock injected)', () => {
    const e = makeEstate();
    const snap = (name: string, createdAt: string, expiresAt: string) => ({
      name,
      purposeJa: 'パッチ適用前',
      createdAt,
      expiresAt,
    });
    sys(e, 's', [
      srv('ok01', { snapshots: [snap('ok', '2026-11-21T18:00:00+09:00', '2026-11-24T18:00:00+09:00')] }),
      srv('long01', { snapshots: [snap('long', '2026-11-21T18:00:00+09:00', '2026-11-24T18:00:01+09:00')] }),
      srv('exp01', { snapshots: [snap('exp', '2026-11-20T00:00:00+09:00', '2026-11-22T08:59:59+09:00')] }),
      srv('none01'),
    ]);
    expect(statuses(r11SnapshotExpiry, e)).toEqual([
      `${N} Estate/s/exp01`,
      `${N} Estate/s/long01`,
      `${NA} Estate/s/none01`,
      `${C} Estate/s/ok01`,
    ]);
    expect(violations(r11SnapshotExpiry, e).map((v) => v.message)).toEqual([
      expect.stringContaining('72.0 h'),
      expect.stringContaining('expired at 2026-11-22T08:59:59+09:00'),
    ]);
  });

  test('R28 template and clone sources customize host name, IP and identity', () => {
    const e = makeEstate();
    const off = { disabled: { reason: '手作業で sysprep を実施' } };
    sys(e, 'c', [
      srv('tmpl01', { guestOs: 'rhel_7', source: { kind: 'template', template: 'rhel7' } }),
      srv('clone01', { source: { kind: 'clone', sourceVm: 'gold01', customization: off } }),
      srv('empty01'),
    ]);
    expect(statuses(r28GuestCustomization, e)).toEqual([
      `${N} Estate/c/clone01`,
      `${NA} Estate/c/empty01`,
      `${C} Estate/c/tmpl01`,
    ]);
  });

  test('R33 VMware Tools on vSphere servers only', () => {
    const e = makeEstate();
    sys(e, 'v', [srv('ok01'), srv('bad01', { vmwareTools: { install: false } })]);
    sys(e, 'h', [srv('hv01', { vmwareTools: { install: false } })], { hypervisor: 'hyperv' });
    expect(statuses(r33VmwareTools, e)).toEqual([`${NA} Estate/h/hv01`, `${N} Estate/v/bad01`, `${C} Estate/v/ok01`]);
  });

  test('R34 V2V media are handed over in person: an OVF from a URL warns (issue 10, item 8)', () => {
    const e = makeEstate();
    sys(e, 'v', [
      srv('url01', { source: { kind: 'ovf', remoteOvfUrl: 'https://media.pref.example.jp/v2v/url01.ovf' } }),
      srv('local01', { source: { kind: 'ovf', localOvfPath: 'D:/v2v/local01/local01.ovf' } }),
      srv('tmpl01'),
    ]);
    sys(
      e,
      'old',
      [srv('old01', { source: { kind: 'ovf', remoteOvfUrl: 'https://media.pref.example.jp/v2v/old01.ovf' } })],
      decommissioned('old'),
    );
    expect(statuses(r34V2vMediaHandedOver, e)).toEqual([
      `${NA} Estate/old/old01`,
      `${C} Estate/v/local01`,
      `${NA} Estate/v/tmpl01`,
      `${N} Estate/v/url01`,
    ]);
    expect(r34V2vMediaHandedOver.level).toBe('warning');
    expect(PLATFORM_RULES).toContain(r34V2vMediaHandedOver);
    const v = violations(r34V2vMediaHandedOver, e)[0]!;
    expect(v.value).toBe('"https://media.pref.example.jp/v2v/url01.ovf"');
    expect(v.messageJa).toContain('手渡し');
    expect(fs.readFileSync(path.join(__dirname, '..', '..', 'lib', 'rules', 'README.md'), 'utf8')).toContain(
      '| `R34-V2vMediaHandedOverInPerson` | warning |',
    );
  });

  test('R23 sizes far above the typical allocation warn', () => {
    const e = makeEstate();
    sys(e, 'r', [
      srv('ok01'),
      srv('big01', { cpu: { sockets: 4, coresPerSocket: 5 }, memoryGb: 65, disks: [{ sizeGb: 500 }, { sizeGb: 301 }] }),
    ]);
    sys(e, 'old', [srv('old01', { memoryGb: 500 })], decommissioned('old'));
    expect(statuses(r23RightSizing, e)).toEqual([
      `${NA} Estate/old/old01`,
      `${N} Estate/r/big01`,
      `${N} Estate/r/big01`,
      `${N} Estate/r/big01`,
      `${C} Estate/r/ok01`,
    ]);
    expect(violations(r23RightSizing, e).map((v) => v.value)).toEqual(['"vCPU 20"', '"memory 65 GB"', '"disk 801 GB"']);
  });
});

describe('lib/rules/README.md', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../lib/rules/README.md'), 'utf8');
  test.each(PLATFORM_RULES.map((r) => [r.name, r] as [string, Rule]))(
    'lists %s with its level and whether it can be acknowledged',
    (name, r) => {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(`| ${r.level} | ${{ yes: 'yes', no: '**never**', partly: 'partly' }[r.acknowledgeable]} |`);
    },
  );
});
