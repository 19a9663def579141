import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Estate } from '../../lib/model';
import { rulesStage } from '../../lib/rules';
import { SynthAbort, SynthContext } from '../../lib/model/synth-stage';
import { synthesize } from '../../lib/synth/pipeline';
import { exampleEstate } from '../fixtures/estate';
import { makeEstate, pooledEstate, srv, sys } from './helpers';

function context(estate: Estate): SynthContext {
  return {
    estate,
    clock: estate.clock,
    files: new Map(),
    findings: [],
    progress: () => undefined,
    workdir: '/nonexistent',
  };
}

describe('rulesStage', () => {
  test('the example estate: findings.json written, warnings printed, no abort', () => {
    const estate = exampleEstate();
    const ctx = context(estate);
    const out: string[] = [];
    rulesStage({ write: (t) => out.push(t) }).run(ctx);
    const json = ctx.files.get('findings.json')!;
    expect(json.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(json) as {
      summary: Record<string, number>;
      findings: Record<string, unknown>[];
      acknowledgements: { status: string }[];
    };
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'asOf', 'summary', 'findings', 'acknowledgements']);
    expect(doc.summary.errors).toBe(0);
    expect(Object.keys(doc.findings[0]!).slice(0, 4)).toEqual(['ruleId', 'rule', 'level', 'path']);
    expect(doc.findings.some((f) => f['acknowledged'])).toBe(true);
    expect(doc.acknowledgements.length).toBeGreaterThan(0);
    expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    expect(ctx.findings.length).toBe(doc.findings.length);
    expect(out.join('')).toMatch(/WARNING \[R22\]/);
    expect(out[out.length - 1]).toMatch(/^rules: 0 error\(s\)/);
  });

  test('errors abort the synth with every error listed (English and Japanese, path, value, rule ID)', () => {
    const e = pooledEstate();
    sys(e, 'bad', [
      srv('ora01', { oracleDatabase: { edition: 'EE', license: 'department' } }),
      srv('usb01', { devices: ['usb'] }),
    ]);
    const ctx = context(e);
    let err: unknown;
    try {
      rulesStage({ write: () => undefined }).run(ctx);
    } catch (x) {
      err = x;
    }
    expect(err).toBeInstanceOf(SynthAbort);
    const msg = (err as SynthAbort).message;
    expect(msg).toContain('2 error(s)');
    for (const s of [
      '[R21]',
      'Estate/bad/ora01',
      'Oracle Database EE on vsphere',
      'VMware vSphere 上にあります',
      '[R26]',
      'Estate/bad/usb01',
      '"usb"',
      '周辺機器',
    ])
      expect(msg).toContain(s);
    expect(ctx.files.has('findings.json')).toBe(true);
  });

  test('through the synth pipeline: findings.json lands in the output folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-rules-'));
    try {
      const e = makeEstate();
      sys(e, 'a', [srv('a01', { guestOs: 'ubuntu_22_04', osLicense: 'department' })]);
      synthesize(e, { outdir: path.join(dir, 'out'), stages: [rulesStage({ write: () => undefined })] });
      const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'findings.json'), 'utf8')) as {
        summary: { warnings: number };
      };
      expect(doc.summary.warnings).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
