import { Construct } from 'constructs';
import {
  DeclarationError,
  Estate,
  IndividualBusinessSystem,
  IndividualBusinessSystemProps,
  fixedClock,
} from '../../lib/model';
import { examplePlatform } from '../fixtures/estate';

const estate = () =>
  new Estate(new Construct(undefined as unknown as Construct, ''), 'Estate', {
    platform: examplePlatform(),
    clock: fixedClock('2026-11-22T00:00:00Z'),
  });
const base = (): IndividualBusinessSystemProps => ({
  department: 'somu',
  systemId: 'bunsho',
  systemName: '文書管理システム',
  contacts: { primary: { nameJa: '盛岡 花子', phone: '019-629-5101', email: 'a@pref.example.jp' } },
  hypervisor: 'vsphere',
  phase: 'production',
  servers: [
    {
      name: 'ap01',
      cpu: { sockets: 2 },
      memoryGb: 8,
      disks: [{ sizeGb: 60 }],
      nics: [{ network: 'lgwan' }],
      guestOs: 'rhel_7',
      source: { kind: 'template', template: 'rhel7' },
    },
  ],
});

function errorOf(fn: () => unknown): DeclarationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DeclarationError) return e;
    throw e;
  }
  throw new Error('expected a DeclarationError');
}

describe('IndividualBusinessSystem', () => {
  test('a valid declaration builds its servers with defaults', () => {
    const sys = new IndividualBusinessSystem(estate(), 'sys', base());
    expect(sys.servers.map((s) => s.name)).toEqual(['ap01']);
    expect(sys.servers[0]!.spec.cpu.coresPerSocket).toBe(1);
    expect(sys.spec.backup.osImage).toBe(true);
    expect(sys.account).toBe('VSPHERE.LOCAL\\kiban-bunsho');
  });

  test('an unregistered department names path, field, value and R01', () => {
    const e = errorOf(() => new IndividualBusinessSystem(estate(), 'sys', { ...base(), department: 'gikai' }));
    expect(e.issues).toEqual([
      expect.objectContaining({ ruleId: 'R01', location: 'Estate/sys', field: 'department', received: '"gikai"' }),
    ]);
    expect(e.message).toMatch(/R01.*Estate\/sys.*department/);
    expect(e.message).toMatch(/登録されていません/);
  });

  test('a typo in a key is an error, all problems at once', () => {
    const props = base() as unknown as Record<string, unknown>;
    const e = errorOf(
      () => new IndividualBusinessSystem(estate(), 'sys', { ...props, sytemName: 'x', hypervisor: 'kvm' } as never),
    );
    expect(e.issues.map((i) => [i.field, i.ruleId])).toEqual(
      expect.arrayContaining([
        ['(root)', 'SCHEMA'],
        ['hypervisor', 'R21'],
      ]),
    );
  });

  test.each([
    ['cpu.sockets', { cpu: { sockets: 0 } }, 'R27'],
    ['memoryGb', { memoryGb: -1 }, 'R27'],
    ['nics.0.network', { nics: [{ network: 'nowhere' }] }, 'R24'],
    ['nics.0.ipv4', { nics: [{ network: 'lgwan', ipv4: '10.1.1.999' }] }, 'R29'],
    ['guestOs', { guestOs: 'windows_server_2016srv' }, 'R22'],
    ['source.template', { source: { kind: 'template', template: 'nope' } }, 'R06'],
    ['source.kind', { source: { kind: 'hyperv-export', exportPath: 'D:\\x' } }, 'R20'],
    ['name', { name: 'Bad_Name' }, 'R27'],
  ])('server field %s gives the documented error', (field, patch, rule) => {
    const props = base();
    const e = errorOf(
      () =>
        new IndividualBusinessSystem(estate(), 'sys', {
          ...props,
          servers: [{ ...props.servers![0]!, ...(patch as object) }],
        }),
    );
    expect(e.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: `servers.0.${field}`, ruleId: rule })]),
    );
  });

  test('decommissioning needs the explicit confirmation (R07)', () => {
    const e = errorOf(
      () =>
        new IndividualBusinessSystem(estate(), 'sys', {
          ...base(),
          phase: 'decommissioned',
          decommission: { confirmSystemId: 'bunsyo', form3Date: '2026-11-01', approvedBy: '室長' },
        }),
    );
    expect(e.issues[0]).toMatchObject({ ruleId: 'R07', field: 'decommission.confirmSystemId', received: '"bunsyo"' });
    expect(
      () =>
        new IndividualBusinessSystem(estate(), 'sys', {
          ...base(),
          phase: 'decommissioned',
          decommission: { confirmSystemId: 'bunsho', form3Date: '2026-11-01', approvedBy: '室長' },
        }),
    ).not.toThrow();
  });

  test('system ids are unique on the platform', () => {
    const e0 = estate();
    new IndividualBusinessSystem(e0, 'a', base());
    const e = errorOf(() => new IndividualBusinessSystem(e0, 'b', base()));
    expect(e.issues[0]).toMatchObject({ code: 'KIBAN_DUPLICATE_SYSTEM_ID', field: 'systemId' });
  });
});

describe('field → rule mapping', () => {
  test.each([
    [{ backupVolume: { sizeGb: 0 } }, 'servers.0.backupVolume.sizeGb', 'R10a'],
    [
      {
        snapshots: [
          {
            name: 'Bad Name',
            purposeJa: 'x',
            createdAt: '2026-11-21T09:00:00+09:00',
            expiresAt: '2026-11-22T09:00:00+09:00',
          },
        ],
      },
      'servers.0.snapshots.0.name',
      'R11',
    ],
  ])('%j reports %s under %s', (patch, field, rule) => {
    const props = base();
    const e = errorOf(
      () =>
        new IndividualBusinessSystem(estate(), 'sys', {
          ...props,
          servers: [{ ...props.servers![0]!, ...(patch as object) }],
        }),
    );
    expect(e.issues).toEqual([expect.objectContaining({ field, ruleId: rule })]);
  });
});
