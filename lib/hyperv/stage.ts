import { SynthStage } from '../model/synth-stage';
import { emitHyperV } from './scripts';

/** The Hyper-V stage: adds each Hyper-V system's script set to the output files. */
export function hypervStage(): SynthStage {
  return {
    name: 'hyperv',
    run(ctx) {
      const files = emitHyperV(ctx.estate, (done, total) => ctx.progress('hyperv', done, total));
      for (const [path, text] of files) ctx.files.set(path, text);
    },
  };
}
