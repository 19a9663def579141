import * as fs from 'fs';
import * as path from 'path';
import { CliIo, runCli } from '../../lib/cli/main';
import { tmpDir } from '../review/helpers';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'estate');

// Issue 14 through the CLI: synth into an earlier output copies unchanged stacks; --full and --base; --jobs.

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}
const read = (dir: string) => {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${rel}${e.name}/`);
      else out[`${rel}${e.name}`] = fs.readFileSync(path.join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
};

describe('kiban synth: incremental (issue 14)', () => {
  test("with the tool's cache warm (parsed declarations, the form bundle), an edited estate synthesizes byte for byte what a run without any cache writes", () => {
    const estate = path.join(tmpDir(), 'estate');
    fs.cpSync(EXAMPLE, estate, { recursive: true });
    const cacheDir = tmpDir();
    const withCache = <T>(f: () => T): T => {
      const saved = { KIBAN_CACHE: process.env.KIBAN_CACHE, KIBAN_CACHE_DIR: process.env.KIBAN_CACHE_DIR };
      delete process.env.KIBAN_CACHE;
      process.env.KIBAN_CACHE_DIR = cacheDir;
      try {
        return f();
      } finally {
        for (const [k, v] of Object.entries(saved))
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
      }
    };
    const out = path.join(tmpDir(), 'out');
    withCache(() => expect(runCli(['synth', '--estate', estate, '--out', out, '--quiet'], io())).toBe(0));
    expect(fs.readdirSync(cacheDir).some((n) => n.startsWith('declarations-'))).toBe(true);
    expect(fs.readdirSync(cacheDir).some((n) => n.startsWith('form-bundle-'))).toBe(true);
    const files = fs
      .readdirSync(path.join(estate, 'systems'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join(estate, 'systems', f))
      .sort();
    // One system's pull request: more memory, and a renamed system elsewhere.
    fs.writeFileSync(files[0]!, fs.readFileSync(files[0]!, 'utf8').replace(/memoryGb: (\d+)/, 'memoryGb: 32'));
    fs.writeFileSync(files[1]!, fs.readFileSync(files[1]!, 'utf8').replace(/systemName: (.*)/, 'systemName: $1（改）'));
    const second = io();
    withCache(() => expect(runCli(['synth', '--estate', estate, '--out', out, '--quiet'], second)).toBe(0));
    expect(second.stderr.join('')).toMatch(/unchanged \(copied\)/);
    const full = path.join(tmpDir(), 'full');
    expect(runCli(['synth', '--estate', estate, '--out', full, '--full', '--quiet'], io())).toBe(0);
    expect(read(out)).toEqual(read(full));
  });

  test('a second synth into the same folder copies every unchanged stack and writes the same bytes; --full synthesizes them again', () => {
    const out = path.join(tmpDir(), 'out');
    const first = io();
    expect(runCli(['synth', '--estate', EXAMPLE, '--out', out, '--quiet'], first)).toBe(0);
    expect(first.stderr.join('')).toMatch(/vSphere stacks: (\d+) synthesized, 0 unchanged \(copied\)\n$/);
    const n = Number(/vSphere stacks: (\d+) synthesized/.exec(first.stderr.join(''))![1]);
    const before = read(out);
    expect(Object.keys(before)).toContain('stack-inputs.json');
    const second = io();
    expect(runCli(['synth', '--estate', EXAMPLE, '--out', out, '--quiet'], second)).toBe(0);
    expect(second.stderr.join('')).toMatch(
      new RegExp(`vSphere stacks: 0 synthesized, ${n} unchanged \\(copied\\)\\n$`),
    );
    expect(read(out)).toEqual(before);
    const full = io();
    expect(runCli(['synth', '--estate', EXAMPLE, '--out', out, '--quiet', '--full'], full)).toBe(0);
    expect(full.stderr.join('')).toMatch(new RegExp(`vSphere stacks: ${n} synthesized, 0 unchanged`));
    expect(read(out)).toEqual(before);
  });

  test('--base names an earlier output; one that kiban did not write is refused, bilingual, with nothing written', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'notes'));
    const t = io();
    expect(
      runCli(['synth', '--estate', EXAMPLE, '--out', path.join(dir, 'out'), '--base', path.join(dir, 'notes')], t),
    ).toBe(1);
    expect(t.stderr.join('')).toContain('KIBAN_BASE_NOT_OUTPUT');
    expect(t.stderr.join('')).toContain('出力フォルダではありません');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('--jobs takes a whole number of at least 1', () => {
    const t = io();
    expect(runCli(['synth', '--estate', EXAMPLE, '--out', path.join(tmpDir(), 'o'), '--jobs', '0'], t)).not.toBe(0);
    expect(t.stderr.join('')).toContain('expected a whole number of at least 1');
  });
});
