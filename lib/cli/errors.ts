import { CommanderError } from 'commander';
import { DeclarationError, ErrorCode } from '../model/errors';
import { SynthAbort } from '../model/synth-stage';
import { OutputFolderError } from '../synth/atomic';

/** A bad command-line argument: one short message in English and Japanese, exit code 2. */
export class CliUsageError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    messageJa: string,
  ) {
    super(`error [${code}]: ${message}\nエラー: ${messageJa}`);
    this.name = 'CliUsageError';
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Parses `--now`: an ISO 8601 date or date-time (`2026-11-22`, `2026-11-22T09:00:00+09:00`). */
export function parseInstant(option: string, value: string): string {
  if (!ISO_INSTANT.test(value) || Number.isNaN(new Date(value).getTime())) {
    const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    throw new CliUsageError(
      'KIBAN_BAD_DATE',
      `${option}: not a date in ISO 8601 form (received ${shown}); e.g. 2026-11-22T09:00:00+09:00`,
      `${option} の日時が ISO 8601 形式ではありません（受け取った値: ${shown}）。例: 2026-11-22T09:00:00+09:00`,
    );
  }
  return value;
}

const ERRNO_JA: Record<string, [string, string]> = {
  EACCES: ['permission denied', '権限がありません'],
  EPERM: ['operation not permitted', '操作が許可されていません'],
  EROFS: ['read-only file system', '読み取り専用のファイルシステムです'],
  ENOENT: ['no such file or folder', 'ファイルまたはフォルダがありません'],
  ENOTDIR: ['not a folder', 'フォルダではありません'],
  EISDIR: ['is a folder', 'フォルダです'],
  ENOSPC: ['no space left on the device', '空き容量がありません'],
  EEXIST: ['already exists', 'すでに存在します'],
  ENOTEMPTY: ['folder not empty', 'フォルダが空ではありません'],
  EBUSY: ['in use', '使用中です'],
  EMFILE: ['too many open files', '開いているファイルが多すぎます'],
  ELOOP: ['too many symbolic links', 'シンボリックリンクが多すぎます'],
  ENAMETOOLONG: ['name too long', '名前が長すぎます'],
};

/**
 * One short message (English and Japanese, no stack trace) and the exit code for anything a command
 * throws. Set KIBAN_DEBUG=1 to see the stack of an unexpected error.
 */
export function describeFailure(e: unknown): { readonly message: string; readonly exitCode: number } {
  if (e instanceof CommanderError) return { message: '', exitCode: e.exitCode };
  if (e instanceof CliUsageError) return { message: e.message, exitCode: 2 };
  if (e instanceof SynthAbort) return { message: e.message, exitCode: e.exitCode };
  if (e instanceof DeclarationError || e instanceof OutputFolderError) return { message: e.message, exitCode: 1 };
  const err = e as (NodeJS.ErrnoException & { dest?: string }) | undefined;
  if (err && typeof err === 'object' && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    const [en, ja] = ERRNO_JA[err.code] ?? ['file system error', 'ファイル操作に失敗しました'];
    const where =
      [err.path, err.dest].filter((p): p is string => typeof p === 'string').join(' → ') || '(unknown path)';
    return {
      message: `error [${err.code}]: ${en}: ${where}${err.syscall ? ` (${err.syscall})` : ''}; check the path and its permissions\nエラー: ${ja}: ${where}。パスと権限を確認してください`,
      exitCode: 1,
    };
  }
  if (err && typeof err === 'object' && typeof err.code === 'string' && err.code.startsWith('ERR_INVALID_ARG')) {
    // Node refuses a path (e.g. one holding a NUL character) before touching the file system.
    return {
      message: `error [KIBAN_BAD_PATH]: a file or folder name given on the command line cannot be used (${err.code})\nエラー: コマンドラインで指定したファイル名・フォルダ名は使用できません（${err.code}）`,
      exitCode: 2,
    };
  }
  const text = e instanceof Error ? e.message : String(e);
  const first = (text.split('\n')[0] ?? '').slice(0, 300);
  const debug = process.env.KIBAN_DEBUG === '1' && e instanceof Error && e.stack ? `\n${e.stack}` : '';
  return { message: `error: ${first}\nエラー: 処理を完了できませんでした（${first}）${debug}`, exitCode: 1 };
}
