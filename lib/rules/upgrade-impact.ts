import { Estate } from '../model/estate';
import { GuestOs, SourceRef, Support, hypervSupport, hypervisorLifecycle, vsphereSupport } from '../model/guest-os';
import { buildRuleContext } from './context';

/** A platform version to assess (R12): either or both hypervisors. */
export interface UpgradeTarget {
  readonly esxiVersion?: string;
  readonly windowsServerVersion?: string;
  /**
   * The day the platform would run the target version (`YYYY-MM-DD` or ISO instant): a guest OS
   * whose vendor support ends before it is "past end of support by then".
   * @default the estate clock's day
   */
  readonly on?: string;
}

/**
 * The R12 verdict for one server on the target version:
 * - `supported`: the catalog has a vendor statement that the guest OS runs on the target;
 * - `unsupported`: the vendor restricts the guest OS to other versions, or the target has no guest id for it;
 * - `past-end-of-support`: the guest OS vendor's own support has ended by the upgrade day;
 * - `unconfirmed`: no source says either way; check with the vendor (see {@link UpgradeImpactEntry.checkWithVendor}).
 */
export type UpgradeVerdict = 'supported' | 'unsupported' | 'past-end-of-support' | 'unconfirmed';

/** The exact question to put to a vendor when the catalog cannot answer. */
export interface VendorCheck {
  /** Who answers: the hypervisor vendor's compatibility list. */
  readonly vendor: 'Broadcom (VMware)' | 'Microsoft';
  /** Guest OS as the vendor names it, e.g. `Red Hat Enterprise Linux 7`. */
  readonly guestOs: string;
  /** The host version, e.g. `ESXi 8.0` or `Hyper-V on Windows Server 2022`. */
  readonly host: string;
  /** Where to look it up. */
  readonly where: SourceRef;
}

/** One running server on the target version. */
export interface UpgradeImpactEntry {
  readonly systemId: string;
  readonly systemPath: string;
  readonly department: string;
  readonly server: string;
  readonly path: string;
  readonly hypervisor: 'vsphere' | 'hyperv';
  readonly guestOs: string;
  /** The catalog's name of the guest OS, e.g. `Windows Server 2016`. */
  readonly guestOsName: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly currentSupport: Support;
  /** Support of the guest OS on the target version as the catalog states it. */
  readonly targetSupport: Support;
  readonly verdict: UpgradeVerdict;
  /** The fact behind the verdict (English, one sentence). */
  readonly fact: string;
  /** Sources of {@link fact} (URL and title). */
  readonly sources: readonly SourceRef[];
  /** The guest OS's last day of vendor support, when the catalog knows it. */
  readonly endOfSupport?: string;
  /** Only for `unconfirmed`: the exact guest OS and host version to check with the vendor. */
  readonly checkWithVendor?: VendorCheck;
}

/** Counts per verdict, every verdict present (0 when none). */
export type VerdictCounts = Readonly<Record<UpgradeVerdict, number>>;

export const UPGRADE_VERDICTS: readonly UpgradeVerdict[] = [
  'unsupported',
  'past-end-of-support',
  'unconfirmed',
  'supported',
];

const VCG: SourceRef = {
  url: 'https://compatibilityguide.broadcom.com/',
  title: 'Broadcom Compatibility Guide (Guest OS)',
};
const MS_WIN: SourceRef = {
  url: 'https://learn.microsoft.com/windows-server/virtualization/hyper-v/supported-windows-guest-operating-systems-for-hyper-v-on-windows',
  title: 'Microsoft Learn: Supported Windows guest operating systems for Hyper-V on Windows Server',
};
const MS_LINUX: SourceRef = {
  url: 'https://learn.microsoft.com/windows-server/virtualization/hyper-v/supported-linux-and-freebsd-virtual-machines-for-hyper-v-on-windows',
  title: 'Microsoft Learn: Supported Linux and FreeBSD virtual machines for Hyper-V on Windows Server and Windows',
};

/** `YYYY-MM-DD` of an ISO date or instant (the instant's own calendar day as written). */
function dayOf(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  if (!m || Number.isNaN(Date.parse(m[1]!)))
    throw new Error(`R12 upgrade day: not a date: ${JSON.stringify(iso)} (expected YYYY-MM-DD)`);
  return m[1]!;
}

function hostName(hypervisor: 'vsphere' | 'hyperv', version: string): string {
  return hypervisor === 'vsphere' ? `ESXi ${version}` : `Hyper-V on Windows Server ${version}`;
}

function verdictOf(
  os: GuestOs,
  hypervisor: 'vsphere' | 'hyperv',
  to: string,
  day: string,
): Pick<UpgradeImpactEntry, 'targetSupport' | 'verdict' | 'fact' | 'sources' | 'checkWithVendor'> {
  const cell = hypervisor === 'vsphere' ? vsphereSupport(os, to) : hypervSupport(os, to);
  const host = hostName(hypervisor, to);
  const cellFact = cell.note ?? cell.detail;
  if (cell.support === 'unsupported') {
    return {
      targetSupport: cell.support,
      verdict: 'unsupported',
      fact: `${os.name} on ${host}: ${cell.detail}. ${cellFact === cell.detail ? '' : cellFact}`.trim(),
      sources: cell.sources,
    };
  }
  const eos = os.endOfSupportFact;
  if (eos && eos.date < day) {
    const std =
      os.endOfStandardSupportFact && os.endOfStandardSupportFact.date !== eos.date
        ? ` (standard support ended ${os.endOfStandardSupportFact.date})`
        : '';
    return {
      targetSupport: cell.support,
      verdict: 'past-end-of-support',
      fact: `${os.name}: the vendor's support ends ${eos.date}${std}, before ${day}.`,
      sources: eos.sources,
    };
  }
  if (cell.support === 'supported')
    return {
      targetSupport: cell.support,
      verdict: 'supported',
      fact: `${os.name} on ${host}: ${cellFact}`,
      sources: cell.sources,
    };
  const where = hypervisor === 'vsphere' ? VCG : os.family === 'windows' ? MS_WIN : MS_LINUX;
  return {
    targetSupport: cell.support,
    verdict: 'unconfirmed',
    fact: `${os.name} on ${host}: ${cellFact}`,
    sources: cell.sources,
    checkWithVendor: {
      vendor: hypervisor === 'vsphere' ? 'Broadcom (VMware)' : 'Microsoft',
      guestOs: os.name,
      host,
      where,
    },
  };
}

/**
 * R12: the verdict for every running server of the hypervisor(s) `target` names, on the target
 * version and day. Entries are sorted by path; filter on `verdict` for the servers that must act
 * (`unsupported`, `past-end-of-support`) or be checked with the vendor (`unconfirmed`).
 */
export function upgradeImpact(estate: Estate, target: UpgradeTarget): UpgradeImpactEntry[] {
  const ctx = buildRuleContext(estate, estate.clock);
  const day = dayOf(target.on ?? estate.clock().toISOString());
  const out: UpgradeImpactEntry[] = [];
  for (const e of ctx.servers) {
    if (!e.active || !e.os) continue;
    const vs = e.hypervisor === 'vsphere';
    const to = vs ? target.esxiVersion : target.windowsServerVersion;
    if (to === undefined) continue;
    const from = vs ? ctx.platform.vsphere.esxiVersion : ctx.platform.hyperv.windowsServerVersion;
    const now = (vs ? vsphereSupport(e.os, from) : hypervSupport(e.os, from)).support;
    out.push({
      systemId: e.systemId,
      systemPath: e.system.node.path,
      department: e.system.department,
      server: e.name,
      path: e.path,
      hypervisor: e.hypervisor,
      guestOs: e.os.key,
      guestOsName: e.os.name,
      fromVersion: from,
      toVersion: to,
      currentSupport: now,
      ...(e.os.endOfSupport !== undefined ? { endOfSupport: e.os.endOfSupport } : {}),
      ...verdictOf(e.os, e.hypervisor, to, day),
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** How many servers got each verdict. */
export function countVerdicts(entries: readonly UpgradeImpactEntry[]): VerdictCounts {
  const c: Record<UpgradeVerdict, number> = { supported: 0, unsupported: 0, 'past-end-of-support': 0, unconfirmed: 0 };
  for (const e of entries) c[e.verdict] += 1;
  return c;
}

/** The target hypervisor version's own end of vendor support, when known (context for the announcement). */
export function targetLifecycle(
  target: UpgradeTarget,
): { readonly host: string; readonly endOfSupport: string; readonly sources: readonly SourceRef[] }[] {
  const out: { host: string; endOfSupport: string; sources: readonly SourceRef[] }[] = [];
  for (const [hv, v] of [
    ['vsphere', target.esxiVersion],
    ['hyperv', target.windowsServerVersion],
  ] as const) {
    if (v === undefined) continue;
    const lc = hypervisorLifecycle(hv, v);
    if (lc) out.push({ host: hostName(hv, v), endOfSupport: lc.endOfSupport, sources: lc.sources });
  }
  return out;
}
