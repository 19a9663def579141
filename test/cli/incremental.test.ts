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
