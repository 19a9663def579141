import { z } from 'zod';
import facts from './data/guest-os-facts.json';
import overrides from './data/support-overrides.json';

/**
 * The guest OS catalog, built from shared/reference/guest-os-facts.json (copied into
 * lib/model/data with its sources). Support has three states and "unconfirmed" is kept as such:
 * nobody could confirm it either way, so rules ask for an acknowledgement instead of guessing.
 */

export type Support = 'supported' | 'unsupported' | 'unconfirmed';
export type OsFamily = 'windows' | 'rhel' | 'oracle_linux' | 'rhel_clone' | 'ubuntu' | 'sles' | 'centos';
/**
 * Where the OS licence comes from (R05): the platform's shared pools or the department.
 * `shared-unavailable`: the shared licence was asked for an OS the platform holds no licence for (R05 rejects it).
 */
export type LicenseSource = 'shared-rhel' | 'shared-windows-datacenter' | 'shared-unavailable' | 'department';

/** Where a fact comes from: a vendor page or public code, with its title. */
export interface SourceRef {
  readonly url: string;
  readonly title: string;
}

export interface HypervisorSupport {
  readonly support: Support;
  /** Status word of the fact sheet, e.g. `likely_supported_unconfirmed`. */
  readonly detail: string;
  /** What the fact sheet says about this cell (the fact behind the status). @default none */
  readonly note?: string;
  /** Sources of the fact (URL and title). Empty only for versions the fact sheet does not cover. */
  readonly sources: readonly SourceRef[];
}

/** A dated lifecycle fact (end of standard / extended support) with its sources. */
export interface LifecycleFact {
  readonly date: string;
  readonly sources: readonly SourceRef[];
}

export interface VsphereSupport extends HypervisorSupport {
  /** The guest_id to set on this ESXi version, or undefined when the version has none. */
  readonly guestId: string | undefined;
}

export interface GuestOs {
  readonly key: string;
  readonly name: string;
  readonly family: OsFamily;
  readonly vsphere: Readonly<Record<string, VsphereSupport>>;
  readonly hyperv: Readonly<Record<string, HypervisorSupport>>;
  /** The last day the vendor supports the OS (extended support if any, else standard). */
  readonly endOfSupport: string | undefined;
  readonly endOfStandardSupport: string | undefined;
  /** The facts behind {@link endOfSupport}, with sources. */
  readonly endOfSupportFact: LifecycleFact | undefined;
  /** The facts behind {@link endOfStandardSupport}, with sources. */
  readonly endOfStandardSupportFact: LifecycleFact | undefined;
  /** The licence source by default (R05: shared RHEL; shared Windows Server Datacenter for 2019 and earlier). */
  readonly defaultLicense: LicenseSource;
  /** Windows Server release year, for the shared-licence rule (2019 and earlier). */
  readonly windowsRelease: number | undefined;
}

const datedSchema = z.object({ date: z.string().nullable().optional() }).passthrough();
const factsSchema = z
  .object({
    guest_os: z.array(
      z
        .object({
          key: z.string(),
          name: z.string(),
          family: z.enum(['windows', 'rhel', 'oracle_linux', 'rhel_clone', 'ubuntu', 'sles', 'centos']),
          vmware_esxi: z.record(
            z.string(),
            z
              .object({
                vcg_status: z.string(),
                guest_id_to_use: z.string().nullable(),
                note: z.string().optional(),
                source: z.array(z.string()).optional(),
              })
              .passthrough(),
          ),
          hyperv_host: z.record(
            z.string(),
            z
              .object({ status: z.string(), note: z.string().optional(), source: z.array(z.string()).optional() })
              .passthrough(),
          ),
          lifecycle: z.record(z.string(), z.union([datedSchema, z.string(), z.null()])),
        })
        .passthrough(),
    ),
    invalid_guest_ids: z.object({ ids: z.array(z.string()) }).passthrough(),
    sources: z.record(z.string(), z.string()),
    source_refs: z.record(z.string(), z.object({ url: z.url(), title: z.string().min(1) })),
  })
  .passthrough();

const VMWARE_STATUS: Record<string, Support> = {
  supported: 'supported',
  supported_by_guest_os_vendor: 'unconfirmed',
  likely_supported_unconfirmed: 'unconfirmed',
  unconfirmed: 'unconfirmed',
};
const HYPERV_STATUS: Record<string, Support> = {
  supported: 'supported',
  supported_but_os_eol: 'supported',
  not_supported: 'unsupported',
  not_listed: 'unsupported',
  listed_historically: 'unconfirmed',
  likely_supported_unconfirmed: 'unconfirmed',
  supported_by_guest_os_vendor: 'unconfirmed',
  unconfirmed: 'unconfirmed',
};

function dateOf(v: unknown): string | undefined {
  if (v && typeof v === 'object' && 'date' in v && typeof (v as { date: unknown }).date === 'string')
    return (v as { date: string }).date;
  return undefined;
}

function sourceList(v: unknown): string[] {
  if (v && typeof v === 'object' && 'source' in v) {
    const src = (v as { source: unknown }).source;
    if (Array.isArray(src)) return src.filter((x): x is string => typeof x === 'string');
    if (typeof src === 'string') return [src];
  }
  return [];
}

/**
 * Resolves the fact sheet's source strings (the values of `sources`) to URL and title
 * (`source_refs`); a source the sheet does not register is an error in the data.
 */
function sourceResolver(parsed: z.infer<typeof factsSchema>): (where: string, src: readonly string[]) => SourceRef[] {
  const byText = new Map(Object.entries(parsed.sources).map(([k, v]) => [v, k] as const));
  return (where, src) =>
    src.map((text) => {
      const key = byText.get(text);
      const ref = key !== undefined ? parsed.source_refs[key] : undefined;
      if (!ref) throw new Error(`guest-os-facts: ${where} cites a source without URL and title: ${text.slice(0, 80)}`);
      return { url: ref.url, title: ref.title };
    });
}

function lifecycleFact(
  v: unknown,
  where: string,
  resolve: ReturnType<typeof sourceResolver>,
): LifecycleFact | undefined {
  const date = dateOf(v);
  return date === undefined ? undefined : { date, sources: resolve(where, sourceList(v)) };
}

function buildCatalog(): ReadonlyMap<string, GuestOs> {
  const parsed = factsSchema.parse(facts);
  const resolve = sourceResolver(parsed);
  const invalid = new Set(parsed.invalid_guest_ids.ids);
  const out = new Map<string, GuestOs>();
  for (const g of parsed.guest_os) {
    const vsphere: Record<string, VsphereSupport> = {};
    for (const [version, cell] of Object.entries(g.vmware_esxi)) {
      // The fact sheet writes notes after the id ("rhel7_64Guest (no rhel8 id on 6.5)"); the id is the first word.
      const guestId = cell.guest_id_to_use?.match(/^[A-Za-z0-9_]+/)?.[0];
      if (guestId && invalid.has(guestId))
        throw new Error(`guest-os-facts: ${g.key}@${version} uses invalid guest id ${guestId}`);
      const support: Support =
        guestId === undefined ? 'unsupported' : (VMWARE_STATUS[cell.vcg_status] ?? 'unconfirmed');
      const sources = resolve(`${g.key}@ESXi ${version}`, cell.source ?? []);
      vsphere[version] = {
        support,
        detail: guestId === undefined ? 'no guest id on this version' : cell.vcg_status,
        guestId,
        sources,
        ...(cell.note !== undefined ? { note: cell.note } : {}),
      };
    }
    for (const o of overrides.vmware_esxi) {
      if (o.guestOs === g.key && vsphere[o.version])
        vsphere[o.version] = { ...vsphere[o.version]!, support: o.support as Support, detail: o.reason };
    }
    const hyperv: Record<string, HypervisorSupport> = {};
    for (const [version, cell] of Object.entries(g.hyperv_host)) {
      const sources = resolve(`${g.key}@Hyper-V ${version}`, cell.source ?? []);
      hyperv[version] = {
        support: HYPERV_STATUS[cell.status] ?? 'unconfirmed',
        detail: cell.status,
        sources,
        ...(cell.note !== undefined ? { note: cell.note } : {}),
      };
    }
    const endOfStandardSupportFact = lifecycleFact(
      g.lifecycle['end_of_standard_support'],
      `${g.key} end_of_standard_support`,
      resolve,
    );
    const endOfSupportFact =
      lifecycleFact(g.lifecycle['end_of_extended_support'], `${g.key} end_of_extended_support`, resolve) ??
      endOfStandardSupportFact;
    const endOfStandardSupport = endOfStandardSupportFact?.date;
    const endOfSupport = endOfSupportFact?.date;
    const windowsRelease = g.family === 'windows' ? Number(g.key.match(/windows_server_(\d{4})/)?.[1]) : undefined;
    const defaultLicense: LicenseSource =
      g.family === 'rhel'
        ? 'shared-rhel'
        : windowsRelease !== undefined && windowsRelease <= 2019
          ? 'shared-windows-datacenter'
          : 'department';
    out.set(g.key, {
      key: g.key,
      name: g.name,
      family: g.family,
      vsphere,
      hyperv,
      endOfSupport,
      endOfStandardSupport,
      endOfSupportFact,
      endOfStandardSupportFact,
      defaultLicense,
      windowsRelease,
    });
  }
  return out;
}

let catalog: ReadonlyMap<string, GuestOs> | undefined;

/** All guest OSes of the catalog, by key (e.g. `rhel_7`, `windows_server_2019`). */
export function guestOsCatalog(): ReadonlyMap<string, GuestOs> {
  catalog ??= buildCatalog();
  return catalog;
}

/** The catalog keys, for schemas and editors. */
export function guestOsKeys(): string[] {
  return [...guestOsCatalog().keys()];
}

/** One guest OS, or undefined. */
export function findGuestOs(key: string): GuestOs | undefined {
  return guestOsCatalog().get(key);
}

const UNKNOWN_VERSION = (hv: string, version: string): HypervisorSupport => ({
  support: 'unconfirmed',
  detail: `no facts for ${hv} ${version}`,
  sources: [],
});

/** Support of a guest OS on an ESXi version; a version without facts is unconfirmed. */
export function vsphereSupport(os: GuestOs, esxiVersion: string): VsphereSupport {
  return os.vsphere[esxiVersion] ?? { ...UNKNOWN_VERSION('ESXi', esxiVersion), guestId: undefined };
}

/** Support of a guest OS on a Hyper-V host version (Windows Server year). */
export function hypervSupport(os: GuestOs, windowsServerVersion: string): HypervisorSupport {
  return os.hyperv[windowsServerVersion] ?? UNKNOWN_VERSION('Hyper-V on Windows Server', windowsServerVersion);
}

/** The lifecycle of a hypervisor version: ESXi general support, or Windows Server extended support of a Hyper-V host. */
export interface HypervisorLifecycle {
  readonly hypervisor: 'vsphere' | 'hyperv';
  readonly version: string;
  /** Last day of vendor support for the hypervisor version (ESXi: end of general support; Windows Server: end of extended support). */
  readonly endOfSupport: string;
  readonly sources: readonly SourceRef[];
}

const hypervisorLifecycleSchema = z
  .object({
    hypervisor_lifecycle: z
      .object({
        vmware_esxi: z.record(z.string(), z.unknown()),
        hyperv_windows_server: z.record(z.string(), z.unknown()),
      })
      .passthrough(),
  })
  .passthrough();

/** Lifecycle of an ESXi or Windows Server (Hyper-V host) version, or undefined when the fact sheet has none. */
export function hypervisorLifecycle(
  hypervisor: 'vsphere' | 'hyperv',
  version: string,
): HypervisorLifecycle | undefined {
  const parsed = factsSchema.parse(facts);
  const lc = hypervisorLifecycleSchema.parse(facts).hypervisor_lifecycle;
  const cell = (hypervisor === 'vsphere' ? lc.vmware_esxi : lc.hyperv_windows_server)[version];
  if (!cell || typeof cell !== 'object') return undefined;
  const c = cell as Record<string, unknown>;
  const end = hypervisor === 'vsphere' ? c['end_of_general_support'] : c['end_of_extended_support'];
  if (typeof end !== 'string') return undefined;
  return {
    hypervisor,
    version,
    endOfSupport: end,
    sources: sourceResolver(parsed)(`hypervisor_lifecycle ${hypervisor} ${version}`, sourceList(cell)),
  };
}

/**
 * A server's OS licence source (R05), the one definition: the declared `osLicense`, else the
 * catalog's default for the OS. `osLicense: shared` on an OS without a shared pool stays shared
 * (`shared-unavailable`), so that R05 reports it.
 */
export function osLicenseSource(declared: 'shared' | 'department' | undefined, os: GuestOs | undefined): LicenseSource {
  if (declared === 'department') return 'department';
  const pool = os?.defaultLicense ?? 'department';
  if (declared === undefined) return pool;
  return pool === 'department' ? 'shared-unavailable' : pool;
}

/** Whether a licence source is one of the platform's shared licences (R05). */
export const isSharedLicense = (s: LicenseSource): boolean => s !== 'department';
