import * as path from 'path';
import { Estate } from '../lib/model/estate';
import { findGuestOs, vsphereSupport } from '../lib/model/guest-os';
import { Platform, STANDARD_NETWORKS } from '../lib/model/platform';
import { systemsOf } from '../lib/vsphere/emit';

/** The inventory tools/vcsim creates (the Go side's `Seed`). */
export interface VcsimSeed {
  readonly datacenter: string;
  readonly clusters: { name: string; hosts: string[] }[];
  readonly datastores: string[];
  readonly distributedSwitch: string;
  readonly portGroups: { name: string; vlanId: number }[];
  readonly vms: {
    name: string;
    guestId: string;
    firmware: string;
    scsiType: string;
    diskGb: number;
    datastore: string;
    network: string;
    template: boolean;
  }[];
  readonly vmdks: { datastore: string; path: string; sizeGb: number }[];
  readonly ovfs: { path: string; name: string; guestId: string; diskGb: number }[];
}

/** Size of the system disk of seeded templates and source VMs (every e2e server's disk0 is larger). */
export const SEED_VM_DISK_GB = 16;

function guestId(guestOs: string, platform: Platform): { guestId: string; windows: boolean } {
  const os = findGuestOs(guestOs);
  if (!os) throw new Error(`e2e seed: unknown guest OS ${guestOs}`);
  const id = vsphereSupport(os, platform.vsphere.esxiVersion).guestId;
  if (!id) throw new Error(`e2e seed: no vSphere guest id for ${guestOs} on ESXi ${platform.vsphere.esxiVersion}`);
  return { guestId: id, windows: os.family === 'windows' };
}

/**
 * The simulator's inventory for an estate, derived from its platform data (datacenter, clusters and
 * their hosts, datastores, distributed switch, the standard networks as port groups, templates) and
 * from what its servers come from (source VMs of clones, VMDKs and OVF packages of V2V).
 * `stacksDir` is where the stacks are synthesized (local OVF paths are relative to a stack folder).
 */
export function seedFor(estate: Estate, stacksDir: string): VcsimSeed {
  const p = estate.platform;
  const v = p.vsphere;
  const systemDs = v.datastores.find((d) => d.kind === 'system')!.name;
  const firstNet = p.networks[STANDARD_NETWORKS[0]].portGroup;
  const vm = (name: string, guestOs: string, template: boolean) => {
    const g = guestId(guestOs, p);
    return {
      name,
      guestId: g.guestId,
      firmware: g.windows ? 'efi' : 'bios',
      scsiType: g.windows ? 'lsilogic-sas' : 'pvscsi',
      diskGb: SEED_VM_DISK_GB,
      datastore: systemDs,
      network: firstNet,
      template,
    };
  };
  const vms = v.templates.map((t) => vm(t.name, t.guestOs, true));
  const vmdks: VcsimSeed['vmdks'] = [];
  const ovfs: VcsimSeed['ovfs'] = [];
  for (const sys of systemsOf(estate)) {
    if (sys.spec.hypervisor !== 'vsphere') continue;
    for (const server of sys.servers) {
      const s = server.spec;
      const src = s.source;
      if (src.kind === 'clone' && !vms.some((x) => x.name === src.sourceVm))
        vms.push(vm(src.sourceVm, s.guestOs, false));
      if (src.kind === 'vmdk') vmdks.push({ datastore: src.datastore, path: src.vmdkPath, sizeGb: s.disks[0]!.sizeGb });
      if (src.kind === 'ovf' && src.localOvfPath) {
        ovfs.push({
          path: path.resolve(stacksDir, sys.systemId, src.localOvfPath),
          name: s.name,
          guestId: guestId(s.guestOs, p).guestId,
          diskGb: s.disks[0]!.sizeGb,
        });
      }
    }
  }
  return {
    datacenter: v.datacenter,
    clusters: v.clusters.map((c) => ({
      name: c.name,
      hosts: [
        c.ovfDeployHost,
        ...Array.from(
          { length: c.hosts - 1 },
          (_x, i) => `${c.name.toLowerCase()}-esx${String(i + 2).padStart(2, '0')}.e2e.invalid`,
        ),
      ],
    })),
    datastores: v.datastores.map((d) => d.name),
    distributedSwitch: v.distributedSwitch,
    portGroups: STANDARD_NETWORKS.map((k) => ({ name: p.networks[k].portGroup, vlanId: p.networks[k].vlanId })),
    vms,
    vmdks,
    ovfs,
  };
}
