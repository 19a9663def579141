import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'worker_threads';
import { App } from 'cdktf';
import { Estate } from '../../model/estate';
import { StateBackendKind } from '../backend';
import { ovfImportScriptPath, renderOvfImportScript } from '../v2v-import';
import { emitVsphere } from './emit';

/**
 * How a worker thread rebuilds the estate: `require(module)[exportName](...args)` must return an
 * estate equal to the one being synthesized (checked: the worker's stack input keys must match).
 */
export interface EstateRecipe {
  /** Absolute path of the module (.ts or .js). */
  readonly module: string;
  readonly exportName: string;
  /** JSON-able arguments. */
  readonly args: readonly unknown[];
}

/** Synthesizes `ids` of `estate` into `dir` (cdktf's own layout: manifest.json, stacks/<id>/; and v2v/<systemId>/). */
export function synthesizeShare(
  estate: Estate,
  ids: readonly string[],
  dir: string,
  backend: StateBackendKind = 'pg',
): void {
  const app = new App({ outdir: dir, skipValidation: false });
  const stacks = emitVsphere(app, estate, { only: new Set(ids), backend });
  app.synth();
  completeStackMetadata(dir);
  // V2V from OVF: the one-off import scripts for the management terminal (R20, R34), next to the stacks.
  for (const stack of stacks.systems.values()) {
    for (const plan of stack.ovfImports) {
      const target = path.join(dir, ...ovfImportScriptPath(plan).split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, renderOvfImportScript(plan));
    }
  }
}

/**
 * cdktf's manifest.json names a `stackMetadataPath` (stacks/<id>/metadata.json) for every stack but
 * writes that file only for HCL output. Writes it for JSON output too, with the stack's own `//`
 * metadata (what cdktf writes for HCL), so the manifest has no dangling reference.
 */
export function completeStackMetadata(outdir: string): void {
  const manifestPath = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) return;
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    stacks: Record<string, { synthesizedStackPath: string; stackMetadataPath?: string }>;
  };
  for (const stack of Object.values(manifest.stacks)) {
    if (!stack.stackMetadataPath) continue;
    const target = path.join(outdir, stack.stackMetadataPath);
    if (fs.existsSync(target)) continue;
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), 'utf8')) as { '//'?: unknown };
    fs.writeFileSync(target, `${JSON.stringify({ '//': tf['//'] ?? {} }, null, 2)}\n`);
  }
}

/** Boots a worker: TypeScript sources are compiled on load (as bin/kiban.js does), compiled ones are required as they are. */
const BOOT = `
const { workerData } = require('worker_threads');
if (workerData.file.endsWith('.ts')) require(workerData.tsNode).register({ transpileOnly: true, swc: workerData.swc, project: workerData.project });
require(workerData.file);
`;

function resolvable(id: string): string | undefined {
  try {
    return require.resolve(id);
  } catch {
    return undefined;
  }
}

/** Status slots: 0 running, 1 done, 2 failed; the last slot counts stacks written by workers. */
export interface WorkerData {
  readonly file: string;
  readonly tsNode: string | undefined;
  readonly swc: boolean;
  readonly project: string;
  readonly recipe: EstateRecipe;
  readonly backend: StateBackendKind;
  readonly ids: readonly string[];
  readonly keys: Readonly<Record<string, string>>;
  readonly dir: string;
  readonly status: Int32Array;
  readonly slot: number;
  readonly port: import('worker_threads').MessagePort;
}

export interface ShareOptions {
  readonly estate: Estate;
  /** Stack ids per share; share 0 is synthesized in this thread, the others each in a worker thread. */
  readonly shares: readonly (readonly string[])[];
  /** One output folder per share. */
  readonly dirs: readonly string[];
  readonly keys: ReadonlyMap<string, string>;
  readonly recipe?: EstateRecipe;
  /** State backend of every stack. @default 'pg' */
  readonly backend?: StateBackendKind;
  readonly tick: (stacks: number) => void;
  /** Give up waiting for a worker after this long. @default 30 minutes */
  readonly timeoutMs?: number;
}

/**
 * Synthesizes every share, in parallel when there are several: worker threads rebuild the estate
 * from the recipe and each write their own folder; this thread blocks (Atomics.wait) until all are
 * done, so the pipeline stays synchronous. The caller merges the folders deterministically.
 */
export function synthesizeShares(o: ShareOptions): void {
  const n = o.shares.length;
  if (n > 1 && !o.recipe) throw new Error('vsphere: parallel synthesis needs an estate recipe');
  const status = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
  const started: Array<{ worker: Worker; port: import('worker_threads').MessagePort; slot: number }> = [];
  const workerFile = path.join(__dirname, `worker${path.extname(__filename)}`);
  const tsNode = resolvable('ts-node');
  try {
    for (let i = 1; i < n; i++) {
      const { port1, port2 } = new MessageChannel();
      const keys: Record<string, string> = {};
      for (const id of o.shares[i]!) keys[id] = o.keys.get(id)!;
      const data: WorkerData = {
        file: workerFile,
        tsNode,
        swc: resolvable('@swc/core') !== undefined,
        project: path.join(__dirname, '..', '..', '..', 'tsconfig.json'),
        recipe: o.recipe!,
        backend: o.backend ?? 'pg',
        ids: o.shares[i]!,
        keys,
        dir: o.dirs[i]!,
        status,
        slot: i,
        port: port2,
      };
      const worker = new Worker(BOOT, {
        eval: true,
        workerData: data,
        transferList: [port2],
        stdout: false,
        stderr: false,
      });
      worker.unref();
      started.push({ worker, port: port1, slot: i });
    }
    synthesizeShare(o.estate, o.shares[0]!, o.dirs[0]!, o.backend ?? 'pg');
    o.tick(o.shares[0]!.length);
    let counted = 0;
    const deadline = Date.now() + (o.timeoutMs ?? 30 * 60_000);
    for (const w of started) {
      while (Atomics.load(status, w.slot) === 0) {
        Atomics.wait(status, w.slot, 0, 200);
        const c = Atomics.load(status, n);
        if (c > counted) {
          o.tick(c - counted);
          counted = c;
        }
        if (Date.now() > deadline) throw new Error(`vsphere: worker ${w.slot} did not finish in time`);
      }
      if (Atomics.load(status, w.slot) !== 1) {
        const msg = receiveMessageOnPort(w.port)?.message as { error?: string } | undefined;
        throw new Error(`vsphere: worker ${w.slot} failed: ${msg?.error ?? 'no message'}`);
      }
    }
    const c = Atomics.load(status, n);
    if (c > counted) o.tick(c - counted);
  } finally {
    for (const w of started) {
      w.port.close();
      void w.worker.terminate();
    }
  }
}
