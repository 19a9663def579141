import {
  DedicatedVlan,
  Estate,
  IndividualBusinessSystem,
  SharedRhelLicense,
  SharedWindowsDatacenterLicense,
  VirtualServerProps,
  fixedClock,
} from '../lib/model';
import * as path from 'path';
import { loadPlatform } from '../lib/intake/estate';

/** The example estate's platform (examples/estate/platform), fresh each call. */
export function examplePlatform() {
  return loadPlatform(path.join(__dirname, '..', 'examples', 'estate'));
}

export const BENCH_NOW = '2026-11-22T09:00:00+09:00';

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same estate. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The platform scaled so that `systems` systems fit (capacity grows with the estate). */
export function benchPlatform(systems: number) {
  const p = examplePlatform();
  const scale = Math.max(1, Math.ceil(systems / 100));
  p.vsphere.clusters = Array.from({ length: scale }, (_, i) => {
    const hostNames = Array.from(
      { length: 16 },
      (_, j) => `kiban-c${String(i + 1).padStart(3, '0')}-esx${String(j + 1).padStart(2, '0')}.pref.example.jp`,
    );
    return {
      ...p.vsphere.clusters[0]!,
      name: `Kiban-Cluster${String(i + 1).padStart(3, '0')}`,
      hosts: 16,
      hostNames,
      ovfDeployHost: hostNames[0]!,
    };
  });
  p.vsphere.datastores = [
    ...Array.from({ length: scale }, (_, i) => ({
      name: `kiban-sys-ds${String(i + 1).padStart(3, '0')}`,
      kind: 'system' as const,
      capacityGb: 200000,
    })),
    ...Array.from({ length: scale }, (_, i) => ({
      name: `kiban-bk-ds${String(i + 1).padStart(3, '0')}`,
      kind: 'backup' as const,
      capacityGb: 200000,
    })),
  ];
  p.hyperv.hosts = Array.from({ length: 2 * scale }, (_, i) => ({
    name: `KIBAN-HV${String(i + 1).padStart(3, '0')}`,
    sockets: 2,
    coresPerSocket: 16,
    memoryGb: 1024,
  }));
  p.hyperv.vmStorageCapacityGb = 100000 * scale;
  p.hyperv.backupStorageCapacityGb = 100000 * scale;
  return p;
}

/** The same kind of system declarations a real estate has: 1-4 servers, 1-3 disks, 1-2 NICs, mixed vSphere / Hyper-V. */
export function systemProps(i: number, r: () => number, platform: ReturnType<typeof benchPlatform>, vlans: string[]) {
  const depts = platform.departments.map((d) => d.code);
  const hyperv = r() < 0.2;
  const clusterIdx = i % platform.vsphere.clusters.length;
  const servers: VirtualServerProps[] = [];
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const windows = r() < 0.5;
    const name = `s${i}x${k}`;
    const ds = platform.vsphere.datastores[clusterIdx]!.name;
    const net = (['internet', 'lgwan', 'dmz'] as const)[Math.floor(r() * 3)]!;
    const kind = hyperv
      ? r() < 0.5
        ? 'template'
        : 'hyperv-export'
      : (['template', 'clone', 'ovf', 'vmdk', 'empty'] as const)[Math.floor(r() * 5)]!;
    const source =
      kind === 'template'
        ? { kind, template: windows ? 'ws2016' : hyperv ? 'ws2016' : 'rhel7' }
        : kind === 'clone'
          ? { kind, sourceVm: 'gold-vm' }
          : kind === 'ovf'
            ? { kind, localOvfPath: `D:/v2v/${name}/${name}.ovf` }
            : kind === 'vmdk'
              ? { kind, datastore: ds, vmdkPath: `v2v/${name}/${name}.vmdk` }
              : kind === 'hyperv-export'
                ? { kind, exportPath: `D:\\V2V\\${name}` }
                : { kind };
    const guestOs =
      kind === 'template'
        ? windows || hyperv
          ? 'windows_server_2016'
          : 'rhel_7'
        : windows
          ? 'windows_server_2016'
          : 'rhel_7';
    servers.push({
      name,
      cpu: { sockets: 1 + Math.floor(r() * 2), coresPerSocket: 2 },
      memoryGb: 4 * (1 + Math.floor(r() * 4)),
      disks: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, d) => ({
        sizeGb: d === 0 ? 80 : 50 + Math.floor(r() * 200),
        ...(hyperv ? {} : { datastore: ds }),
      })),
      nics: [
        { network: net },
        ...(r() < 0.2 && vlans.length > 0 && net === 'internet' ? [{ network: vlans[i % vlans.length]! }] : []),
      ],
      guestOs,
      source: source as VirtualServerProps['source'],
      ...(r() < 0.2 ? { backupVolume: { sizeGb: 100 } } : {}),
    });
  }
  return {
    department: depts[i % depts.length]!,
    systemId: `sys${String(i).padStart(5, '0')}`,
    systemName: `業務システム${i}`,
    contacts: { primary: { nameJa: `担当者${i}`, phone: '019-629-0000', email: `s${i}@pref.example.jp` } },
    hypervisor: hyperv ? ('hyperv' as const) : ('vsphere' as const),
    cluster: platform.vsphere.clusters[clusterIdx]!.name,
    phase: 'production' as const,
    servers,
    acknowledgements: [
      {
        ruleId: 'R22',
        reasonJa: 'ベンチマーク用の生成データであり、確認済みとして扱う',
        approvedBy: 'bench',
        date: '2026-11-20',
      },
    ],
  };
}

/** The declarations of a generated estate, as plain data (JSON-able: tests edit it, worker threads rebuild from it). */
export interface EstateSpec {
  readonly platform: ReturnType<typeof benchPlatform>;
  readonly now: string;
  readonly vlans: ReadonlyArray<ConstructorParameters<typeof DedicatedVlan>[2]>;
  readonly systems: ReadonlyArray<ReturnType<typeof systemProps>>;
  /** Shared licence units the platform admin holds (R05), so a generated estate passes the rule pack. @default none */
  readonly licenses?: { readonly rhel: number; readonly windowsDatacenter: number };
}

/** The declarations of an estate of `count` systems (deterministic). */
export function generateEstateSpec(count: number): EstateSpec {
  const platform = benchPlatform(count);
  const vlans: Array<EstateSpec['vlans'][number]> = [];
  for (let v = 0; v < Math.max(1, Math.floor(count / 50)); v++) {
    vlans.push({
      name: `dv${v}`,
      descriptionJa: `専用ネットワーク${v}`,
      vlanId: 1000 + v,
      subnet: `10.${200 + Math.floor(v / 256)}.${v % 256}.0/24`,
      department: platform.departments[v % platform.departments.length]!.code,
      ipAdministrator: { party: 'department', nameJa: '所管課' },
    });
  }
  const r = rng(42);
  const names = vlans.map((v) => v.name);
  const systems = Array.from({ length: count }, (_, i) => systemProps(i, r, platform, names));
  return { platform, now: BENCH_NOW, vlans, systems };
}

/** Builds the estate of a spec. */
export function buildGeneratedEstate(spec: EstateSpec): Estate {
  const estate = Estate.create({ platform: spec.platform, clock: fixedClock(spec.now) });
  if (spec.licenses) {
    new SharedRhelLicense(estate, 'RhelPool', { units: spec.licenses.rhel });
    new SharedWindowsDatacenterLicense(estate, 'WindowsPool', { units: spec.licenses.windowsDatacenter });
  }
  spec.vlans.forEach((v, i) => new DedicatedVlan(estate, `vlan-${i}`, v));
  for (const props of spec.systems)
    new IndividualBusinessSystem(estate, `${props.department}-${props.systemId}`, props);
  return estate;
}

/** An estate spec that passes the rule pack (what `kiban synth` needs): the generated one plus enough shared licences. */
export function generateCleanEstateSpec(count: number): EstateSpec {
  const spec = generateEstateSpec(count);
  const hosts = spec.platform.vsphere.clusters.reduce((n, c) => n + c.hosts, 0) + spec.platform.hyperv.hosts.length;
  return { ...spec, licenses: { rhel: hosts, windowsDatacenter: hosts } };
}

/** Builds an estate of `count` systems (deterministic). */
export function generateEstate(count: number): Estate {
  return buildGeneratedEstate(generateEstateSpec(count));
}
