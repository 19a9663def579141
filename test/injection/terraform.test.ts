/**
 * Issue 10, item 3: every declared text reaching a Terraform string passes tfString, or the schema
 * rejects it. Walks every string field of the generated JSON Schemas, puts `${…}` / `%{…}` into it,
 * synthesizes the vSphere stacks and checks the Terraform JSON holds no unescaped interpolation.
 */
import fc from 'fast-check';
import { Testing } from 'cdktf';
import { Estate } from '../../lib/model';
import { emitVsphere } from '../../lib/vsphere/emit';
import { tfString } from '../../lib/vsphere/escape';
import {
  VLANS,
  declarations,
  declare,
  hostileEstate,
  inject,
  schemaRejects,
  stringFields,
  stringSlots,
} from './schema-walk';

const MARK = 'kibanInj';
const PAYLOADS = [
  `\${${MARK}}`,
  `%{${MARK}}`,
  `\${${MARK}`,
  `%{ if ${MARK} }x%{ endif }`,
  `$\${${MARK}}`,
  `%%{${MARK}}`,
  `\${var.vsphere_password}${MARK}`,
];
const RUNS = Number(process.env.FC_RUNS ?? 3);

/** Interpolations and directives Terraform would evaluate in `s` (`$${` and `%%{` are literal). */
export function templateSequences(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('$${', i) || s.startsWith('%%{', i)) {
      i += 2;
      continue;
    }
    if (s.startsWith('${', i) || s.startsWith('%{', i)) {
      const end = s.indexOf('}', i);
      out.push(s.slice(i, end < 0 ? s.length : end + 1));
    }
  }
  return out;
}

function strings(v: unknown, at: string, out: Array<[string, string]>): void {
  if (typeof v === 'string') out.push([at, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${at}[${i}]`, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, `${at}.${k}`, out);
}

/** Every string of every synthesized stack where a declared payload would be evaluated by Terraform. */
function unescaped(estate: Estate): string[] {
  const app = Testing.app();
  const stacks = emitVsphere(app, estate);
  const bad: string[] = [];
  for (const [name, stack] of [
    ['platform', stacks.platform!] as const,
    ...[...stacks.systems].map(([n, s]) => [n, s] as const),
  ]) {
    const all: Array<[string, string]> = [];
    strings(JSON.parse(Testing.synth(stack)), name, all);
    for (const [at, s] of all) for (const seq of templateSequences(s)) if (seq.includes(MARK)) bad.push(`${at}: ${s}`);
  }
  return bad;
}

describe('Terraform template injection (issue 10, item 3)', () => {
  test('tfString escapes interpolation and directives, and is idempotent on literal text', () => {
    expect(tfString('${var.x} %{ if a } $${ok}')).toBe('$${var.x} %%{ if a } $$${ok}');
    fc.assert(fc.property(fc.string(), (s) => expect(templateSequences(tfString(s))).toEqual([])));
  });

  test('the fixtures are valid and hold every string field of the JSON Schemas the schema does not already close', () => {
    expect(declare(declarations())).toBeDefined();
    const held = new Set([
      ...declarations().flatMap((d) => stringSlots(d).map((s) => s.schemaPath)),
      ...stringSlots(VLANS[0]).map((s) => `dedicatedVlans.*.${s.schemaPath}`),
    ]);
    const samples = PAYLOADS.flatMap((p) =>
      ['', 'a', 'abc-01', 'https://x.example.jp/a'].flatMap((v) => [0, 0.5, 1].map((w) => inject(v, p, w))),
    );
    const missing = [...stringFields()]
      .filter(([p, branches]) => !held.has(p) && !schemaRejects(branches, samples))
      .map(([p]) => p);
    expect(missing).toEqual([]);
  });

  test('property: a payload in any declared text never reaches Terraform unescaped', () => {
    const everAccepted = new Set<string>();
    const check = (payload: string, where: number) => {
      expect(unescaped(hostileEstate(payload, where, everAccepted))).toEqual([]);
    };
    // Every payload once (front, middle, back in turn), then random text around a random one.
    PAYLOADS.forEach((p, i) => check(p, [0, 0.5, 1][i % 3]!));
    fc.assert(
      fc.property(
        fc.constantFrom(...PAYLOADS),
        fc.string({ maxLength: 6 }),
        fc.string({ maxLength: 6 }),
        fc.constantFrom(0, 0.5, 1),
        (payload, pre, post, where) => check(`${pre}${payload}${post}`, where),
      ),
      { numRuns: RUNS, seed: 10 },
    );
    // The property is not vacuous: the free texts and both OVF sources take the payload.
    expect([...everAccepted]).toEqual(
      expect.arrayContaining([
        'systemName',
        'servers.*.source.localOvfPath',
        'servers.*.source.remoteOvfUrl',
        'servers.*.snapshots.*.purposeJa',
        'dedicatedVlans.*.descriptionJa',
      ]),
    );
  });
});
