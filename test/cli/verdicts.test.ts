/**
 * One verdict: for a failing case of every rule of the pack, `kiban validate` and `kiban synth`
 * report the same rule IDs (issue 11). Each case is an estate folder of its own: one platform file
 * (the example platform on ESXi 8.0, with licence pools and dedicated VLANs) and its systems.
 */
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { runCli } from '../../lib/cli/main';
import { ValidationReport, runValidateCli } from '../../lib/intake';
import { DedicatedVlanProps, IndividualBusinessSystemProps, Platform, VirtualServerProps } from '../../lib/model';
import { PLATFORM_RULES, rulesStage } from '../../lib/rules';
import { AS_OF, examplePlatform, tempDir } from '../fixtures/estate';

type Data = Platform & { dedicatedVlans?: DedicatedVlanProps[]; sharedLicenses?: Record<string, { units: number }> };

const contacts = { primary: { nameJa: '盛岡 花子', phone: '019-629-5101', email: 'a@pref.example.jp' } };
const srv = (name: string, o: Partial<VirtualServerProps> = {}): VirtualServerProps => ({
  name,
  cpu: { sockets: 1, coresPerSocket: 2 },
  memoryGb: 4,
  disks: [{ sizeGb: 50 }],
  nics: [{ network: 'internet' }],
  guestOs: 'rhel_9',
  source: { kind: 'empty' },
  ...o,
});
const sys = (
  id: string,
  servers: VirtualServerProps[],
  o: Partial<IndividualBusinessSystemProps> = {},
): IndividualBusinessSystemProps => ({
  department: 'somu',
  systemId: `sys-${id}`,
  systemName: `テスト${id}`,
  contacts,
  hypervisor: 'vsphere',
  phase: 'production',
  servers,
  ...o,
});
const ora = { edition: 'SE2' as const, license: 'shared' as const };
const vlan = (o: Partial<DedicatedVlanProps>): DedicatedVlanProps => ({
  name: 'dv-test',
  descriptionJa: '試験用',
  vlanId: 300,
  subnet: '10.240.0.0/24',
  department: 'somu',
  ipAdministrator: { party: 'department', nameJa: '総務課' },
  ...o,
});

interface Case {
  /** The rule (by name) the case breaks; its rule ID must be in both verdicts. */
  readonly rule: string;
  readonly systems: IndividualBusinessSystemProps[];
  readonly platform?: (p: Data) => void;
}

const CASES: Case[] = [
  { rule: 'R01-DepartmentRegistered', systems: [sys('a', [srv('a01')], { department: 'gikai' })] },
  {
    rule: 'R03-CapacityWithinPlatform',
    systems: [sys('a', [srv('a01', { memoryGb: 64 })])],
    platform: (p) => (p.vsphere.clusters[0]!.memoryGbPerHost = 8),
  },
  {
    rule: 'R05-NoRacOnSe2',
    systems: [
      sys(
        'a',
        [
          srv('a01', {
            guestOs: 'windows_server_2019',
            oracleDatabase: { edition: 'SE2', license: 'department', rac: true },
          }),
        ],
        { hypervisor: 'hyperv' },
      ),
    ],
  },
  {
    rule: 'R05-SharedLicensePoolsNotOvercommitted',
    systems: [
      sys('a', [srv('a01', { guestOs: 'windows_server_2019', oracleDatabase: ora })], { hypervisor: 'hyperv' }),
    ],
    platform: (p) => (p.sharedLicenses!.oracleSe2 = { units: 1 }),
  },
  {
    rule: 'R05-SharedOsLicenseEligible',
    systems: [sys('a', [srv('a01', { guestOs: 'sles_15', osLicense: 'shared' })])],
  },
  { rule: 'R10-OsImageBackup', systems: [sys('a', [srv('a01')], { backup: { osImage: false } })] },
  {
    rule: 'R10a-BackupVolumeOnBackupStorage',
    systems: [sys('a', [srv('a01', { backupVolume: { sizeGb: 100, datastore: 'kiban-sys-ds01' } })])],
  },
  {
    rule: 'R10a-DisksOnSystemStorage',
    systems: [sys('a', [srv('a01', { disks: [{ sizeGb: 50 }, { sizeGb: 20, datastore: 'kiban-bk-ds01' }] })])],
  },
  {
    rule: 'R11-SnapshotExpiry',
    systems: [
      sys('a', [
        srv('a01', {
          snapshots: [
            {
              name: 'before-patch',
              purposeJa: 'パッチ前',
              createdAt: '2026-11-01T09:00:00+09:00',
              expiresAt: '2026-11-02T09:00:00+09:00',
            },
          ],
        }),
      ]),
    ],
  },
  {
    rule: 'R12-ProviderSupportsVcenter',
    systems: [sys('a', [srv('a01')])],
    platform: (p) => (p.vsphere.vcenterVersion = '6.5'),
  },
  { rule: 'R21-OracleOnlyOnHyperV', systems: [sys('a', [srv('a01', { oracleDatabase: ora })])] },
  {
    rule: 'R22-GuestOsSupportedByHypervisor',
    systems: [sys('a', [srv('a01', { guestOs: 'windows_server_2022' })], { hypervisor: 'hyperv' })],
  },
  {
    rule: 'R22-GuestOsWithinVendorSupport',
    systems: [sys('a', [srv('a01', { guestOs: 'centos_7' })], { hypervisor: 'hyperv' })],
  },
  { rule: 'R23-RightSizing', systems: [sys('a', [srv('a01', { memoryGb: 128 })])] },
  {
    rule: 'R24-ZoneIsolation',
    systems: [sys('a', [srv('a01', { nics: [{ network: 'internet' }, { network: 'lgwan' }] })])],
  },
  {
    rule: 'R24-VlanIdsUnique',
    systems: [sys('a', [srv('a01')])],
    platform: (p) => p.dedicatedVlans!.push(vlan({ vlanId: 110 })),
  },
  {
    rule: 'R24-SubnetsDoNotOverlap',
    systems: [sys('a', [srv('a01')])],
    platform: (p) => p.dedicatedVlans!.push(vlan({ subnet: '10.110.1.0/24' })),
  },
  {
    rule: 'R24-IpAddressesValid',
    systems: [sys('a', [srv('a01', { nics: [{ network: 'internet', ipv4: '192.168.1.10' }] })])],
  },
  { rule: 'R24-HostNamesAndFqdnsUnique', systems: [sys('a', [srv('web01')]), sys('b', [srv('web01')])] },
  { rule: 'R26-NoPassthroughDevices', systems: [sys('a', [srv('a01', { devices: ['usb'] })])] },
  {
    rule: 'R28-TemplateAndCloneCustomized',
    systems: [
      sys('a', [
        srv('a01', {
          source: {
            kind: 'clone',
            sourceVm: 'gold01',
            customization: { disabled: { reason: '手作業で sysprep を実施' } },
          },
        }),
      ]),
    ],
  },
  {
    rule: 'R34-V2vMediaHandedOverInPerson',
    systems: [
      sys('a', [srv('a01', { source: { kind: 'ovf', remoteOvfUrl: 'https://media.pref.example.jp/v2v/a01.ovf' } })]),
    ],
  },
  { rule: 'R33-VmwareToolsInstalled', systems: [sys('a', [srv('a01', { vmwareTools: { install: false } })])] },
];

/** Writes a case as an estate folder with a single platform file. */
function estateOf(c: Case): string {
  const dir = tempDir('kiban-verdict-');
  const p: Data = {
    ...examplePlatform(),
    sharedLicenses: { oracleSe2: { units: 100 }, rhel: { units: 100 }, windowsDatacenter: { units: 100 } },
    dedicatedVlans: [],
  };
  p.vsphere.esxiVersion = '8.0';
  p.vsphere.vcenterVersion = '8.0';
  c.platform?.(p);
  if (p.dedicatedVlans!.length === 0) delete p.dedicatedVlans;
  fs.mkdirSync(path.join(dir, 'platform'));
  fs.writeFileSync(
    path.join(dir, 'platform', 'platform.yaml'),
    `# yaml-language-server: $schema=../../schemas/platform.schema.json\n${stringify(p)}`,
  );
  for (const s of c.systems) {
    fs.mkdirSync(path.join(dir, 'systems', s.department), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'systems', s.department, `${s.systemId}.yaml`),
      `# yaml-language-server: $schema=../../../schemas/system.schema.json\n${stringify(s)}`,
    );
  }
  return dir;
}

/** Errors by rule ID, warnings by rule (rule pack only), as each command reports them. */
interface Verdict {
  readonly exit: number;
  readonly errors: string[];
  readonly warnings: string[];
}
const uniq = (xs: string[]) => [...new Set(xs)].sort();

function validateVerdict(dir: string): Verdict {
  const out: string[] = [];
  const exit = runValidateCli(['--estate', dir, '--now', AS_OF, '--json'], {
    out: (l) => out.push(l),
    err: () => undefined,
  });
  const r = JSON.parse(out.join('\n')) as ValidationReport;
  return {
    exit,
    errors: uniq(r.errors.map((i) => i.ruleId)),
    warnings: uniq(r.warnings.filter((i) => !i.code.startsWith('KIBAN_')).map((i) => i.code)),
  };
}

function synthVerdict(dir: string): Verdict {
  const err: string[] = [];
  const exit = runCli(['synth', '--estate', dir, '--out', path.join(dir, 'out'), '--quiet', '--now', AS_OF], {
    out: () => undefined,
    err: (s) => err.push(s),
    stages: () => [rulesStage({ write: (s) => err.push(s) })],
  });
  const text = err.join('');
  return {
    exit,
    errors: uniq([...text.matchAll(/^(?:ERROR \[|.*: error \[)(R\d+[a-z]?|SCHEMA)\]/gm)].map((m) => m[1]!)),
    warnings: uniq([...text.matchAll(/^WARNING \[R\d+[a-z]?\] (\S+)/gm)].map((m) => m[1]!)),
  };
}

describe('kiban validate and kiban synth give one verdict', () => {
  test('every rule of the pack has a failing case here', () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(PLATFORM_RULES.map((r) => r.name).sort());
  });

  test('a clean estate passes both', () => {
    const dir = estateOf({ rule: 'none', systems: [sys('a', [srv('a01')])] });
    expect(validateVerdict(dir)).toEqual({ exit: 0, errors: [], warnings: [] });
    expect(synthVerdict(dir)).toEqual({ exit: 0, errors: [], warnings: [] });
  });

  test.each(CASES.map((c) => [c.rule, c] as const))('%s: same rule IDs from validate and synth', (rule, c) => {
    const dir = estateOf(c);
    const v = validateVerdict(dir);
    const s = synthVerdict(dir);
    expect(v).toEqual(s);
    const id = rule.split('-')[0]!;
    expect([...v.errors, ...v.warnings.map((w) => w.split('-')[0]!)]).toContain(id);
  });
});
