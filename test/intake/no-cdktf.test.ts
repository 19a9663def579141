import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { REPO, copyExampleEstate, tempDir } from '../fixtures/estate';

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
    for (const m of src.matchAll(
      /(?:import|export)\s[^'";]*?from\s+'([^']+)'|import\s+'([^']+)'|require\('([^']+)'\)/g,
    )) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith('.')) {
        const base = path.resolve(path.dirname(f), spec);
        const cand = [`${base}.ts`, path.join(base, 'index.ts'), base].find(
          (c) => fs.existsSync(c) && fs.statSync(c).isFile(),
        );
        if (cand && cand.endsWith('.ts')) todo.push(cand);
      } else
        packages.add(spec.split('/')[0]!.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

test('lib/intake never imports cdktf (validation must start fast), though it loads the estate and the rule pack', () => {
  for (const entry of ['index.ts', 'validate-cli.ts', 'write-schema.ts']) {
    const { packages } = closure(path.join(__dirname, '..', '..', 'lib', 'intake', entry));
    expect(
      [...packages].filter(
        (p) => !['fs', 'path', 'os', 'crypto', 'yaml', 'zod', 'constructs', 'ipaddr.js', 'leven'].includes(p),
      ),
    ).toEqual([]);
  }
  const { files } = closure(path.join(__dirname, '..', '..', 'lib', 'intake', 'validate-cli.ts'));
  expect([...files].some((f) => f.endsWith(path.join('lib', 'rules', 'pack.ts')))).toBe(true);
  expect([...files].filter((f) => /lib[\\/](vsphere|synth|review|hyperv|cli)[\\/]/.test(f))).toEqual([]);
});

test('kiban validate of the whole example estate loads no cdktf module at run time', () => {
  const hook = path.join(tempDir(), 'hook.js');
  fs.writeFileSync(
    hook,
    "const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (/^(cdktf|@cdktf\\/)/.test(r)) process.stderr.write('LOADED ' + r + '\\n'); return load.call(this, r, ...a); };\n",
  );
  const r = spawnSync(
    process.execPath,
    ['-r', hook, path.join(REPO, 'bin', 'kiban.js'), 'validate', '--estate', copyExampleEstate()],
    { encoding: 'utf8' },
  );
  expect([r.status, r.stderr]).toEqual([0, '']);
  expect(r.stdout).toMatch(/: 0 error\(s\)/);
}, 60_000);
