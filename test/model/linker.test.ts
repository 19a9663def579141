import * as fs from 'fs';
import * as path from 'path';
import { openEarlierOutput } from '../../lib/model/earlier-output';
import { LinkPair, openLinker } from '../../lib/model/linker';
import { placeEarlierFiles, settleEarlierFiles } from '../../lib/model/reuse-index';
import { sha256 } from '../../lib/model/tool';
import { tempDir } from '../fixtures/estate';

// Issue 14: files taken from the output being replaced are hard-linked on a second thread while the
// stages go on; the pipeline waits for the links before it writes its own files.

/** `n` files in `from/d<i % 7>/f<i>`, and where each is to be linked below `to`. */
function files(n: number): { from: string; to: string; pairs: LinkPair[] } {
  const root = tempDir();
  const from = path.join(root, 'from');
  const to = path.join(root, 'to');
  const pairs: LinkPair[] = [];
  for (let i = 0; i < n; i++) {
    const rel = path.join(`d${i % 7}`, `f${i}`);
    fs.mkdirSync(path.dirname(path.join(from, rel)), { recursive: true });
    fs.writeFileSync(path.join(from, rel), `file ${i}\n`);
    pairs.push([path.join(from, rel), path.join(to, rel)]);
  }
  return { from, to, pairs };
}

const sameFile = ([a, b]: LinkPair) => fs.statSync(a).ino === fs.statSync(b).ino;

describe('linker (lib/model/linker.ts)', () => {
  test.each([
    ['below the threshold: in this thread', 1000, false],
    ['from the threshold on: on a second thread', 10, true],
  ])(
    '%s, every queued link is made (its folders created) by the time finish() returns',
    (_how, threshold, threaded) => {
      const { pairs } = files(40);
      const linker = openLinker({ threshold });
      linker.link(pairs.slice(0, 25));
      linker.link(pairs.slice(25));
      expect(linker.threaded).toBe(threaded);
      expect(linker.finish()).toEqual([]);
      expect(pairs.filter((p) => !sameFile(p))).toEqual([]);
    },
  );

  test.each([1000, 1])('links that cannot be made are handed back, in the order queued (threshold %d)', (threshold) => {
    const { from, to, pairs } = files(5);
    const missing: LinkPair = [path.join(from, 'absent'), path.join(to, 'absent')];
    fs.mkdirSync(path.dirname(pairs[3]![1]), { recursive: true });
    fs.writeFileSync(pairs[3]![1], 'already there'); // EEXIST
    const linker = openLinker({ threshold });
    linker.link([pairs[0]!, missing, pairs[1]!, pairs[2]!, pairs[3]!, pairs[4]!]);
    expect(linker.finish()).toEqual([missing, pairs[3]]);
    expect(fs.readFileSync(pairs[3]![1], 'utf8')).toBe('already there');
    expect([0, 1, 2, 4].every((i) => sameFile(pairs[i]!))).toBe(true);
  });

  test('a closed linker refuses more work', () => {
    const linker = openLinker();
    linker.finish();
    expect(() => linker.link([])).toThrow('link() after finish()');
    expect(() => linker.finish()).toThrow('finish() twice');
  });
});

describe('placeEarlierFiles with a linker, then settleEarlierFiles (lib/model/reuse-index.ts)', () => {
  function setup() {
    const root = tempDir();
    const out = path.join(root, 'out');
    const work = path.join(root, 'work');
    const names = ['stacks/a/cdk.tf.json', 'stacks/b/cdk.tf.json', 'review/a.md'];
    for (const n of names) {
      fs.mkdirSync(path.dirname(path.join(out, n)), { recursive: true });
      fs.writeFileSync(path.join(out, n), `${n}\n`);
    }
    fs.mkdirSync(work);
    const shas = names.map((n) => [n, sha256(`${n}\n`)] as const);
    return { out, work, names, shas, earlier: openEarlierOutput(out, undefined) };
  }

  test('the links are queued, not made, until settled; then every file is a link of the earlier one', () => {
    const { out, work, names, shas, earlier } = setup();
    const linker = openLinker({ threshold: 1e9 });
    const unitShas = new Map<string, string>();
    placeEarlierFiles({ earlier, outdir: out, workdir: work, unitShas, linker }, shas);
    expect(fs.readdirSync(work)).toEqual([]);
    expect(unitShas).toEqual(new Map(shas));
    settleEarlierFiles({ earlier, linker });
    for (const n of names) expect(fs.statSync(path.join(work, n)).ino).toBe(fs.statSync(path.join(out, n)).ino);
  });

  test('a file the linker could not link is copied, its bytes checked against the hash; changed bytes stop the run', () => {
    const { out, work, names, shas, earlier } = setup();
    const refusing = {
      threaded: false,
      queued: [] as LinkPair[],
      link(pairs: readonly LinkPair[]) {
        this.queued.push(...pairs);
      },
      finish() {
        return this.queued; // as on a file system without hard links
      },
    };
    placeEarlierFiles({ earlier, outdir: out, workdir: work, linker: refusing }, shas);
    settleEarlierFiles({ earlier, linker: refusing });
    for (const n of names) {
      expect(fs.readFileSync(path.join(work, n), 'utf8')).toBe(`${n}\n`);
      expect(fs.statSync(path.join(work, n)).ino).not.toBe(fs.statSync(path.join(out, n)).ino);
    }
    const again = setup();
    const refusing2 = { ...refusing, queued: [] as LinkPair[] };
    placeEarlierFiles(
      { earlier: again.earlier, outdir: again.out, workdir: again.work, linker: refusing2 },
      again.shas,
    );
    fs.writeFileSync(path.join(again.out, 'review/a.md'), 'edited meanwhile\n');
    expect(() => settleEarlierFiles({ earlier: again.earlier, linker: refusing2 })).toThrow(
      'the earlier output changed while being read: review/a.md',
    );
  });

  test('another base than the output folder is copied at once, without the linker', () => {
    const { out, work, names, shas, earlier } = setup();
    const linker = openLinker({ threshold: 1 });
    placeEarlierFiles({ earlier, outdir: path.join(out, '..', 'elsewhere'), workdir: work, linker }, shas);
    expect(linker.threaded).toBe(false);
    for (const n of names) expect(fs.readFileSync(path.join(work, n), 'utf8')).toBe(`${n}\n`);
    expect(linker.finish()).toEqual([]);
  });
});
