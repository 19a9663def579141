import { DedicatedVlan, Estate, SharedRhelLicense, SharedWindowsDatacenterLicense, fixedClock } from '../../lib/model';
import { countVerdicts, formatFinding, runRulePack, upgradeImpact } from '../../lib/rules';
import { exampleEstate } from '../fixtures/estate';
import { AS_OF, decommissioned, makeEstate, pooledEstate, srv, sys } from './helpers';

function defaultEstate(): Estate {
  return exampleEstate();
}

/** One violation per rule of the pack, plus an acknowledgement of a rule that can never be acknowledged. */
function violatingEstate(): Estate {
  const e = makeEstate((p) => (p.hyperv.backupStorageCapacityGb = 100));
  new SharedRhelLicense(e, 'Rhel', { units: 6 });
  new SharedWindowsDatacenterLicense(e, 'Win', { units: 1 });
  const vlan = (id: string, vlanId: number, subnet: string) =>
    new DedicatedVlan(e, id, {
      name: id.toLowerCase(),
      descriptionJa: '専用ネットワーク',
      vlanId,
      subnet,
      department: 'somu',
      ipAdministrator: { party: 'department', nameJa: '総務部' },
    });
  vlan('Vlan-dup', 110, '10.250.0.0/24'); // R24-VlanIdsUnique
  vlan('Vlan-overlap', 301, '10.110.0.0/24'); // R24-SubnetsDoNotOverlap
  sys(e, 'r01', [srv('r0101')], { department: 'hisho' }); // R01 once the department is unregistered
  sys(e, 'win', [srv('win01', { guestOs: 'windows_server_2019', backupVolume: { sizeGb: 200 } })], {
    hypervisor: 'hyperv',
  }); // R03 + R05 pool
  sys(
    e,
    'hvmix',
    [
      srv('rac01', {
        guestOs: 'windows_server_2019',
        osLicense: 'department',
        oracleDatabase: { edition: 'SE2', license: 'department', rac: true },
      }), // R05 RAC
      srv('sles01', { guestOs: 'sles_15', osLicense: 'shared' }), // R05 shared OS licence
      srv('ws22', { guestOs: 'windows_server_2022' }), // R22 unsupported
      srv('centos01', { guestOs: 'centos_7' }), // R22 end of support
    ],
    { hypervisor: 'hyperv' },
  );
  const bk = sys(e, 'bk', [srv('bk01', { backupVolume: { sizeGb: 10 } })]);
  bk.spec.backup.osImage = false; // R10
  bk.servers[0]!.backupVolume!.props.datastore = 'kiban-sys-ds01'; // R10a
  sys(
    e,
    'vs',
    [
      srv('snap01', {
        snapshots: [
          {
            name: 'old',
            purposeJa: 'パッチ適用前',
            createdAt: '2026-11-19T09:00:00+09:00',
            expiresAt: '2026-11-21T09:00:00+09:00',
          },
        ],
      }), // R11
      srv('ora01', { oracleDatabase: { edition: 'EE', license: 'department' } }), // R21
      srv('big01', { cpu: { sockets: 4, coresPerSocket: 5 } }), // R23
      srv('bridge01', { nics: [{ network: 'lgwan' }, { network: 'internet' }] }), // R24 zones
      srv('ip01', { nics: [{ network: 'internet', ipv4: '10.200.0.5' }] }), // R24 IP
      srv('usb01', { devices: ['usb'] }), // R26
      srv('clone01', {
        source: { kind: 'clone', sourceVm: 'gold01', customization: { disabled: { reason: '手作業で設定する' } } },
      }), // R28
      srv('notools01', { vmwareTools: { install: false } }), // R33
    ],
    {
      acknowledgements: [
        { ruleId: 'R24', reasonJa: '業務上どうしても二つの系に接続が必要', approvedBy: '某課長', date: '2026-11-20' },
      ],
    },
  ); // refused
  sys(e, 'dup', [srv('snap01')]); // R24 names
  e.platform.departments.splice(
    e.platform.departments.findIndex((d) => d.code === 'hisho'),
    1,
  );
  return e;
}

describe('runRulePack', () => {
  test('the example estate gives zero errors', () => {
    const r = runRulePack(defaultEstate());
    expect(r.errors).toEqual([]);
    expect(r.findings.filter((f) => f.acknowledged).length).toBeGreaterThan(0);
    expect(r.acknowledgements.every((a) => a.status === 'applied')).toBe(true);
  });

  test('a violation per rule: exactly those findings, all in one run', () => {
    const r = runRulePack(violatingEstate());
    expect(r.findings.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'R03-CapacityWithinPlatform Estate',
      'R24-VlanIdsUnique Estate/Vlan-dup',
      'R24-SubnetsDoNotOverlap Estate/Vlan-overlap',
      'R05-SharedLicensePoolsNotOvercommitted Estate/Win',
      'R10-OsImageBackup Estate/bk',
      'R10a-BackupVolumeOnBackupStorage Estate/bk/bk01/BackupVolume',
      'R24-HostNamesAndFqdnsUnique Estate/dup/snap01',
      'R22-GuestOsWithinVendorSupport Estate/hvmix/centos01',
      'R05-NoRacOnSe2 Estate/hvmix/rac01',
      'R05-SharedOsLicenseEligible Estate/hvmix/sles01',
      'R22-GuestOsSupportedByHypervisor Estate/hvmix/ws22',
      'R01-DepartmentRegistered Estate/r01',
      'R24-AcknowledgementRefused Estate/vs',
      'R23-RightSizing Estate/vs/big01',
      'R24-ZoneIsolation Estate/vs/bridge01',
      'R28-TemplateAndCloneCustomized Estate/vs/clone01',
      'R24-IpAddressesValid Estate/vs/ip01',
      'R33-VmwareToolsInstalled Estate/vs/notools01',
      'R21-OracleOnlyOnHyperV Estate/vs/ora01',
      'R11-SnapshotExpiry Estate/vs/snap01',
      'R26-NoPassthroughDevices Estate/vs/usb01',
    ]);
    expect(r.warnings.map((f) => f.rule)).toEqual(['R23-RightSizing']);
    expect(r.errors).toHaveLength(20);
    expect(r.acknowledgements).toEqual([
      expect.objectContaining({ ruleId: 'R24', status: 'refused', systemId: 'sys-vs' }),
    ]);
  });

  test('every message names the construct path, the offending value and the rule ID, in English and Japanese', () => {
    for (const f of runRulePack(violatingEstate()).findings) {
      const text = formatFinding(f);
      expect(text).toContain(f.path);
      expect(text).toContain(f.value);
      expect(text).toContain(`[${f.ruleId}]`);
      expect(text).toContain(f.messageJa);
      expect(f.value.length).toBeGreaterThan(0);
    }
  });

  test('findings are deterministic and sorted by path, then rule', () => {
    const a = runRulePack(violatingEstate()).findings;
    expect(runRulePack(violatingEstate()).findings).toEqual(a);
    const keys = a.map((f) => `${f.path}\u0000${f.rule}`);
    expect([...keys].sort()).toEqual(keys); // code-unit order: independent of the locale
  });

  describe('acknowledgements', () => {
    const ack = (ruleId: string, server?: string) => ({
      ruleId,
      ...(server ? { server } : {}),
      reasonJa: '統合基盤管理者と協議済みの業務上の理由',
      approvedBy: '科学・情報政策室 統合基盤担当',
      date: '2026-11-20',
    });

    test('an acknowledged finding stays in findings with .acknowledged, leaves errors, and is recorded', () => {
      const e = pooledEstate();
      sys(e, 'a', [srv('usb01', { devices: ['usb'] }), srv('usb02', { devices: ['serial'] })], {
        acknowledgements: [ack('R26', 'usb01')],
      });
      const r = runRulePack(e);
      expect(r.findings.map((f) => [f.path, f.acknowledged?.approvedBy])).toEqual([
        ['Estate/a/usb01', '科学・情報政策室 統合基盤担当'],
        ['Estate/a/usb02', undefined],
      ]);
      expect(r.errors.map((f) => f.path)).toEqual(['Estate/a/usb02']);
      expect(r.acknowledgements).toEqual([
        expect.objectContaining({ ruleId: 'R26', server: 'usb01', status: 'applied', suppressed: 1 }),
      ]);
      expect(formatFinding(r.findings[0]!)).toContain('承認済み');
    });

    test('acknowledging a rule that can never be acknowledged is itself an error, and suppresses nothing', () => {
      for (const id of ['R21', 'R24', 'R05']) {
        const e = pooledEstate();
        sys(e, 'a', [srv('ora01', { oracleDatabase: { edition: 'EE', license: 'department' } })], {
          acknowledgements: [ack(id)],
        });
        const r = runRulePack(e);
        expect(r.errors.map((f) => f.rule)).toEqual(
          id === 'R21'
            ? ['R21-AcknowledgementRefused', 'R21-OracleOnlyOnHyperV']
            : [`${id}-AcknowledgementRefused`, 'R21-OracleOnlyOnHyperV'],
        );
        expect(r.errors[0]!.why).toMatch(/licence|separation|unlicensed/);
      }
    });

    test('R22 is partly acknowledgeable: unconfirmed support yes, end of life in production never', () => {
      const e = pooledEstate();
      sys(e, 'a', [srv('rhel7', { guestOs: 'rhel_7' })], { acknowledgements: [ack('R22')] });
      sys(e, 'b', [srv('centos01', { guestOs: 'centos_7' })], { hypervisor: 'hyperv', acknowledgements: [ack('R22')] });
      const r = runRulePack(e);
      expect(r.findings.map((f) => [f.rule, f.path, f.level, !!f.acknowledged])).toEqual([
        ['R22-GuestOsSupportedByHypervisor', 'Estate/a/rhel7', 'warning', true],
        ['R22-AcknowledgementUnused', 'Estate/b', 'info', false],
        ['R22-GuestOsWithinVendorSupport', 'Estate/b/centos01', 'error', false],
      ]);
    });

    test('an acknowledgement of an unknown rule is a warning; one on a decommissioned system is ignored', () => {
      const e = pooledEstate();
      sys(e, 'a', [srv('a01')], { acknowledgements: [ack('R99')] });
      sys(e, 'b', [srv('b01')], { ...decommissioned('b'), acknowledgements: [ack('R24')] });
      const r = runRulePack(e);
      expect(r.findings.map((f) => [f.rule, f.level])).toEqual([['R99-AcknowledgementUnknownRule', 'warning']]);
    });
  });

  test('decommissioned servers are not-applicable to running-resource rules', () => {
    const e = pooledEstate();
    sys(
      e,
      'a',
      [
        srv('a01', {
          devices: ['usb'],
          nics: [{ network: 'lgwan' }, { network: 'internet' }],
          guestOs: 'centos_7',
          vmwareTools: { install: false },
        }),
      ],
      decommissioned('a'),
    );
    expect(runRulePack(e).findings).toEqual([]);
  });

  test('the clock option overrides the estate clock', () => {
    const e = pooledEstate();
    sys(e, 'a', [
      srv('snap01', {
        snapshots: [
          {
            name: 'snap',
            purposeJa: '試験',
            createdAt: '2026-11-22T00:00:00+09:00',
            expiresAt: '2026-11-24T00:00:00+09:00',
          },
        ],
      }),
    ]);
    expect(runRulePack(e).errors).toEqual([]);
    expect(runRulePack(e, { clock: fixedClock('2026-11-25T00:00:00+09:00') }).errors.map((f) => f.rule)).toEqual([
      'R11-SnapshotExpiry',
    ]);
  });
});

describe('upgradeImpact (R12)', () => {
  test('gives every running server of the target hypervisor a verdict with its fact and sources', () => {
    const e = pooledEstate((p) => (p.vsphere.esxiVersion = '7.0'));
    sys(
      e,
      'h',
      [
        srv('ws19', { guestOs: 'windows_server_2019' }),
        srv('ubuntu01', { guestOs: 'ubuntu_20_04', osLicense: 'department' }),
      ],
      { hypervisor: 'hyperv' },
    );
    sys(e, 'v', [srv('rhel9')]);
    sys(e, 'old', [srv('old01', { guestOs: 'ubuntu_20_04' })], { ...decommissioned('old'), hypervisor: 'hyperv' });
    const impact = upgradeImpact(e, { windowsServerVersion: '2022' });
    expect(impact.map((i) => [i.path, i.verdict, i.targetSupport, i.currentSupport])).toEqual([
      ['Estate/h/ubuntu01', 'unconfirmed', 'unconfirmed', 'supported'],
      ['Estate/h/ws19', 'supported', 'supported', 'supported'],
    ]);
    const [ubuntu, ws19] = impact;
    expect(ubuntu!.checkWithVendor).toEqual({
      vendor: 'Microsoft',
      guestOs: 'Ubuntu 20.04 LTS',
      host: 'Hyper-V on Windows Server 2022',
      where: expect.objectContaining({ url: expect.stringContaining('learn.microsoft.com') }),
    });
    expect(ws19!.checkWithVendor).toBeUndefined();
    expect(ws19!.sources).toEqual([
      expect.objectContaining({
        title: expect.stringContaining('Supported Windows guest operating systems for Hyper-V'),
      }),
    ]);
    expect(upgradeImpact(e, { esxiVersion: '6.5' })).toEqual([
      expect.objectContaining({
        systemId: 'sys-v',
        server: 'rhel9',
        verdict: 'unsupported',
        targetSupport: 'unsupported',
        toVersion: '6.5',
      }),
    ]);
    expect(upgradeImpact(e, {})).toEqual([]);
    expect(AS_OF).toBeDefined();
  });

  test('a guest OS whose vendor support ends before the upgrade day is past end of support', () => {
    const e = pooledEstate();
    sys(e, 'h', [srv('ws16', { guestOs: 'windows_server_2016' })], { hypervisor: 'hyperv' });
    const before = upgradeImpact(e, { windowsServerVersion: '2022', on: '2027-01-12' });
    const after = upgradeImpact(e, { windowsServerVersion: '2022', on: '2027-01-13' });
    expect(before.map((i) => i.verdict)).toEqual(['supported']);
    expect(after.map((i) => [i.verdict, i.endOfSupport])).toEqual([['past-end-of-support', '2027-01-12']]);
    expect(after[0]!.fact).toContain('2027-01-12');
    expect(after[0]!.sources.map((s) => s.url)).toEqual([expect.stringContaining('endoflife.date')]);
    expect(countVerdicts(after)).toEqual({ supported: 0, unsupported: 0, 'past-end-of-support': 1, unconfirmed: 0 });
    expect(() => upgradeImpact(e, { windowsServerVersion: '2022', on: 'soon' })).toThrow(/not a date: "soon"/);
  });
});
