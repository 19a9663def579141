import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { DataVsphereDatacenter } from '@cdktf/provider-vsphere/lib/data-vsphere-datacenter';
import { DataVsphereComputeCluster } from '@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster';
import { DataVsphereDatastore } from '@cdktf/provider-vsphere/lib/data-vsphere-datastore';
import { DataVsphereNetwork } from '@cdktf/provider-vsphere/lib/data-vsphere-network';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { VirtualDisk } from '@cdktf/provider-vsphere/lib/virtual-disk';
import { Folder } from '@cdktf/provider-vsphere/lib/folder';
import { benchPlatform, systemProps } from './generate';

/**
 * The raw-cdktf baseline: the same vSphere resources in the same stack layout (one stack per
 * system), written by hand with the provider bindings, no model, no validation, no rules.
 */
export function rawCdktf(count: number, outdir: string): App {
  const platform = benchPlatform(count);
  const app = new App({ outdir, skipValidation: true });
  let seed = 42 >>> 0;
  const r = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const vlans = Array.from({ length: Math.max(1, Math.floor(count / 50)) }, (_, v) => `dv${v}`);
  for (let i = 0; i < count; i++) {
    const sys = systemProps(i, r, platform, vlans);
    if (sys.hypervisor !== 'vsphere') continue;
    const stack = new TerraformStack(app, sys.systemId);
    const user = new TerraformVariable(stack, 'vsphere_user', { type: 'string', sensitive: true });
    const password = new TerraformVariable(stack, 'vsphere_password', { type: 'string', sensitive: true });
    new VsphereProvider(stack, 'vsphere', { user: user.stringValue, password: password.stringValue, vsphereServer: 'vcenter' });
    const dc = new DataVsphereDatacenter(stack, 'dc', { name: platform.vsphere.datacenter });
    const cl = new DataVsphereComputeCluster(stack, 'cluster', { name: sys.cluster, datacenterId: dc.id });
    new Folder(stack, 'folder', { path: `root/${sys.department}/${sys.systemId}`, type: 'vm', datacenterId: dc.id });
    const dss = new Map<string, DataVsphereDatastore>();
    const nets = new Map<string, DataVsphereNetwork>();
    for (const s of sys.servers) {
      const dsName = s.disks[0]!.datastore ?? platform.vsphere.datastores[0]!.name;
      if (!dss.has(dsName)) dss.set(dsName, new DataVsphereDatastore(stack, `ds_${dss.size}`, { name: dsName, datacenterId: dc.id }));
      const nics = s.nics.map((n) => {
        const name = String(n.network);
        if (!nets.has(name)) nets.set(name, new DataVsphereNetwork(stack, `net_${nets.size}`, { name, datacenterId: dc.id }));
        return { networkId: nets.get(name)!.id };
      });
      new VirtualMachine(stack, `vm_${s.name}`, {
        name: s.name,
        resourcePoolId: cl.resourcePoolId,
        datastoreId: dss.get(dsName)!.id,
        numCpus: s.cpu.sockets * (s.cpu.coresPerSocket ?? 1),
        memory: s.memoryGb * 1024,
        disk: s.disks.map((d, k) => ({ label: `disk${k}`, unitNumber: k, size: d.sizeGb })),
        networkInterface: nics,
        lifecycle: { preventDestroy: true },
      });
      if (s.backupVolume) new VirtualDisk(stack, `bk_${s.name}`, { size: s.backupVolume.sizeGb, vmdkPath: `bk/${s.name}.vmdk`, datastore: 'kiban-bk-ds001' });
    }
  }
  return app;
}
