import {
  hashUnitFiles,
  placeEarlierFiles,
  readReuseIndex,
  renderReuseIndex,
  ReuseRecord,
  unchangedEarlierUnit,
} from '../model/reuse-index';
import { SynthStage } from '../model/synth-stage';
import { sha256, toolFingerprint } from '../model/tool';
import { atlantisInputs, renderAtlantisYaml } from './atlantis';
import { findingsOf, renderSystemReview } from './document';
import { renderLedgers } from './ledgers';
import { buildEstateManifest, manifestJson } from './manifest';

/** Where the review stage records each review document's input key and hash (lib/model/reuse-index.ts). */
export const REVIEW_INDEX_FILE = 'review-inputs.json';

/** Bumped when the key material changes shape. */
const KEY_FORMAT = 1;

/** The unit of review-inputs.json that records atlantis.yaml (not a system ID: those have no '.'). */
export const ATLANTIS_UNIT = 'atlantis.yaml';

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
 * output) whose key is unchanged and whose bytes are as that run wrote them is taken as it is; so is
 * atlantis.yaml, keyed by the vSphere stacks' names (unit {@link ATLANTIS_UNIT}). estate.json and the
 * ledgers are always written.
 */
export function reviewStage(): SynthStage & { readonly last?: ReviewStageReport } {
  const stage: SynthStage & { last?: ReviewStageReport } = {
    name: 'review',
    run(ctx) {
      const manifest = buildEstateManifest(ctx.estate);
      ctx.files.set('estate.json', manifestJson(manifest));
      const baseIndex = readReuseIndex(ctx.base, REVIEW_INDEX_FILE);
      const tool = `${KEY_FORMAT}\0${toolFingerprint()}\0`;
      const index = new Map<string, ReuseRecord>();
      const rendered: string[] = [];
      const reused: string[] = [];
      /** The unit's file from ctx.base when its key is unchanged and its bytes are as that run wrote them; else rendered. */
      const unit = (id: string, file: string, inputs: string, render: () => string): void => {
        const recorded = baseIndex?.[id];
        const earlier = unchangedEarlierUnit(ctx, recorded, inputs, () => [file]);
        if (earlier) {
          placeEarlierFiles(ctx, earlier);
          index.set(id, recorded!);
          reused.push(id);
        } else {
          const text = render();
          ctx.files.set(file, text);
          index.set(id, { inputs, output: hashUnitFiles([[file, text]], ctx.unitShas) });
          rendered.push(id);
        }
      };
      const common = `${tool}${sha256(JSON.stringify(manifest.platform))}\0`;
      const total = manifest.systems.length;
      manifest.systems.forEach((sys, i) => {
        const inputs = sha256(`${common}${JSON.stringify(sys)}\0${JSON.stringify(findingsOf(sys, ctx.findings))}`);
        unit(sys.systemId, `review/${sys.systemId}.md`, inputs, () => renderSystemReview(manifest, sys, ctx.findings));
        ctx.progress('review', i + 1, total);
      });
      // atlantis.yaml is a function of the vSphere stacks' names alone (a unit name no system ID can take).
      unit(ATLANTIS_UNIT, 'atlantis.yaml', sha256(`${tool}${JSON.stringify(atlantisInputs(manifest))}`), () =>
        renderAtlantisYaml(manifest),
      );
      ctx.files.set(REVIEW_INDEX_FILE, renderReuseIndex(index));
      ctx.files.set('review/ledgers.md', renderLedgers(manifest));
      stage.last = { rendered, reused };
    },
  };
  return stage;
}
