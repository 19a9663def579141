/**
 * Cold start of `kiban validate` on a generated estate folder (no cdktf): writes an estate of
 * `systems` systems as YAML (one platform file, one file per system), then times
 * `node bin/kiban.js validate --estate DIR` in fresh processes (median of `runs`).
 *   ts-node bench/validate.ts [systems=100] [runs=5]
 * Prints one JSON line: { systems, files, medianMs, minMs, exit }.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { benchPlatform, rng, systemProps } from './generate';

/** Writes the generated estate as an estate folder; returns its path and file count. */
export function writeEstateFolder(count: number, dir: string): number {
  const platform = benchPlatform(count);
  const vlans = Array.from({ length: Math.max(1, Math.floor(count / 50)) }, (_, v) => ({
    name: `dv${v}`,
    descriptionJa: `専用ネットワーク${v}`,
    vlanId: 1000 + v,
    subnet: `10.${200 + Math.floor(v / 256)}.${v % 256}.0/24`,
    department: platform.departments[v % platform.departments.length]!.code,
    ipAdministrator: { party: 'department', nameJa: '所管課' },
  }));
  fs.mkdirSync(path.join(dir, 'platform'), { recursive: true });
  const data = {
    ...platform,
    dedicatedVlans: vlans,
    sharedLicenses: { rhel: { units: 10000 }, windowsDatacenter: { units: 10000 }, oracleSe2: { units: 10000 } },
    clock: { fixedAt: '2026-11-22T09:00:00+09:00', reasonJa: 'ベンチマーク用の生成データ' },
  };
  fs.writeFileSync(
    path.join(dir, 'platform', 'platform.yaml'),
    `# yaml-language-server: $schema=../../schemas/platform.schema.json\n${stringify(data)}`,
  );
  const r = rng(42);
  for (let i = 0; i < count; i++) {
    const props = systemProps(
      i,
      r,
      platform,
      vlans.map((v) => v.name),
    );
    const d = path.join(dir, 'systems', props.department);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(
      path.join(d, `${props.systemId}.yaml`),
      `# yaml-language-server: $schema=../../../schemas/system.schema.json\n${stringify(props)}`,
    );
  }
  return count + 1;
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 100);
  const runs = Number(process.argv[3] ?? 5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-bench-validate-'));
  try {
    const files = writeEstateFolder(count, dir);
    const bin = path.join(__dirname, '..', 'bin', 'kiban.js');
    const times: number[] = [];
    let exit = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, 'validate', '--estate', dir], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      exit = r.status ?? 1;
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `${JSON.stringify({ systems: count, files, medianMs: Math.round(times[Math.floor(times.length / 2)]!), minMs: Math.round(times[0]!), exit })}\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
