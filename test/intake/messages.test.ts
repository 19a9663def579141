import { z } from 'zod';
import { yamlFallbackTexts } from '../../lib/intake/yaml-errors';
import { dedicatedVlanSchema, systemSchema } from '../../lib/model';
import { examplePlatform } from '../fixtures/estate';
import { fieldInfo, fieldTable } from '../../lib/model/fields';
import { explainIssue, keysAt, schemaAt } from '../../lib/model/zod-issues';
import { JARGON } from './mistakes';

/**
 * Every message the field table can produce, for every field and every kind of problem, is plain
 * Japanese: no programming words. Every field of the declaration schemas has a Japanese label.
 */
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

function issuesFor(path: (string | number)[]): z.core.$ZodIssue[] {
  const info = fieldInfo(path);
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

describe('messages of the field table', () => {
  const rows = fieldTable().map((r) => r.path.split('.').map((p) => (p === '*' ? 0 : p)));
  test('no programming words in any Japanese message, for every field, problem and value', () => {
    let count = 0;
    const bad: string[] = [];
    for (const path of [...rows, ['servers', 0, 'nics', 0, 'network'], ['servers', 0, 'source', 'template'], []]) {
      for (const i of issuesFor(path)) {
        for (const v of VALUES) {
          const t = explainIssue(i, setAt(path, v), { schema: systemSchema, platform });
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
    const missing: string[] = [];
    const walk = (schema: z.ZodType, path: (string | number)[]) => {
      for (const k of keysAt(schema, path)) {
        const p = [...path, k];
        const info = fieldInfo(p);
        if (!info.own || info.ruleId === 'SCHEMA') missing.push(p.join('.'));
        walk(schema, p);
        const def = (schemaAt(schema, p) as { _zod?: { def?: { type?: string } } })?._zod?.def;
        if (def?.type === 'array') walk(schema, [...p, 0]);
      }
    };
    walk(systemSchema, []);
    walk(z.strictObject({ dedicatedVlans: z.array(dedicatedVlanSchema) }), []);
    expect(missing).toEqual([]);
  });

  test('the phases of the field table mean what the model says', () => {
    const { PHASE_JA } = require('../../lib/model/system') as { PHASE_JA: Record<string, string> };
    expect(fieldInfo(['phase']).valuesJa).toEqual(PHASE_JA);
  });
});
