import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthesize } from '../../lib/synth/pipeline';
import { vsphereStage } from '../../lib/vsphere';
import { exampleEstate } from '../fixtures/estate';
import { checkBlock, loadProviderSchema } from './provider-schema';

function synthDefault(outdir: string): void {
  const estate = exampleEstate();
  synthesize(estate, { outdir, stages: [vsphereStage()] });
}

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('example estate on vSphere', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-vsphere-'));
  const a = path.join(tmp, 'a');
  const b = path.join(tmp, 'b');
  beforeAll(() => {
    synthDefault(a);
    synthDefault(b);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('one stack per vSphere system plus the platform stack', () => {
    expect(fs.readdirSync(path.join(a, 'stacks')).sort()).toEqual([
      'bunsho',
      'chikusan',
      'doro-kanri',
      'hozen-kansoku',
      'kanko-web',
      'kigyo-shien',
      'koho-old',
      'kokuho',
      'platform',
    ]);
  });

  test('output is byte-identical across two runs', () => {
    const ta = readTree(a);
    const tb = readTree(b);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [k, v] of ta) expect(tb.get(k)).toBe(v);
  });

  test('every vsphere_* block matches the provider schema recorded in the .jsii assembly', () => {
    const schema = loadProviderSchema();
    expect(schema.get('resource.vsphere_virtual_machine')).toBeDefined();
    const problems: string[] = [];
    let blocks = 0;
    for (const [file, text] of readTree(a)) {
      if (!file.endsWith('cdk.tf.json')) continue;
      const json = JSON.parse(text) as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
      for (const kind of ['resource', 'data'] as const) {
        for (const [type, items] of Object.entries(json[kind] ?? {})) {
          const s = schema.get(`${kind}.${type}`);
          if (!s) {
            problems.push(`${file}: ${kind}.${type} is not in the provider`);
            continue;
          }
          for (const [name, body] of Object.entries(items)) {
            blocks++;
            problems.push(...checkBlock(s, body, `${file}:${kind}.${type}.${name}`));
          }
        }
      }
    }
    expect(blocks).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  test('the schema check catches an unknown attribute and a missing required one', () => {
    const s = loadProviderSchema().get('resource.vsphere_virtual_machine')!;
    expect(checkBlock(s, { name: 'x', resource_pool_id: 'y', cpu_count: 2 }, 'vm')).toEqual([
      'vm: unknown attribute cpu_count',
    ]);
    expect(checkBlock(s, { name: 'x' }, 'vm')).toEqual(['vm: missing required resource_pool_id']);
    expect(checkBlock(s, { name: 'x', resource_pool_id: 'y', disk: [{ size: 1 }] }, 'vm')).toEqual([
      'vm.disk[0]: missing required label',
    ]);
  });

  test('every VM and backup disk is protected from destroy', () => {
    for (const [file, text] of readTree(a)) {
      if (!file.endsWith('cdk.tf.json')) continue;
      const res =
        (
          JSON.parse(text) as {
            resource?: Record<string, Record<string, { lifecycle?: { prevent_destroy?: boolean } }>>;
          }
        ).resource ?? {};
      for (const t of ['vsphere_virtual_machine', 'vsphere_virtual_disk'])
        for (const [n, r] of Object.entries(res[t] ?? {}))
          expect([file, n, r.lifecycle?.prevent_destroy]).toEqual([file, n, true]);
    }
  });

  test('a failed run leaves the previous output untouched', () => {
    const before = readTree(a);
    const estate = exampleEstate();
    expect(() =>
      synthesize(estate, {
        outdir: a,
        stages: [
          vsphereStage(),
          {
            name: 'boom',
            run: () => {
              throw new Error('boom');
            },
          },
        ],
      }),
    ).toThrow('boom');
    expect(readTree(a)).toEqual(before);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('.kiban-tmp'))).toEqual([]);
  });
});
