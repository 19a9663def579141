import { Estate } from '../model/estate';
import { IndividualBusinessSystem } from '../model/system';
import { applyScript, removeScript, validateForHyperV } from './emit';
import { renderScript } from './ps';
import { readme } from './readme';

/** Every IndividualBusinessSystem of the estate placed on Hyper-V, sorted by system id. */
export function hypervSystems(estate: Estate): IndividualBusinessSystem[] {
  return estate.node
    .findAll()
    .filter(
      (c): c is IndividualBusinessSystem => IndividualBusinessSystem.isSystem(c) && c.spec.hypervisor === 'hyperv',
    )
    .sort((a, b) => (a.systemId < b.systemId ? -1 : a.systemId > b.systemId ? 1 : 0));
}

/**
 * What an incremental run knows of one system's script set: its files from an earlier output, or a
 * callback that records the files rendered now.
 */
export type ScriptSetReuse =
  | { readonly files: ReadonlyArray<readonly [string, string]> }
  | { readonly record: (files: ReadonlyArray<readonly [string, string]>) => void };

/**
 * The Hyper-V script sets: `hyperv/<systemId>/apply.ps1`, `remove.ps1` (only when the system or a
 * server is decommissioned) and `README.md`. Deterministic: sorted, `\n` line endings, no timestamps.
 * `reuse` (incremental synth, the Hyper-V stage) may hand a system's files from an earlier output.
 */
export function emitHyperV(
  estate: Estate,
  progress?: (done: number, total: number) => void,
  reuse?: (system: IndividualBusinessSystem) => ScriptSetReuse,
): Map<string, string> {
  const systems = hypervSystems(estate);
  validateForHyperV(estate, systems);
  const files: [string, string][] = [];
  systems.forEach((sys, i) => {
    const known = reuse?.(sys);
    if (known && 'files' in known) files.push(...known.files.map(([p, t]) => [p, t] as [string, string]));
    else {
      const dir = `hyperv/${sys.systemId}`;
      const own: [string, string][] = [[`${dir}/apply.ps1`, renderScript(applyScript(sys))]];
      const remove = removeScript(sys);
      if (remove) own.push([`${dir}/remove.ps1`, renderScript(remove)]);
      own.push([`${dir}/README.md`, readme(sys, remove !== undefined)]);
      known?.record(own);
      files.push(...own);
    }
    progress?.(i + 1, systems.length);
  });
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(files);
}
