import { Estate } from '../model/estate';
import { Support, hypervSupport, vsphereSupport } from '../model/guest-os';
import { buildRuleContext } from './context';

/** A platform version to assess (R12): either or both hypervisors. */
export interface UpgradeTarget {
  readonly esxiVersion?: string;
  readonly windowsServerVersion?: string;
}

/** One running server whose guest OS is not supported on the target version. */
export interface UpgradeImpactEntry {
  readonly systemId: string;
  readonly systemPath: string;
  readonly department: string;
  readonly server: string;
  readonly path: string;
  readonly hypervisor: 'vsphere' | 'hyperv';
  readonly guestOs: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly currentSupport: Support;
  /** `unsupported`: the system must upgrade its OS (R12); `unconfirmed`: needs checking before the upgrade. */
  readonly targetSupport: Exclude<Support, 'supported'>;
}

/**
 * R12: which running systems' guest OS would not be supported after upgrading the platform to
 * `target`. Entries are sorted by path; filter on `targetSupport === 'unsupported'` for the systems
 * that must upgrade their OS before the platform does.
 */
export function upgradeImpact(estate: Estate, target: UpgradeTarget): UpgradeImpactEntry[] {
  const ctx = buildRuleContext(estate, estate.clock);
  const out: UpgradeImpactEntry[] = [];
  for (const e of ctx.servers) {
    if (!e.active || !e.os) continue;
    const vs = e.hypervisor === 'vsphere';
    const to = vs ? target.esxiVersion : target.windowsServerVersion;
    if (to === undefined) continue;
    const from = vs ? ctx.platform.vsphere.esxiVersion : ctx.platform.hyperv.windowsServerVersion;
    const now = (vs ? vsphereSupport(e.os, from) : hypervSupport(e.os, from)).support;
    const then = (vs ? vsphereSupport(e.os, to) : hypervSupport(e.os, to)).support;
    if (then === 'supported') continue;
    out.push({
      systemId: e.systemId, systemPath: e.system.node.path, department: e.system.department, server: e.name, path: e.path,
      hypervisor: e.hypervisor, guestOs: e.os.key, fromVersion: from, toVersion: to, currentSupport: now, targetSupport: then,
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
