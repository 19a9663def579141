/**
 * `npm run bench`: estates of 100, 1,000 and 3,000 systems (mixed vSphere / Hyper-V, 1-4 servers
 * each), each phase timed in a fresh process, side by side with raw cdktf building the same
 * vSphere resources in the same stack layout; then `kiban validate` of a 100-system estate folder
 * from a cold start (bench/validate.ts). Sizes can be given: `npm run bench -- 100 1000`.
 */
import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [100, 1000, 3000];

function measure(systems: number, mode: string): Record<string, number> {
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'one.ts'), String(systems), mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

/** `kiban validate` of a generated estate folder, from a cold start (fresh processes, no cdktf). */
function validateColdStart(systems: number): { medianMs: number; minMs: number; exit: number } {
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'validate.ts'), String(systems), '5'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as { medianMs: number; minMs: number; exit: number };
}

const rows: Array<Record<string, number>> = [];
for (const n of SIZES) {
  const product = measure(n, 'product');
  const baseline = measure(n, 'baseline');
  rows.push({ ...product, baselineMs: baseline['total']!, baselineRssMb: baseline['peakRssMb']! });
  process.stderr.write(`measured ${n} systems\n`);
}

const phases = Object.keys(rows[0]!).filter((k) => !['systems', 'mode', 'total', 'peakRssMb', 'baselineMs', 'baselineRssMb'].includes(k));
const fmt = (n: number | undefined) => (n === undefined ? '-' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const header = ['systems', ...phases.map((p) => `${p} ms`), 'total ms', 'raw cdktf ms', 'ratio', 'ms/system', 'peak MB', 'raw peak MB'];
const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
for (const r of rows) {
  lines.push(`| ${[r['systems'], ...phases.map((p) => fmt(r[p])), fmt(r['total']), fmt(r['baselineMs']), (r['total']! / r['baselineMs']!).toFixed(2), (r['total']! / r['systems']!).toFixed(2), r['peakRssMb'], r['baselineRssMb']].join(' | ')} |`);
}
const perSystem = rows.map((r) => r['total']! / r['systems']!);
lines.push('', `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
if (perSystem.length > 1) lines.push(`per-system cost spread: ${((Math.max(...perSystem) / Math.min(...perSystem) - 1) * 100).toFixed(0)}% (target ≤ 20%)`);
const at1000 = rows.find((r) => r['systems'] === 1000);
if (at1000) lines.push(`at 1,000 systems: total/raw cdktf = ${(at1000['total']! / at1000['baselineMs']!).toFixed(2)} (target ≤ 1.25)${at1000['rules'] !== undefined ? `, rule pack ${fmt(at1000['rules'])} ms (target < 1000)` : ''}`);
const at3000 = rows.find((r) => r['systems'] === 3000);
if (at3000) lines.push(`peak memory at 3,000 systems: ${at3000['peakRssMb']} MB (target < 1536)`);
const cold = validateColdStart(100);
lines.push(`kiban validate, whole 100-system estate folder, cold start: median ${cold.medianMs} ms, best ${cold.minMs} ms (target < 1000; exit ${cold.exit})`);
process.stdout.write(`${lines.join('\n')}\n`);
