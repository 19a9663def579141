/**
 * Shared by the injection property tests (issue 10, items 3 and 4): the string fields of the
 * generated JSON Schemas (schemas/*.json, from zod), declarations that together hold every one of
 * them, and a way to put a payload into each field.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import {
  DeclarationError,
  DedicatedVlan,
  DedicatedVlanProps,
  Estate,
  IndividualBusinessSystem,
  IndividualBusinessSystemProps,
  fixedClock,
} from '../../lib/model';
import { examplePlatform } from '../fixtures/estate';

type Json = Record<string, unknown>;
const SCHEMAS = path.join(__dirname, '..', '..', 'schemas');

/** A string field of a schema: its path (`servers.*.source.localOvfPath`) and what constrains it. */
export interface StringField {
  readonly path: string;
  readonly pattern?: RegExp;
  readonly enumerated: boolean;
}

function walk(node: unknown, at: string[], root: Json, out: Map<string, StringField[]>): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Json;
  if (typeof n.$ref === 'string') return walk((root.$defs as Json)[n.$ref.replace('#/$defs/', '')], at, root, out);
  const types = Array.isArray(n.type) ? n.type : [n.type];
  if (types.includes('string') || typeof n.const === 'string') {
    const key = at.join('.');
    const field: StringField = {
      path: key,
      enumerated: Array.isArray(n.enum) || n.const !== undefined,
      ...(typeof n.pattern === 'string' ? { pattern: new RegExp(n.pattern as string, 'u') } : {}),
    };
    out.set(key, [...(out.get(key) ?? []), field]);
  }
  if (n.properties) for (const [k, v] of Object.entries(n.properties as Json)) walk(v, [...at, k], root, out);
  if (n.items) walk(n.items, [...at, '*'], root, out);
  for (const k of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(n[k])) for (const b of n[k] as unknown[]) walk(b, at, root, out);
}

/**
 * Every string field a declaration can carry, by path (a field may have several branches):
 * schemas/system.schema.json, and the dedicated VLANs of schemas/platform.schema.json (the estate's
 * platform files; the rest of the platform data is the platform administrator's own).
 */
export function stringFields(): Map<string, StringField[]> {
  const out = new Map<string, StringField[]>();
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as Json;
  const system = read('system.schema.json');
  walk(system, [], system, out);
  const platform = read('platform.schema.json');
  walk((platform.properties as Json).dedicatedVlans, ['dedicatedVlans'], platform, out);
  return out;
}

/** True when the schema itself can never hold `payload` in this field (every branch enumerated or patterned against it). */
export function schemaRejects(branches: readonly StringField[], samples: readonly string[]): boolean {
  return branches.every((b) => b.enumerated || (b.pattern !== undefined && samples.every((s) => !b.pattern!.test(s))));
}

const contact = (n: number) => ({
  nameJa: `担当 ${n}`,
  sectionJa: '総務部 総務課',
  phone: '019-629-5101',
  email: `a${n}@pref.example.jp`,
});
const nic = (ip: string) => ({ network: 'lgwan', ipv4: ip, fqdn: 'ap.pref.example.jp' });
const base = (name: string, ip: string) => ({
  name,
  roleJa: '業務サーバ',
  cpu: { sockets: 1, coresPerSocket: 2 },
  memoryGb: 8,
  disks: [{ sizeGb: 60, datastore: 'kiban-sys-ds01' }],
  nics: [nic(ip)],
});

/** Dedicated VLANs (every string field of the VLAN schema). */
export const VLANS: DedicatedVlanProps[] = [
  {
    name: 'inj-vlan',
    descriptionJa: '専用ネットワーク',
    vlanId: 300,
    subnet: '10.230.0.0/24',
    gateway: '10.230.0.1',
    zone: 'lgwan',
    department: 'somu',
    ipAdministrator: { party: 'department', nameJa: '総務部 総務課' },
  } as unknown as DedicatedVlanProps,
];

/** Declarations (as a department writes them in YAML) that together hold every string field of the system schema. */
export function declarations(): Json[] {
  return [
    {
      department: 'somu',
      systemId: 'inj-vs',
      systemName: '注入試験システム',
      descriptionJa: '説明',
      contacts: { primary: contact(1), secondary: contact(2), vendor: { ...contact(3), companyJa: '保守会社' } },
      hypervisor: 'vsphere',
      cluster: 'Kiban-Cluster01',
      phase: 'production',
      account: 'PREF\\kiban-inj-vs',
      servers: [
        {
          ...base('inj01', '10.120.9.11'),
          guestOs: 'rhel_7',
          source: {
            kind: 'template',
            template: 'rhel7',
            customization: { domain: 'pref.example.jp', timeZone: 'Asia/Tokyo' },
          },
          backupVolume: { sizeGb: 100, datastore: 'kiban-bk-ds01' },
          oracleDatabase: { edition: 'SE2', license: 'department', version: '19c' },
          vmwareTools: { upgradePolicy: 'manual' },
          snapshots: [
            {
              name: 'before-patch',
              purposeJa: 'パッチ適用前',
              createdAt: '2026-11-22T08:00:00+09:00',
              expiresAt: '2026-11-23T08:00:00+09:00',
            },
          ],
          devices: [],
          osLicense: 'department',
        },
        {
          ...base('inj02', '10.120.9.12'),
          nics: [{ network: 'inj-vlan', ipv4: '10.230.0.12' }],
          guestOs: 'windows_server_2016',
          source: {
            kind: 'clone',
            sourceVm: 'old-vm_01',
            customization: { timeZone: 235, windows: { workgroup: 'PREF', organizationJa: '岩手県' } },
          },
        },
        {
          ...base('inj03', '10.120.9.13'),
          guestOs: 'rhel_7',
          source: { kind: 'template', template: 'rhel7', customization: { disabled: { reason: '手作業で設定する' } } },
        },
        {
          ...base('inj04', '10.120.9.14'),
          guestOs: 'rhel_7',
          source: { kind: 'ovf', localOvfPath: 'D:/v2v/inj04/inj04.ovf' },
        },
        {
          ...base('inj05', '10.120.9.15'),
          guestOs: 'rhel_7',
          source: { kind: 'ovf', remoteOvfUrl: 'https://media.pref.example.jp/v2v/inj05.ovf' },
        },
        {
          ...base('inj06', '10.120.9.16'),
          guestOs: 'rhel_7',
          source: { kind: 'vmdk', datastore: 'kiban-sys-ds01', vmdkPath: 'v2v/inj06/inj06.vmdk' },
        },
        {
          ...base('inj07', '10.120.9.17'),
          guestOs: 'rhel_7',
          source: { kind: 'empty', isoPath: '[iso-ds] rhel/rhel-7.9.iso' },
        },
        {
          ...base('inj08', '10.120.9.18'),
          guestOs: 'rhel_7',
          source: { kind: 'template', template: 'rhel7' },
          decommissioned: { confirm: 'inj08', reasonJa: '統合のため', approvedBy: '統合基盤担当', date: '2026-11-10' },
        },
      ],
      backup: { osImage: false, osImageOptOutReasonJa: 'アプリケーションで取得する', restoreTest: false },
      acknowledgements: [
        {
          ruleId: 'R23',
          server: 'inj01',
          reasonJa: '業務の繁忙期に合わせたため',
          approvedBy: '統合基盤担当',
          date: '2026-11-20',
        },
      ],
    },
    {
      department: 'somu',
      systemId: 'inj-hv',
      systemName: '注入試験システム（Hyper-V）',
      contacts: { primary: contact(4) },
      hypervisor: 'hyperv',
      phase: 'production',
      servers: [
        {
          ...base('injhv01', '10.120.9.21'),
          guestOs: 'windows_server_2016',
          source: { kind: 'hyperv-export', exportPath: 'C:\\Exports\\injhv01' },
        },
        {
          ...base('injhv02', '10.120.9.22'),
          guestOs: 'windows_server_2016',
          source: { kind: 'empty', isoPath: 'C:\\ISO\\ws2016.iso' },
        },
        {
          ...base('injhv03', '10.120.9.23'),
          guestOs: 'windows_server_2016',
          source: { kind: 'template', template: 'ws2016' },
        },
      ],
    },
    {
      department: 'somu',
      systemId: 'inj-old',
      systemName: '注入試験システム（利用停止）',
      contacts: { primary: contact(5) },
      hypervisor: 'vsphere',
      phase: 'decommissioned',
      decommission: { confirmSystemId: 'inj-old', form3Date: '2026-11-01', approvedBy: '科学・情報政策室長' },
      servers: [
        { ...base('injold01', '10.120.9.31'), guestOs: 'rhel_7', source: { kind: 'template', template: 'rhel7' } },
      ],
    },
  ];
}

/** The concrete places (`servers.3.source.localOvfPath`) of a declaration holding strings, with their schema path (`servers.*.source.localOvfPath`). */
export function stringSlots(
  data: unknown,
  at: Array<string | number> = [],
): Array<{ at: Array<string | number>; schemaPath: string }> {
  if (typeof data === 'string') return [{ at, schemaPath: at.map((k) => (typeof k === 'number' ? '*' : k)).join('.') }];
  if (Array.isArray(data)) return data.flatMap((v, i) => stringSlots(v, [...at, i]));
  if (data !== null && typeof data === 'object')
    return Object.entries(data).flatMap(([k, v]) => stringSlots(v, [...at, k]));
  return [];
}

export function withValue<T>(data: T, at: ReadonlyArray<string | number>, value: string): T {
  const copy = JSON.parse(JSON.stringify(data)) as T;
  let cur = copy as unknown as Record<string | number, unknown>;
  for (const k of at.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[at[at.length - 1]!] = value;
  return copy;
}

export function valueAt(data: unknown, at: ReadonlyArray<string | number>): string {
  let cur = data as Record<string | number, unknown>;
  for (const k of at) cur = cur[k] as Record<string | number, unknown>;
  return cur as unknown as string;
}

export const NOW = '2026-11-22T09:00:00+09:00';

/**
 * Declares the VLANs and systems in a fresh estate, as loadDeclarations does. Returns undefined when
 * the model rejects a declaration (a DeclarationError: the schema rejects the value); any other
 * exception propagates and fails the test.
 */
export function declare(systems: readonly Json[], vlans: readonly DedicatedVlanProps[] = VLANS): Estate | undefined {
  const estate = new Estate(new Construct(undefined as unknown as Construct, ''), 'Estate', {
    platform: examplePlatform(),
    clock: fixedClock(NOW),
  });
  try {
    for (const v of vlans) new DedicatedVlan(estate, `vlan-${v.name}`, v);
    for (const s of systems)
      new IndividualBusinessSystem(estate, `sys-${String(s.systemId)}`, s as unknown as IndividualBusinessSystemProps);
  } catch (e) {
    if (e instanceof DeclarationError) return undefined;
    throw e;
  }
  return estate;
}

/** Puts `payload` into `value` at a position (0 = front, 1 = back, else the middle). */
export function inject(value: string, payload: string, where: number): string {
  if (where === 0) return `${payload}${value}`;
  if (where === 1) return `${value}${payload}`;
  const mid = Math.floor(value.length / 2);
  return `${value.slice(0, mid)}${payload}${value.slice(mid)}`;
}

/**
 * The fixtures with `payload` put into every string field the model accepts it in (tried one field
 * at a time, then all accepted ones together), and the schema paths that accepted it.
 */
export function hostileEstate(payload: string, where: number, accepted: Set<string>): Estate {
  const systems = declarations().map((decl) => {
    let combined = decl;
    for (const slot of stringSlots(decl)) {
      const one = withValue(decl, slot.at, inject(valueAt(decl, slot.at), payload, where));
      if (declare([one]) !== undefined) {
        combined = withValue(combined, slot.at, valueAt(one, slot.at));
        accepted.add(slot.schemaPath);
      }
    }
    return combined;
  });
  let vlan = VLANS[0]!;
  for (const slot of stringSlots(VLANS[0])) {
    const one = withValue(vlan, slot.at, inject(valueAt(vlan, slot.at), payload, where));
    if (declare([], [one]) !== undefined) {
      vlan = one;
      accepted.add(`dedicatedVlans.*.${slot.schemaPath}`);
    }
  }
  const estate = declare(systems, [vlan]);
  // Each change was accepted alone; together they must be too, or the property would test nothing.
  if (estate === undefined)
    throw new Error(`the accepted changes together are rejected (payload ${JSON.stringify(payload)})`);
  return estate;
}
