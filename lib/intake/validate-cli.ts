/**
 * `kiban validate [files…]`: checks declaration files without running cdktf.
 * Standalone: npx ts-node --transpile-only lib/intake/validate-cli.ts --estate estate estate/systems/somu/kaigi.yaml
 * Exit codes: 0 valid (warnings allowed), 1 errors found, 2 usage error.
 */
import { openDeclarationCache } from './declaration-cache';
import * as fs from 'fs';

import { formatIntakeIssue } from './issues';
import { ClockSource } from './estate';
import { declarationFiles, validateFiles } from './validate';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** The estate folder commands use when --estate is not given (the repository's estate). */
export const DEFAULT_ESTATE_DIR = 'estate';

const USAGE = `usage: kiban validate [--estate DIR] [--now ISO] [--json] [files or folders…]   (default: the whole estate, --estate ${DEFAULT_ESTATE_DIR})`;

/** Runs the validate command; returns the exit code. Never throws. */
export function runValidateCli(
  args: readonly string[],
  io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
): number {
  try {
    let json = false;
    let estate = DEFAULT_ESTATE_DIR;
    let now: string | undefined;
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const value = (name: string): string | undefined => {
        if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
        const v = args[i + 1];
        if (v === undefined || v.startsWith('-')) return undefined;
        i += 1;
        return v;
      };
      if (a === '--json') json = true;
      else if (a === '-h' || a === '--help') {
        io.out(USAGE);
        return 0;
      } else if (a === '--estate' || a.startsWith('--estate=')) {
        const v = value('--estate');
        if (v === undefined) return usage(io, 'option --estate needs a folder');
        estate = v;
      } else if (a === '--now' || a.startsWith('--now=')) {
        const v = value('--now');
        if (v === undefined || Number.isNaN(new Date(v).getTime()))
          return usage(io, `option --now needs an ISO date-time (received ${JSON.stringify(v ?? '')})`);
        now = v;
      } else if (a.startsWith('-')) return usage(io, `unknown option: ${a}`);
      else rest.push(a);
    }
    const files = rest.flatMap((t) => {
      try {
        if (fs.statSync(t).isDirectory()) return declarationFiles(t);
      } catch {
        /* a missing file is reported by the validator */
      }
      return [t];
    });
    if (rest.length > 0 && files.length === 0) {
      io.err(`no declaration files found in ${rest.join(', ')} / 宣言ファイルがありません`);
      return 2;
    }
    // Texts unchanged since an earlier run are not parsed again (the tool's cache; KIBAN_CACHE=off turns it off).
    const cache = openDeclarationCache(estate);
    const report = validateFiles(files, { estate, ...(now !== undefined ? { now } : {}), ...(cache ? { cache } : {}) });
    cache?.save();
    if (json) {
      io.out(JSON.stringify(report, null, 2));
      return report.ok ? 0 : 1;
    }
    for (const f of report.files)
      for (const i of [...f.errors, ...f.warnings].sort((a, b) => a.line - b.line || a.column - b.column))
        io.out(formatIntakeIssue(i));
    const checked = report.files.filter((f) => !f.context).length;
    const others = report.files.filter((f) => f.context).length;
    const summary = [
      `${checked} file(s) checked against the estate ${estate}: ${report.errors.length} error(s), ${report.warnings.length} warning(s)${others > 0 ? `, errors in ${others} other file(s) of the estate` : ''} / ${checked} ファイルをエステート ${estate} と照合: エラー ${report.errors.length} 件、警告 ${report.warnings.length} 件${others > 0 ? `（うち他の ${others} ファイルのエラーを含む）` : ''}`,
      clockLine(report.clock),
    ].join('\n');
    (report.ok ? io.out : io.err)(summary);
    return report.ok ? 0 : 1;
  } catch (e) {
    io.err(
      `internal error / 内部エラー: ${(e as Error)?.message ?? String(e)}${process.env.KIBAN_DEBUG === '1' ? `\n${(e as Error)?.stack ?? ''}` : ''}`,
    );
    return 1;
  }
}

function usage(io: CliIo, message: string): number {
  io.err(`${message}\n${USAGE}`);
  return 2;
}

/** One line saying which time the date rules used (the pinned time of an estate is never silent). */
export function clockLine(c: ClockSource): string {
  switch (c.kind) {
    case 'estate':
      return `date rules evaluated at ${c.fixedAt}, pinned by ${c.file} (clock.fixedAt): ${c.reasonJa} / 日付のルールは ${c.file} で固定された ${c.fixedAt} で評価しました`;
    case 'now-option':
      return `date rules evaluated at ${c.now} (--now) / 日付のルールは ${c.now}（--now）で評価しました`;
    case 'injected':
      return 'date rules evaluated at the injected clock / 日付のルールは指定された時計で評価しました';
    default:
      return 'date rules evaluated at the current time / 日付のルールは現在時刻で評価しました';
  }
}

if (require.main === module) {
  process.exitCode = runValidateCli(process.argv.slice(2));
}
