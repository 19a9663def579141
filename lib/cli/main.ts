import * as fs from 'fs';
import { Command, CommanderError, Option } from 'commander';
import { DeclarationError } from '../model/errors';
import { SynthAbort, SynthStage } from '../synth/context';
import { synthesize } from '../synth/pipeline';
import { defaultStages } from '../synth/stages';
import { buildEstateManifest } from '../review/manifest';
import { diffOutputs } from '../review/diff';
import { ImpactTarget, impactOf, renderImpact, renderUpgradeImpact, upgradeImpact } from '../review/impact';
import { renderAtlantisYaml } from '../review/atlantis';
import { clockLine, clockSourceOf } from '../intake';
import { DEFAULT_ESTATE_DIR, buildEstate } from './estate';
import { formStage } from '../form/stage';

export { buildEstate } from './estate';

const ESTATE_HELP = `the estate folder: platform/*.yaml, systems/<department>/<system>.yaml, optional index.ts (default: ${DEFAULT_ESTATE_DIR})`;
const FORM_SUMMARY = 'the application form page (利用申請書, 様式1): one static `index.html` that checks a declaration in the browser with validate\'s code and offers the YAML; `--serve` also serves it on 127.0.0.1; synth writes it too (`form/index.html`)';
const NOW_HELP = 'the instant the date rules use (default: the estate\'s pinned clock.fixedAt, else the current time)';

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
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .option('--quiet', 'no progress output')
    .action((opts: { out: string; estate: string; now?: string; quiet?: boolean }) => {
      const estate = buildEstate({ estate: opts.estate, ...(opts.now !== undefined ? { now: opts.now } : {}) });
      const source = clockSourceOf(estate);
      if (source && !opts.quiet) io.err(`${clockLine(source)}\n`);
      const result = synthesize(estate, {
        outdir: opts.out,
        stages: io.stages ? io.stages() : [...cliStages(), formStage({ estate: opts.estate, ...(opts.now !== undefined ? { now: opts.now } : {}) })],
        ...(opts.quiet ? {} : { progress: progressPrinter(io.err) }),
      });
      io.err(`wrote ${result.files} files to ${opts.out}\n`);
    });

  program
    .command('diff')
    .description('pull-request comment (Markdown) of what HEAD changes against BASE; exits 1 on errors such as a server deleted instead of decommissioned')
    .argument('<base>', 'synth output folder of the base branch')
    .argument('<head>', 'synth output folder of the head branch')
    .option('--output <file>', 'write the Markdown to a file instead of stdout')
    .action((base: string, head: string, opts: { output?: string }) => {
      const r = diffOutputs(base, head);
      if (opts.output) fs.writeFileSync(opts.output, r.markdown);
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
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .action((opts: { host?: string; cluster?: string; datastore?: string; network?: string; esxi?: string; hyperv?: string; estate: string; now?: string }) => {
      const estate = buildEstate({ estate: opts.estate, ...(opts.now !== undefined ? { now: opts.now } : {}) });
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
        if (r.error) code = 2;
      }
      if (opts.esxi || opts.hyperv) {
        const target = { ...(opts.esxi ? { esxiVersion: opts.esxi } : {}), ...(opts.hyperv ? { windowsServerVersion: opts.hyperv } : {}) };
        io.out(renderUpgradeImpact(target, upgradeImpact(estate, target)));
      }
    });

  program
    .command('validate')
    .description('synth\'s verdicts without cdktf: loads the whole estate, runs the rule pack, reports the given files\' problems at file:line:column with rule ID, English and Japanese')
    .argument('[files...]', 'declaration files (default: the whole estate)')
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .option('--json', 'machine-readable report')
    .action((files: string[], opts: { json?: boolean; estate: string; now?: string }) => {
      // Loaded lazily so validation never pays for the emitters (bin/kiban.js also takes a fast path).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runValidateCli } = require('../intake/validate-cli') as typeof import('../intake/validate-cli');
      code = runValidateCli([...(opts.json ? ['--json'] : []), '--estate', opts.estate, ...(opts.now !== undefined ? ['--now', opts.now] : []), ...files], { out: (l) => io.out(`${l}\n`), err: (l) => io.err(`${l}\n`) });
    });

  program
    .command('atlantis')
    .description('print the atlantis.yaml for the synth output folder (one project per stack)')
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .action((opts: { estate: string; now?: string }) => {
      io.out(renderAtlantisYaml(buildEstateManifest(buildEstate({ estate: opts.estate, ...(opts.now !== undefined ? { now: opts.now } : {}) }))));
    });

  program
    .command('form')
    .summary(FORM_SUMMARY)
    .description(
      'Write the application form page of the estate: one static index.html (no server needed, nothing loaded from the network) where a ' +
        'department clerk fills in the 利用申請書 (様式1), sees validate\'s verdict in Japanese with the rule ID as they type (the rule pack runs in ' +
        'the page over the estate embedded at generation time, contacts of other systems left out), previews the review document, prints ' +
        'the application on A4, and downloads or copies the YAML declaration. The output folder is replaced only when it holds nothing but a page kiban form wrote.',
    )
    .addHelpText('after', '\nExamples:\n  kiban form --out form\n  kiban form --estate examples/estate --serve\n')
    .option('--out <dir>', 'output folder (replaced only when it holds nothing but a page kiban form wrote)', 'form')
    .option('--estate <dir>', ESTATE_HELP, DEFAULT_ESTATE_DIR)
    .option('--now <iso>', NOW_HELP)
    .option('--serve', 'also serve the page on 127.0.0.1 until interrupted')
    .option('--port <port>', 'port for --serve (default: any free port)', '0')
    .action((opts: { out: string; estate: string; now?: string; serve?: boolean; port: string }) => {
      // Loaded lazily: esbuild is needed only here.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const form = require('../form') as typeof import('../form');
      const files = form.buildFormPage({ estate: opts.estate, ...(opts.now !== undefined ? { now: opts.now } : {}) });
      try {
        form.writeFormPage(opts.out, files);
      } catch (e) {
        if (!(e instanceof form.FormOutputError)) throw e;
        io.err(`error [${e.code}]: ${e.message}\n`);
        code = 2;
        return;
      }
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
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof DeclarationError || e instanceof SynthAbort) {
      io.err(`${e.message}\n`);
      return e instanceof SynthAbort ? e.exitCode : 1;
    }
    io.err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2));
}
