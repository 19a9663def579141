import * as fs from 'fs';
import * as path from 'path';
import { IntakeIssue, intakeIssue } from './issues';
import { ErrorCode } from '../model/errors';

function kindOf(st: fs.Stats): [string, string] {
  if (st.isSymbolicLink()) return ['a symbolic link', 'シンボリックリンク'];
  if (st.isDirectory()) return ['a folder', 'フォルダ'];
  if (st.isFIFO()) return ['a named pipe (FIFO)', '名前付きパイプ（FIFO）'];
  if (st.isSocket()) return ['a socket', 'ソケット'];
  if (st.isCharacterDevice() || st.isBlockDevice()) return ['a device', 'デバイス'];
  return ['not a regular file', '通常のファイルではないもの'];
}

function inside(file: string, root: string): boolean {
  try {
    const rel = path.relative(fs.realpathSync(root), fs.realpathSync(file));
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  } catch {
    return false;
  }
}

/**
 * The one check every declaration loader runs before reading a file: a declaration is a regular
 * file (not a symbolic link, folder, FIFO or device), inside `root` (the systems folder) when given.
 * Returns the problem, naming the path only (the content is never read), or undefined when the file
 * may be read.
 */
export function checkDeclarationFile(file: string, root?: string): IntakeIssue | undefined {
  const problem = (code: ErrorCode, message: string, messageJa: string, fix: string, fixJa: string) =>
    intakeIssue({
      file,
      pos: { line: 1, column: 1 },
      code,
      ruleId: 'SCHEMA',
      field: '(file)',
      value: file,
      message,
      messageJa,
      fix,
      fixJa,
    });
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT')
      return problem(
        'KIBAN_FILE_UNREADABLE',
        'the file does not exist (ENOENT)',
        'ファイルがありません（ENOENT）',
        'check the path',
        'パスを確認してください',
      );
    return problem(
      'KIBAN_FILE_UNREADABLE',
      `cannot read the file (${code})`,
      `ファイルを読み込めません（${code}）`,
      'check the path and the permissions',
      'パスと権限を確認してください',
    );
  }
  if (st.isDirectory()) {
    try {
      fs.readdirSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      return problem(
        'KIBAN_FOLDER_UNREADABLE',
        `cannot read the folder (${code})`,
        `フォルダを読み込めません（${code}）`,
        'check the permissions',
        '権限を確認してください',
      );
    }
  }
  if (!st.isFile()) {
    const [en, ja] = kindOf(st);
    return problem(
      'KIBAN_NOT_A_REGULAR_FILE',
      `a declaration must be a regular file; this is ${en}`,
      `宣言は通常のファイルでなければなりません（これは${ja}です）`,
      'replace it by the declaration file itself, or remove it',
      '宣言ファイルそのものに置き換えるか、削除してください',
    );
  }
  // Named like a declaration or not read at all: `kiban validate /etc/passwd` never shows a line of it.
  if (!/\.ya?ml$/i.test(file))
    return problem(
      'KIBAN_NOT_A_DECLARATION_FILE',
      'a declaration file is named <system>.yaml',
      '宣言ファイルの名前は <システムID>.yaml です',
      'give the path of a .yaml declaration',
      '.yaml の宣言ファイルのパスを指定してください',
    );
  if (root !== undefined && !inside(file, root)) {
    return problem(
      'KIBAN_FILE_OUTSIDE',
      `a declaration must be inside the systems folder ${root}`,
      `宣言はシステムフォルダ ${root} の中になければなりません`,
      'move the file into the systems folder',
      'ファイルをシステムフォルダに移してください',
    );
  }
  return undefined;
}
