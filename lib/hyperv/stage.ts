import * as fs from 'fs';
import * as path from 'path';
import { factsJson, systemFacts } from '../model/input-facts';
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
import { IndividualBusinessSystem } from '../model/system';
import { emitHyperV } from './scripts';

/** Where the Hyper-V stage records each script set's input key and a hash of its files (lib/model/reuse-index.ts). */
export const HYPERV_INDEX_FILE = 'hyperv-inputs.json';

/** Bumped when the key material changes shape. */
const KEY_FORMAT = 1;

/**
 * What a system's script set (hyperv/<systemId>/) is a function of: its declaration with resolved NICs
 * and dedicated VLANs (lib/model/input-facts.ts), the platform data and the tool (every lib/ source,
 * the guest-OS facts and the cmdlet reference among them). The clock is not an input: the scripts read
 * the host's clock when they run.
 */
export function hypervInputKey(platformKey: string, system: IndividualBusinessSystem): string {
  return sha256(`${KEY_FORMAT}\0${toolFingerprint()}\0${platformKey}\0${factsJson(systemFacts(system))}`);
}

/** The names of an earlier script set's files (output-relative), or undefined when it is not a folder of files. */
function listScriptSet(base: string, id: string): string[] | undefined {
  try {
    return fs.readdirSync(path.join(base, 'hyperv', id), { withFileTypes: true }).map((e) => {
      if (!e.isFile()) throw new Error(`not a file: ${e.name}`);
      return `hyperv/${id}/${e.name}`;
    });
  } catch {
    return undefined;
  }
}

/** What the last run of the stage did (for tests). */
export interface HypervStageReport {
  readonly rendered: readonly string[];
  readonly reused: readonly string[];
}

/**
 * The Hyper-V stage: adds each Hyper-V system's script set to the output files. Incremental like the
 * vSphere stage: a script set of `ctx.base` (an earlier output) whose input key is unchanged and whose
 * files are as that run wrote them is taken as it is; the rest are rendered. Byte-identical to a full synth.
 */
export function hypervStage(): SynthStage & { readonly last?: HypervStageReport } {
  const stage: SynthStage & { last?: HypervStageReport } = {
    name: 'hyperv',
    run(ctx) {
      const platformKey = sha256(factsJson(ctx.estate.platform));
      const baseIndex = readReuseIndex(ctx.base, HYPERV_INDEX_FILE);
      const index = new Map<string, ReuseRecord>();
      const rendered: string[] = [];
      const reused: string[] = [];
      const earlierFiles: Array<readonly [string, string]> = [];
      const files = emitHyperV(
        ctx.estate,
        (done, total) => ctx.progress('hyperv', done, total),
        (system) => {
          const inputs = hypervInputKey(platformKey, system);
          const recorded = baseIndex?.[system.systemId];
          const earlier = unchangedEarlierUnit(ctx, recorded, inputs, () => listScriptSet(ctx.base!, system.systemId));
          if (earlier) {
            index.set(system.systemId, recorded!);
            reused.push(system.systemId);
            earlierFiles.push(...earlier);
            // Placed below (linked from the earlier output), not handed back to be written again.
            return { files: [] };
          }
          return {
            record(own) {
              index.set(system.systemId, { inputs, output: hashUnitFiles(own, ctx.unitShas) });
              rendered.push(system.systemId);
            },
          };
        },
      );
      for (const [p, text] of files) ctx.files.set(p, text);
      if (earlierFiles.length > 0) placeEarlierFiles(ctx, earlierFiles);
      ctx.files.set(HYPERV_INDEX_FILE, renderReuseIndex(index));
      stage.last = { rendered, reused };
    },
  };
  return stage;
}
