/**
 * The YAML examples synthesize byte-identically to their TypeScript twins (issue 6, done-when).
 * Uses cdktf and lib/vsphere/emit.ts; kept apart from the intake tests, which never load cdktf.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { loadDeclarations } from '../../lib/intake';
import { emitVsphere } from '../../lib/vsphere/emit';
import { declareExampleEstate } from '../../examples/typescript';
import { freshEstate } from './helpers';

const DIR = path.join(__dirname, '..', '..', 'examples', 'systems');

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

function synth(declare: (estate: ReturnType<typeof freshEstate>) => void): Map<string, Buffer> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-twin-'));
  try {
    const app = new App({ outdir, skipValidation: false });
    const estate = freshEstate(app);
    declare(estate);
    emitVsphere(app, estate);
    app.synth();
    return files(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

test('YAML examples synthesize byte-identically to their TypeScript twins', () => {
  const fromYaml = synth((e) => void loadDeclarations(DIR, e));
  const fromTs = synth((e) => void declareExampleEstate(e));
  expect([...fromYaml.keys()].sort()).toEqual([...fromTs.keys()].sort());
  for (const [name, bytes] of fromTs) expect({ name, text: fromYaml.get(name)!.toString('utf8') }).toEqual({ name, text: bytes.toString('utf8') });
});
