import ipaddr from 'ipaddr.js';

/** An IPv4 range as unsigned 32-bit integers, inclusive. */
export interface Ipv4Range {
  readonly start: number;
  readonly end: number;
  readonly prefix: number;
}

export function ipv4ToInt(ip: string): number {
  const b = ipaddr.IPv4.parse(ip).toByteArray();
  return (((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!) >>> 0;
}

export function cidrRange(cidr: string): Ipv4Range {
  const [addr, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const size = 2 ** (32 - prefix);
  const base = ipv4ToInt(addr.toString());
  const start = base - (base % size);
  return { start, end: start + size - 1, prefix };
}
