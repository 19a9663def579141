import { Change, EstateManifest, buildEstateManifest, renderDiffMarkdown } from '../../lib/review';
import { estateOf, webSystem } from './helpers';

// Issue 19: tests for the surviving mutants of lib/review/diff-markdown.ts (the pull-request comment of the
// data-loss guard): the capacity filters, the size-limit ladder, its caps and "…and N more" lines.

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
const M = buildEstateManifest(estateOf([webSystem()]));
const edited = (f: (x: Mutable<EstateManifest>) => void): EstateManifest => {
  const c = JSON.parse(JSON.stringify(M)) as Mutable<EstateManifest>;
  f(c);
  return c as EstateManifest;
};
const change = (systemId: string, o: Partial<Change> = {}): Change => ({
  systemId,
  op: 'changed',
  object: 'server',
  target: `${systemId}-t`,
  detail: 'd',
  destroysData: false,
  ...o,
});
const render = (changes: Change[], errors: string[] = [], limit?: number) =>
  renderDiffMarkdown(M, M, changes, errors, limit);
const lines = (md: string, re: RegExp) => md.split('\n').filter((l) => re.test(l));

describe('diff-markdown.ts: labels and sections', () => {
  test('NIC, VLAN and Terraform are labelled in the tables (lines 28, 29, 32)', () => {
    const md = render([
      change('kanko-web', { object: 'nic', target: 'web01 NIC0' }),
      change('kanko-web', { op: 'replaced', object: 'terraform', target: 'tf.x', destroysData: true }),
      change('platform', { op: 'added', object: 'vlan', target: 'dv-x' }),
    ]);
    expect(md).toContain('| 変更 changed | NIC | web01 NIC0 |');
    expect(md).toContain('| kanko-web | 再作成 replaced | Terraform | tf.x |');
    expect(md).toContain('| 追加 added | VLAN | dv-x |');
  });
  test('a system unknown to both manifests has an empty title (line 140)', () => {
    const md = render([change('ghost')]);
    expect(lines(md, /^#### `ghost`/)).toEqual(['#### `ghost` ']);
  });
  test('no errors: no error section (line 109); the comment ends with one newline (line 68)', () => {
    const md = render([change('kanko-web')]);
    expect(md).not.toContain('Errors (must be fixed)');
    expect(md).not.toContain('❌');
    expect(md.endsWith('|\n')).toBe(true);
  });
  test('exactly as many errors as the cap: no "…and 0 more" (line 99)', () => {
    const md = render(
      [],
      Array.from({ length: 200 }, (_, i) => `e${i}`),
    );
    expect(lines(md, /^- e\d+$/)).toHaveLength(200);
    expect(md).not.toContain('more');
  });
});

describe('diff-markdown.ts: capacity rows of pools that changed (lines 37, 53–54, 61)', () => {
  const capRows = (md: string) =>
    lines(md.slice(md.indexOf('Platform capacity'), md.indexOf('Shared licences')), /^\| (?!種別|---)/);
  const licRows = (md: string) => lines(md.slice(md.indexOf('Shared licences')), /^\| (?!ライセンス|---)/);
  test('a capacity change alone (same allocation) is listed', () => {
    const h = edited((x) => {
      x.platform.hostPools[0]!.vcpuCapacity += 10;
    });
    const p = M.platform.hostPools[0]!;
    const md = renderDiffMarkdown(M, h, [], []);
    expect(capRows(md)).toEqual([
      expect.stringMatching(
        new RegExp(`^\\| クラスタ \\| ${p.name} \\| vCPU \\| 4 → 4 \\| ${p.vcpuCapacity} → ${p.vcpuCapacity + 10} \\|`),
      ),
    ]);
  });
  test('a change of the licences needed alone (same held, same servers) is listed, under the pool’s name', () => {
    const h = edited((x) => {
      x.platform.hostPools[0]!.hosts[0]!.sockets = 4;
    });
    const md = renderDiffMarkdown(M, h, [], []);
    expect(licRows(md)).toEqual([
      expect.stringMatching(
        /^\| RHEL 1-2 sockets Unlimited guests（サブスクリプション） \| 8 → 8 \| (\d+) → (\d+) \| 2 → 2 \| OK \|$/,
      ),
    ]);
    const [, before, after] = /\| (\d+) → (\d+) \| 2 → 2 \|/.exec(licRows(md)[0]!)!;
    expect(Number(after)).toBe(Number(before) + 1);
  });
});

describe('diff-markdown.ts: the size-limit ladder (lines 129, 151, 160, 181–183)', () => {
  const detailed = (md: string) => !md.includes('Summarized because');
  // One system with long details (its detailed section is much longer than its summary row) and long errors.
  const big = Array.from({ length: 10 }, (_, i) => change('aaa', { target: `t${i}`, detail: 'x'.repeat(100) }));
  const errs = (n: number) => Array.from({ length: n }, (_, i) => `${'e'.repeat(200)}${i}`);
  const errLines = (md: string) => lines(md, /^- e{200}\d+$/).length;
  test('per-system data-loss flag: one destroying change among others is enough (line 160)', () => {
    const cs = [change('aaa', { op: 'destroyed', object: 'disk', destroysData: true }), ...big];
    const full = render(cs);
    const md = render(cs, [], full.length - 1);
    expect(detailed(md)).toBe(false);
    expect(md).toContain('| aaa | — | 0 | 10 | 0 | 1 | ⚠️ あり |');
  });
  test('the destroy table is capped at the rung’s maximum, with a count of the rest (line 129)', () => {
    const cs = Array.from({ length: 40 }, (_, i) =>
      change('aaa', { op: 'destroyed', object: 'disk', target: `d${i}`, destroysData: true }),
    );
    const full = render(cs);
    const rung2 = render(cs, [], full.length - 1); // summarized, all 40 (cap 200)
    expect(lines(rung2, /^\| aaa \| 削除 destroyed \|/)).toHaveLength(40);
    const rung4 = render(cs, [], rung2.length - 1); // rung 3 is the same size; rung 4 caps at 30
    expect(lines(rung4, /^\| aaa \| 削除 destroyed \|/)).toHaveLength(30);
    expect(rung4).toContain('…ほか 10 件（データ削除・再作成） / …and 10 more');
  });
  test('the summary table is capped at the rung’s maximum, with a count of the rest (line 151)', () => {
    const cs = Array.from({ length: 60 }, (_, i) => change(`s${String(i).padStart(2, '0')}`));
    const full = render(cs);
    const rung2 = render(cs, [], full.length - 1);
    expect(lines(rung2, /^\| s\d\d \| — \|/)).toHaveLength(60);
    const rung4 = render(cs, [], rung2.length - 1); // rung 3 is the same size; rung 4 shows 50 systems
    expect(lines(rung4, /^\| s\d\d \| — \|/)).toHaveLength(50);
    expect(rung4).toContain('…ほか 10 件（システム） / …and 10 more');
  });
  test('rung 2 summarizes, even when the detailed comment with its 100 errors would fit (line 181)', () => {
    const full = render(big, errs(150));
    const md = render(big, errs(150), full.length - 1);
    expect([detailed(md), errLines(md)]).toEqual([false, 100]);
    expect(md).toContain('…and 50 more');
  });
  test('rung 3 summarizes, even when the detailed comment with its 50 errors would fit (line 182)', () => {
    const full = render(big, errs(80));
    const rung2 = render(big, errs(80), full.length - 1);
    expect([detailed(rung2), errLines(rung2)]).toEqual([false, 80]);
    const md = render(big, errs(80), rung2.length - 1);
    expect([detailed(md), errLines(md)]).toEqual([false, 50]);
  });
  test('rung 4 summarizes, even when the detailed comment with its 20 errors would fit (line 183)', () => {
    const full = render(big, errs(40));
    const rung2 = render(big, errs(40), full.length - 1);
    expect([detailed(rung2), errLines(rung2)]).toEqual([false, 40]);
    const md = render(big, errs(40), rung2.length - 1);
    expect([detailed(md), errLines(md)]).toEqual([false, 20]);
  });
});

describe('diff-markdown.ts: systems in id order, the platform last, from any order of the changes (line 96)', () => {
  const perms = <T>(xs: T[]): T[][] =>
    xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  test.each(perms(['aaa', 'bbb', 'sys9', 'zzz', 'platform']).map((p) => [p.join(',')]))('%s', (order) => {
    const md = render(order.split(',').map((id) => change(id)));
    expect([...md.matchAll(/^#### `([^`]+)`/gm)].map((x) => x[1])).toEqual(['aaa', 'bbb', 'sys9', 'zzz', 'platform']);
  });
});
