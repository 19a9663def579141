/**
 * `kiban validate [files…]`: checks declaration files without running cdktf.
 * Standalone: npx ts-node --transpile-only lib/intake/validate-cli.ts systems/somu/bunsho.yaml
 * Exit codes: 0 valid (warnings allowed), 1 errors found, 2 usage error.
 */
import * as fs from 'fs';

import { formatIntakeIssue } from './issues';
import { declarationFiles, validateFiles } from './validate';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const USAGE = 'usage: kiban validate [--json] [files or folders…]   (default: systems/)';

/** Runs the validate command; returns the exit code. Never throws. */
export function runValidateCli(args: readonly string[], io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): number {
  try {
    const json = args.includes('--json');
    const rest = args.filter((a) => a !== '--json');
    if (rest.includes('-h') || rest.includes('--help')) {
      io.out(USAGE);
      return 0;
    }
    const unknown = rest.filter((a) => a.startsWith('-'));
    if (unknown.length > 0) {
      io.err(`unknown option(s): ${unknown.join(' ')}\n${USAGE}`);
      return 2;
    }
    const targets = rest.length > 0 ? rest : ['systems'];
    const files = targets.flatMap((t) => {
      try {
        if (fs.statSync(t).isDirectory()) return declarationFiles(t);
      } catch {
        /* a missing file is reported by the validator */
      }
      return [t];
    });
    if (files.length === 0) {
      io.err(`no declaration files found in ${targets.join(', ')} / 宣言ファイルがありません`);
      return 2;
    }
    const report = validateFiles(files);
    if (json) {
      io.out(JSON.stringify(report, null, 2));
      return report.ok ? 0 : 1;
    }
    for (const f of report.files) for (const i of [...f.errors, ...f.warnings].sort((a, b) => a.line - b.line || a.column - b.column)) io.out(formatIntakeIssue(i));
    const checked = report.files.filter((f) => !f.context).length;
    const summary = `${checked} file(s) checked: ${report.errors.length} error(s), ${report.warnings.length} warning(s) / ${checked} ファイルを検査: エラー ${report.errors.length} 件、警告 ${report.warnings.length} 件`;
    (report.ok ? io.out : io.err)(summary);
    return report.ok ? 0 : 1;
  } catch (e) {
    io.err(`internal error / 内部エラー: ${(e as Error)?.message ?? String(e)}${process.env.KIBAN_DEBUG === '1' ? `\n${(e as Error)?.stack ?? ''}` : ''}`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runValidateCli(process.argv.slice(2));
}

