import { CUSTOMIZATION_DEFAULTS, VirtualServer } from '../model/server';
import { IndividualBusinessSystem } from '../model/system';

/**
 * What the unattend answer file of a template-built Windows VM sets (R28): one entry per NIC, keyed
 * to a fixed MAC address so Windows applies the static IP to the right adapter.
 */

/** Windows time zone IDs for the declared values the platform uses (the default is CUSTOMIZATION_DEFAULTS.windowsTimeZone, Tokyo, as on vSphere). */
const WINDOWS_TIME_ZONES: ReadonlyMap<string | number, string> = new Map<string | number, string>([
  [235, 'Tokyo Standard Time'],
  ['Asia/Tokyo', 'Tokyo Standard Time'],
  ['Japan', 'Tokyo Standard Time'],
  ['UTC', 'UTC'],
  ['Etc/UTC', 'UTC'],
]);

/** The Windows time zone ID of a declared time zone (`undefined` when there is no mapping); default Tokyo, as on vSphere. */
export function windowsTimeZone(declared: string | number | undefined): string | undefined {
  return WINDOWS_TIME_ZONES.get(declared ?? CUSTOMIZATION_DEFAULTS.windowsTimeZone);
}

/** FNV-1a, 32 bit: a fixed, platform-independent hash for the MAC address. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The fixed MAC address of a NIC: locally administered (02-…, outside Hyper-V's dynamic 00-15-5D pool),
 * derived from system, server and NIC index. Returned as `024B49xxxxxx` (Set-VMNetworkAdapter) and
 * `02-4B-49-xx-xx-xx` (the unattend Identifier).
 */
export function fixedMac(
  system: IndividualBusinessSystem,
  server: VirtualServer,
  nicIndex: number,
): { hyperv: string; unattend: string } {
  const h = fnv1a(`${system.systemId}/${server.name}/${nicIndex}`) & 0xffffff;
  const bytes = [0x02, 0x4b, 0x49, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff].map((b) =>
    b.toString(16).toUpperCase().padStart(2, '0'),
  );
  return { hyperv: bytes.join(''), unattend: bytes.join('-') };
}

export interface GuestNic {
  readonly index: number;
  readonly mac: { hyperv: string; unattend: string };
  /** `10.120.0.21/22`, or undefined while the address is not yet assigned (R29). */
  readonly address: string | undefined;
  readonly gateway: string | undefined;
  readonly dnsServers: readonly string[];
}

/** The guest network settings of each NIC of a server, from the declaration and the network the model resolved. */
export function guestNics(system: IndividualBusinessSystem, server: VirtualServer): GuestNic[] {
  return server.nics.map((n) => ({
    index: n.index,
    mac: fixedMac(system, server, n.index),
    address: n.ipv4 !== undefined ? `${n.ipv4}/${n.network.prefixLength}` : undefined,
    gateway: n.network.gateway,
    dnsServers: n.network.dnsServers,
  }));
}
