import { z } from 'zod';
import { parseProps, rememberParse } from '../../lib/model/validate';
import { Construct } from 'constructs';
import {
  DeclarationError,
  Estate,
  IndividualBusinessSystem,
  IndividualBusinessSystemProps,
  fixedClock,
} from '../../lib/model';
import { runRulePack } from '../../lib/rules';
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

  test("policy is the rule pack's: an unregistered department (R01) or an OS-image opt-out without reason (R10) builds", () => {
    const e = estate();
    new IndividualBusinessSystem(e, 'sys', { ...base(), department: 'gikai', backup: { osImage: false } });
    expect(
      runRulePack(e)
        .errors.filter((f) => f.ruleId !== 'R05')
        .map((f) => [f.rule, f.path, f.field, f.value]),
    ).toEqual([
      ['R01-DepartmentRegistered', 'Estate/sys', 'department', '"gikai"'],
      ['R10-OsImageBackup', 'Estate/sys', 'backup.osImageOptOutReasonJa', '{"osImage":false}'],
    ]);
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

describe('rememberParse (issue 14: the intake check hands its parse to the construction)', () => {
  const schema = z.strictObject({ n: z.number().default(1) });

  test('the next parseProps of the same object by the same schema takes the remembered result, once', () => {
    const input = { n: 2 };
    const remembered = { n: 2 };
    rememberParse(schema, input, remembered);
    expect(parseProps(schema, input, 'x')).toBe(remembered);
    const again = parseProps(schema, input, 'x');
    expect(again).toEqual({ n: 2 });
    expect(again).not.toBe(remembered);
  });

  test('another schema parses again (and still refuses bad input)', () => {
    const input = { n: 'no' };
    rememberParse(z.strictObject({ n: z.string() }), input, input);
    expect(() => parseProps(schema, input, 'Estate/sys')).toThrow(/n/);
  });
});
