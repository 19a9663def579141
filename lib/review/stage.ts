import { hashTextFiles, readReuseIndex, renderReuseIndex, ReuseRecord, readTextFiles } from '../model/reuse-index';
import { SynthStage } from '../model/synth-stage';
import { sha256, toolFingerprint } from '../model/tool';
import { renderAtlantisYaml } from './atlantis';
import { findingsOf, renderSystemReview } from './document';
import { renderLedgers } from './ledgers';
import { buildEstateManifest, manifestJson } from './manifest';

/** Where the review stage records each review document's input key and hash (lib/model/reuse-index.ts). */
export const REVIEW_INDEX_FILE = 'review-inputs.json';

/** Bumped when the key material changes shape. */
const KEY_FORMAT = 1;

/** What the last run of the stage did (for tests). */
export interface ReviewStageReport {
  readonly rendered: readonly string[];
  readonly reused: readonly string[];
}

/**
 * The review stage: writes `estate.json`, `review/<systemId>.md`, `review/ledgers.md` and
 * `atlantis.yaml`. Reads the rule pack's findings from the context (none when it did not run).
 *
 * Incremental (issue 14): a system's review document is a function of its entry in estate.json, the
 * platform part of estate.json, the system's findings and the tool. A document of `ctx.base` (an earlier
 * output) whose key is unchanged and whose bytes are as that run wrote them is taken as it is. The
 * estate-wide files (estate.json, ledgers, atlantis.yaml) are always written.
 */
export function reviewStage(): SynthStage & { readonly last?: ReviewStageReport } {
  const stage: SynthStage & { last?: ReviewStageReport } = {
    name: 'review',
    run(ctx) {
      const manifest = buildEstateManifest(ctx.estate);
      ctx.files.set('estate.json', manifestJson(manifest));
      const baseIndex = readReuseIndex(ctx.base, REVIEW_INDEX_FILE);
      const common = `${KEY_FORMAT}\0${toolFingerprint()}\0${sha256(JSON.stringify(manifest.platform))}\0`;
      const index = new Map<string, ReuseRecord>();
      const rendered: string[] = [];
      const reused: string[] = [];
      const total = manifest.systems.length;
      manifest.systems.forEach((sys, i) => {
        const file = `review/${sys.systemId}.md`;
        const inputs = sha256(`${common}${JSON.stringify(sys)}\0${JSON.stringify(findingsOf(sys, ctx.findings))}`);
        const recorded = baseIndex?.[sys.systemId];
        const earlier = recorded?.inputs === inputs ? readTextFiles(ctx.base!, [file]) : undefined;
        // A document altered since it was written is rendered again, never copied.
        if (earlier && hashTextFiles(earlier) === recorded!.output) {
          ctx.files.set(file, earlier[0]![1]);
          index.set(sys.systemId, recorded!);
          reused.push(sys.systemId);
        } else {
          const text = renderSystemReview(manifest, sys, ctx.findings);
          ctx.files.set(file, text);
          index.set(sys.systemId, { inputs, output: hashTextFiles([[file, text]]) });
          rendered.push(sys.systemId);
        }
        ctx.progress('review', i + 1, total);
      });
      ctx.files.set(REVIEW_INDEX_FILE, renderReuseIndex(index));
      ctx.files.set('review/ledgers.md', renderLedgers(manifest));
      ctx.files.set('atlantis.yaml', renderAtlantisYaml(manifest));
      stage.last = { rendered, reused };
    },
  };
  return stage;
}
