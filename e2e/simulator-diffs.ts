/**
 * Follow-up differences the vCenter simulator itself causes after an apply, each listed narrowly
 * (resource type, one attribute, the exact shape of the difference) with its reason. Anything else
 * in a follow-up plan is a real difference and fails the e2e suite.
 */
import type { PlanResourceChange } from './harness';

export interface SimulatorDiff {
  readonly type: string;
  readonly attribute: string;
  readonly reason: string;
  /** True when `before` → `after` is exactly the simulator's artefact. */
  readonly matches: (before: unknown, after: unknown) => boolean;
}

const stripUrn = (v: unknown) =>
  Array.isArray(v) ? v.map((x) => String(x).replace(/^urn:vim25:/, '')).sort() : undefined;

export const SIMULATOR_DIFFS: readonly SimulatorDiff[] = [
  {
    type: 'vsphere_virtual_disk',
    attribute: 'size',
    reason:
      'vcsim answers QueryVirtualDiskInfo with capacity 0, so the provider reads every virtual disk back as size 0',
    matches: (b, a) => b === 0 && typeof a === 'number' && a > 0,
  },
  {
    type: 'vsphere_virtual_machine',
    attribute: 'swap_placement_policy',
    reason:
      'vcsim does not report config.swapPlacement, so the provider reads it back empty and plans its default "inherit" again',
    matches: (b, a) => (b === null || b === undefined || b === '') && a === 'inherit',
  },
  {
    type: 'vsphere_tag_category',
    attribute: 'associable_types',
    reason: 'vcsim\'s tagging API returns associable types as "urn:vim25:<Type>" where vCenter returns "<Type>"',
    matches: (b, a) =>
      Array.isArray(b) &&
      Array.isArray(a) &&
      JSON.stringify(b) !== JSON.stringify(a) &&
      JSON.stringify(stripUrn(b)) === JSON.stringify(stripUrn(a)),
  },
];

/** Top-level attributes whose value differs between `before` and `after`. */
export function changedAttributes(c: PlanResourceChange): string[] {
  const b = (c.change.before ?? {}) as Record<string, unknown>;
  const a = (c.change.after ?? {}) as Record<string, unknown>;
  const unknown = ((c.change as { after_unknown?: Record<string, unknown> }).after_unknown ?? {}) as Record<
    string,
    unknown
  >;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => unknown[k] === true || JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .sort();
}

/**
 * What remains of a resource change once the simulator's artefacts are set aside: the change itself
 * when it is not an in-place update, else the attributes no {@link SIMULATOR_DIFFS} entry explains.
 */
export function realDifferences(c: PlanResourceChange): string[] {
  if (!(c.change.actions.length === 1 && c.change.actions[0] === 'update'))
    return [`${c.address}: ${c.change.actions.join('/')}`];
  const b = (c.change.before ?? {}) as Record<string, unknown>;
  const a = (c.change.after ?? {}) as Record<string, unknown>;
  return changedAttributes(c)
    .filter((k) => !SIMULATOR_DIFFS.some((d) => d.type === c.type && d.attribute === k && d.matches(b[k], a[k])))
    .map((k) => `${c.address}.${k}: ${JSON.stringify(b[k] ?? null)} → ${JSON.stringify(a[k] ?? null)}`);
}
