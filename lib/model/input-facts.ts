import { Construct } from 'constructs';
import { DedicatedVlan } from './dedicated-vlan';
import { IndividualBusinessSystem } from './system';

// What a system's emitted files are a function of, as plain JSON (issue 14). Both emitters key their
// incremental synth on these facts (the vSphere stacks in lib/vsphere/stack-inputs.ts, the Hyper-V
// script sets in lib/hyperv/stage.ts), so the list of facts is written once.

/** A dedicated VLAN as the emitters read it. */
export const vlanFacts = (v: DedicatedVlan) => ({ props: v.props, portGroupName: v.portGroupName });

/**
 * JSON of declarations that may hold construct references (a NIC's dedicated VLAN, a shared
 * license): a construct stands for its own data, never its tree.
 */
export function factsJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x instanceof DedicatedVlan) return vlanFacts(x);
    if (Construct.isConstruct(x))
      return {
        construct: x.node.path,
        props: (x as { props?: unknown }).props ?? null,
        spec: (x as { spec?: unknown }).spec ?? null,
      };
    return x;
  });
}

/**
 * The data a system's emitted files read, as plain JSON-able values: its declaration (spec, servers,
 * resolved NICs, backup volumes) and the dedicated VLANs its NICs use. The platform data, the guest-OS
 * facts and the tool are keyed separately by each emitter.
 */
export function systemFacts(system: IndividualBusinessSystem): unknown {
  return {
    id: system.systemId,
    spec: system.spec,
    account: system.account,
    clusterName: system.clusterName,
    decommissioned: system.isDecommissioned,
    buildsVms: system.buildsVms,
    servers: system.servers.map((s) => ({
      spec: s.spec,
      vcpus: s.vcpus,
      decommissioned: s.isDecommissioned,
      backupVolume: s.backupVolume?.props ?? null,
      nics: s.nics.map((n) => ({
        index: n.index,
        networkKey: n.networkKey,
        ipv4: n.ipv4 ?? null,
        fqdn: n.fqdn ?? null,
        dedicatedVlan: n.dedicatedVlan ? vlanFacts(n.dedicatedVlan) : null,
      })),
    })),
  };
}
