import * as fs from 'fs';
import * as path from 'path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SynthStage } from '../model/synth-stage';
import { recoverOutput, writeReportFile } from '../synth/atomic';
import type { RulesStageOptions } from '../rules/stage';
import type { VsphereStageOptions } from '../vsphere/stage';
import { countFindings } from '../rules/format';
import { buildEstateManifest } from '../review/manifest';
import type { ImpactTarget } from '../review/impact';
import { renderAtlantisYaml } from '../review/atlantis';
import { clockLine, clockSourceOf } from '../intake';
import { DEFAULT_ESTATE_DIR, buildEstate } from './estate';
import { Reporter, createReporter } from './output';
import { describeFailure, parseInstant } from './errors';
import { formStage } from '../form/stage';

export { buildEstate } from './estate';

const FORM_SUMMARY =
  "the application form page (利用申請書, 様式1): one static `index.html` that checks a declaration in the browser with validate's code and offers the YAML; `--serve` also serves it on 127.0.0.1; synth writes it too (`form/index.html`)";

/** Options the CLI gives the synth stages (where the rules stage prints). */
export interface CliStageOptions {
  readonly rules?: RulesStageOptions;
  /** State backend, parallel and incremental vSphere synthesis. */
  readonly vsphere?: VsphereStageOptions;
}

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** stderr is a terminal: progress is drawn as a bar. @default false */
  readonly isTTY?: boolean;
  /** Stages for `synth`. @default cliStages */
  readonly stages?: (options: CliStageOptions) => SynthStage[];
}

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: process.stderr.isTTY === true,
};

/** The synth stages: the default pipeline, the rules stage printing through the CLI's reporter. */
export function cliStages(options: CliStageOptions = {}): SynthStage[] {
  // Loaded on use: the emitters (cdktf) cost seconds that --help, --version, impact and atlantis never pay.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultStages } = require('../synth/stages') as typeof import('../synth/stages');
  return defaultStages(options);
}

/** The package version (`kiban --version`). */
export function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** `Examples:` block of a command's help. */
function examples(...lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** `--jobs`: a positive whole number. */
function parseJobs(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1, e.g. 2');
  return n;
}

/** `--on`: a calendar day. */
function parseDay(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new InvalidArgumentError('expected a day as YYYY-MM-DD, e.g. 2027-04-01');
  return v;
}

const NOW_HELP =
  "the instant date rules use, ISO 8601 (default: the estate's pinned clock.fixedAt, else the current time)";
const ESTATE_HELP = `the estate folder: platform/*.yaml, systems/<department>/<system>.yaml, optional index.ts (default: ${DEFAULT_ESTATE_DIR})`;
/** `--estate` / `--now` as the estate loader takes them. */
const estateOptions = (opts: { estate: string; now?: string }) => ({
  estate: opts.estate,
  ...(opts.now !== undefined ? { now: parseInstant('--now', opts.now) } : {}),
});

/** A reporter for the CLI's synth: stderr for everything, a bar on a terminal. */
export function cliReporter(io: CliIo, quiet: boolean): Reporter {
  return createReporter(
    { progress: io.err, findings: io.err, errors: io.err, summary: io.err },
    { tty: io.isTTY ?? false, quiet },
  );
}

/** Builds the `kiban` program. Exit codes are returned, never process.exit'ed, so tests can run it. */
export function buildProgram(io: CliIo = defaultIo): { program: Command; exitCode: () => number } {
  let code = 0;
  const program = new Command('kiban')
    .description('統合基盤 IaC: synthesize Terraform / Hyper-V scripts / review documents, and review changes')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .showSuggestionAfterError()
    .addHelpText(
      'after',
      examples(
        'kiban synth --out cdktf.out',
        'kiban validate estate/systems/somu/',
        'kiban impact --host kiban-esx01.pref.example.jp',
        'kiban <command> --help',
      ),
    );

  // synth
  program
    .command('synth')
    .summary('rules → vSphere stacks → Hyper-V scripts → review documents, into one output folder, atomically')
    .description(
      'Run the rule pack, then write Terraform (one cdktf stack per vSphere system and the platform stack), Hyper-V scripts, ' +
        'findings and review documents into one output folder. The folder is replaced only when the whole run succeeds; ' +
        'rule errors fail the run with every finding listed. Progress is a bar on a terminal and plain lines otherwise; ' +
        'the last line counts the files really written and the findings.',
    )
    .option('--out <dir>', 'output folder (replaced only when the whole run succeeds)', 'cdktf.out')
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .option('--quiet', 'print only errors and the one-line summary')
    // Choices spelled here (not imported) so the CLI loads cdktf only when it synthesizes.
    .addOption(
      new Option(
        '--backend <kind>',
        'Terraform state backend of every stack: pg (one PostgreSQL schema per stack; connection string given at terraform init) or local (terraform.tfstate in the stack folder)',
      )
        .choices(['pg', 'local'])
        .default('pg'),
    )
    .option(
      '--base <dir>',
      'an earlier output folder: stacks whose inputs did not change are copied from it (default: the --out folder itself)',
    )
    .option('--full', 'synthesize every stack again, copying nothing from an earlier output')
    .addOption(
      new Option('--jobs <count>', 'worker threads for the vSphere stacks (default: one per core)').argParser(
        parseJobs,
      ),
    )
    .addHelpText(
      'after',
      examples(
        'kiban synth',
        'kiban synth --estate examples/estate --out /tmp/out --quiet',
        'kiban synth --base base/cdktf.out --out cdktf.out',
        'kiban synth --now 2027-04-01T09:00:00+09:00',
        'kiban synth --backend local',
      ),
    )
    .action(
      (opts: {
        out: string;
        estate: string;
        now?: string;
        quiet?: boolean;
        backend: 'pg' | 'local';
        base?: string;
        full?: boolean;
        jobs?: number;
      }) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { synthesize } = require('../synth/pipeline') as typeof import('../synth/pipeline');
        const reporter = cliReporter(io, opts.quiet === true);
        const estate = buildEstate({ ...estateOptions(opts), cache: true });
        const source = clockSourceOf(estate);
        if (source) reporter.finding(`${clockLine(source)}\n`);
        // Worker threads rebuild the same estate from the same folder, at the same instant (their stack input keys are checked).
        const recipe = {
          module: require.resolve('./estate'),
          exportName: 'buildEstate',
          args: [{ estate: path.resolve(opts.estate), now: estate.clock().toISOString() }],
        };
        const vsphere = { recipe, backend: opts.backend, ...(opts.jobs !== undefined ? { workers: opts.jobs } : {}) };
        const stageOptions = {
          rules: { write: (t: string) => reporter.finding(t), summary: (t: string) => reporter.findingCount(t) },
          vsphere,
        };
        // The application form page (form/index.html) is written by every synth of the CLI.
        const stages = io.stages
          ? io.stages(stageOptions)
          : [...cliStages(stageOptions), formStage(estateOptions(opts))];
        const result = synthesize(estate, {
          outdir: opts.out,
          stages,
          progress: (stage, done, total) => reporter.progress(stage, done, total),
          ...(opts.full ? { base: false as const } : opts.base !== undefined ? { base: opts.base } : {}),
        });
        const v = (
          stages.find((s) => s.name === 'vsphere') as
            { last?: import('../vsphere/stage').VsphereStageReport } | undefined
        )?.last;
        if (result.recovered.swap)
          io.err(
            `recovered an interrupted earlier run (${result.recovered.swap}) / 前回中断された出力の置き換えを${result.recovered.swap === 'completed' ? '完了' : '取り消'}しました\n`,
          );
        for (const l of result.leftOver)
          io.err(
            `warning: could not remove ${l.path} (${l.reason}); the new output in ${opts.out} is complete; remove that folder by hand / 警告: ${l.path} を削除できませんでした（${l.reason}）。新しい出力 ${opts.out} は完全です。このフォルダを手で削除してください\n`,
          );
        const stacks = v
          ? `; vSphere stacks: ${v.synthesized.length} synthesized${v.workers > 1 ? ` in ${v.workers} threads` : ''}, ${v.reused.length} unchanged (copied)`
          : '';
        reporter.summary(
          `wrote ${result.files} files to ${opts.out}; rules: ${countFindings(result.context.findings)}${stacks}`,
        );
      },
    );

  // diff
  program
    .command('diff')
    .summary(
      'Markdown pull-request comment of what HEAD changes against BASE; a server or disk deleted instead of decommissioned fails it',
    )
    .description(
      'Compare two synth output folders (estate.json) and print a Markdown pull-request comment, with a ' +
        '"destroys or recreates data / データが削除・再作成される変更" section. Exits 1 on errors such as a server or disk ' +
        'deleted instead of decommissioned (R07).',
    )
    .argument('<base>', 'synth output folder of the base branch')
    .argument('<head>', 'synth output folder of the head branch')
    .option('--output <file>', 'write the Markdown to a file instead of stdout')
    .addHelpText(
      'after',
      examples('kiban diff base/cdktf.out cdktf.out', 'kiban diff base/cdktf.out cdktf.out --output comment.md'),
    )
    .action((base: string, head: string, opts: { output?: string }) => {
      // A swap interrupted in either folder is completed or rolled back before it is read.
      recoverOutput(base);
      recoverOutput(head);
      // Loaded on use: a synth never needs it (issue 14).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { DIFF_HEADER, diffOutputs } = require('../review/diff') as typeof import('../review/diff');
      const r = diffOutputs(base, head);
      // Never overwrites a file kiban did not write (only an earlier diff report).
      if (opts.output) writeReportFile(opts.output, r.markdown, DIFF_HEADER);
      else io.out(r.markdown);
      for (const e of r.errors) io.err(`error: ${e}\n`);
      if (r.errors.length > 0) code = 1;
    });

  // plan-review
  program
    .command('plan-review')
    .summary(
      '"what Terraform will do" from the stacks\' terraform show -json plans; a VM or disk lost without decommissioning fails it',
    )
    .description(
      "Read each stack's plan (DIR/stacks/<stack>/plan.json, written by `terraform show -json tfplan > plan.json`) and print the " +
        'pull-request comment part "what Terraform will do / Terraform が行う変更": per system creates, in-place updates, replacements ' +
        'and destroys. A VM or disk the plan destroys or recreates goes into the data-loss section and fails the command (exit 1) ' +
        'unless its server is decommissioned with confirmation (R07).',
    )
    .argument('<dir>', "synth output folder with each stack's plan.json")
    .option('--stack <id>', "review only this stack's plan (as an Atlantis project does)")
    .option('--output <file>', 'write the Markdown to a file instead of stdout')
    .addHelpText(
      'after',
      examples('kiban plan-review cdktf.out', 'kiban plan-review cdktf.out --stack platform --output plan-review.md'),
    )
    .action((dir: string, opts: { output?: string; stack?: string }) => {
      // Loaded on use: a synth never needs it (issue 14).
      const { PLAN_REVIEW_HEADER, reviewPlans } =
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('../review/plan-review') as typeof import('../review/plan-review');
      const r = reviewPlans(dir, opts.stack !== undefined ? { stack: opts.stack } : {});
      if (opts.output) writeReportFile(opts.output, r.markdown, PLAN_REVIEW_HEADER);
      else io.out(r.markdown);
      for (const e of r.errors) io.err(`error: ${e}\n`);
      if (r.errors.length > 0) code = 1;
    });

  // impact
  program
    .command('impact')
    .summary(
      'systems and contacts behind a host, cluster, datastore or network (R15); verdict per server for a target ESXi / Windows Server version (R12)',
    )
    .description(
      'R15: which systems, servers and contacts sit behind a platform object, named as the platform data names it ' +
        '(unknown names get "did you mean"). R12: for a target ESXi or Windows Server (Hyper-V host) version, a verdict per ' +
        "system and server: supported, unsupported, past the vendor's end of support by the upgrade day, or unconfirmed, " +
        'with the fact and its source, counts per verdict, and for the unconfirmed ones the guest OS and host version to check with the vendor.',
    )
    .addOption(
      new Option(
        '--host <name>',
        'a host as the platform data names it (e.g. kiban-esx01.pref.example.jp, KIBAN-HV01)',
      ),
    )
    .addOption(
      new Option('--cluster <name>', 'a vSphere cluster or the Hyper-V host pool (e.g. Kiban-Cluster01, KIBAN-HVCL01)'),
    )
    .addOption(new Option('--datastore <name>', 'a datastore or Hyper-V storage path (e.g. kiban-sys-ds01)'))
    .addOption(
      new Option(
        '--network <name>',
        'a network key (internet, lgwan, myNumber, dmz) or dedicated VLAN name; a port group or VLAN ID is also accepted',
      ),
    )
    .addOption(new Option('--esxi <version>', 'target ESXi version (R12), e.g. 8.0'))
    .addOption(new Option('--hyperv <version>', 'target Windows Server version of the Hyper-V hosts (R12), e.g. 2022'))
    .addOption(
      new Option(
        '--on <date>',
        'the day the platform would run the target version, YYYY-MM-DD (R12; default: the --now day)',
      ).argParser(parseDay),
    )
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .addHelpText(
      'after',
      examples(
        'kiban impact --host kiban-esx01.pref.example.jp',
        'kiban impact --network lgwan --datastore kiban-sys-ds02',
        'kiban impact --esxi 8.0 --on 2027-04-01',
        'kiban impact --hyperv 2022',
      ),
    )
    .action(
      (opts: {
        host?: string;
        cluster?: string;
        datastore?: string;
        network?: string;
        esxi?: string;
        hyperv?: string;
        on?: string;
        estate: string;
        now?: string;
      }) => {
        const estate = buildEstate(estateOptions(opts));
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
        // Loaded on use: a synth never needs it (issue 14).
        const { impactOf, renderImpact, renderUpgradeImpact, upgradeImpact, verdictSummary } =
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          require('../review/impact') as typeof import('../review/impact');
        const manifest = buildEstateManifest(estate);
        for (const t of targets) {
          const r = impactOf(manifest, t);
          io.out(renderImpact(r));
          if (r.error) {
            io.err(
              `error: ${r.error}\nエラー: 指定された${{ host: 'ホスト', cluster: 'クラスタ', datastore: 'データストア', network: 'ネットワーク' }[t.kind]}は統合基盤にありません\n`,
            );
            code = 2;
          }
        }
        if (opts.esxi || opts.hyperv) {
          const target = {
            ...(opts.esxi ? { esxiVersion: opts.esxi } : {}),
            ...(opts.hyperv ? { windowsServerVersion: opts.hyperv } : {}),
            ...(opts.on ? { on: opts.on } : {}),
          };
          const entries = upgradeImpact(estate, target);
          io.out(renderUpgradeImpact(target, entries));
          io.err(`R12: ${verdictSummary(entries)}\n`);
        }
      },
    );

  // validate (bin/kiban.js runs it without loading this program, except for --help)
  program
    .command('validate')
    .summary(
      "synth's verdicts without cdktf: the whole estate and rule pack; file:line:column, rule ID, Japanese and English",
    )
    .description(
      'Check declarations as synth does, without loading cdktf: load the whole estate (the given files in place of, or next to, ' +
        'its own: duplicates and capacity span files), run the whole rule pack, and report every problem of the given files ' +
        '(default: the whole estate) with file:line:column, the field, the value, the rule ID, in Japanese and English, plus any ' +
        'other error of the estate (it would fail synth too). Exit codes: 0 valid (warnings allowed), 1 errors found, 2 usage error.',
    )
    .argument('[files...]', 'declaration files or folders (default: the whole estate)')
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .option('--json', 'machine-readable report')
    .addHelpText(
      'after',
      examples(
        'kiban validate',
        'kiban validate estate/systems/somu/kaigi.yaml',
        'kiban validate --estate examples/estate --json',
      ),
    )
    .action((files: string[], opts: { json?: boolean; estate: string; now?: string }) => {
      // Loaded lazily so validation never pays for the emitters (bin/kiban.js also takes a fast path).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runValidateCli } = require('../intake/validate-cli') as typeof import('../intake/validate-cli');
      code = runValidateCli(
        [
          ...(opts.json ? ['--json'] : []),
          '--estate',
          opts.estate,
          ...(opts.now !== undefined ? ['--now', opts.now] : []),
          ...files,
        ],
        { out: (l) => io.out(`${l}\n`), err: (l) => io.err(`${l}\n`) },
      );
    });

  // atlantis
  program
    .command('atlantis')
    .summary('print the atlantis.yaml (one Atlantis project per stack) that synth also writes')
    .description(
      'Print the atlantis.yaml for the synth output folder: one Atlantis project per Terraform stack (the platform stack and ' +
        'one per vSphere system), each with its own state. Without --out the project folders are relative to the output folder ' +
        '(where synth writes atlantis.yaml); with --out they are relative to the current folder, for an atlantis.yaml at the repository root.',
    )
    .option(
      '--out <dir>',
      'synth output folder the projects point into, relative to where atlantis.yaml is placed (default: the output folder itself)',
    )
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .addHelpText('after', examples('kiban atlantis', 'kiban atlantis --out cdktf.out > atlantis.yaml'))
    .action((opts: { out?: string; estate: string; now?: string }) => {
      const manifest = buildEstateManifest(buildEstate(estateOptions(opts)));
      const prefix = opts.out !== undefined ? `${opts.out.replace(/\\/g, '/').replace(/\/+$/, '')}/stacks` : undefined;
      io.out(prefix !== undefined ? renderAtlantisYaml(manifest, prefix) : renderAtlantisYaml(manifest));
    });

  // form
  program
    .command('form')
    .summary(FORM_SUMMARY)
    .description(
      'Write the application form page of the estate: one static index.html (no server needed, nothing loaded from the network) where a ' +
        "department clerk fills in the 利用申請書 (様式1), sees validate's verdict in Japanese with the rule ID as they type (the rule pack runs in " +
        'the page over the estate embedded at generation time, contacts of other systems left out), previews the review document, prints ' +
        'the application on A4, and downloads or copies the YAML declaration. The output folder is replaced, atomically, only when it is absent, empty or one kiban wrote.',
    )
    .addHelpText('after', examples('kiban form --out form', 'kiban form --estate examples/estate --serve'))
    .option('--out <dir>', 'output folder (replaced only when absent, empty or written by kiban)', 'form')
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .option('--serve', 'also serve the page on 127.0.0.1 until interrupted')
    .option('--port <port>', 'port for --serve (default: any free port)', '0')
    .action((opts: { out: string; estate: string; now?: string; serve?: boolean; port: string }) => {
      // Loaded lazily: esbuild is needed only here.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const form = require('../form') as typeof import('../form');
      const files = form.buildFormPage(estateOptions(opts));
      form.writeFormPage(opts.out, files);
      io.err(`wrote ${opts.out}/index.html (the application form page; open it in a browser, no server needed)\n`);
      if (opts.serve) {
        void form.serveForm(files, Number(opts.port)).then((server) => {
          io.out(`${server.url}\n`);
          io.err('serving on 127.0.0.1 only; press Ctrl+C to stop\n');
          process.once('SIGINT', () => void server.close());
          process.once('SIGTERM', () => void server.close());
        });
      }
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
