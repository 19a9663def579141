import ipaddr from 'ipaddr.js';

/** An IPv4 range as unsigned 32-bit integers, inclusive. */
export interface Ipv4Range {
  readonly start: number;
  readonly end: number;
  readonly prefix: number;
}

/** An IPv4 address (already validated by the model's schema) as an unsigned 32-bit integer. */
export function ipv4ToInt(ip: string): number {
  const b = ip.split('.');
  if (b.length !== 4) return ipv4BytesToInt(ipaddr.IPv4.parse(ip).toByteArray());
  return ipv4BytesToInt(b.map(Number));
}

function ipv4BytesToInt(b: readonly number[]): number {
  return ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
}

export function cidrRange(cidr: string): Ipv4Range {
  const [addr, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const size = 2 ** (32 - prefix);
  const base = ipv4BytesToInt(addr.toByteArray());
  const start = base - (base % size);
  return { start, end: start + size - 1, prefix };
}
