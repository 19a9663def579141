import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_ALIAS_COUNT, MAX_FILE_BYTES, parseDeclarationFile } from '../../lib/intake';

const MODE = '# yaml-language-server: $schema=../../schemas/system.schema.json\n';
const parse = (text: string | Uint8Array, file = 'systems/somu/x.yaml') => parseDeclarationFile({ path: file, text });
const errors = (text: string | Uint8Array) => parse(text).issues.filter((i) => i.severity === 'error');

describe('parseDeclarationFile: bad files give clear errors, never a crash', () => {
  test('a valid mapping parses, with its kind', () => {
    const p = parse(`${MODE}department: somu\n`);
    expect(p.issues).toEqual([]);
    expect(p.kind).toBe('system');
    expect(p.data).toEqual({ department: 'somu' });
    expect(parse('# yaml-language-server: $schema=../../schemas/platform.schema.json\ndedicatedVlans: []\n').kind).toBe(
      'platform',
    );
    expect(parse('snapshotMaxHours: 24\n', 'estate/platform/x.yaml').kind).toBe('platform');
    expect(parse('vsphere: {}\nsystemId: a\n').kind).toBe('system');
  });

  test('YAML syntax errors point to line and column', () => {
    const e = errors(`${MODE}department: somu\nservers:\n  - name: [unclosed\n`);
    expect(e.length).toBeGreaterThan(0);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ code: 'KIBAN_YAML_BRACKET', ruleId: 'SCHEMA', file: 'systems/somu/x.yaml' });
    expect(e[0]!.line).toBeGreaterThanOrEqual(4);
    expect(e[0]!.location).toBe(`systems/somu/x.yaml:${e[0]!.line}:${e[0]!.column}`);
    expect(e[0]!.messageJa).toBe('「[」に対応する「]」がありません');
    expect(e[0]!.message).toMatch(/YAML: /);
  });

  test('duplicate keys are errors at the second key', () => {
    const e = errors(`${MODE}department: somu\nsystemId: a\ndepartment: hoken\n`);
    expect(e).toEqual([expect.objectContaining({ code: 'KIBAN_YAML_DUPLICATE_KEY', line: 4, column: 1 })]);
  });

  test('alias bombs are refused (maxAliasCount)', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const e = errors(`${MODE}${lines.join('\n')}\n`);
    expect(e).toEqual([expect.objectContaining({ code: 'KIBAN_YAML_ALIASES' })]);
    expect(MAX_ALIAS_COUNT).toBeLessThanOrEqual(100);
  });

  test('huge files are refused before parsing (text, bytes and files on disk)', () => {
    const big = `${MODE}x: "${'a'.repeat(MAX_FILE_BYTES)}"\n`;
    expect(errors(big)).toEqual([expect.objectContaining({ code: 'KIBAN_FILE_TOO_LARGE', line: 1, column: 1 })]);
    expect(errors(Buffer.from(big))).toEqual([expect.objectContaining({ code: 'KIBAN_FILE_TOO_LARGE' })]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-intake-'));
    try {
      const f = path.join(dir, 'big.yaml');
      fs.writeFileSync(f, big);
      expect(parseDeclarationFile(f).issues).toEqual([expect.objectContaining({ code: 'KIBAN_FILE_TOO_LARGE' })]);
      expect(parseDeclarationFile(path.join(dir, 'missing.yaml')).issues).toEqual([
        expect.objectContaining({ code: 'KIBAN_FILE_UNREADABLE' }),
      ]);
      expect(parseDeclarationFile(dir).issues).toEqual([expect.objectContaining({ code: 'KIBAN_NOT_A_REGULAR_FILE' })]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('non-UTF-8 bytes (e.g. Shift_JIS) are refused with the line', () => {
    const sjis = Buffer.concat([
      Buffer.from(`${MODE}department: somu\nsystemName: `),
      Buffer.from([0x95, 0xb6, 0x8f, 0x91]),
      Buffer.from('\n'),
    ]);
    const e = errors(sjis);
    expect(e).toEqual([expect.objectContaining({ code: 'KIBAN_FILE_ENCODING', line: 3 })]);
    expect(e[0]!.messageJa).toMatch(/UTF-8/);
  });

  test('a UTF-8 BOM is accepted', () => {
    expect(errors(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${MODE}department: somu\n`)]))).toEqual(
      [],
    );
  });

  test('a top level that is not a mapping, several documents, YAML 1.1 and unknown tags are errors', () => {
    expect(errors(`${MODE}- a\n- b\n`)).toEqual([
      expect.objectContaining({ code: 'KIBAN_NOT_A_DECLARATION', line: 2 }),
    ]);
    expect(errors('')).toEqual([expect.objectContaining({ code: 'KIBAN_NOT_A_DECLARATION' })]);
    expect(errors(`${MODE}a: 1\n---\nb: 2\n`).length).toBeGreaterThan(0);
    expect(errors(`%YAML 1.1\n---\na: yes\n`).length).toBeGreaterThan(0);
    expect(errors(`${MODE}a: !!js/function "x"\n`).length).toBeGreaterThan(0);
  });

  test('YAML 1.2 core: yes/no and dates stay strings, no merge keys', () => {
    const p = parse(`${MODE}a: yes\nb: 2026-11-01\nc: on\n`);
    expect(p.data).toEqual({ a: 'yes', b: '2026-11-01', c: 'on' });
  });

  test('a missing or wrong schema modeline is a warning, not an error', () => {
    const p = parse('department: somu\n');
    expect(p.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'KIBAN_SCHEMA_MODELINE', line: 1, column: 1 }),
    ]);
    expect(
      parse('# yaml-language-server: $schema=../../schemas/system.schema.json\ndedicatedVlans: []\n').issues,
    ).toEqual([expect.objectContaining({ code: 'KIBAN_SCHEMA_MODELINE' })]);
  });

  test('positionOf points at the key of a field path, or the nearest existing parent key', () => {
    const p = parse(`${MODE}servers:\n  - name: a\n    cpu:\n      sockets: 0\n`);
    expect(p.positionOf(['servers', 0, 'cpu', 'sockets'])).toEqual({ line: 5, column: 7 });
    expect(p.positionOf(['servers', 0, 'cpu', 'coresPerSocket'])).toEqual({ line: 4, column: 5 });
    expect(p.positionOf(['servers', 0])).toEqual({ line: 3, column: 5 });
    expect(p.positionOf([])).toEqual({ line: 2, column: 1 });
  });

  test('pathological nesting, tabs and __proto__ keys are errors or plain data, never a crash or pollution', () => {
    expect(errors(`${MODE}a: ${'['.repeat(100000)}${']'.repeat(100000)}\n`).length).toBeGreaterThan(0);
    expect(errors(`${MODE}a:\n\t- b\n`)).toEqual([expect.objectContaining({ code: 'KIBAN_YAML_TAB', line: 3 })]);
    const p = parse(`${MODE}__proto__: { polluted: true }\n`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
