import { SynthStage } from '../model/synth-stage';
import type { FormPageOptions } from './page';
import { estateCheckOf } from '../intake/estate';

/** The folder of the application form page in the synth output. */
export const FORM_OUTPUT_FOLDER = 'form';

/**
 * The form stage: writes the application form page of the estate (`form/index.html`) into the
 * synth output, next to the review documents it previews.
 */
export function formStage(options: FormPageOptions): SynthStage {
  return {
    name: 'form',
    run(ctx) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { buildFormPage } = require('./page') as typeof import('./page'); // esbuild only when synth runs
      // The estate synth loaded from the same folder is summarized as read (no file is read twice).
      const files = buildFormPage(options, estateCheckOf(ctx.estate));
      for (const [name, text] of files) ctx.files.set(`${FORM_OUTPUT_FOLDER}/${name}`, text);
      ctx.progress('form', 1, 1);
    },
  };
}
