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

  // Layers of lib, bottom first: a file may import its own layer or one below, never one above.
  const LAYERS = ['model', 'rules', 'hyperv', 'vsphere', 'review', 'synth', 'intake', 'form', 'cli'];
  // No upward import is left (issue 13): the Markdown neutralizer and the output marker live in lib/model.
  const KNOWN_UPWARD: string[] = [];
  const layerOf = (f: string) => rel(f).split(path.sep)[1]!;
  const upward = [...graph].flatMap(([f, deps]) =>
    deps
      .filter((d) => LAYERS.indexOf(layerOf(d)) > LAYERS.indexOf(layerOf(f)))
      .map((d) => `${rel(f)} → ${rel(d)}`.split(path.sep).join('/')),
  );

  test('every folder of lib has a layer', () => {
    const folders = new Set([...graph.keys()].map(layerOf).filter((l) => !l.endsWith('.ts')));
    expect([...folders].filter((l) => !LAYERS.includes(l))).toEqual([]);
  });

  test('imports point down the layers (model → rules → emitters → review → synth → intake → form → cli)', () => {
    expect(upward.filter((e) => !KNOWN_UPWARD.includes(e))).toEqual([]);
    expect(KNOWN_UPWARD.filter((e) => !upward.includes(e))).toEqual([]);
  });

  test('the stage contract is at the bottom: stages import it downwards, lib/synth runs them', () => {
    const contract = path.join(LIB, 'model', 'synth-stage.ts');
    expect(fs.existsSync(path.join(LIB, 'synth', 'context.ts'))).toBe(false);
    const users = [...graph].filter(([, deps]) => deps.includes(contract)).map(([f]) => layerOf(f));
    expect(new Set(users)).toEqual(new Set(['model', 'rules', 'hyperv', 'vsphere', 'review', 'synth', 'form', 'cli']));
  });
});
