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
/** Where the OS licence comes from (R05): the platform's shared pools or the department. */
export type LicenseSource = 'shared-rhel' | 'shared-windows-datacenter' | 'department';

export interface HypervisorSupport {
  readonly support: Support;
  /** Status word of the fact sheet, e.g. `likely_supported_unconfirmed`. */
  readonly detail: string;
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
  /** The licence source by default (R05: shared RHEL; shared Windows Server Datacenter for 2019 and earlier). */
  readonly defaultLicense: LicenseSource;
  /** Windows Server release year, for the shared-licence rule (2019 and earlier). */
  readonly windowsRelease: number | undefined;
}

const datedSchema = z.object({ date: z.string().nullable().optional() }).passthrough();
const factsSchema = z.object({
  guest_os: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      family: z.enum(['windows', 'rhel', 'oracle_linux', 'rhel_clone', 'ubuntu', 'sles', 'centos']),
      vmware_esxi: z.record(z.string(), z.object({ vcg_status: z.string(), guest_id_to_use: z.string().nullable() }).passthrough()),
      hyperv_host: z.record(z.string(), z.object({ status: z.string() }).passthrough()),
      lifecycle: z.record(z.string(), z.union([datedSchema, z.string(), z.null()])),
    }).passthrough(),
  ),
  invalid_guest_ids: z.object({ ids: z.array(z.string()) }).passthrough(),
}).passthrough();

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
  if (v && typeof v === 'object' && 'date' in v && typeof (v as { date: unknown }).date === 'string') return (v as { date: string }).date;
  return undefined;
}

function buildCatalog(): ReadonlyMap<string, GuestOs> {
  const parsed = factsSchema.parse(facts);
  const invalid = new Set(parsed.invalid_guest_ids.ids);
  const out = new Map<string, GuestOs>();
  for (const g of parsed.guest_os) {
    const vsphere: Record<string, VsphereSupport> = {};
    for (const [version, cell] of Object.entries(g.vmware_esxi)) {
      // The fact sheet writes notes after the id ("rhel7_64Guest (no rhel8 id on 6.5)"); the id is the first word.
      const guestId = cell.guest_id_to_use?.match(/^[A-Za-z0-9_]+/)?.[0];
      if (guestId && invalid.has(guestId)) throw new Error(`guest-os-facts: ${g.key}@${version} uses invalid guest id ${guestId}`);
      const support: Support = guestId === undefined ? 'unsupported' : (VMWARE_STATUS[cell.vcg_status] ?? 'unconfirmed');
      vsphere[version] = { support, detail: guestId === undefined ? 'no guest id on this version' : cell.vcg_status, guestId };
    }
    for (const o of overrides.vmware_esxi) {
      if (o.guestOs === g.key && vsphere[o.version]) vsphere[o.version] = { ...vsphere[o.version]!, support: o.support as Support, detail: o.reason };
    }
    const hyperv: Record<string, HypervisorSupport> = {};
    for (const [version, cell] of Object.entries(g.hyperv_host)) {
      hyperv[version] = { support: HYPERV_STATUS[cell.status] ?? 'unconfirmed', detail: cell.status };
    }
    const endOfStandardSupport = dateOf(g.lifecycle['end_of_standard_support']);
    const endOfSupport = dateOf(g.lifecycle['end_of_extended_support']) ?? endOfStandardSupport;
    const windowsRelease = g.family === 'windows' ? Number(g.key.match(/windows_server_(\d{4})/)?.[1]) : undefined;
    const defaultLicense: LicenseSource =
      g.family === 'rhel' ? 'shared-rhel' : windowsRelease !== undefined && windowsRelease <= 2019 ? 'shared-windows-datacenter' : 'department';
    out.set(g.key, { key: g.key, name: g.name, family: g.family, vsphere, hyperv, endOfSupport, endOfStandardSupport, defaultLicense, windowsRelease });
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

const UNKNOWN_VERSION = (hv: string, version: string): HypervisorSupport => ({ support: 'unconfirmed', detail: `no facts for ${hv} ${version}` });

/** Support of a guest OS on an ESXi version; a version without facts is unconfirmed. */
export function vsphereSupport(os: GuestOs, esxiVersion: string): VsphereSupport {
  return os.vsphere[esxiVersion] ?? { ...UNKNOWN_VERSION('ESXi', esxiVersion), guestId: undefined };
}

/** Support of a guest OS on a Hyper-V host version (Windows Server year). */
export function hypervSupport(os: GuestOs, windowsServerVersion: string): HypervisorSupport {
  return os.hyperv[windowsServerVersion] ?? UNKNOWN_VERSION('Hyper-V on Windows Server', windowsServerVersion);
}
