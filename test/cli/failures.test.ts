/**
 * Issue 10, item 7: every failure of every command is one short error in English and Japanese, a
 * non-zero exit, no stack trace; a property test feeds random and hostile argv and files to every
 * command of buildProgram and finds no uncaught exception.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { CliIo, buildProgram, runCli } from '../../lib/cli/main';
import { reviewStage } from '../../lib/review';
import { OUTPUT_MARKER } from '../../lib/synth/atomic';
import { sharedExampleEstate } from '../fixtures/estate';

/** A private copy of the example estate: the CLI never reads the repository's estate in tests. */
const EST = sharedExampleEstate();

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
const JA = /[\u3040-\u30ff\u4e00-\u9fff]/;
const realFs = require('fs') as typeof fs;

function io(): CliIo & { stdout: string[]; stderr: string[]; all: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    stages: () => [reviewStage()],
    all: () => [...stdout, ...stderr].join(''),
  };
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-cli-fail-'));
const errno = (code: string, syscall: string, p: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${p}'`), { code, syscall, path: p, errno: -13 });

/** One short bilingual error: English line, Japanese line, nothing like a stack trace. */
function expectClearError(t: ReturnType<typeof io>, pattern: RegExp): void {
  const err = t.stderr.join('');
  expect(err).toMatch(pattern);
  expect(err).toMatch(JA);
  expect(err).not.toMatch(STACK);
  expect(err.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(4);
}

describe('every failure is a clear error (issue 10, item 7)', () => {
  test.each([['synth'], ['impact'], ['atlantis']])(
    '%s --now yesterday: exit 2, English and Japanese, no stack',
    (cmd) => {
      const t = io();
      const args =
        cmd === 'impact'
          ? ['impact', '--host', 'KIBAN-HV01', '--now', 'yesterday']
          : [cmd, '--now', 'yesterday', ...(cmd === 'synth' ? ['--out', path.join(tmp(), 'o')] : [])];
      expect(runCli(args, t)).toBe(2);
      expectClearError(t, /error \[KIBAN_BAD_DATE\]: --now: not a date in ISO 8601 form \(received "yesterday"\)/);
    },
  );

  test('a read-only or unwritable output parent: exit 1, the path named, no stack', () => {
    const parent = path.join(tmp(), 'ro');
    const spy = jest.spyOn(realFs, 'mkdtempSync').mockImplementation((prefix) => {
      throw errno('EROFS', 'mkdtemp', String(prefix));
    });
    try {
      const t = io();
      expect(runCli(['synth', '--estate', EST, '--out', path.join(parent, 'out'), '--quiet'], t)).toBe(1);
      expectClearError(
        t,
        new RegExp(`error \\[EROFS\\]: read-only file system: ${parent}/\\.kiban-tmp-out- \\(mkdtemp\\)`),
      );
    } finally {
      spy.mockRestore();
    }
    const file = path.join(tmp(), 'file');
    fs.writeFileSync(file, '');
    const t = io();
    expect(runCli(['synth', '--estate', EST, '--out', path.join(file, 'out'), '--quiet'], t)).toBe(1);
    expectClearError(t, /error \[(ENOTDIR|EEXIST)\]/);
  });

  test('EACCES while writing the output: exit 1, the path named; nothing left behind', () => {
    const dir = tmp();
    const real = realFs.writeFileSync;
    const spy = jest.spyOn(realFs, 'writeFileSync').mockImplementation(((
      p: fs.PathOrFileDescriptor,
      ...rest: unknown[]
    ) => {
      if (String(p).endsWith('estate.json')) throw errno('EACCES', 'open', String(p));
      return (real as (...a: unknown[]) => void)(p, ...rest);
    }) as typeof fs.writeFileSync);
    try {
      const t = io();
      expect(runCli(['synth', '--estate', EST, '--out', path.join(dir, 'out'), '--quiet'], t)).toBe(1);
      expectClearError(t, /error \[EACCES\]: permission denied: .*estate\.json \(open\)/);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('synth --out on a folder synth did not write: exit 1, refused, untouched', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'precious');
    const t = io();
    expect(runCli(['synth', '--estate', EST, '--out', dir, '--quiet'], t)).toBe(1);
    expectClearError(t, /KIBAN_OUTPUT_NOT_OURS/);
    expect(fs.readdirSync(dir)).toEqual(['keep.txt']);
  });

  test('the old copy cannot be removed (EACCES): exit 0, the new output complete, the warning names the folder', () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    expect(runCli(['synth', '--estate', EST, '--out', out, '--quiet'], io())).toBe(0);
    const rm = realFs.rmSync;
    const spy = jest.spyOn(realFs, 'rmSync').mockImplementation((p, o) => {
      if (String(p).endsWith('-old')) throw errno('EACCES', 'rmdir', String(p));
      return rm(p, o);
    });
    const rmdir = realFs.rmdirSync;
    const spyDir = jest.spyOn(realFs, 'rmdirSync').mockImplementation((p, o) => {
      if (String(p).endsWith('-old')) throw errno('EACCES', 'rmdir', String(p));
      return rmdir(p, o);
    });
    const t = io();
    try {
      expect(runCli(['synth', '--estate', EST, '--out', out, '--quiet'], t)).toBe(0);
    } finally {
      spy.mockRestore();
      spyDir.mockRestore();
    }
    const left = fs.readdirSync(dir).filter((n) => n.endsWith('-old'));
    expect(left).toHaveLength(1);
    expect(t.stderr.join('')).toContain(
      `warning: could not remove ${path.join(dir, left[0]!)} (EACCES); the new output in ${out} is complete`,
    );
    expect(t.stderr.join('')).not.toMatch(STACK);
    expect(fs.existsSync(path.join(out, OUTPUT_MARKER))).toBe(true);
    expect(runCli(['synth', '--estate', EST, '--out', out, '--quiet'], io())).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });

  test('impact: an unknown host, cluster or datastore exits 2 with an error on stderr', () => {
    for (const [opt, name] of [
      ['--host', 'nope'],
      ['--datastore', 'kiban-nope'],
      ['--cluster', 'x'],
      ['--network', 'nowhere'],
    ]) {
      const t = io();
      expect(runCli(['impact', '--estate', EST, opt!, name!], t)).toBe(2);
      expectClearError(t, new RegExp(`error: unknown .*${name}`));
    }
  });

  test('diff: a missing folder, or an unwritable --output, exits non-zero with a clear error', () => {
    const t = io();
    expect(runCli(['diff', path.join(tmp(), 'none'), path.join(tmp(), 'none2')], t)).toBe(1);
    expect(t.stderr.join('')).not.toMatch(STACK);
    const dir = tmp();
    for (const n of ['base', 'head'])
      expect(runCli(['synth', '--estate', EST, '--out', path.join(dir, n), '--quiet'], io())).toBe(0);
    const w = io();
    expect(
      runCli(
        ['diff', path.join(dir, 'base'), path.join(dir, 'head'), '--output', path.join(dir, 'no', 'such', 'c.md')],
        w,
      ),
    ).toBe(1);
    expectClearError(w, /error \[ENOENT\]: no such file or folder: .*c\.md/);
  });
});

describe('property: random and hostile argv and files never crash a command (issue 10, item 7)', () => {
  test('every command of buildProgram: an exit code, a message when it fails, never an uncaught exception or a stack trace; nothing outside the sandbox is touched', () => {
    const sandbox = fs.realpathSync(tmp());
    const cwd = process.cwd();
    const commands = buildProgram(io()).program.commands.map((c) => ({
      name: c.name(),
      options: c.options.map((o) => o.long!).filter(Boolean),
      args: c.registeredArguments.map((a) => (a.variadic ? 3 : 1)).reduce((x, y) => x + y, 0),
    }));
    expect(commands.map((c) => c.name).sort()).toEqual(
      expect.arrayContaining(['atlantis', 'diff', 'impact', 'synth', 'validate']),
    );
    for (const c of commands) runCli([c.name, '--help'], io());
    runCli(['validate', path.join(sandbox, 'none.yaml')], io());
    // Files the commands are pointed at: random YAML, a random estate.json pair, a FIFO, a symlink, a folder.
    const hostile = [
      '',
      '.',
      '..',
      '/',
      '-',
      '--',
      'yesterday',
      '2026-13-45T99:99',
      '\u0000',
      'x'.repeat(5000),
      '../../etc/passwd',
      '${x}',
      '%{x}',
      '<b>',
      '[a](b)',
      'f.yaml',
      'base',
      'head',
      'fifo.yaml',
      'link.yaml',
      'dir.yaml',
      'cdktf.out',
      'KIBAN-HV01',
      'kiban-sys-ds01',
      'lgwan',
      '8.0',
      '-h',
      '--json',
      '--quiet',
    ];
    const token = fc.oneof(
      fc.constantFrom(...hostile),
      fc.string({ maxLength: 12 }).filter((x) => !x.startsWith('/') && !x.includes('..')),
    );
    // A guard, not a log: any write, removal or rename outside the sandbox is blocked (EACCES) and recorded.
    const outside: string[] = [];
    const allowed = (p: unknown) => {
      const abs = path.resolve(String(p));
      return (
        abs === sandbox || abs.startsWith(`${sandbox}${path.sep}`) || abs.startsWith(path.join(os.tmpdir(), 'jest'))
      );
    };
    const writes = (flags: unknown) =>
      typeof flags === 'number'
        ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC)) !== 0
        : flags !== undefined && !/^r$|^rs?$/.test(String(flags));
    const guarded: Record<string, (args: unknown[]) => unknown[]> = {
      writeFileSync: (a) => [a[0]],
      appendFileSync: (a) => [a[0]],
      rmSync: (a) => [a[0]],
      rmdirSync: (a) => [a[0]],
      unlinkSync: (a) => [a[0]],
      renameSync: (a) => [a[0], a[1]],
      mkdirSync: (a) => [a[0]],
      mkdtempSync: (a) => [a[0]],
      copyFileSync: (a) => [a[1]],
      cpSync: (a) => [a[1]],
      symlinkSync: (a) => [a[1]],
      openSync: (a) => (writes(a[1]) ? [a[0]] : []),
      chmodSync: (a) => [a[0]],
      truncateSync: (a) => [a[0]],
    };
    const spies = Object.entries(guarded).map(([name, targets]) => {
      const real = (realFs as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!.bind(realFs);
      return jest
        .spyOn(realFs as unknown as Record<string, (...a: unknown[]) => unknown>, name)
        .mockImplementation((...args: unknown[]) => {
          const bad = targets(args).filter((t) => typeof t === 'string' && !allowed(t));
          if (bad.length > 0) {
            outside.push(`${name} ${bad.join(' ')}`);
            throw errno('EACCES', name, String(bad[0]));
          }
          return real(...args);
        });
    });
    try {
      process.chdir(sandbox);
      execSyncSafe('mkfifo', path.join(sandbox, 'fifo.yaml'));
      fs.writeFileSync(path.join(sandbox, 'secret.txt'), 'SECRET-CONTENT\n');
      fs.symlinkSync(path.join(sandbox, 'secret.txt'), path.join(sandbox, 'link.yaml'));
      fs.mkdirSync(path.join(sandbox, 'dir.yaml'));
      fc.assert(
        fc.property(
          fc.constantFrom(...commands),
          fc.array(token, { maxLength: 3 }),
          fc.uint8Array({ maxLength: 200 }),
          fc.oneof(
            fc.json(),
            fc.constantFrom('{"schemaVersion":1}', '{"systems":[{}]}', '{"systems":null,"platform":{}}', 'null', '[]'),
          ),
          fc.array(fc.tuple(fc.nat(), token), { maxLength: 3 }),
          (cmd, tokens, yamlBytes, estateJson, pairs) => {
            fs.writeFileSync(path.join(sandbox, 'f.yaml'), yamlBytes);
            for (const n of ['base', 'head']) {
              fs.mkdirSync(path.join(sandbox, n), { recursive: true });
              fs.writeFileSync(path.join(sandbox, n, 'estate.json'), estateJson);
            }
            // Positional arguments, then option/value pairs of the command (values hostile or random).
            const positional = [...(cmd.name === 'diff' ? ['base', 'head'] : []), ...tokens].slice(
              0,
              cmd.args + (tokens.length > 2 ? 1 : 0),
            );
            const argv = [
              cmd.name,
              ...positional,
              ...pairs.flatMap(([i, v]) => (cmd.options.length > 0 ? [cmd.options[i % cmd.options.length]!, v] : [v])),
            ];
            const t = io();
            let code: number | undefined;
            expect(() => {
              code = runCli(argv, t);
            }).not.toThrow();
            expect(Number.isInteger(code)).toBe(true);
            const all = t.all();
            expect([argv, all]).not.toEqual([argv, expect.stringMatching(STACK)]);
            expect([argv, all]).not.toEqual([argv, expect.stringContaining('処理を完了できませんでした')]);
            if (code !== 0) expect([argv, all.trim().length > 0]).toEqual([argv, true]);
            expect([argv, all]).not.toEqual([argv, expect.stringContaining('SECRET-CONTENT')]);
          },
        ),
        { numRuns: Number(process.env.FC_RUNS ?? 150), seed: 7 },
      );
    } finally {
      process.chdir(cwd);
      spies.forEach((s) => s.mockRestore());
    }
    expect(outside).toEqual([]);
  });
});

function execSyncSafe(cmd: string, arg: string): void {
  (require('child_process') as typeof import('child_process')).execFileSync(cmd, [arg]);
}
