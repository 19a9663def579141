import * as fs from 'fs';
import * as path from 'path';

/** Every module lib/intake loads (relative imports, transitively) and the packages it needs. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:import|export)\s[^'";]*?from\s+'([^']+)'|import\s+'([^']+)'|require\('([^']+)'\)/g)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith('.')) {
        const base = path.resolve(path.dirname(f), spec);
        const cand = [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
        if (cand && cand.endsWith('.ts')) todo.push(cand);
      } else packages.add(spec.split('/')[0]!.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

test('lib/intake never imports cdktf (validation must start fast)', () => {
  for (const entry of ['index.ts', 'validate-cli.ts', 'write-schema.ts']) {
    const { packages } = closure(path.join(__dirname, '..', '..', 'lib', 'intake', entry));
    expect([...packages].filter((p) => !['fs', 'path', 'os', 'yaml', 'zod', 'constructs', 'leven'].includes(p))).toEqual([]);
  }
});
