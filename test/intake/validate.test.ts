import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IntakeError, IntakeIssue, loadDeclarations, runValidateCli, validateFiles } from '../../lib/intake';
import { DeclarationError, IndividualBusinessSystem } from '../../lib/model';
import { declareDefaultEstate } from '../../stacks/default-estate';
import { freshEstate } from './helpers';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples', 'systems');
const MODE = '# yaml-language-server: $schema=../../schemas/system.schema.json';

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

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-validate-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function put(rel: string, text: string): string {
  const f = path.join(root, 'systems', rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
}
const at = (i: IntakeIssue) => [i.field, i.line, i.column, i.ruleId];

describe('validateFiles', () => {
  test('a valid file passes', () => {
    const r = validateFiles([put('somu/bunsho.yaml', SYSTEM)]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.files[0]).toMatchObject({ kind: 'system', systemId: 'bunsho', context: false });
  });

  test('every schema error of a file at once, each at the offending key, in Japanese and English', () => {
    const text = SYSTEM.replace('systemName:', 'sytemName:').replace('sockets: 2', 'sockets: 0').replace('hypervisor: vsphere', 'hypervisor: kvm').replace('memoryGb: 8', 'memoryGb: "8"');
    const r = validateFiles([put('somu/bunsho.yaml', text)]);
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
    expect(typo.messageJa).toBe('「sytemName」という項目はありません。「systemName」（システム名）の綴りの誤りではありませんか（「systemName」は必須項目です）');
    expect(r.errors.find((i) => i.field === 'systemName')).toBeUndefined();
    for (const i of r.errors) expect(i.location).toBe(`${i.file}:${i.line}:${i.column}`);
  });

  test('construct-level reference errors (department, template, network, guest OS) map to file:line:column', () => {
    const text = SYSTEM.replace('department: somu', 'department: gikai').replace('network: lgwan', 'network: lgwn').replace('template: rhel7', 'template: rhel9');
    const r = validateFiles([put('gikai/bunsho.yaml', text)]);
    expect(r.errors.map(at)).toEqual([
      ['department', 2, 1, 'R01'],
      ['servers.0.nics.0.network', 20, 9, 'R24'],
      ['servers.0.source.template', 24, 7, 'R06'],
    ]);
    expect(r.errors[0]).toMatchObject({ code: 'KIBAN_UNKNOWN_DEPARTMENT', received: '"gikai"' });
    expect(r.errors[1]!.messageJa).toMatch(/ネットワーク「lgwn」はありません/);
  });

  test('the department folder must match the department; the file name should match the system id', () => {
    const r = validateFiles([put('hoken/other.yaml', SYSTEM)]);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'KIBAN_FOLDER_DEPARTMENT', ruleId: 'R01', line: 2 })]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'KIBAN_FILE_NAME', line: 3 })]);
  });

  test('dedicated VLANs of systems/_platform are loaded as context; their errors are reported at their keys', () => {
    const vlans = fs.readFileSync(path.join(EXAMPLES, '_platform', 'vlans.yaml'), 'utf8').replace('../../../', '../../');
    put('_platform/vlans.yaml', vlans);
    const moved = put('hoken/bunsho.yaml', SYSTEM.replace('department: somu', 'department: hoken').replace('network: lgwan', 'network: mynumber-kokuho'));
    expect(validateFiles([moved]).errors).toEqual([]);
    put('_platform/vlans.yaml', vlans.replace('vlanId: 231', 'vlanId: 9999').replace('department: hoken', 'department: nowhere'));
    const r = validateFiles([moved]);
    expect(r.files.map((f) => [path.basename(f.file), f.context])).toEqual([['vlans.yaml', true], ['bunsho.yaml', false]]);
    expect(r.errors.map((i) => [path.basename(i.file), i.field, i.ruleId])).toEqual([
      ['vlans.yaml', 'dedicatedVlans.0.vlanId', 'R24'],
      ['bunsho.yaml', 'servers.0.nics.0.network', 'R24'],
    ]);
  });

  test('a system id used by another file, or by the TypeScript estate, is an error', () => {
    const a = put('somu/bunsho.yaml', SYSTEM);
    const b = put('somu/bunsho2.yaml', SYSTEM.replace('name: ap01', 'name: ap02'));
    expect(validateFiles([a, b]).errors).toEqual([expect.objectContaining({ file: b, code: 'KIBAN_DUPLICATE_SYSTEM_ID', field: 'systemId', line: 3 })]);
    const estate = freshEstate();
    declareDefaultEstate(estate);
    const before = estate.node.findAll().length;
    expect(validateFiles([a], { estate }).errors).toEqual([expect.objectContaining({ code: 'KIBAN_DUPLICATE_SYSTEM_ID' })]);
    expect(estate.node.findAll().length).toBe(before);
  });

  test('a system may reference a DedicatedVlan declared in TypeScript', () => {
    const estate = freshEstate();
    declareDefaultEstate(estate);
    const f = put('hoken/kokuho2.yaml', SYSTEM.replace('department: somu', 'department: hoken').replace('systemId: bunsho', 'systemId: kokuho2').replace('network: lgwan', 'network: mynumber-kokuho'));
    expect(validateFiles([f], { estate, platformFiles: [] }).errors).toEqual([]);
  });

  test('broken files and missing files are reported, the others still checked', () => {
    const ok = put('somu/bunsho.yaml', SYSTEM);
    const bad = put('somu/broken.yaml', `${MODE}\ndepartment: [\n`);
    const r = validateFiles([bad, path.join(root, 'nope.yaml'), ok]);
    expect(r.files.map((f) => f.errors.length > 0)).toEqual([true, true, false]);
  });
});

describe('loadDeclarations', () => {
  test('loads the examples into the estate as constructs', () => {
    const estate = freshEstate();
    const systems = loadDeclarations(EXAMPLES, estate);
    expect(systems.map((s) => s.systemId)).toEqual(['kanko-web', 'koho-old', 'kokuho', 'zeimu-db']);
    expect(systems.every((s) => s instanceof IndividualBusinessSystem)).toBe(true);
    expect(systems[2]!.servers[0]!.nics[0]!.dedicatedVlan?.portGroupName).toBe('dv-mynumber-kokuho-v231');
  });

  test('a missing folder declares nothing', () => {
    expect(loadDeclarations(path.join(root, 'none'), freshEstate())).toEqual([]);
  });

  test('throws one IntakeError listing every problem of every file and adds nothing', () => {
    put('somu/bunsho.yaml', SYSTEM.replace('sockets: 2', 'sockets: 0'));
    put('hoken/x.yaml', `${MODE}\nfoo: [\n`);
    put('norin/ok-sys.yaml', SYSTEM.replace('department: somu', 'department: norin').replace('name: ap01', 'name: ap09').replace('systemId: bunsho', 'systemId: ok-sys'));
    const estate = freshEstate();
    const before = estate.node.findAll().length;
    let err: unknown;
    try {
      loadDeclarations(path.join(root, 'systems'), estate);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IntakeError);
    expect(err).toBeInstanceOf(DeclarationError);
    const e = err as IntakeError;
    expect(new Set(e.issues.map((i) => path.basename(i.file)))).toEqual(new Set(['bunsho.yaml', 'x.yaml']));
    expect(e.message).toMatch(/bunsho\.yaml:15:7: error \[R27\]/);
    expect(e.message).toMatch(/仮想ソケット数/);
    expect(estate.node.findAll().length).toBe(before);
  });
});

describe('validate CLI', () => {
  const run = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runValidateCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  test('exit 0 on valid files, 1 with errors (file:line:column, rule, both languages), 2 on usage errors', () => {
    expect(run([EXAMPLES]).code).toBe(0);
    const f = put('somu/bunsho.yaml', SYSTEM.replace('network: lgwan', 'network: lgwn'));
    const r = run([f]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${f}:20:9: error [R24] servers.0.nics.0.network`);
    expect(r.out).toMatch(/エラー \[R24\]/);
    expect(run(['--bogus']).code).toBe(2);
    expect(run([path.join(root, 'empty-dir-does-not-exist')]).code).toBe(1);
    const j = run(['--json', f]);
    expect(JSON.parse(j.out)).toMatchObject({ ok: false });
  });
});
