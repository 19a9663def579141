import { Estate } from '../lib/model';

/** The product phases measured besides tree building and vSphere synthesis. */
export interface BenchStage {
  readonly name: string;
  run(estate: Estate, outdir: string): void;
}

export function benchStages(): BenchStage[] {
  return [];
}
