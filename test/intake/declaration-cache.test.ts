import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { jsonExact, openDeclarationCache } from '../../lib/intake/declaration-cache';
import { parseDeclarationFile } from '../../lib/intake/parse';
import { validateFiles } from '../../lib/intake/validate';
import { sha256, toolCache } from '../../lib/model/tool';
import { systemSchema } from '../../lib/model/system';
import { copyExampleEstate, tempDir } from '../fixtures/estate';

// Issue 14: texts parsed by an earlier run are reused by content hash. A file read through the cache
// must be indistinguishable from one parsed afresh: data, kind, issues and every position.

const cacheIn = (dir: string) => toolCache({ KIBAN_CACHE_DIR: dir })!;

/** Every field path of a value, the paths that do not exist one step beyond them included. */
function paths(v: unknown, at: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [at, [...at, 'absent'], [...at, 99]];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out.push(...paths(x, [...at, k]));
  return out;
}

/** The system declarations of an estate folder (absolute paths, sorted). */
function systemFiles(estate: string): string[] {
  return fs
    .readdirSync(path.join(estate, 'systems'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(estate, 'systems', f))
    .sort();
}

/** A copy of the example estate whose first system file fails the schema (memoryGb: lots). */
function estateWithBrokenFile(): { estate: string; systems: string[]; broken: string } {
  const estate = copyExampleEstate();
  const systems = systemFiles(estate);
  const broken = systems[0]!;
  fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace(/memoryGb: \d+/, 'memoryGb: lots'));
  return { estate, systems, broken };
}

function expectSameParse(file: string, text: string, cacheDir: string): void {
  const fresh = parseDeclarationFile({ path: file, text });
  const first = openDeclarationCache(path.dirname(file), cacheIn(cacheDir))!;
  parseDeclarationFile({ path: file, text }, { cache: first });
  first.save();
  const second = openDeclarationCache(path.dirname(file), cacheIn(cacheDir))!;
  const cached = parseDeclarationFile({ path: file, text }, { cache: second });
  expect(cached.data).toEqual(fresh.data);
  expect(cached.kind).toEqual(fresh.kind);
  expect(cached.issues).toEqual(fresh.issues);
  for (const p of paths(fresh.data)) expect([p, cached.positionOf(p)]).toEqual([p, fresh.positionOf(p)]);
}

describe('declaration cache (issue 14)', () => {
  test('every example declaration reads back from the cache with the same data, kind, warnings and positions', () => {
    const estate = copyExampleEstate();
    const cacheDir = tempDir();
    const files = fs
      .readdirSync(estate, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join(estate, f));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expectSameParse(f, fs.readFileSync(f, 'utf8'), cacheDir);
  });

  test('awkward keys and values: "1" and 1, __proto__, constructor, empty values, nested sequences, flow style', () => {
    const text = [
      '# yaml-language-server: $schema=../../schemas/system.schema.json',
      'systemId: x',
      '1: one',
      '"2": two',
      '__proto__: { polluted: true }',
      'constructor: c',
      'empty:',
      'list:',
      '  - - a',
      '    - b',
      '  - { k: [1, 2, { deep: null }] }',
      '  -',
      'quoted: "a: b"',
      '',
    ].join('\n');
    expectSameParse(path.join(tempDir(), 'awkward.yaml'), text, tempDir());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('property: generated declarations read back identically (positions at every path)', () => {
    const cacheDir = tempDir();
    const dir = tempDir();
    const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), value, { maxKeys: 5 }), (data) => {
        const text = `# yaml-language-server: $schema=../../schemas/system.schema.json\n${stringify({ systemId: 's', ...data })}`;
        expectSameParse(path.join(dir, 'gen.yaml'), text, cacheDir);
      }),
      { numRuns: 60, seed: 14 },
    );
  });

  test('data JSON cannot carry exactly (.inf, .nan, -0) is never cached: such a file is parsed every time', () => {
    expect(jsonExact({ a: [1, 'x', null, true, { b: 2.5 }] })).toBe(true);
    for (const v of [Infinity, NaN, -0, undefined, new Date(0), 1n]) expect(jsonExact({ a: v })).toBe(false);
    const dir = tempDir();
    const cacheDir = tempDir();
    const file = path.join(dir, 'inf.yaml');
    const c = openDeclarationCache(dir, cacheIn(cacheDir))!;
    parseDeclarationFile({ path: file, text: 'systemId: x\nmemoryGb: .inf\n' }, { cache: c });
    c.save();
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  test('a cache written by another version of the tool, or damaged, is ignored', () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    const file = path.join(dir, 'a.yaml');
    const text = 'systemId: x\nname: a\n';
    const c = openDeclarationCache(dir, cacheIn(cacheDir))!;
    parseDeclarationFile({ path: file, text }, { cache: c });
    c.save();
    const [name] = fs.readdirSync(cacheDir);
    const stored = fs.readFileSync(path.join(cacheDir, name!), 'utf8');
    // Another tool: same entry, another fingerprint in the header.
    const lines = stored.split('\n');
    const header = JSON.parse(lines[0]!) as { tool: string };
    fs.writeFileSync(
      path.join(cacheDir, name!),
      [JSON.stringify({ ...header, tool: 'other' }), ...lines.slice(1).map((l) => l.replace('"a"', '"forged"'))].join(
        '\n',
      ),
    );
    const other = openDeclarationCache(dir, cacheIn(cacheDir))!;
    expect(parseDeclarationFile({ path: file, text }, { cache: other }).data).toEqual({ systemId: 'x', name: 'a' });
    fs.writeFileSync(path.join(cacheDir, name!), 'not a cache');
    const damaged = openDeclarationCache(dir, cacheIn(cacheDir))!;
    expect(parseDeclarationFile({ path: file, text }, { cache: damaged }).data).toEqual({ systemId: 'x', name: 'a' });
  });

  test('positions are read from the cache only when asked for; damaged positions are taken from the text again', () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    const file = path.join(dir, 'a.yaml');
    const text = 'systemId: x\nname: a\nservers:\n  - name: s1\n';
    const fresh = parseDeclarationFile({ path: file, text });
    const c = openDeclarationCache(dir, cacheIn(cacheDir))!;
    parseDeclarationFile({ path: file, text }, { cache: c });
    c.save();
    const [name] = fs.readdirSync(cacheDir);
    const lines = fs.readFileSync(path.join(cacheDir, name!), 'utf8').split('\n');
    expect(lines[1]).toMatch(/^[0-9a-f]{64} \{"systemId":"x","name":"a","servers":\[\{"name":"s1"\}\]\}\t\[1,1,/);
    let parses = 0;
    const realParse = JSON.parse;
    const spy = jest.spyOn(JSON, 'parse').mockImplementation((t: string, r?: Parameters<typeof JSON.parse>[1]) => {
      parses++;
      return realParse(t, r) as unknown;
    });
    try {
      const warm = parseDeclarationFile({ path: file, text }, { cache: openDeclarationCache(dir, cacheIn(cacheDir))! });
      const before = parses;
      expect(warm.data).toEqual(fresh.data);
      expect(parses).toBe(before);
      expect(warm.positionOf(['servers', 0, 'name'])).toEqual(fresh.positionOf(['servers', 0, 'name']));
      expect(parses).toBe(before + 1);
      warm.positionOf(['name']);
      expect(parses).toBe(before + 1);
    } finally {
      spy.mockRestore();
    }
    fs.writeFileSync(
      path.join(cacheDir, name!),
      [lines[0], lines[1]!.replace(/\t.*$/, '\t[1,1,{"m":'), ...lines.slice(2)].join('\n'),
    );
    const damaged = parseDeclarationFile(
      { path: file, text },
      { cache: openDeclarationCache(dir, cacheIn(cacheDir))! },
    );
    expect(damaged.data).toEqual(fresh.data);
    for (const p of paths(fresh.data)) expect([p, damaged.positionOf(p)]).toEqual([p, fresh.positionOf(p)]);
  });

  test("the system schema's verdict on an unchanged declaration is kept: a warm run checks no file again and builds the same estate", () => {
    const { estate, systems, broken } = estateWithBrokenFile();
    const cacheDir = tempDir();
    const plain = validateFiles(systems, { estate });
    const spy = jest.spyOn(systemSchema, 'safeParse');
    const runs: number[] = [];
    try {
      for (let run = 0; run < 3; run++) {
        spy.mockClear();
        const cache = openDeclarationCache(estate, cacheIn(cacheDir))!;
        expect(validateFiles(systems, { estate, cache })).toEqual(plain);
        cache.save();
        runs.push(spy.mock.calls.length);
      }
    } finally {
      spy.mockRestore();
    }
    // First run: every system file; then only the one that fails (a failed check is never kept).
    expect(runs[0]).toBeGreaterThanOrEqual(systems.length);
    expect(runs.slice(1)).toEqual([1, 1]);
    expect(plain.errors.some((e) => e.file === broken)).toBe(true);
  });

  test('a kept verdict belongs to its schema name and its text; a damaged one is checked again', () => {
    const dir = tempDir();
    const cacheDir = tempDir();
    const text = 'systemId: x\nname: a\n';
    const c = openDeclarationCache(dir, cacheIn(cacheDir))!;
    const p = parseDeclarationFile({ path: path.join(dir, 'a.yaml'), text }, { cache: c });
    expect(p.checked?.get('system')).toBeUndefined();
    p.checked!.put('system', { systemId: 'x', name: 'a', servers: [] });
    p.checked!.put('other', { n: Infinity }); // not JSON-exact: not kept
    expect(p.checked!.get('system')).toEqual({ systemId: 'x', name: 'a', servers: [] });
    expect(p.checked!.get('system')).not.toBe(p.checked!.get('system')); // a fresh object each time
    expect(p.checked!.get('other')).toBeUndefined();
    expect(c.checked(sha256('systemId: y\n'), 'system')).toBeUndefined();
    c.save();
    const again = parseDeclarationFile(
      { path: path.join(dir, 'a.yaml'), text },
      { cache: openDeclarationCache(dir, cacheIn(cacheDir))! },
    );
    expect(again.checked!.get('system')).toEqual({ systemId: 'x', name: 'a', servers: [] });
    const [name] = fs.readdirSync(cacheDir);
    const file = path.join(cacheDir, name!);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\t\{"system":.*$/m, '\t{"system":'));
    const damaged = parseDeclarationFile(
      { path: path.join(dir, 'a.yaml'), text },
      { cache: openDeclarationCache(dir, cacheIn(cacheDir))! },
    );
    expect(damaged.data).toEqual({ systemId: 'x', name: 'a' });
    expect(damaged.checked!.get('system')).toBeUndefined();
    expect(parseDeclarationFile({ path: path.join(dir, 'a.yaml'), text }).checked).toBeUndefined();
  });

  test('kiban validate through a warm cache reports exactly what it reports without one, a broken file included', () => {
    const { estate, systems, broken } = estateWithBrokenFile();
    const cacheDir = tempDir();
    const plain = validateFiles([broken, systems[1]!], { estate });
    for (let run = 0; run < 2; run++) {
      const cache = openDeclarationCache(estate, cacheIn(cacheDir))!;
      expect(validateFiles([broken, systems[1]!], { estate, cache })).toEqual(plain);
      cache.save();
    }
    expect(plain.ok).toBe(false);
    expect(plain.errors.some((e) => e.file === broken && e.line > 1)).toBe(true);
  });
});

describe('the yaml library is loaded only to parse or write YAML (issue 14)', () => {
  test('a validate whose every declaration comes from the cache never loads yaml; a changed text does', () => {
    const { estate, systems, broken } = estateWithBrokenFile();
    const cacheDir = tempDir();
    const warm = openDeclarationCache(estate, cacheIn(cacheDir))!;
    const plain = validateFiles(systems, { estate, cache: warm });
    warm.save();
    const run = (): { loaded: boolean; report: ReturnType<typeof validateFiles> } => {
      let loaded = false;
      let report: ReturnType<typeof validateFiles> | undefined;
      jest.isolateModules(() => {
        jest.doMock('yaml', () => {
          loaded = true;
          return jest.requireActual('yaml');
        });
        const v = require('../../lib/intake/validate') as typeof import('../../lib/intake/validate');
        const c = require('../../lib/intake/declaration-cache') as typeof import('../../lib/intake/declaration-cache');
        const t = require('../../lib/model/tool') as typeof import('../../lib/model/tool');
        report = v.validateFiles(systems, {
          estate,
          cache: c.openDeclarationCache(estate, t.toolCache({ KIBAN_CACHE_DIR: cacheDir }))!,
        });
      });
      jest.dontMock('yaml');
      return { loaded, report: report! };
    };
    const cached = run();
    expect(cached.loaded).toBe(false);
    expect(cached.report).toEqual(plain); // the broken file's error included, from the cache
    expect(plain.errors.some((e) => e.file === broken)).toBe(true);
    fs.appendFileSync(systems[1]!, '# 追記\n');
    expect(run().loaded).toBe(true);
  });
});

describe('files recorded by their stat (issue 14: an unchanged file is not read again)', () => {
  const realFs = jest.requireActual<typeof fs>('fs');
  const LATER = () => Date.now() + 60_000; // the files' times are well behind the clock
  /** Parses `files` through a fresh cache object on `cacheDir`; returns the parses and which files were opened. */
  function run(estate: string, files: readonly string[], cacheDir: string, now: () => number = LATER) {
    const spy = jest.spyOn(realFs, 'openSync');
    try {
      const cache = openDeclarationCache(estate, cacheIn(cacheDir), now)!;
      const parsed = files.map((f) => parseDeclarationFile(f, { root: path.dirname(f), cache }));
      cache.save();
      const opened = spy.mock.calls.map(([p]) => String(p)).filter((p) => files.includes(p));
      return { parsed, opened };
    } finally {
      spy.mockRestore();
    }
  }
  const view = (p: ReturnType<typeof parseDeclarationFile>) => ({
    file: p.file,
    kind: p.kind,
    data: p.data,
    issues: p.issues,
    at: p.positionOf(['servers', 0, 'memoryGb']),
  });

  function setup() {
    const estate = copyExampleEstate();
    const files = systemFiles(estate);
    // One file without the schema modeline: its warning must come back from the record too.
    fs.writeFileSync(files[1]!, fs.readFileSync(files[1]!, 'utf8').replace(/^#.*\n/, ''));
    return { estate, files, cacheDir: tempDir() };
  }

  test('a file unchanged since a recorded read is not opened; its parse, warnings and positions are the same', () => {
    const { estate, files, cacheDir } = setup();
    const first = run(estate, files, cacheDir);
    expect(first.opened).toEqual(files);
    const second = run(estate, files, cacheDir);
    expect(second.opened).toEqual([]);
    expect(second.parsed.map(view)).toEqual(first.parsed.map(view));
    expect(second.parsed[1]!.issues.map((i) => i.code)).toEqual(['KIBAN_SCHEMA_MODELINE']);
  });

  test.each([
    ['appended to', (f: string) => fs.appendFileSync(f, '# 追記\n')],
    [
      'rewritten with the same size, its modification time set back',
      (f: string) => {
        const st = fs.statSync(f);
        fs.writeFileSync(
          f,
          fs.readFileSync(f, 'utf8').replace(/memoryGb: (\d)\b/, (_m, d: string) => `memoryGb: ${(Number(d) % 9) + 1}`),
        );
        fs.utimesSync(f, st.atime, st.mtime);
      },
    ],
    [
      'replaced by a new file with the same bytes and times',
      (f: string) => {
        const st = fs.statSync(f);
        fs.writeFileSync(`${f}.new`, fs.readFileSync(f));
        fs.utimesSync(`${f}.new`, st.atime, st.mtime);
        fs.renameSync(`${f}.new`, f);
      },
    ],
  ])('a file %s is read again and its new text used', (_how, change) => {
    const { estate, files, cacheDir } = setup();
    run(estate, files, cacheDir);
    change(files[0]!);
    const after = run(estate, files, cacheDir);
    expect(after.opened).toEqual([files[0]]);
    expect(view(after.parsed[0]!)).toEqual(view(parseDeclarationFile(files[0]!, { root: path.dirname(files[0]!) })));
  });

  test('a file whose times are within 2 s of the clock is not recorded: read on every run until it is older', () => {
    const { estate, files, cacheDir } = setup();
    const now = () => Number(fs.statSync(files[0]!, { bigint: true }).ctimeNs / 1_000_000n) + 1_000;
    run(estate, files, cacheDir, now);
    expect(run(estate, files, cacheDir, now).opened).toEqual(files);
    run(estate, files, cacheDir);
    expect(run(estate, files, cacheDir).opened).toEqual([]);
  });

  test('a record whose text is no longer in the cache, or a damaged record, makes the file be read', () => {
    const { estate, files, cacheDir } = setup();
    run(estate, files, cacheDir);
    const [name] = fs.readdirSync(cacheDir);
    const cacheFile = path.join(cacheDir, name!);
    const lines = fs.readFileSync(cacheFile, 'utf8').split('\n');
    const sha0 = sha256(fs.readFileSync(files[0]!, 'utf8'));
    const sha1 = sha256(fs.readFileSync(files[1]!, 'utf8'));
    const kept = lines
      .filter((l) => !l.startsWith(`${sha0} `)) // the first file's parse is gone
      .map((l) => (l.includes(` F{`) && l.includes(sha1) ? l.replace(/"stat":"/, '"stat":"x') : l)); // the second's record damaged
    fs.writeFileSync(cacheFile, kept.join('\n'));
    const after = run(estate, files, cacheDir);
    expect(after.opened).toEqual([files[0], files[1]]);
    expect(after.parsed.map(view)).toEqual(files.map((f) => view(parseDeclarationFile(f, { root: path.dirname(f) }))));
  });
});
