import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const LIB = path.join(ROOT, 'lib');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of a file (static `import … from`, `export … from`, `require('…')` and `import('…')`), resolved to .ts files. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs
    .map((s) => path.resolve(path.dirname(file), s))
    .map((p) =>
      fs.existsSync(`${p}.ts`)
        ? `${p}.ts`
        : fs.existsSync(path.join(p, 'index.ts'))
          ? path.join(p, 'index.ts')
          : undefined,
    )
    .filter((p): p is string => p !== undefined);
}

const graph = new Map(tsFiles(LIB).map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(ROOT, f);

describe('layers (arrows point down)', () => {
  test('no import cycle inside lib', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const g of graph.get(f) ?? []) {
        if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g].map(rel).join(' → '));
        else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  test('the model imports nothing above it', () => {
    const up = [...graph].flatMap(([f, deps]) =>
      rel(f).startsWith('lib/model/')
        ? deps.filter((d) => !rel(d).startsWith('lib/model/')).map((d) => `${rel(f)} → ${rel(d)}`)
        : [],
    );
    expect(up).toEqual([]);
  });
});
