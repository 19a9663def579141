import { SynthStage } from '../model/synth-stage';
import { renderAtlantisYaml } from './atlantis';
import { renderSystemReview } from './document';
import { renderLedgers } from './ledgers';
import { buildEstateManifest, manifestJson } from './manifest';

/**
 * The review stage: writes `estate.json`, `review/<systemId>.md`, `review/ledgers.md` and
 * `atlantis.yaml`. Reads the rule pack's findings from the context (none when it did not run).
 */
export function reviewStage(): SynthStage {
  return {
    name: 'review',
    run(ctx) {
      const manifest = buildEstateManifest(ctx.estate);
      ctx.files.set('estate.json', manifestJson(manifest));
      const total = manifest.systems.length;
      manifest.systems.forEach((sys, i) => {
        ctx.files.set(`review/${sys.systemId}.md`, renderSystemReview(manifest, sys, ctx.findings));
        ctx.progress('review', i + 1, total);
      });
      ctx.files.set('review/ledgers.md', renderLedgers(manifest));
      ctx.files.set('atlantis.yaml', renderAtlantisYaml(manifest));
    },
  };
}
