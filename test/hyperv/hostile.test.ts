import fc from 'fast-check';
import { emitHyperV, psQuote } from '../../lib/hyperv';
import {
  DeclarationError,
  Estate,
  IndividualBusinessSystem,
  IndividualBusinessSystemProps,
  Platform,
} from '../../lib/model';
import { fullProps, newEstate, vlan } from './fixtures';
import { commands, loadParser, maskedShape, parse, syntaxErrors } from './ps-parse';
import { examplePlatform } from '../fixtures/estate';

beforeAll(async () => {
  await loadParser();
});

const PIECES = [
  "'",
  '\u2018',
  '\u2019',
  '\u201A',
  '\u201B',
  '"',
  '\u201C',
  '$(',
  ')',
  '${',
  '}',
  '`',
  '\n',
  '\r\n',
  ';',
  '|',
  '&',
  '#',
  '<#',
  '#>',
  "@'",
  "'@",
  '\u2028',
  '\u0085',
  '{{ComputerName}}',
  'a',
  '日本',
  ' ',
  '$env:PATH',
  'Remove-VM x',
];
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

describe('psQuote', () => {
  test('doubles each of the five single-quote characters', () => {
    expect(psQuote("a'b\u2018c\u2019d\u201Ae\u201Bf")).toBe(
      "'a''b\u2018\u2018c\u2019\u2019d\u201A\u201Ae\u201B\u201Bf'",
    );
    expect(psQuote('$(x) `n "y"')).toBe('\'$(x) `n "y"\'');
  });
  test('any string becomes exactly one string literal', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string()), (s) => {
        const tree = parse(`$x = ${psQuote(s)}\n`);
        expect(syntaxErrors(tree)).toEqual([]);
        expect(maskedShape(tree)).toBe(maskedShape(parse("$x = 'benign'\n")));
      }),
      { numRuns: 300 },
    );
  });
});

type Build = (value: string) => Estate;
const withSystem =
  (
    patch: (p: IndividualBusinessSystemProps, value: string) => IndividualBusinessSystemProps,
    platformPatch?: (p: Platform, value: string) => void,
  ): Build =>
  (value) => {
    const platform = examplePlatform();
    platformPatch?.(platform, value);
    const e = newEstate(platform);
    vlan(e);
    new IndividualBusinessSystem(e, 'full', patch(fullProps(), value));
    return e;
  };
const server0 = (
  p: IndividualBusinessSystemProps,
  f: (s: Record<string, unknown>) => Record<string, unknown>,
): IndividualBusinessSystemProps => ({
  ...p,
  servers: [f({ ...p.servers![0]! } as Record<string, unknown>) as never, ...p.servers!.slice(1)],
});

/** Every declared string field that reaches the scripts: [field, benign value, build]. */
const FIELDS: [string, string, Build][] = [
  ['systemName', '業務システム', withSystem((p, v) => ({ ...p, systemName: v }))],
  ['systemId', 'hv-full', withSystem((p, v) => ({ ...p, systemId: v }))],
  ['department', 'hoken', withSystem((p, v) => ({ ...p, department: v }))],
  [
    'backup.osImageOptOutReasonJa',
    '理由あり',
    withSystem((p, v) => ({ ...p, backup: { osImage: false, osImageOptOutReasonJa: v } })),
  ],
  ['servers.0.name', 'tmpl01', withSystem((p, v) => server0(p, (s) => ({ ...s, name: v })))],
  ['servers.0.roleJa', 'APサーバ', withSystem((p, v) => server0(p, (s) => ({ ...s, roleJa: v })))],
  [
    'servers.0.source.customization.windows.organizationJa',
    '岩手県',
    withSystem((p, v) =>
      server0(p, (s) => ({
        ...s,
        source: { kind: 'template', template: 'ws2019', customization: { windows: { organizationJa: v } } },
      })),
    ),
  ],
  [
    'servers.0.source.customization.windows.workgroup',
    'KIBAN',
    withSystem((p, v) =>
      server0(p, (s) => ({
        ...s,
        source: { kind: 'template', template: 'ws2019', customization: { windows: { workgroup: v } } },
      })),
    ),
  ],
  [
    'servers.0.snapshots.0.name',
    'before-patch',
    withSystem((p, v) => server0(p, (s) => ({ ...s, snapshots: [{ ...(s.snapshots as object[])[0]!, name: v }] }))),
  ],
  [
    'servers.0.snapshots.0.purposeJa',
    'パッチ前',
    withSystem((p, v) =>
      server0(p, (s) => ({ ...s, snapshots: [{ ...(s.snapshots as object[])[0]!, purposeJa: v }] })),
    ),
  ],
  [
    'servers.1.source.isoPath',
    'C:\\ISO\\a.iso',
    withSystem((p, v) => ({
      ...p,
      servers: [p.servers![0]!, { ...p.servers![1]!, source: { kind: 'empty', isoPath: v } }],
    })),
  ],
  [
    'servers.2.source.exportPath',
    'D:\\V2V\\a',
    withSystem((p, v) => ({
      ...p,
      servers: [
        p.servers![0]!,
        p.servers![1]!,
        { ...p.servers![2]!, source: { kind: 'hyperv-export', exportPath: v } },
      ],
    })),
  ],
  [
    'platform.hyperv.vmStoragePath',
    'C:\\VMs',
    withSystem(
      (p) => p,
      (pl, v) => {
        pl.hyperv.vmStoragePath = v;
      },
    ),
  ],
  [
    'platform.hyperv.backupStoragePath',
    'C:\\Backup',
    withSystem(
      (p) => p,
      (pl, v) => {
        pl.hyperv.backupStoragePath = v;
      },
    ),
  ],
  [
    'platform.hyperv.templates.1.name',
    'C:\\T\\ws2019.vhdx',
    withSystem(
      (p) => p,
      (pl, v) => {
        pl.hyperv.templates[1]!.name = v;
      },
    ),
  ],
  [
    'platform.networks.lgwan.hypervSwitch',
    'vSwitch-A',
    withSystem(
      (p) => p,
      (pl, v) => {
        pl.networks.lgwan.hypervSwitch = v;
      },
    ),
  ],
  [
    'platform.backupPolicy.tag',
    'weekly',
    withSystem(
      (p) => p,
      (pl, v) => {
        pl.backupPolicy.tag = v;
      },
    ),
  ],
  [
    'platform.hyperv.windowsServerVersion',
    '2016',
    withSystem(
      (p) => p,
      (pl, v) => {
        pl.hyperv.windowsServerVersion = v;
      },
    ),
  ],
  [
    'platform.hyperv.cluster',
    'KIBAN-HVCL01',
    withSystem(
      (p) => p,
      (pl, v) => {
        pl.hyperv.cluster = v;
      },
    ),
  ],
  [
    'servers.0.nics.0.ipv4',
    '10.120.0.21',
    withSystem((p, v) =>
      server0(p, (s) => ({ ...s, nics: [{ network: 'lgwan', ipv4: v }, ...(s.nics as object[]).slice(1)] })),
    ),
  ],
  [
    'servers.0.source.customization.domain',
    'hoken.pref.example.jp',
    withSystem((p, v) =>
      server0(p, (s) => ({ ...s, source: { kind: 'template', template: 'ws2019', customization: { domain: v } } })),
    ),
  ],
  [
    'servers.0.source.customization.timeZone',
    'Asia/Tokyo',
    withSystem((p, v) =>
      server0(p, (s) => ({ ...s, source: { kind: 'template', template: 'ws2019', customization: { timeZone: v } } })),
    ),
  ],
];

function structure(files: Map<string, string>) {
  return [...files]
    .filter(([k]) => k.endsWith('.ps1'))
    .map(([k, text]) => {
      const tree = parse(text);
      return {
        file: k,
        errors: syntaxErrors(tree),
        commands: commands(tree).map((c) => [c.name, ...c.params].join(' ')),
        shape: maskedShape(tree),
      };
    });
}

/** Paths need a drive prefix to get past the schema at all, so hostile values are tried both bare and as `C:\<hostile>`. */
const variants = (field: string, s: string) => (/Path|templates/.test(field) ? [s, `C:\\${s}`] : [s]);

describe.each(FIELDS)('hostile value in %s', (field, benign, build) => {
  let expected: ReturnType<typeof structure> = [];
  beforeAll(() => {
    expected = structure(emitHyperV(build(benign)));
  });
  test('benign value parses without errors', () => {
    expect(expected.length).toBeGreaterThan(0);
    for (const f of expected) expect(f.errors).toEqual([]);
  });
  test('rejected by the schema, or the same commands and AST shape as the benign value', () => {
    fc.assert(
      fc.property(hostile, (h) => {
        for (const value of variants(field, h)) {
          let files: Map<string, string>;
          try {
            files = emitHyperV(build(value));
          } catch (e) {
            expect(e).toBeInstanceOf(DeclarationError);
            expect((e as DeclarationError).issues.length).toBeGreaterThan(0);
            continue;
          }
          expect(structure(files)).toEqual(expected);
        }
      }),
      { numRuns: 20 },
    );
  });
});
