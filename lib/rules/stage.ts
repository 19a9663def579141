import { SynthAbort, SynthStage } from '../model/synth-stage';
import { runRulePack } from './engine';
import { countFindings, findingsJson, formatErrors, formatFinding } from './format';

export interface RulesStageOptions {
  /** Where warnings and infos are printed. @default process.stderr */
  readonly write?: (text: string) => void;
  /** Where the one-line count of findings is printed. @default `write` */
  readonly summary?: (text: string) => void;
}

/**
 * The rules stage: runs the pack, records the findings in the context and in findings.json, prints
 * warnings and infos, and aborts the synth (listing every error) when any unacknowledged error remains.
 */
export function rulesStage(options: RulesStageOptions = {}): SynthStage {
  return {
    name: 'rules',
    run(ctx) {
      const write = options.write ?? ((t: string) => void process.stderr.write(t));
      const report = runRulePack(ctx.estate, { clock: ctx.clock });
      ctx.findings.push(...report.findings);
      ctx.files.set('findings.json', findingsJson(report, ctx.clock()));
      for (const f of [...report.warnings, ...report.infos]) write(`${formatFinding(f)}\n`);
      (options.summary ?? write)(`rules: ${countFindings(report.findings)}\n`);
      if (report.errors.length > 0) throw new SynthAbort(formatErrors(report.errors));
    },
  };
}
