import { SynthStage } from '../model/synth-stage';
import { VsphereStageOptions, vsphereStage } from '../vsphere/stage';
import { RulesStageOptions, rulesStage } from '../rules/stage';
import { reviewStage } from '../review/stage';
import { hypervStage } from '../hyperv/stage';

/**
 * The stages of a synth run, in order. Each subsystem contributes one stage:
 * rule pack (findings.json; errors abort), vSphere (cdktf stacks), Hyper-V (scripts), review output.
 */
export function defaultStages(
  options: { readonly rules?: RulesStageOptions; readonly vsphere?: VsphereStageOptions } = {},
): SynthStage[] {
  return [rulesStage(options.rules), vsphereStage(options.vsphere), hypervStage(), reviewStage()];
}
