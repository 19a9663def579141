import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openEarlierOutput, recordOutputFiles } from '../../lib/model/earlier-output';
import { sha256, toolCache } from '../../lib/model/tool';

// Issue 14: the record of an output's unit files lets the next run trust a file's hash without reading it,
// only while the file's device, inode, size and modification time are unchanged.
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-earlier-'));
const LATER = () => Date.now() + 60_000; // the record is written well after the files

function setup() {
  const root = tmp();
  const out = path.join(root, 'out');
  fs.mkdirSync(path.join(out, 'review'), { recursive: true });
  fs.writeFileSync(path.join(out, 'review', 'a.md'), 'original\n');
  const cache = toolCache({ KIBAN_CACHE_DIR: path.join(root, 'cache') })!;
  return { root, out, cache, file: path.join(out, 'review', 'a.md') };
}

test('a recorded hash is trusted while the file is unchanged (the recorded value is returned, the file not hashed)', () => {
  const { out, cache } = setup();
  // A deliberately wrong hash in the record shows that it, not the file, answered.
  recordOutputFiles(out, new Map([['review/a.md', 'f'.repeat(64)]]), cache, LATER);
  expect(openEarlierOutput(out, cache).sha('review/a.md')).toBe('f'.repeat(64));
  expect(openEarlierOutput(out, undefined).sha('review/a.md')).toBe(sha256('original\n'));
});

test.each([
  ['appended to (size and time change)', (f: string) => fs.appendFileSync(f, 'x')],
  [
    'rewritten with the same size, its time set back',
    (f: string) => {
      const st = fs.statSync(f);
      fs.writeFileSync(f, 'ORIGINAL\n');
      fs.utimesSync(f, st.atime, new Date(st.mtimeMs + 1000));
    },
  ],
  [
    'replaced by a new file (another inode) with the same size and time',
    (f: string) => {
      const st = fs.statSync(f);
      fs.writeFileSync(`${f}.new`, 'ORIGINAL\n');
      fs.utimesSync(`${f}.new`, st.atime, st.mtime);
      fs.renameSync(`${f}.new`, f);
    },
  ],
])('a file %s is hashed again', (_, edit) => {
  const { out, cache, file } = setup();
  recordOutputFiles(out, new Map([['review/a.md', 'f'.repeat(64)]]), cache, LATER);
  edit(file);
  expect(openEarlierOutput(out, cache).sha('review/a.md')).toBe(sha256(fs.readFileSync(file)));
});

test('a file modified just before the record (within the clock margin) is recorded only if its bytes are the hashed ones', () => {
  const { out, cache, file } = setup();
  const soon = () => fs.statSync(file).mtimeMs + 10;
  const recorded = () => {
    const [name] = fs.readdirSync(cache.dir).filter((n) => n.startsWith('output-files-'));
    return Object.keys((JSON.parse(fs.readFileSync(path.join(cache.dir, name!), 'utf8')) as { files: object }).files);
  };
  recordOutputFiles(out, new Map([['review/a.md', 'f'.repeat(64)]]), cache, soon);
  expect(recorded()).toEqual([]);
  expect(openEarlierOutput(out, cache).sha('review/a.md')).toBe(sha256('original\n'));
  recordOutputFiles(out, new Map([['review/a.md', sha256('original\n')]]), cache, soon);
  expect(recorded()).toEqual(['review/a.md']);
});

test("another folder's record, a broken record, a missing file and a path leaving the folder are not trusted", () => {
  const { root, out, cache } = setup();
  const other = path.join(root, 'other');
  fs.cpSync(out, other, { recursive: true });
  recordOutputFiles(other, new Map([['review/a.md', 'f'.repeat(64)]]), cache, LATER);
  expect(openEarlierOutput(out, cache).sha('review/a.md')).toBe(sha256('original\n'));
  for (const n of fs.readdirSync(cache.dir)) fs.writeFileSync(path.join(cache.dir, n), '{broken');
  expect(openEarlierOutput(other, cache).sha('review/a.md')).toBe(sha256('original\n'));
  recordOutputFiles(out, new Map([['review/a.md', 'f'.repeat(64)]]), cache, LATER);
  fs.rmSync(path.join(out, 'review', 'a.md'));
  expect(openEarlierOutput(out, cache).sha('review/a.md')).toBeUndefined();
  expect(() => openEarlierOutput(out, cache).sha('../x')).toThrow(/not an output-relative path/);
});

test("a recent file whose entry the run's earlier record already holds is carried over, not read again; a changed one is checked", () => {
  const { root, out, cache, file } = setup();
  const soon = () => fs.statSync(file).mtimeMs + 10; // every file is recent: the record re-reads it
  const good = sha256('original\n');
  recordOutputFiles(out, new Map([['review/a.md', good]]), cache, soon);
  const earlier = openEarlierOutput(out, cache);
  expect(earlier.recorded('review/a.md')?.[4]).toBe(good);
  const real = jest.requireActual<typeof import('fs')>('fs');
  const spy = jest.spyOn(real, 'readFileSync');
  let reads: string[];
  try {
    recordOutputFiles(out, new Map([['review/a.md', good]]), cache, soon, earlier);
    reads = spy.mock.calls.map(([f]) => String(f)).filter((f) => f === file);
  } finally {
    spy.mockRestore();
  }
  expect(reads).toEqual([]);
  expect(openEarlierOutput(out, cache).recorded('review/a.md')).toEqual(earlier.recorded('review/a.md'));
  // Another folder's record, or another hash than the recorded one, is no reason to skip the check.
  const other = path.join(root, 'other');
  fs.cpSync(out, other, { recursive: true });
  recordOutputFiles(other, new Map([['review/a.md', 'f'.repeat(64)]]), cache, () => Date.now() + 10, earlier);
  expect(openEarlierOutput(other, cache).recorded('review/a.md')).toBeUndefined();
  recordOutputFiles(out, new Map([['review/a.md', 'f'.repeat(64)]]), cache, soon, earlier);
  expect(openEarlierOutput(out, cache).recorded('review/a.md')).toBeUndefined();
});
