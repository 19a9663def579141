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
 * The Hyper-V script sets: `hyperv/<systemId>/apply.ps1`, `remove.ps1` (only when the system or a
 * server is decommissioned) and `README.md`. Deterministic: sorted, `\n` line endings, no timestamps.
 */
export function emitHyperV(estate: Estate, progress?: (done: number, total: number) => void): Map<string, string> {
  const systems = hypervSystems(estate);
  validateForHyperV(estate, systems);
  const files: [string, string][] = [];
  systems.forEach((sys, i) => {
    const dir = `hyperv/${sys.systemId}`;
    files.push([`${dir}/apply.ps1`, renderScript(applyScript(sys))]);
    const remove = removeScript(sys);
    if (remove) files.push([`${dir}/remove.ps1`, renderScript(remove)]);
    files.push([`${dir}/README.md`, readme(sys, remove !== undefined)]);
    progress?.(i + 1, systems.length);
  });
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(files);
}
