import * as fs from 'fs';
import * as path from 'path';
import { factsJson, systemFacts } from '../model/input-facts';
import { OUTPUT_MARKER, SynthStage } from '../model/synth-stage';
import { sha256, toolFingerprint } from '../model/tool';
import { IndividualBusinessSystem } from '../model/system';
import { emitHyperV } from './scripts';

/**
 * Where the Hyper-V stage records each script set's input key and a hash of its files (issue 14):
 * `{ format, systems: { <systemId>: { inputs, output } } }`, sorted.
 */
export const HYPERV_INDEX_FILE = 'hyperv-inputs.json';

/** Bumped when the key material changes shape. */
const KEY_FORMAT = 1;

interface HypervIndex {
  readonly format: number;
  readonly systems: Readonly<Record<string, { readonly inputs: string; readonly output: string }>>;
}

/**
 * What a system's script set (hyperv/<systemId>/) is a function of: its declaration with resolved NICs
 * and dedicated VLANs (lib/model/input-facts.ts), the platform data and the tool (every lib/ source,
 * the guest-OS facts and the cmdlet reference among them). The clock is not an input: the scripts read
 * the host's clock when they run.
 */
export function hypervInputKey(platformKey: string, system: IndividualBusinessSystem): string {
  return sha256(`${KEY_FORMAT}\0${toolFingerprint()}\0${platformKey}\0${factsJson(systemFacts(system))}`);
}

/** Hash of a script set's files (names and contents, sorted by name). */
function hashFiles(files: ReadonlyArray<readonly [string, string]>): string {
  let material = '';
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    material += `${name}\0${sha256(text)}\0`;
  return sha256(material);
}

function readIndex(dir: string): HypervIndex | undefined {
  try {
    if (!fs.existsSync(path.join(dir, OUTPUT_MARKER))) return undefined;
    const j = JSON.parse(fs.readFileSync(path.join(dir, HYPERV_INDEX_FILE), 'utf8')) as HypervIndex;
    return j.format === KEY_FORMAT && typeof j.systems === 'object' && j.systems !== null ? j : undefined;
  } catch {
    return undefined;
  }
}

/** The files of an earlier script set (output-relative names, text), or undefined when unreadable. */
function readScriptSet(base: string, id: string): Array<[string, string]> | undefined {
  try {
    const dir = path.join(base, 'hyperv', id);
    return fs.readdirSync(dir, { withFileTypes: true }).map((e) => {
      if (!e.isFile()) throw new Error(`not a file: ${e.name}`);
      return [`hyperv/${id}/${e.name}`, fs.readFileSync(path.join(dir, e.name), 'utf8')] as [string, string];
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
      const baseIndex = ctx.base !== undefined ? readIndex(ctx.base) : undefined;
      const index = new Map<string, { inputs: string; output: string }>();
      const rendered: string[] = [];
      const reused: string[] = [];
      const files = emitHyperV(
        ctx.estate,
        (done, total) => ctx.progress('hyperv', done, total),
        (system) => {
          const inputs = hypervInputKey(platformKey, system);
          const recorded = baseIndex?.systems[system.systemId];
          if (recorded !== undefined && recorded.inputs === inputs) {
            const earlier = readScriptSet(ctx.base!, system.systemId);
            // A script set altered since it was written is rendered again, never copied.
            if (earlier && hashFiles(earlier) === recorded.output) {
              index.set(system.systemId, { inputs, output: recorded.output });
              reused.push(system.systemId);
              return { files: earlier };
            }
          }
          return {
            record(own) {
              index.set(system.systemId, { inputs, output: hashFiles(own) });
              rendered.push(system.systemId);
            },
          };
        },
      );
      for (const [p, text] of files) ctx.files.set(p, text);
      const systems: Record<string, { inputs: string; output: string }> = {};
      for (const id of [...index.keys()].sort()) systems[id] = index.get(id)!;
      ctx.files.set(HYPERV_INDEX_FILE, `${JSON.stringify({ format: KEY_FORMAT, systems }, null, 2)}\n`);
      stage.last = { rendered, reused };
    },
  };
  return stage;
}
