import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthesize } from '../../lib/synth/pipeline';
import { StateBackendKind, stateSchemaName, vsphereStage } from '../../lib/vsphere';
import { exampleEstate } from '../fixtures/estate';

function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** Synthesizes the default estate with the working directory set to `cwd` (as two clones would). */
function synthIn(cwd: string, backend?: StateBackendKind): Map<string, Buffer> {
  const before = process.cwd();
  fs.mkdirSync(cwd, { recursive: true });
  process.chdir(cwd);
  try {
    const estate = exampleEstate();
    synthesize(estate, { outdir: 'cdktf.out', stages: [vsphereStage(backend ? { backend } : {})] });
    return readTree(path.join(cwd, 'cdktf.out'));
  } finally {
    process.chdir(before);
  }
}

const stackJson = (tree: Map<string, Buffer>, id: string) =>
  JSON.parse(tree.get(path.join('stacks', id, 'cdk.tf.json'))!.toString('utf8'));

describe('state backend', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-backend-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test.each<[string, StateBackendKind | undefined]>([
    ['pg (default)', undefined],
    ['local', 'local'],
  ])('%s: byte-identical output when synthesized in two different folders', (_n, backend) => {
    const a = synthIn(path.join(tmp, `${backend ?? 'pg'}-clone-a`, 'repo'), backend);
    const b = synthIn(path.join(tmp, `${backend ?? 'pg'}-other-place`, 'x', 'checkout'), backend);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, v] of a) expect({ k, same: v.equals(b.get(k)!) }).toEqual({ k, same: true });
    for (const [k, v] of a) expect({ k, absolute: v.toString('utf8').includes(tmp) }).toEqual({ k, absolute: false });
  });

  test('every stack uses the pg backend, one schema per stack, with no connection string in the output', () => {
    const tree = synthIn(path.join(tmp, 'pg-schemas'));
    const stacks = [...tree.keys()].filter((k) => k.endsWith('cdk.tf.json')).map((k) => k.split(path.sep)[1]!);
    expect(stacks.length).toBeGreaterThan(3);
    const schemas = stacks.map((id) => {
      const backend = stackJson(tree, id).terraform.backend;
      expect(Object.keys(backend)).toEqual(['pg']);
      expect(backend.pg).toEqual({ schema_name: stateSchemaName(id) });
      return backend.pg.schema_name;
    });
    expect(new Set(schemas).size).toBe(stacks.length);
    expect(schemas).toContain('kiban_doro_kanri');
    for (const [k, v] of tree)
      expect({ k, conn: /conn_str|postgres(ql)?:\/\//.test(v.toString('utf8')) }).toEqual({ k, conn: false });
  });

  test('the local backend is explicit, with a path relative to the stack folder', () => {
    const tree = synthIn(path.join(tmp, 'local-path'), 'local');
    expect(stackJson(tree, 'platform').terraform.backend).toEqual({ local: { path: 'terraform.tfstate' } });
    expect(stackJson(tree, 'bunsho').terraform.backend).toEqual({ local: { path: 'terraform.tfstate' } });
  });
});
