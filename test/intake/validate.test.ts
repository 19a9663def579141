import * as fs from 'fs';
import * as path from 'path';
import { IntakeError, IntakeIssue, ValidateOptions, loadEstate, runValidateCli, validateFiles } from '../../lib/intake';
import { DeclarationError, IndividualBusinessSystem, fixedClock } from '../../lib/model';
import { AS_OF, copyExampleEstate, platformOnlyEstate } from '../fixtures/estate';

const MODE = '# yaml-language-server: $schema=../../../schemas/system.schema.json';

const SYSTEM = `${MODE}
department: somu
systemId: bunsho
systemName: 文書管理システム
contacts:
  primary:
    nameJa: 盛岡 花子
    phone: 019-629-5101
    email: a@pref.example.jp
hypervisor: vsphere
phase: production
servers:
  - name: ap01
    cpu:
      sockets: 2
    memoryGb: 8
    disks:
      - sizeGb: 60
    nics:
      - network: lgwan
    guestOs: rhel_7
    source:
      kind: template
      template: rhel7
`;

/** An estate folder with the example platform (platform/*.yaml) and no systems; tests add their own. */
let root: string;
beforeEach(() => {
  root = platformOnlyEstate();
});

function put(rel: string, text: string): string {
  const f = path.join(root, rel.startsWith('platform/') || rel === 'index.ts' ? '' : 'systems', rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
}
const at = (i: IntakeIssue) => [i.field, i.line, i.column, i.ruleId];
const opts = (): ValidateOptions => ({ estate: root, clock: fixedClock(AS_OF) });

describe('validateFiles', () => {
  test('a valid file passes', () => {
    const r = validateFiles([put('somu/bunsho.yaml', SYSTEM)], opts());
    expect(r.errors).toEqual([]);
    // the rule pack runs too: RHEL 7 on ESXi 6.5 needs an acknowledgement (a warning at the server)
    expect(r.warnings.map(at)).toEqual([['servers.0', 13, 5, 'R22']]);
    expect(r.ok).toBe(true);
    expect(r.files).toEqual([expect.objectContaining({ kind: 'system', systemId: 'bunsho', context: false })]);
  });

  test('every schema error of a file at once, each at the offending key, in Japanese and English', () => {
    const text = SYSTEM.replace('systemName:', 'sytemName:')
      .replace('sockets: 2', 'sockets: 0')
      .replace('hypervisor: vsphere', 'hypervisor: kvm')
      .replace('memoryGb: 8', 'memoryGb: "8"');
    const r = validateFiles([put('somu/bunsho.yaml', text)], opts());
    expect(r.ok).toBe(false);
    expect(r.errors.map(at)).toEqual([
      ['sytemName', 4, 1, 'SCHEMA'],
      ['hypervisor', 10, 1, 'R21'],
      ['servers.0.cpu.sockets', 15, 7, 'R27'],
      ['servers.0.memoryGb', 16, 5, 'R27'],
    ]);
    const typo = r.errors.find((i) => i.field === 'sytemName')!;
    expect(typo).toMatchObject({ code: 'KIBAN_UNKNOWN_KEY' });
    expect(typo.message).toMatch(/did you mean "systemName"/);
    // one cause, one error: the misspelt key stands for the missing required key
    expect(typo.messageJa).toBe(
      '「sytemName」という項目はありません。「systemName」（システム名）の綴りの誤りではありませんか（「systemName」は必須項目です）',
    );
    expect(r.errors.find((i) => i.field === 'systemName')).toBeUndefined();
    for (const i of r.errors) expect(i.location).toBe(`${i.file}:${i.line}:${i.column}`);
  });

  test('construct-level reference errors (template, network, guest OS) map to file:line:column', () => {
    const text = SYSTEM.replace('network: lgwan', 'network: lgwn').replace('template: rhel7', 'template: rhel9');
    const r = validateFiles([put('somu/bunsho.yaml', text)], opts());
    expect(r.errors.map(at)).toEqual([
      ['servers.0.nics.0.network', 20, 9, 'R24'],
      ['servers.0.source.template', 24, 7, 'R06'],
    ]);
    expect(r.errors[0]!.messageJa).toMatch(/ネットワーク「lgwn」はありません/);
  });

  test('a rule-pack finding is reported at the field it names: an unregistered department (R01) at department', () => {
    const text = SYSTEM.replace('department: somu', 'department: gikai');
    const r = validateFiles([put('gikai/bunsho.yaml', text)], opts());
    expect(r.errors.map(at)).toEqual([['department', 2, 1, 'R01']]);
    expect(r.errors[0]).toMatchObject({ code: 'R01-DepartmentRegistered', received: '"gikai"' });
  });

  test("datastores: one that does not exist is the model's error, one of the wrong kind the pack's (R10a)", () => {
    const disks = (ds: string) =>
      SYSTEM.replace('      - sizeGb: 60\n', `      - sizeGb: 60\n        datastore: ${ds}\n`);
    const unknown = validateFiles([put('somu/bunsho.yaml', disks('kiban-nowhere'))], opts());
    expect(unknown.errors.map(at)).toEqual([['servers.0.disks.0.datastore', 19, 9, 'R10a']]);
    expect(unknown.errors[0]).toMatchObject({ code: 'KIBAN_UNKNOWN_DATASTORE' });
    const backup = validateFiles([put('somu/bunsho.yaml', disks('kiban-bk-ds01'))], opts());
    expect(backup.errors.map(at)).toEqual([['servers.0.disks.0.datastore', 19, 9, 'R10a']]);
    expect(backup.errors[0]).toMatchObject({ code: 'R10a-DisksOnSystemStorage', received: '"kiban-bk-ds01"' });
  });

  test('the department folder must match the department; the file name should match the system id', () => {
    const r = validateFiles([put('hoken/other.yaml', SYSTEM)], opts());
    expect(r.errors).toEqual([expect.objectContaining({ code: 'KIBAN_FOLDER_DEPARTMENT', ruleId: 'R01', line: 2 })]);
    expect(r.warnings.filter((i) => i.code.startsWith('KIBAN'))).toEqual([
      expect.objectContaining({ code: 'KIBAN_FILE_NAME', line: 3 }),
    ]);
  });

  test('dedicated VLANs of the platform files are part of the estate; their errors are reported at their keys', () => {
    const moved = put(
      'hoken/bunsho.yaml',
      SYSTEM.replace('department: somu', 'department: hoken').replace('network: lgwan', 'network: mynumber-kokuho'),
    );
    expect(validateFiles([moved], opts()).errors).toEqual([]);
    const networks = path.join(root, 'platform', 'networks.yaml');
    fs.writeFileSync(
      networks,
      fs
        .readFileSync(networks, 'utf8')
        .replace('vlanId: 231', 'vlanId: 9999')
        .replace('department: hoken', 'department: nowhere'),
    );
    const r = validateFiles([moved], opts());
    expect(r.files.map((f) => [path.basename(f.file), f.context])).toEqual([
      ['bunsho.yaml', false],
      ['networks.yaml', true],
    ]);
    expect(r.errors.map((i) => [path.basename(i.file), i.field, i.ruleId])).toEqual([
      ['bunsho.yaml', 'servers.0.nics.0.network', 'R24'],
      ['networks.yaml', 'dedicatedVlans.0.vlanId', 'R24'],
    ]);
  });

  test('the whole estate is loaded: a system id or an IP address used by another file is an error at its key', () => {
    const a = put('somu/bunsho.yaml', SYSTEM);
    const b = put('somu/bunsho2.yaml', SYSTEM.replace('name: ap01', 'name: ap02'));
    expect(validateFiles([b], opts()).errors).toEqual([
      expect.objectContaining({ file: b, code: 'KIBAN_DUPLICATE_SYSTEM_ID', field: 'systemId', line: 3 }),
    ]);
    fs.rmSync(b);
    const withIp = (t: string) =>
      t.replace('      - network: lgwan', '      - network: lgwan\n        ipv4: 10.120.1.50');
    fs.writeFileSync(a, withIp(SYSTEM));
    const c = put(
      'somu/kaigi.yaml',
      withIp(SYSTEM).replace('systemId: bunsho', 'systemId: kaigi').replace('name: ap01', 'name: kaigi01'),
    );
    const r = validateFiles([c], opts());
    expect(r.errors.map((i) => [path.basename(i.file), i.ruleId, i.field, i.line, i.column])).toEqual([
      ['kaigi.yaml', 'R24', 'servers.0', 13, 5],
    ]);
    expect(r.errors[0]!.message).toContain('10.120.1.50');
  });

  test('broken files and missing files are reported, the others still checked', () => {
    const ok = put('somu/bunsho.yaml', SYSTEM);
    const bad = put('somu/broken.yaml', `${MODE}\ndepartment: [\n`);
    const r = validateFiles([bad, path.join(root, 'nope.yaml'), ok], opts());
    expect(r.files.map((f) => [path.basename(f.file), f.errors.length > 0])).toEqual([
      ['broken.yaml', true],
      ['nope.yaml', true],
      ['bunsho.yaml', false],
    ]);
  });

  test("the estate's TypeScript runs after the YAML: a system id it reuses is an error at index.ts", () => {
    put('somu/bunsho.yaml', SYSTEM);
    put(
      'index.ts',
      `export function declareEstate(estate: any, kiban: any): void {\n  new kiban.IndividualBusinessSystem(estate, 'ts-bunsho', ${JSON.stringify({ department: 'somu', systemId: 'bunsho', systemName: 'TS', contacts: { primary: { nameJa: '盛岡 花子', phone: '019-629-5101', email: 'a@pref.example.jp' } }, hypervisor: 'vsphere', phase: 'production', servers: [{ name: 'tsap01', cpu: { sockets: 1 }, memoryGb: 4, disks: [{ sizeGb: 40 }], nics: [{ network: 'lgwan' }], guestOs: 'rhel_7', source: { kind: 'empty' } }] })});\n}\n`,
    );
    const r = validateFiles([], opts());
    expect(r.errors).toEqual([
      expect.objectContaining({ file: path.join(root, 'index.ts'), code: 'KIBAN_DUPLICATE_SYSTEM_ID' }),
    ]);
  });
});

describe('loadEstate', () => {
  test('loads the example estate: licence pools, dedicated VLANs, then the systems by folder and file', () => {
    const estate = loadEstate(copyExampleEstate(), { clock: fixedClock(AS_OF) });
    const systems = estate.node.findAll().filter(IndividualBusinessSystem.isSystem);
    expect(systems.map((s) => s.systemId)).toEqual([
      'hisai-shien',
      'kanko-web',
      'koho-old',
      'kokuho',
      'hozen-kansoku',
      'doro-kanri',
      'chikusan',
      'kigyo-shien',
      'bunsho',
      'zeimu-db',
    ]);
    expect(estate.node.children.slice(0, 4).map((c) => c.node.id)).toEqual([
      'OracleSe2Pool',
      'RhelPool',
      'WindowsDcPool',
      'vlan-mynumber-kokuho',
    ]);
    expect(systems[3]!.servers[0]!.nics[0]!.dedicatedVlan?.portGroupName).toBe('dv-mynumber-kokuho-v231');
  });

  test('an estate without platform data, or with a platform key twice, is refused at the file', () => {
    fs.rmSync(path.join(root, 'platform'), { recursive: true });
    expect(() => loadEstate(root)).toThrow(/KIBAN_PLATFORM_MISSING/);
    const again = copyExampleEstate();
    fs.writeFileSync(
      path.join(again, 'platform', 'zz-more.yaml'),
      '# yaml-language-server: $schema=../../../schemas/platform.schema.json\nsnapshotMaxHours: 24\n',
    );
    expect(() => loadEstate(again)).toThrow(
      /more\.yaml:2:1: error \[SCHEMA\] snapshotMaxHours: "snapshotMaxHours" is already declared in .*platform\.yaml/,
    );
    fs.rmSync(path.join(again, 'platform', 'zz-more.yaml'));
    fs.rmSync(path.join(again, 'platform', 'hyperv.yaml'));
    expect(() => loadEstate(again)).toThrow(/the platform data lacks: hyperv/);
  });

  test('throws one IntakeError listing every problem of every file', () => {
    put('somu/bunsho.yaml', SYSTEM.replace('sockets: 2', 'sockets: 0'));
    put('hoken/x.yaml', `${MODE}\nfoo: [\n`);
    put(
      'norin/ok-sys.yaml',
      SYSTEM.replace('department: somu', 'department: norin')
        .replace('name: ap01', 'name: ap09')
        .replace('systemId: bunsho', 'systemId: ok-sys'),
    );
    let err: unknown;
    try {
      loadEstate(root);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IntakeError);
    expect(err).toBeInstanceOf(DeclarationError);
    const e = err as IntakeError;
    expect(new Set(e.issues.map((i) => path.basename(i.file)))).toEqual(new Set(['bunsho.yaml', 'x.yaml']));
    expect(e.message).toMatch(/bunsho\.yaml:15:7: error \[R27\]/);
    expect(e.message).toMatch(/仮想ソケット数/);
  });

  test('the real clock by default; a pinned clock.fixedAt; --now over the pin; an injected clock over both', () => {
    const t0 = Date.now();
    fs.rmSync(path.join(root, 'platform', 'clock.yaml'));
    const real = loadEstate(root).clock().getTime();
    expect(real).toBeGreaterThanOrEqual(t0);
    const pinned = copyExampleEstate();
    expect(loadEstate(pinned).clock().toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(loadEstate(pinned, { now: '2027-01-01T00:00:00Z' }).clock().toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(
      loadEstate(pinned, { now: '2027-01-01T00:00:00Z', clock: fixedClock('2030-01-01T00:00:00Z') })
        .clock()
        .toISOString(),
    ).toBe('2030-01-01T00:00:00.000Z');
  });
});

describe('validate CLI', () => {
  const run = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runValidateCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  test('exit 0 on a valid estate, 1 with errors (file:line:column, rule, both languages), 2 on usage errors', () => {
    const example = copyExampleEstate();
    const whole = run(['--estate', example]);
    expect(whole.code).toBe(0);
    expect(whole.out).toContain('date rules evaluated at 2026-11-22T09:00:00+09:00, pinned by');
    expect(run(['--estate', example, path.join(example, 'systems')]).code).toBe(0);
    const f = put('somu/bunsho.yaml', SYSTEM.replace('network: lgwan', 'network: lgwn'));
    const r = run(['--estate', root, f]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${f}:20:9: error [R24] servers.0.nics.0.network`);
    expect(r.out).toMatch(/エラー \[R24\]/);
    expect(run(['--bogus']).code).toBe(2);
    expect(run(['--estate']).code).toBe(2);
    expect(run(['--estate', root, '--now', 'soon']).code).toBe(2);
    expect(run(['--estate', root, path.join(root, 'empty-dir-does-not-exist')]).code).toBe(1);
    const j = run(['--json', '--estate', root, f]);
    expect(JSON.parse(j.out)).toMatchObject({ ok: false });
  });
});
