import { tfString } from '../../lib/vsphere/escape';

// Issue 19: every mutant of tfString is killed (npm run mutation, area quoting).
describe('tfString: the one way declared text reaches a Terraform string', () => {
  test('escapes an interpolation ${ and a template directive %{', () => {
    expect(tfString('${var.x}')).toBe('$${var.x}');
    expect(tfString('%{if x}')).toBe('%%{if x}');
  });

  test('escapes every occurrence, in any order', () => {
    expect(tfString('a ${x} b ${y} %{if} %{endif}')).toBe('a $${x} b $${y} %%{if} %%{endif}');
    expect(tfString('%{a}${b}')).toBe('%%{a}$${b}');
    expect(tfString('${${')).toBe('$${$${');
  });

  test('leaves text that starts no sequence unchanged', () => {
    for (const s of [
      '',
      'plain',
      '$',
      '%',
      '{',
      '}',
      '$ {',
      '% {',
      '$x{',
      '%x{',
      '{$',
      '{%',
      '$$',
      '%%',
      'a$b%c{d}',
      '日本 $ 100%',
    ]) {
      expect(tfString(s)).toBe(s);
    }
  });

  test('already-escaped text is escaped again (the literal keeps its exact characters)', () => {
    expect(tfString('$${x}')).toBe('$$${x}');
    expect(tfString('%%{x}')).toBe('%%%{x}');
  });
});
