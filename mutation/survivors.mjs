// node mutation/survivors.mjs AREA: lists surviving and uncovered mutants of the last run (file:line mutator replacement).
import { readFileSync } from 'node:fs';
const area = process.argv[2] ?? 'rules';
const r = JSON.parse(readFileSync(`${process.argv[3] ?? `reports/mutation/${area}`}/mutation.json`, 'utf8'));
for (const [f, x] of Object.entries(r.files)) {
  const lines = x.source.split('\n');
  for (const m of x.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) {
    const l = m.location.start.line;
    console.log(
      `${f}:${l}:${m.location.start.column} ${m.status} ${m.mutatorName} ${JSON.stringify(m.replacement).slice(0, 90)}\n    ${lines[l - 1].trim().slice(0, 160)}`,
    );
  }
}
