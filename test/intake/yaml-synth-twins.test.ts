/**
 * The YAML examples synthesize byte-identically to their TypeScript twins (issue 6, done-when).
 * Uses cdktf and lib/vsphere/emit.ts; kept apart from the intake tests, which never load cdktf.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { Estate } from '../../lib/model';
import { emitVsphere } from '../../lib/vsphere/emit';
import { fromTs, fromYaml, twinnedEstateDir } from './twin-fixture';

const DIR = twinnedEstateDir();

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

function synth(declare: (app: App) => Estate): Map<string, Buffer> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-twin-'));
  try {
    const app = new App({ outdir, skipValidation: false });
    const estate = declare(app);
    emitVsphere(app, estate);
    app.synth();
    return files(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

test('YAML examples synthesize byte-identically to their TypeScript twins', () => {
  const yaml = synth((app) => fromYaml(DIR, app).estate);
  const ts = synth((app) => fromTs(DIR, app).estate);
  expect([...yaml.keys()].sort()).toEqual([...ts.keys()].sort());
  for (const [name, bytes] of ts)
    expect({ name, text: yaml.get(name)!.toString('utf8') }).toEqual({ name, text: bytes.toString('utf8') });
});
