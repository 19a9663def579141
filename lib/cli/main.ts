import { Command, Option } from 'commander';
import { SynthStage } from '../synth/context';
import { recoverOutput, writeReportFile } from '../synth/atomic';
import { synthesize } from '../synth/pipeline';
import { defaultStages } from '../synth/stages';
import { buildEstateManifest } from '../review/manifest';
import { DIFF_HEADER, diffOutputs } from '../review/diff';
import { ImpactTarget, impactOf, renderImpact, renderUpgradeImpact, upgradeImpact } from '../review/impact';
import { renderAtlantisYaml } from '../review/atlantis';
import { buildDefaultEstate } from './estate';
import { describeFailure, parseInstant } from './errors';

export { buildDefaultEstate } from './estate';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Stages for `synth`. @default defaultStages() */
  readonly stages?: () => SynthStage[];
}

const defaultIo: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** The synth stages: the default pipeline. */
export function cliStages(): SynthStage[] {
  return defaultStages();
}

/** A progress sink printing `stage done/total`, one line per stage step (stderr). */
export function progressPrinter(err: (s: string) => void): (stage: string, done: number, total: number) => void {
  return (stage, done, total) => err(`[${stage}] ${done}/${total}\n`);
}

/** Builds the `kiban` program. Exit codes are returned, never process.exit'ed, so tests can run it. */
export function buildProgram(io: CliIo = defaultIo): { program: Command; exitCode: () => number } {
  let code = 0;
  const program = new Command('kiban')
    .description('統合基盤 IaC: synthesize Terraform / Hyper-V scripts / review documents, and review changes')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  program
    .command('synth')
    .description('run the app; write Terraform, Hyper-V scripts, findings and review documents into one output folder, atomically')
    .option('--out <dir>', 'output folder (replaced only when the whole run succeeds)', 'cdktf.out')
    .option('--now <iso>', 'the instant date rules use (default: the default estate\'s review date)')
    .option('--quiet', 'no progress output')
    .action((opts: { out: string; now?: string; quiet?: boolean }) => {
      const estate = buildDefaultEstate(opts.now !== undefined ? { now: parseInstant('--now', opts.now) } : {});
      const result = synthesize(estate, {
        outdir: opts.out,
        stages: (io.stages ?? cliStages)(),
        ...(opts.quiet ? {} : { progress: progressPrinter(io.err) }),
      });
      if (result.recovered.swap) io.err(`recovered an interrupted earlier run (${result.recovered.swap}) / 前回中断された出力の置き換えを${result.recovered.swap === 'completed' ? '完了' : '取り消'}しました\n`);
      for (const l of result.leftOver) io.err(`warning: could not remove ${l.path} (${l.reason}); the new output in ${opts.out} is complete; remove that folder by hand / 警告: ${l.path} を削除できませんでした（${l.reason}）。新しい出力 ${opts.out} は完全です。このフォルダを手で削除してください\n`);
      io.err(`wrote ${result.files} files to ${opts.out}\n`);
    });

  program
    .command('diff')
    .description('pull-request comment (Markdown) of what HEAD changes against BASE; exits 1 on errors such as a server deleted instead of decommissioned')
    .argument('<base>', 'synth output folder of the base branch')
    .argument('<head>', 'synth output folder of the head branch')
    .option('--output <file>', 'write the Markdown to a file instead of stdout')
    .action((base: string, head: string, opts: { output?: string }) => {
      // A swap interrupted in either folder is completed or rolled back before it is read.
      recoverOutput(base);
      recoverOutput(head);
      const r = diffOutputs(base, head);
      // Never overwrites a file kiban did not write (only an earlier diff report).
      if (opts.output) writeReportFile(opts.output, r.markdown, DIFF_HEADER);
      else io.out(r.markdown);
      for (const e of r.errors) io.err(`error: ${e}\n`);
      if (r.errors.length > 0) code = 1;
    });

  program
    .command('impact')
    .description('which systems and contacts sit behind a host, cluster, datastore or network (R15), or which a platform version would break (R12)')
    .addOption(new Option('--host <name>', 'a host (vSphere hosts are named <cluster>/esxiNN)'))
    .addOption(new Option('--cluster <name>', 'a vSphere cluster or the Hyper-V host pool'))
    .addOption(new Option('--datastore <name>', 'a datastore (or Hyper-V storage path)'))
    .addOption(new Option('--network <key>', 'a network key (internet, lgwan, myNumber, dmz), VLAN name, port group or VLAN ID'))
    .addOption(new Option('--esxi <version>', 'target ESXi version (R12)'))
    .addOption(new Option('--hyperv <version>', 'target Windows Server version of the Hyper-V hosts (R12)'))
    .option('--now <iso>', 'the instant date rules use')
    .action((opts: { host?: string; cluster?: string; datastore?: string; network?: string; esxi?: string; hyperv?: string; now?: string }) => {
      const estate = buildDefaultEstate(opts.now !== undefined ? { now: parseInstant('--now', opts.now) } : {});
      const targets: ImpactTarget[] = [
        ...(opts.host ? [{ kind: 'host' as const, name: opts.host }] : []),
        ...(opts.cluster ? [{ kind: 'cluster' as const, name: opts.cluster }] : []),
        ...(opts.datastore ? [{ kind: 'datastore' as const, name: opts.datastore }] : []),
        ...(opts.network ? [{ kind: 'network' as const, name: opts.network }] : []),
      ];
      if (targets.length === 0 && !opts.esxi && !opts.hyperv) {
        io.err('error: give --host, --cluster, --datastore, --network, --esxi or --hyperv\n');
        code = 2;
        return;
      }
      const manifest = buildEstateManifest(estate);
      for (const t of targets) {
        const r = impactOf(manifest, t);
        io.out(renderImpact(r));
        if (r.error) {
          io.err(`error: ${r.error} / エラー: 指定された${{ host: 'ホスト', cluster: 'クラスタ', datastore: 'データストア', network: 'ネットワーク' }[t.kind]}は統合基盤にありません\n`);
          code = 2;
        }
      }
      if (opts.esxi || opts.hyperv) {
        const target = { ...(opts.esxi ? { esxiVersion: opts.esxi } : {}), ...(opts.hyperv ? { windowsServerVersion: opts.hyperv } : {}) };
        io.out(renderUpgradeImpact(target, upgradeImpact(estate, target)));
      }
    });

  program
    .command('validate')
    .description('check YAML declarations without running cdktf: file:line:column, rule ID, Japanese and English')
    .argument('[files...]', 'declaration files (systems/<department>/<system>.yaml)')
    .option('--json', 'machine-readable report')
    .action((files: string[], opts: { json?: boolean }) => {
      // Loaded lazily so validation never pays for the emitters (bin/kiban.js also takes a fast path).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runValidateCli } = require('../intake/validate-cli') as typeof import('../intake/validate-cli');
      code = runValidateCli([...(opts.json ? ['--json'] : []), ...files], { out: (l) => io.out(`${l}\n`), err: (l) => io.err(`${l}\n`) });
    });

  program
    .command('atlantis')
    .description('print the atlantis.yaml for the synth output folder (one project per stack)')
    .option('--now <iso>', 'the instant date rules use')
    .action((opts: { now?: string }) => {
      io.out(renderAtlantisYaml(buildEstateManifest(buildDefaultEstate(opts.now !== undefined ? { now: parseInstant('--now', opts.now) } : {}))));
    });

  return { program, exitCode: () => code };
}

/** Runs the CLI with `argv` (user arguments only); returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo = defaultIo): number {
  const { program, exitCode } = buildProgram(io);
  try {
    program.parse([...argv], { from: 'user' });
    return exitCode();
  } catch (e) {
    // Every failure is one short message in English and Japanese and a non-zero exit, never a stack trace.
    const f = describeFailure(e);
    if (f.message) io.err(`${f.message}\n`);
    return f.exitCode;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2));
}
