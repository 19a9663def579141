/**
 * The CLI itself on a generated estate folder, from a cold start (issue 14): `kiban synth` of the
 * whole estate, then one system's YAML changed and `kiban synth` into the same output again, then
 * `kiban validate` of that one file (whole estate and rule pack included). Wall times of fresh
 * processes, from spawn to exit (the output written and committed).
 *   ts-node bench/cli.ts [systems=1000]
 * Prints one JSON line.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeEstateFolder } from './validate';

const count = Number(process.argv[2] ?? 1000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-bench-cli-'));
const bin = path.join(__dirname, '..', 'bin', 'kiban.js');
const rusageFile = path.join(dir, 'rusage.json');
function kiban(...args: string[]): { ms: number; cpuMs: number; peakRssMb: number; stderr: string; status: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: {
      ...process.env,
      NODE_OPTIONS: `--max-old-space-size=4096 --require ${path.join(__dirname, 'tools', 'rusage.js')}`,
      KIBAN_BENCH_RUSAGE: rusageFile,
    },
  });
  const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
  if (r.status !== 0 && args[0] === 'synth')
    throw new Error(`kiban ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const u = JSON.parse(fs.readFileSync(rusageFile, 'utf8')) as { cpuMs: number; peakRssMb: number };
  return { ms, ...u, stderr: r.stderr, status: r.status ?? 1 };
}
try {
  const estate = path.join(dir, 'estate');
  writeEstateFolder(count, estate);
  const out = path.join(dir, 'out');
  const full = kiban('synth', '--estate', estate, '--out', out, '--quiet');
  // One system's pull request: the first vSphere system's first server gets 4 GB more memory.
  const file = fs
    .readdirSync(path.join(estate, 'systems'), { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(estate, 'systems', f))
    .filter((f) => f.endsWith('.yaml') && /hypervisor: vsphere/.test(fs.readFileSync(f, 'utf8')))
    .sort()[0]!;
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(
    file,
    text.replace(/memoryGb: (\d+)/, (_m, n: string) => `memoryGb: ${Number(n) + 4}`),
  );
  const change = kiban('synth', '--estate', estate, '--out', out, '--quiet');
  const validate = kiban('validate', '--estate', estate, file);
  const stacks = (s: string) =>
    /vSphere stacks: (\d+) synthesized(?: in \d+ threads)?, (\d+) unchanged/.exec(s)?.slice(1).map(Number) ?? [];
  process.stdout.write(
    `${JSON.stringify({
      systems: count,
      fullMs: full.ms,
      fullCpuMs: full.cpuMs,
      fullRssMb: full.peakRssMb,
      fullStacks: stacks(full.stderr),
      changeMs: change.ms,
      changeCpuMs: change.cpuMs,
      changeRssMb: change.peakRssMb,
      changeStacks: stacks(change.stderr),
      validateMs: validate.ms,
      validateCpuMs: validate.cpuMs,
      validateExit: validate.status,
    })}\n`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
