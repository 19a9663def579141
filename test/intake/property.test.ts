import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { IntakeIssue, ValidationReport, parseDeclarationFile, validateSources } from '../../lib/intake';
import { fixedClock } from '../../lib/model';
import { AS_OF, copyExampleEstate, platformOnlyEstate } from '../fixtures/estate';

const EXAMPLES = path.join(copyExampleEstate(), 'systems');
/** The example platform (with its dedicated VLANs), no systems: each source is checked against it. */
const ESTATE = platformOnlyEstate();
const SOURCES = ['furusato/kanko-web.yaml', 'hoken/kokuho.yaml', 'somu/zeimu-db.yaml', 'hisho/koho-old.yaml'].map((f) =>
  fs.readFileSync(path.join(EXAMPLES, f), 'utf8'),
);
const FILE = 'fuzz/declaration.yaml';
const RUNS = Number(process.env.FC_RUNS ?? 150);

function expectStructured(i: IntakeIssue, text: string | Uint8Array): void {
  const lines = (typeof text === 'string' ? text : Buffer.from(text).toString('latin1')).split('\n').length;
  expect(i.file).toBe(FILE);
  expect(Number.isInteger(i.line) && i.line >= 1 && i.line <= lines + 1).toBe(true);
  expect(Number.isInteger(i.column) && i.column >= 1).toBe(true);
  expect(i.location).toBe(`${FILE}:${i.line}:${i.column}`);
  expect(i.ruleId).toMatch(/^(R\d{2}[a-z]?|SCHEMA)$/);
  expect(i.code).toMatch(/^(KIBAN_[A-Z0-9_]+|R\d{2}[a-z]?-[A-Za-z0-9]+)$/);
  for (const k of ['message', 'messageJa', 'fix', 'fixJa', 'field', 'received'] as const)
    expect(typeof i[k] === 'string' && i[k].length > 0).toBe(true);
  expect(['error', 'warning']).toContain(i.severity);
}

function check(text: string | Uint8Array): ValidationReport {
  let r: ValidationReport | undefined;
  expect(() => {
    r = validateSources([{ path: FILE, text }], { estate: ESTATE, clock: fixedClock(AS_OF) });
  }).not.toThrow();
  const report = r!;
  const mine = [...report.errors, ...report.warnings].filter((i) => i.file === FILE);
  for (const i of mine) expectStructured(i, text);
  expect(report.ok).toBe(report.errors.length === 0);
  return report;
}

/** Text mutations of a valid declaration. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    s: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        ':',
        '- ',
        '  ',
        '\n',
        '"',
        "'",
        '&a ',
        '*a',
        '!!str ',
        '{',
        '[',
        '#',
        '\t',
        '---\n',
        '? ',
        '\u0000',
        '\ufeff',
        '漢字',
      ),
    ),
  }),
  fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.op) {
    case 'delete': {
      const at = m.at % Math.max(1, text.length);
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.s + text.slice(at);
    }
    case 'dupLine': {
      const at = m.at % lines.length;
      lines.splice(at, 0, lines[at]!);
      return lines.join('\n');
    }
    case 'swapLines': {
      const a = m.at % lines.length;
      const b = m.to % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent': {
      const at = m.at % lines.length;
      lines[at] = m.by >= 0 ? ' '.repeat(m.by) + lines[at] : lines[at]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}

describe('property: the validator never crashes and every failure is a structured, located error', () => {
  test('the unmutated examples are valid', () => {
    for (const s of SOURCES) expect(check(s).errors).toEqual([]);
  });

  test('mutated valid YAML', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (src, ms) => {
        check(ms.reduce(apply, src));
      }),
      { numRuns: RUNS },
    );
  });

  test('valid data with one value replaced by a random value', () => {
    const parsed = SOURCES.map((s) => parseDeclarationFile({ path: FILE, text: s }).data as Record<string, unknown>);
    const paths = (v: unknown, p: Array<string | number> = []): Array<Array<string | number>> =>
      v !== null && typeof v === 'object'
        ? [p, ...Object.entries(v as object).flatMap(([k, x]) => paths(x, [...p, Array.isArray(v) ? Number(k) : k]))]
        : [p];
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.integer(), fc.constant(null)),
        fc.boolean(),
        (which, where, value, asKey) => {
          const data = JSON.parse(JSON.stringify(parsed[which % parsed.length])) as Record<string, unknown>;
          const all = paths(data).filter((p) => p.length > 0);
          const p = all[where % all.length]!;
          let parent: any = data;
          for (const k of p.slice(0, -1)) parent = parent[k];
          const last = p[p.length - 1]!;
          if (asKey && !Array.isArray(parent)) {
            parent[`${String(last)}x`] = parent[last];
            delete parent[last];
          } else parent[last] = value;
          const text = `# yaml-language-server: $schema=../../schemas/system.schema.json\n${stringify(data)}`;
          const r = check(text);
          // a changed key is always an error (unknown key, or missing required key, or both)
          if (asKey && !Array.isArray(parent)) expect(r.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('random text, random bytes and random YAML-serialized values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void check(s)),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void check(b)),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (v) => {
        let text: string | undefined;
        try {
          text = stringify(v);
        } catch {
          return;
        }
        if (typeof text === 'string') check(text);
      }),
      { numRuns: RUNS },
    );
  });
});
