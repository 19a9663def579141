import { z } from 'zod';
import { yamlFallbackTexts } from '../../lib/intake/yaml-errors';
import { codeSchema, dedicatedVlansSchema, systemSchema } from '../../lib/model';
import { examplePlatform } from '../fixtures/estate';
import { fieldInfo, fieldRegistry, schemaFields } from '../../lib/model/fields';
import { explainIssue } from '../../lib/model/zod-issues';
import { platformJsonSchema, systemJsonSchema } from '../../lib/intake/schema';
import { JARGON } from './mistakes';

/**
 * Every message the fields' entries can produce, for every field and every kind of problem, is
 * plain Japanese: no programming words. Every field of the declaration schemas has a Japanese label.
 */
const vlansSchema = z.strictObject({ dedicatedVlans: dedicatedVlansSchema });
const platform = examplePlatform();

function setAt(path: readonly (string | number)[], value: unknown): unknown {
  const root: Record<string, unknown> = {};
  let cur: Record<string | number, unknown> = root;
  path.forEach((seg, i) => {
    if (i === path.length - 1) cur[seg] = value;
    else cur = (cur[seg] = typeof path[i + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
  });
  return root;
}

const VALUES: unknown[] = [
  '１６',
  '16GB',
  '8',
  'はい',
  '',
  'x'.repeat(300),
  'Abc_D 1',
  '2026/11/01',
  '10.0.0.1/24',
  '環境生活部',
  null,
  3.5,
  true,
  { a: { b: 1 } },
  [1, 2],
  undefined,
];
const PATTERN = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;

function issuesFor(schema: z.ZodType, path: (string | number)[]): z.core.$ZodIssue[] {
  const info = fieldInfo(schema, path);
  const values = Object.keys(info.valuesJa ?? { a: '', b: '' });
  const base = { path, message: 'x' };
  const out: z.core.$ZodIssue[] = [];
  for (const expected of ['number', 'int', 'string', 'boolean', 'object', 'array', 'date'] as const)
    out.push({ ...base, code: 'invalid_type', expected } as z.core.$ZodIssue);
  for (const origin of ['number', 'string', 'array'] as const) {
    for (const n of [1, 10]) {
      out.push({ ...base, code: 'too_small', origin, minimum: n, inclusive: true } as z.core.$ZodIssue);
      out.push({ ...base, code: 'too_big', origin, maximum: n, inclusive: true } as z.core.$ZodIssue);
    }
  }
  for (const format of ['ipv4', 'cidrv4', 'date', 'datetime', 'email', 'url', 'regex', 'uuid'] as const)
    out.push({
      ...base,
      code: 'invalid_format',
      format,
      origin: 'string',
      pattern: String(PATTERN),
    } as z.core.$ZodIssue);
  out.push({
    ...base,
    code: 'invalid_format',
    format: 'regex',
    origin: 'string',
    pattern: String(PATTERN),
    message: 'must be a single line without control characters',
  } as z.core.$ZodIssue);
  out.push({ ...base, code: 'invalid_value', values } as z.core.$ZodIssue);
  out.push({
    ...base,
    code: 'invalid_union',
    errors: [],
    note: 'No matching discriminator',
    discriminator: 'kind',
    options: values,
  } as unknown as z.core.$ZodIssue);
  out.push({
    ...base,
    code: 'invalid_union',
    errors: [
      [{ code: 'invalid_value', values: [1], path: [], message: '' }],
      [{ code: 'invalid_value', values: [2], path: [], message: '' }],
    ],
  } as unknown as z.core.$ZodIssue);
  out.push({
    ...base,
    code: 'invalid_union',
    errors: [[{ code: 'invalid_type', expected: 'string', path: [], message: '' }]],
  } as unknown as z.core.$ZodIssue);
  out.push({ ...base, code: 'unrecognized_keys', keys: ['foo'] } as z.core.$ZodIssue);
  for (const message of [
    'must be at least 10 characters',
    'is reserved (the shared platform stack uses it)',
    'must be a DedicatedVlan',
    'something else',
  ])
    out.push({ ...base, code: 'custom', message } as z.core.$ZodIssue);
  out.push({ ...base, code: 'not_multiple_of', divisor: 2 } as z.core.$ZodIssue);
  return out;
}

describe('messages of the fields', () => {
  const rows = [systemSchema, vlansSchema].flatMap((schema) =>
    [...schemaFields(schema).map((f) => f.path), []].map((path) => ({ schema, path })),
  );
  test('no programming words in any Japanese message, for every field, problem and value', () => {
    let count = 0;
    const bad: string[] = [];
    for (const { schema, path } of rows) {
      for (const i of issuesFor(schema, path)) {
        for (const v of VALUES) {
          const t = explainIssue(i, setAt(path, v), { schema, platform });
          count++;
          const where = `${path.join('.')} ${i.code} ${JSON.stringify(v)}`;
          for (const ja of [t.messageJa, t.fixJa]) if (JARGON.test(ja) || ja === '') bad.push(`${where}: ${ja}`);
          if (t.message === '' || t.fix === '' || /[ぁ-ん]/.test(t.message)) bad.push(`${where}: ${t.message}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(count).toBeGreaterThan(5000);
  });

  test('no programming words in the translated YAML errors', () => {
    for (const t of yamlFallbackTexts()) for (const ja of [t.messageJa, t.fixJa]) expect(ja).not.toMatch(JARGON);
  });

  test('every field of the declaration schemas has its own Japanese label and rule', () => {
    const fields = [systemSchema, vlansSchema].flatMap((s) => schemaFields(s));
    expect(fields.length).toBeGreaterThan(100);
    expect(
      fields.filter((f) => f.entry === undefined || f.entry.ruleId === 'SCHEMA').map((f) => f.path.join('.')),
    ).toEqual([]);
  });

  test('a shared schema carries its own entry at each place: the department of a system and of a VLAN', () => {
    expect(fieldInfo(systemSchema, ['department'])).toMatchObject({ ruleId: 'R01', labelJa: '所管部局', own: true });
    expect(fieldInfo(vlansSchema, ['dedicatedVlans', 0, 'department'])).toMatchObject({
      ruleId: 'R24',
      labelJa: '申請・費用負担の部局',
    });
    expect(fieldRegistry.get(codeSchema)).toBeUndefined();
    // an unknown key below a field gets the field's entry, not as its own
    expect(fieldInfo(systemSchema, ['servers', 0, 'cpu', 'foo'])).toMatchObject({ labelJa: 'CPU', own: false });
    expect(fieldInfo(systemSchema, ['nosuch'])).toEqual({ ruleId: 'SCHEMA', labelJa: 'nosuch', own: false });
  });

  test('the entries reach the JSON Schema only as descriptions', () => {
    const texts = JSON.stringify([systemJsonSchema(), platformJsonSchema()]);
    for (const key of ['labelJa', 'valuesJa', 'formatJa']) expect(texts).not.toContain(`"${key}"`);
    expect(JSON.stringify(systemJsonSchema())).toContain('"description":"工程（R36）"');
  });
});
