import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { IntakeError, declarationFiles, loadEstate, runValidateCli } from '../../lib/intake';
import { checkDeclarationFile } from '../../lib/intake/declaration-file';
import { runCli } from '../../lib/cli/main';
import { copyExampleEstate, platformOnlyEstate } from '../fixtures/estate';

const SECRET = 'root:x:0:0:SECRET-CONTENT-4711:/root:/bin/bash';

/** A copy of the example estate whose systems folder also holds a symlink, a folder and a FIFO named *.yaml. */
function hostileSystems(): { root: string; systems: string; bad: string[] } {
  const root = copyExampleEstate();
  const systems = path.join(root, 'systems');
  const secret = path.join(root, 'passwd');
  fs.writeFileSync(secret, `${SECRET}\n`);
  const link = path.join(systems, 'somu', 'passwd.yaml');
  fs.symlinkSync(secret, link);
  const folder = path.join(systems, 'hoken', 'folder.yaml');
  fs.mkdirSync(folder);
  const fifo = path.join(systems, 'hisho', 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  return { root, systems, bad: [link, folder, fifo] };
}

describe('a declaration is a regular file inside the systems folder (issue 10, item 5)', () => {
  test('the check names the kind and the path, never reads the content', () => {
    const { root, systems, bad } = hostileSystems();
    const [link, folder, fifo] = bad as [string, string, string];
    expect(checkDeclarationFile(link)).toMatchObject({
      code: 'KIBAN_NOT_A_REGULAR_FILE',
      file: link,
      message: expect.stringContaining('symbolic link'),
    });
    expect(checkDeclarationFile(folder)?.message).toContain('a folder');
    expect(checkDeclarationFile(fifo)?.message).toContain('FIFO');
    expect(checkDeclarationFile(path.join(systems, 'somu', 'zeimu-db.yaml'), systems)).toBeUndefined();
    fs.writeFileSync(path.join(root, 'outside.yaml'), 'department: somu\n');
    expect(checkDeclarationFile(path.join(root, 'outside.yaml'), systems)).toMatchObject({
      code: 'KIBAN_FILE_OUTSIDE',
    });
    // A regular file not named like a declaration is not read either (validate /etc/passwd).
    expect(checkDeclarationFile(path.join(root, 'passwd'))).toMatchObject({ code: 'KIBAN_NOT_A_DECLARATION_FILE' });
    expect(declarationFiles(systems)).toEqual(expect.arrayContaining(bad));
  });

  test("validate reports each one by path, exits 1 and never echoes the target's content", () => {
    const { root, systems, bad } = hostileSystems();
    const out: string[] = [];
    const code = runValidateCli(['--estate', root, systems], { out: (l) => out.push(l), err: (l) => out.push(l) });
    const text = out.join('\n');
    expect(code).toBe(1);
    for (const b of bad)
      expect(text).toContain(`${b}:1:1: error [SCHEMA] (file): a declaration must be a regular file`);
    expect(text).not.toContain('SECRET-CONTENT');
    // A symlink given by name, through the kiban CLI, too.
    const cli: string[] = [];
    expect(runCli(['validate', '--estate', root, bad[0]!], { out: (s) => cli.push(s), err: (s) => cli.push(s) })).toBe(
      1,
    );
    expect(cli.join('')).toContain('symbolic link');
    expect(cli.join('')).not.toContain('SECRET-CONTENT');
  });

  test('synth (loading the estate folder) fails naming every one, instead of silently dropping systems', () => {
    const { root, bad } = hostileSystems();
    let err: unknown;
    try {
      loadEstate(root);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IntakeError);
    const issues = (err as IntakeError).issues;
    expect(issues.map((i) => i.file).sort()).toEqual([...bad].sort());
    expect(issues.every((i) => i.code === 'KIBAN_NOT_A_REGULAR_FILE')).toBe(true);
    expect((err as Error).message).not.toContain('SECRET-CONTENT');
  });

  test('a department folder reached through a symbolic link is an error too', () => {
    const root = platformOnlyEstate();
    const systems = path.join(root, 'systems');
    fs.mkdirSync(systems);
    fs.cpSync(path.join(copyExampleEstate(), 'systems', 'somu'), path.join(root, 'elsewhere'), { recursive: true });
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(systems, 'somu'));
    expect(() => loadEstate(root)).toThrow(
      /systems\/somu:1:1: error \[SCHEMA\] \(file\): a declaration must be a regular file; this is a symbolic link/,
    );
  });

  test('an unreadable file or folder (EACCES) is a clear error, not a silent skip', () => {
    const clean = copyExampleEstate();
    const victim = path.join(clean, 'systems', 'somu', 'zeimu-db.yaml');
    const real = require('fs') as typeof fs;
    const open = real.openSync;
    const spy = jest.spyOn(real, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === victim)
        throw Object.assign(new Error(`EACCES: permission denied, open '${victim}'`), { code: 'EACCES' });
      return (open as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync);
    try {
      expect(() => loadEstate(clean)).toThrow(
        /zeimu-db\.yaml:1:1: error \[SCHEMA\] \(file\): cannot read the file \(EACCES\)[\s\S]*ファイルを読み込めません（EACCES）/,
      );
    } finally {
      spy.mockRestore();
    }
    const dir = path.join(clean, 'systems', 'hoken');
    const readdir = real.readdirSync;
    const spy2 = jest.spyOn(real, 'readdirSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === dir) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return (readdir as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.readdirSync);
    try {
      expect(() => loadEstate(clean)).toThrow(
        /systems\/hoken:1:1: error \[SCHEMA\] \(file\): cannot read the folder \(EACCES\)/,
      );
    } finally {
      spy2.mockRestore();
    }
  });
});
