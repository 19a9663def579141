/** A worker thread of parallel synthesis (parallel.ts): rebuilds the estate, synthesizes its share. */
import { parentPort, workerData } from 'worker_threads';
import { Estate } from '../../model/estate';
import { stackInputKeys } from '../stack-inputs';
import { vsphereSystemsOf } from '../systems';
import { synthesizeShare, WorkerData } from './parallel';

void parentPort;
const d = workerData as WorkerData;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = (require(d.recipe.module) as Record<string, (...a: unknown[]) => Estate>)[d.recipe.exportName];
  if (typeof build !== 'function') throw new Error(`${d.recipe.module} exports no function ${d.recipe.exportName}`);
  const estate = build(...d.recipe.args);
  const keys = stackInputKeys(estate, vsphereSystemsOf(estate), d.backend);
  const differ = d.ids.filter((id) => keys.get(id) !== d.keys[id]);
  if (differ.length > 0)
    throw new Error(
      `the estate rebuilt in the worker differs from the one being synthesized (stacks ${differ.slice(0, 5).join(', ')})`,
    );
  synthesizeShare(estate, d.ids, d.dir, d.backend);
  Atomics.add(d.status, d.status.length - 1, d.ids.length);
  Atomics.store(d.status, d.slot, 1);
} catch (e) {
  d.port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  Atomics.store(d.status, d.slot, 2);
} finally {
  Atomics.notify(d.status, d.slot);
}
