/**
 * `npm run bench`: estates of 100, 1,000 and 3,000 systems (mixed vSphere / Hyper-V, 1-4 servers
 * each), each phase timed in a fresh process, side by side with raw cdktf building the same
 * vSphere resources in the same stack layout; then `kiban validate` of a 100-system estate folder
 * from a cold start (bench/validate.ts). Sizes can be given: `npm run bench -- 100 1000`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const args = process.argv.slice(2);
const sizes = args.map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [100, 1000, 3000];
/** ts-node compiles with swc when it is installed (as bin/kiban.js does), for the product and the baseline alike. */
const REGISTER = path.join(__dirname, 'tools', 'register.js');
/** Estate size of the incremental / parallel rows (issue 14). */
const INCR = SIZES.includes(1000) ? 1000 : SIZES[SIZES.length - 1]!;

function measure(systems: number, mode: string): Record<string, number> {
  const out = execFileSync(process.execPath, ['-r', REGISTER, path.join(__dirname, 'one.ts'), String(systems), mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

/** One `bench/synth.ts` run in a fresh process (wall time includes node and module loading). */
function synthRun(
  systems: number,
  outdir: string,
  mode: 'full' | 'incremental',
  jobs: number,
  edit = false,
  renderer: 'direct' | 'cdktf' = 'direct',
): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    [
      '-r',
      REGISTER,
      path.join(__dirname, 'synth.ts'),
      String(systems),
      outdir,
      mode,
      String(jobs),
      ...(edit ? ['edit'] : []),
      renderer,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

/** `kiban validate` of a generated estate folder, from a cold start (fresh processes, no cdktf). */
function validateColdStart(systems: number): { medianMs: number; minMs: number; exit: number } {
  const out = execFileSync(
    process.execPath,
    ['-r', REGISTER, path.join(__dirname, 'validate.ts'), String(systems), '5'],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as { medianMs: number; minMs: number; exit: number };
}

const rows: Array<Record<string, number>> = [];
for (const n of args.includes('--incremental-only') ? [] : SIZES) {
  const product = measure(n, 'product');
  const baseline = measure(n, 'baseline');
  rows.push({ ...product, baselineMs: baseline['total']!, baselineRssMb: baseline['peakRssMb']! });
  process.stderr.write(`measured ${n} systems\n`);
}

const phases = Object.keys(rows[0] ?? {}).filter(
  (k) => !['systems', 'mode', 'total', 'peakRssMb', 'baselineMs', 'baselineRssMb', 'wallMs', 'cpuMs'].includes(k),
);
const fmt = (n: number | undefined) => (n === undefined ? '-' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const header = [
  'systems',
  ...phases.map((p) => `${p} ms`),
  'total ms',
  'raw cdktf ms',
  'ratio',
  'ms/system',
  'peak MB',
  'raw peak MB',
];
const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
for (const r of rows) {
  lines.push(
    `| ${[r['systems'], ...phases.map((p) => fmt(r[p])), fmt(r['total']), fmt(r['baselineMs']), (r['total']! / r['baselineMs']!).toFixed(2), (r['total']! / r['systems']!).toFixed(2), r['peakRssMb'], r['baselineRssMb']].join(' | ')} |`,
  );
}
const perSystem = rows.map((r) => r['total']! / r['systems']!);
lines.push(
  '',
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; load average after these rows: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (perSystem.length > 1)
  lines.push(
    `per-system cost spread: ${((Math.max(...perSystem) / Math.min(...perSystem) - 1) * 100).toFixed(0)}% (target ≤ 20%)`,
  );
const at1000 = rows.find((r) => r['systems'] === 1000);
if (at1000)
  lines.push(
    `at 1,000 systems: total/raw cdktf = ${(at1000['total']! / at1000['baselineMs']!).toFixed(2)} (target ≤ 0.60)${at1000['rules'] !== undefined ? `, rule pack ${fmt(at1000['rules'])} ms (target < 1000)` : ''}`,
  );
const at3000 = rows.find((r) => r['systems'] === 3000);
if (at3000) lines.push(`peak memory at 3,000 systems: ${at3000['peakRssMb']} MB (target ≤ 1024)`);
const cold = rows.length > 0 ? validateColdStart(100) : undefined;
if (cold)
  lines.push(
    `kiban validate, whole 100-system estate folder, cold start: median ${cold.medianMs} ms, best ${cold.minMs} ms (target < 1000; exit ${cold.exit})`,
  );

// Issue 14: parallel full synth and a one-system change, side by side with raw cdktf in the same run.
if (!args.includes('--no-incremental')) {
  const cores = os.availableParallelism();
  const loadStart = os.loadavg();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-bench-incr-'));
  try {
    // Raw cdktf's wall time in a fresh process too (node, module loading, build, synth), like the rows below.
    const rawRun = measure(INCR, 'baseline');
    const raw = rawRun['wallMs']!;
    const rawCpu = rawRun['cpuMs']!;
    // The direct renderer (what kiban synth uses) in one thread; the cdktf renderer of the same plans
    // in one thread and in one worker thread per core.
    const direct = synthRun(INCR, path.join(dir, 'out'), 'full', 1);
    const serial = synthRun(INCR, path.join(dir, 'serial'), 'full', 1, false, 'cdktf');
    const parallel = synthRun(INCR, path.join(dir, 'parallel'), 'full', cores, false, 'cdktf');
    const change = synthRun(INCR, path.join(dir, 'out'), 'incremental', 1, true);
    const none = synthRun(INCR, path.join(dir, 'out'), 'incremental', 1, true);
    const cli = JSON.parse(
      execFileSync(process.execPath, ['-r', REGISTER, path.join(__dirname, 'cli.ts'), String(INCR)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      })
        .trim()
        .split('\n')
        .pop()!,
    ) as Record<string, number & number[]>;
    process.stderr.write(`measured incremental / parallel at ${INCR} systems\n`);
    const r = (n: number) => (n / raw).toFixed(2);
    const c = (n: number) => (n / rawCpu).toFixed(2);
    const row = (what: string, wall: number, cpu: number, stacks: string, mb: number | string, target: string) =>
      `| ${what} | ${wall} | ${r(wall)} | ${cpu} | ${c(cpu)} | ${stacks} | ${mb} | ${target} |`;
    lines.push(
      '',
      `| ${INCR.toLocaleString('en')} systems, fresh process each | wall ms | ÷ raw wall | CPU ms | ÷ raw CPU | stacks synthesized / copied | peak MB | target |`,
      '|---|---|---|---|---|---|---|---|',
      row('raw cdktf, every stack (bench/baseline.ts)', raw, rawCpu, 'all', rawRun['peakRssMb']!, ''),
      row(
        'full synth, whole pipeline, direct renderer (`kiban synth`), 1 thread',
        direct['wallMs']!,
        direct['cpuMs']!,
        `${direct['synthesized']} / ${direct['reused']}`,
        direct['peakRssMb']!,
        '≤ 0.60 × raw wall',
      ),
      row(
        'full synth, whole pipeline, cdktf renderer, 1 thread',
        serial['wallMs']!,
        serial['cpuMs']!,
        `${serial['synthesized']} / ${serial['reused']}`,
        serial['peakRssMb']!,
        '',
      ),
      row(
        `full synth, whole pipeline, cdktf renderer, ${parallel['workers']} threads (${cores} cores)`,
        parallel['wallMs']!,
        parallel['cpuMs']!,
        `${parallel['synthesized']} / ${parallel['reused']}`,
        parallel['peakRssMb']!,
        '',
      ),
      row(
        'one system changed, synth into the earlier output',
        change['wallMs']!,
        change['cpuMs']!,
        `${change['synthesized']} / ${change['reused']}`,
        change['peakRssMb']!,
        '≤ 1500 ms',
      ),
      row(
        'nothing changed',
        none['wallMs']!,
        none['cpuMs']!,
        `${none['synthesized']} / ${none['reused']}`,
        none['peakRssMb']!,
        '',
      ),
      row(
        '`kiban synth --estate DIR` (bin/kiban.js), whole estate folder',
        cli['fullMs']!,
        cli['fullCpuMs']!,
        (cli['fullStacks'] as number[]).join(' / '),
        cli['fullRssMb']!,
        '',
      ),
      row(
        "`kiban synth --estate DIR`, one system's YAML changed",
        cli['changeMs']!,
        cli['changeCpuMs']!,
        (cli['changeStacks'] as number[]).join(' / '),
        cli['changeRssMb']!,
        '≤ 1500 ms',
      ),
      row(
        '`kiban validate --estate DIR FILE` of that file (whole estate and rule pack), cold',
        cli['validateMs']!,
        cli['validateCpuMs']!,
        '',
        '',
        '≤ 1000 ms',
      ),
      `direct ÷ cdktf renderer (1 thread): ${(direct['wallMs']! / serial['wallMs']!).toFixed(2)}; cdktf renderer, parallel ÷ serial: ${(parallel['wallMs']! / serial['wallMs']!).toFixed(2)}; load average at the start: ${loadStart.map((l) => l.toFixed(1)).join(' ')}, at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
