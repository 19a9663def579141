// npm run mutation [-- area…] [--scores-only] [--force]
// Runs StrykerJS per area (quoting, rules, review), one after another, then prints the scores from
// the JSON reports under reports/mutation/ (ignored by git). Message-text mutants are left out by the
// ignorer in mutation/message-text-ignorer.mjs. Exit code 1 when an area misses its target.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AREAS = {
  quoting: { title: 'quoting and escaping', target: 100 },
  rules: { title: 'rule pack', target: 90, perFile: 80 },
  review: { title: 'data-loss guard', target: 85 },
};

const args = process.argv.slice(2);
const scoresOnly = args.includes('--scores-only');
// --force: ignore the incremental results (they can keep a stale verdict for static mutants after tests change).
const force = args.includes('--force');
const chosen = args.filter((a) => !a.startsWith('--'));
for (const a of chosen)
  if (!(a in AREAS)) throw new Error(`unknown area ${a}; one of ${Object.keys(AREAS).join(', ')}`);
const areas = chosen.length > 0 ? chosen : Object.keys(AREAS);

if (!scoresOnly) {
  const stryker = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  for (const a of areas) {
    const r = spawnSync(process.execPath, [stryker, 'run', `mutation/${a}.conf.mjs`, ...(force ? ['--force'] : [])], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) {
      console.error(`stryker failed for area ${a} (exit ${r.status})`);
      process.exit(r.status ?? 1);
    }
  }
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
/** Mutation score of a list of mutants: detected / (detected + undetected); compile errors and ignored mutants do not count. */
function score(mutants) {
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
  const ignored = mutants.filter((m) => m.status === 'Ignored').length;
  const total = detected + undetected;
  return { detected, undetected, ignored, total, pct: total === 0 ? 100 : (100 * detected) / total };
}
const fmt = (s) =>
  `${s.pct.toFixed(2).padStart(6)}%  (${s.detected}/${s.total} detected, ${s.undetected} surviving, ${s.ignored} message-text ignored)`;

let ok = true;
console.log('\nMutation scores (message text left out):');
for (const a of areas) {
  const { title, target, perFile } = AREAS[a];
  const file = path.join(root, 'reports', 'mutation', a, 'mutation.json');
  if (!existsSync(file)) {
    console.log(`  ${title}: no report (${path.relative(root, file)}); run npm run mutation -- ${a}`);
    ok = false;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const files = Object.entries(report.files).sort(([x], [y]) => (x < y ? -1 : 1));
  const all = score(files.flatMap(([, f]) => f.mutants));
  const pass = all.pct >= target;
  ok &&= pass;
  console.log(`  ${title.padEnd(22)} ${fmt(all)}  target ${target}% ${pass ? 'OK' : 'MISSED'}`);
  if (perFile !== undefined || files.length > 1) {
    for (const [name, f] of files) {
      const s = score(f.mutants);
      const filePass = perFile === undefined || s.pct >= perFile;
      ok &&= filePass;
      console.log(
        `      ${path.relative(root, path.resolve(root, name)).padEnd(50)} ${fmt(s)}${perFile !== undefined ? `  ${filePass ? 'OK' : `MISSED (< ${perFile}%)`}` : ''}`,
      );
    }
  }
}
process.exit(ok ? 0 : 1);
