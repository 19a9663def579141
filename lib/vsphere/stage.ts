import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OUTPUT_MARKER, SynthContext, SynthStage } from '../model/synth-stage';
import type { StateBackendKind } from './backend';
import type { EstateRecipe } from './cdktf/parallel';
import { PLATFORM_STACK } from './names';
import { planVsphere } from './plan';
import { manifestEntry, renderStackFiles, stableJson } from './render-json';
import { hashUnitFiles, placeEarlierFiles, unchangedEarlierUnit } from '../model/reuse-index';
import { STACK_INDEX_FILE, readStackIndex, renderStackIndex, stackInputKeys } from './stack-inputs';
import { vsphereSystemsOf } from './systems';
import { CDKTF_VERSION } from './terraform';

/**
 * How stacks are written. `direct` (the default): the Terraform JSON is rendered straight from each
 * stack's plan (render-json.ts), in this thread. `cdktf`: the same plans become cdktf constructs and
 * cdktf synthesizes them (cdktf/), in worker threads when there are many. Both write the same bytes.
 */
export type VsphereRenderer = 'direct' | 'cdktf';

export interface VsphereStageOptions {
  /** State backend of every stack. @default 'pg' */
  readonly backend?: StateBackendKind;
  /** @default 'direct' */
  readonly renderer?: VsphereRenderer;
  /**
   * cdktf renderer: how a worker thread rebuilds the estate (a module and an exported function), so
   * stacks can be synthesized in parallel. @default undefined (every stack is synthesized in this thread)
   */
  readonly recipe?: EstateRecipe;
  /**
   * cdktf renderer: worker threads, this one included. The direct renderer always runs in this
   * thread (1,000 systems take well under a second; a worker's start costs about one).
   * @default os.availableParallelism()
   */
  readonly workers?: number;
  /** Fewer stacks to synthesize than this stay in this thread (a worker's start costs about a second). @default 200 */
  readonly parallelFrom?: number;
  /** Reuse unchanged stacks of `ctx.base`. @default true */
  readonly incremental?: boolean;
}

/** What the last run of a stage did (for the CLI summary and tests). */
export interface VsphereStageReport {
  readonly synthesized: readonly string[];
  readonly reused: readonly string[];
  readonly workers: number;
}

interface ManifestEntry {
  readonly [k: string]: unknown;
}
interface CdktfManifest {
  readonly version: string;
  readonly stacks: Record<string, ManifestEntry>;
}

/** The names of the files a stack owns below `root` (relative to it), or undefined when unreadable. */
function listStackFiles(root: string, id: string): string[] | undefined {
  const out: string[] = [];
  try {
    for (const top of ['stacks', 'v2v']) {
      const dir = path.join(root, top, id);
      if (top === 'v2v' && !fs.existsSync(dir)) continue;
      const walk = (d: string, prefix: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
          else if (e.isFile()) out.push(`${prefix}${e.name}`);
          else throw new Error(`not a file: ${e.name}`);
        }
      };
      walk(dir, `${top}/${id}/`);
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The files a stack owns below an output folder: its stack folder and, for a system, its OVF import
 * scripts (v2v/<systemId>/), as paths relative to the output folder. Undefined when unreadable.
 */
function readStackFiles(root: string, id: string): Array<[string, Buffer]> | undefined {
  const names = listStackFiles(root, id);
  try {
    return names?.map((n) => [n, fs.readFileSync(path.join(root, ...n.split('/')))]);
  } catch {
    return undefined;
  }
}

function readManifest(dir: string): CdktfManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as CdktfManifest;
  } catch {
    return undefined;
  }
}

/** cdktf's manifest layout (sorted keys, two spaces), so a merged manifest is the one cdktf writes. */
function stringifyManifest(m: CdktfManifest): string {
  return stableJson(m)!;
}

/**
 * The vSphere stage: one Terraform stack per vSphere system plus the shared platform stack, in
 * cdktf's output layout (manifest.json, stacks/<id>/cdk.tf.json and metadata.json), and `v2v/<systemId>/<server>-import-ovf.ps1` for each
 * server migrated from an OVF (a system stack's own files).
 *
 * Incremental: each stack's input key (stack-inputs.ts) is recorded in `stack-inputs.json` with a
 * hash of its files. When `ctx.base` (an earlier output) holds a stack with the same key and
 * unaltered files, its folder is copied instead of synthesized; the rest are rendered (the direct
 * renderer by default, or cdktf). manifest.json is rebuilt from each stack's entry in cdktf's layout:
 * the output is byte-identical to a full synth, with either renderer.
 */
export function vsphereStage(options: VsphereStageOptions = {}): SynthStage & { readonly last?: VsphereStageReport } {
  const stage: SynthStage & { last?: VsphereStageReport } = {
    name: 'vsphere',
    run(ctx) {
      stage.last = runVsphere(ctx, options);
    },
  };
  return stage;
}

function runVsphere(ctx: SynthContext, options: VsphereStageOptions): VsphereStageReport {
  const systems = vsphereSystemsOf(ctx.estate);
  const backend = options.backend ?? 'pg';
  const keys = stackInputKeys(ctx.estate, systems, backend);
  const ids = [...keys.keys()];
  const total = ids.length;
  const base = options.incremental !== false && ctx.base !== undefined ? ctx.base : undefined;
  const baseIndex =
    base !== undefined && fs.existsSync(path.join(base, OUTPUT_MARKER)) ? readStackIndex(base) : undefined;
  const baseManifest = baseIndex ? readManifest(base!) : undefined;

  const entries = new Map<string, ManifestEntry>();
  const index = new Map<string, { inputs: string; output: string }>();
  const reused: string[] = [];
  const copies: Array<ReadonlyArray<readonly [string, string]>> = [];
  if (baseIndex && baseManifest) {
    for (const id of ids) {
      const recorded = baseIndex.stacks[id];
      const entry = baseManifest.stacks[id];
      if (!entry) continue;
      const earlier = unchangedEarlierUnit(ctx, recorded, keys.get(id), () => listStackFiles(base!, id));
      if (!earlier || !recorded) continue;
      copies.push(earlier);
      entries.set(id, entry);
      index.set(id, { inputs: keys.get(id)!, output: recorded.output });
      reused.push(id);
    }
  }
  const reusedSet = new Set(reused);
  const todo = ids.filter((id) => !reusedSet.has(id));

  let done = reused.length;
  const tick = (n: number) => {
    done += n;
    ctx.progress('vsphere', done, total);
  };
  if (reused.length > 0) ctx.progress('vsphere', done, total);

  let version = baseManifest?.version;
  let workers = 1;
  if (todo.length > 0 && options.renderer !== 'cdktf') {
    version = CDKTF_VERSION;
    const plans = planVsphere(ctx.estate, { only: new Set(todo), backend });
    const stacks = [...(plans.platform ? [plans.platform] : []), ...plans.systems.values()];
    for (const stack of stacks) {
      const files = renderStackFiles(stack);
      for (const [rel, content] of files) ctx.files.set(rel, content);
      entries.set(stack.id, manifestEntry(stack.id));
      index.set(stack.id, {
        inputs: keys.get(stack.id)!,
        output: hashUnitFiles([...files], ctx.unitShas),
      });
      tick(1);
    }
  } else if (todo.length > 0) {
    const want = Math.max(1, Math.min(options.workers ?? os.availableParallelism(), todo.length));
    workers = options.recipe && todo.length >= (options.parallelFrom ?? 200) ? want : 1;
    const shares: string[][] = Array.from({ length: workers }, () => []);
    todo.forEach((id, i) => shares[i % workers]!.push(id));
    const scratch = fs.mkdtempSync(path.join(ctx.workdir, '.vsphere-'));
    try {
      const dirs = shares.map((_, i) => path.join(scratch, String(i)));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { synthesizeShares } = require('./cdktf/parallel') as typeof import('./cdktf/parallel');
      synthesizeShares({
        estate: ctx.estate,
        shares,
        dirs,
        keys,
        backend,
        ...(options.recipe ? { recipe: options.recipe } : {}),
        tick,
      });
      for (const dir of dirs) {
        const m = readManifest(dir);
        if (!m) throw new Error(`vsphere: a worker wrote no manifest.json in ${dir}`);
        version = m.version;
        for (const [id, entry] of Object.entries(m.stacks)) entries.set(id, entry);
        for (const id of Object.keys(m.stacks)) {
          const files = readStackFiles(dir, id);
          if (!files) throw new Error(`vsphere: cannot read the synthesized stack ${id} in ${dir}`);
          index.set(id, { inputs: keys.get(id)!, output: hashUnitFiles(files, ctx.unitShas) });
          for (const top of ['stacks', 'v2v']) {
            const from = path.join(dir, top, id);
            if (!fs.existsSync(from)) continue;
            fs.mkdirSync(path.join(ctx.workdir, top), { recursive: true });
            fs.renameSync(from, path.join(ctx.workdir, top, id));
          }
        }
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  // Unchanged stacks: linked from the earlier output when it is the folder being replaced, else copied.
  for (const shas of copies) placeEarlierFiles(ctx, shas);
  const missing = ids.filter((id) => !entries.has(id));
  if (missing.length > 0) throw new Error(`vsphere: stacks not synthesized: ${missing.join(', ')}`);
  const stacks: Record<string, ManifestEntry> = {};
  for (const id of ids) stacks[id] = entries.get(id)!;
  ctx.files.set('manifest.json', stringifyManifest({ version: version!, stacks }));
  ctx.files.set(STACK_INDEX_FILE, renderStackIndex(index));
  return { synthesized: todo, reused, workers };
}

export { PLATFORM_STACK };
