import { LocalBackend, PgBackend, PgBackendConfig, TerraformElement, TerraformStack, TerraformVariable } from 'cdktf';
import { DataVsphereComputeCluster } from '@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster';
import { DataVsphereDatacenter } from '@cdktf/provider-vsphere/lib/data-vsphere-datacenter';
import { DataVsphereDatastore } from '@cdktf/provider-vsphere/lib/data-vsphere-datastore';
import { DataVsphereDistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch';
import { DataVsphereNetwork } from '@cdktf/provider-vsphere/lib/data-vsphere-network';
import { DataVsphereTag } from '@cdktf/provider-vsphere/lib/data-vsphere-tag';
import { DataVsphereTagCategory } from '@cdktf/provider-vsphere/lib/data-vsphere-tag-category';
import { DataVsphereVirtualMachine } from '@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine';
import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { EntityPermissions } from '@cdktf/provider-vsphere/lib/entity-permissions';
import { Folder } from '@cdktf/provider-vsphere/lib/folder';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { Role } from '@cdktf/provider-vsphere/lib/role';
import { Tag } from '@cdktf/provider-vsphere/lib/tag';
import { TagCategory } from '@cdktf/provider-vsphere/lib/tag-category';
import { VirtualDisk } from '@cdktf/provider-vsphere/lib/virtual-disk';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { VirtualMachineSnapshot } from '@cdktf/provider-vsphere/lib/virtual-machine-snapshot';
import { Construct } from 'constructs';
import { TfBlock, TfRef, TfStack, TfValue, addressOf } from '../terraform';
import { ForgetBlock, ImportBlock } from './state-blocks';

/** A provider binding class: `new C(scope, id, config)`. */
type BlockClass = new (scope: Construct, id: string, config: never) => TerraformElement;

/** The provider bindings of every block type the stacks use, by Terraform type. */
const CLASSES: Readonly<Record<'resource' | 'data', Readonly<Record<string, BlockClass>>>> = {
  resource: {
    vsphere_distributed_port_group: DistributedPortGroup,
    vsphere_entity_permissions: EntityPermissions,
    vsphere_folder: Folder,
    vsphere_role: Role,
    vsphere_tag: Tag,
    vsphere_tag_category: TagCategory,
    vsphere_virtual_disk: VirtualDisk,
    vsphere_virtual_machine: VirtualMachine,
    vsphere_virtual_machine_snapshot: VirtualMachineSnapshot,
  },
  data: {
    vsphere_compute_cluster: DataVsphereComputeCluster,
    vsphere_datacenter: DataVsphereDatacenter,
    vsphere_datastore: DataVsphereDatastore,
    vsphere_distributed_virtual_switch: DataVsphereDistributedVirtualSwitch,
    vsphere_network: DataVsphereNetwork,
    vsphere_tag: DataVsphereTag,
    vsphere_tag_category: DataVsphereTagCategory,
    vsphere_virtual_machine: DataVsphereVirtualMachine,
  },
};

/** The bindings' property name of a Terraform name (`resource_pool_id` → `resourcePoolId`). */
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * Renders a stack plan into a cdktf stack with the provider bindings: one construct per block
 * (named by the block's local name), references as the bindings' attribute tokens, the state
 * backend, the credential variables and the provider. Returns the constructs by block address.
 */
export function renderIntoStack(stack: TerraformStack, plan: TfStack): ReadonlyMap<string, TerraformElement> {
  // Import blocks (V2V adoption) and removed blocks (kept backup volumes) need Terraform 1.7.
  stack.addOverride('terraform.required_version', plan.requiredVersion);
  const variables = new Map<string, TerraformVariable>();
  for (const v of plan.variables)
    variables.set(
      v.name,
      new TerraformVariable(stack, v.name, {
        type: v.type,
        ...(v.sensitive !== undefined ? { sensitive: v.sensitive } : {}),
        description: v.description,
      }),
    );
  const elements = new Map<string, TerraformElement>();
  // Every attribute read makes a new cdktf token (and cdktf captures a full stack trace per token):
  // each reference is read once per stack and the token string reused.
  const tokens = new Map<string, string>();
  const ref = (r: TfRef): string => {
    const key = r.expression;
    let t = tokens.get(key);
    if (t === undefined) {
      if (r.address.startsWith('var.')) t = variables.get(r.address.slice('var.'.length))!.stringValue;
      else {
        const target = elements.get(r.address);
        if (!target) throw new Error(`vsphere: ${plan.id} refers to ${r.address} before declaring it`);
        t = (target as unknown as Record<string, string>)[camel(r.attribute)]!;
      }
      tokens.set(key, t);
    }
    return t;
  };
  const config = (v: TfValue): unknown => {
    if (typeof v !== 'object') return v;
    if (v instanceof TfRef) return ref(v);
    if (Array.isArray(v)) return (v as readonly TfValue[]).map(config);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[camel(k)] = config(x as TfValue);
    return out;
  };

  new VsphereProvider(stack, plan.provider.name, config(plan.provider.args) as never);
  const backend = config(plan.backend.config) as Record<string, string>;
  // cdktf's PgBackendConfig requires connStr; leaving it out keeps `conn_str` out of the JSON
  // (Terraform then reads -backend-config / PG_CONN_STR at init).
  if (plan.backend.type === 'pg') new PgBackend(stack, backend as unknown as PgBackendConfig);
  else new LocalBackend(stack, backend);

  for (const b of plan.blocks) elements.set(addressOf(b), renderBlock(stack, b, config, elements));
  for (const i of plan.imports) new ImportBlock(stack, i.name, i.to, i.id);
  for (const r of plan.removed) new ForgetBlock(stack, r.name, r.from);
  return elements;
}

function renderBlock(
  stack: TerraformStack,
  b: TfBlock,
  config: (v: TfValue) => unknown,
  elements: ReadonlyMap<string, TerraformElement>,
): TerraformElement {
  const Class = CLASSES[b.mode][b.type];
  if (!Class) throw new Error(`vsphere: no provider binding for ${b.mode} ${b.type}`);
  const c = config(b.args) as Record<string, unknown>;
  if (b.dependsOn) c['dependsOn'] = b.dependsOn.map((a) => elements.get(a)!);
  return new Class(stack, b.name, c as never);
}
