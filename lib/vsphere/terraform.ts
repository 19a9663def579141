/**
 * The small structure every vSphere stack is built as before anything is rendered: Terraform's own
 * vocabulary (block types, argument names, nested blocks in Terraform JSON's shape), plain data, no
 * cdktf. Two renderers read it: the direct Terraform-JSON renderer (render-json.ts, used by the
 * pipeline) and the cdktf renderer (cdktf/, for `cdktf synth` and cdktf users). Both write the same
 * bytes (test/vsphere/renderer-equivalence.test.ts).
 */

/** A reference to an attribute of another block of the same stack: `${<address>.<attribute>}` in Terraform. */
export class TfRef {
  constructor(
    /** `data.vsphere_datacenter.datacenter`, `vsphere_folder.folder`, `var.vsphere_user`. */
    public readonly address: string,
    /** Terraform attribute name (`id`, `resource_pool_id`); empty for a variable. */
    public readonly attribute: string,
  ) {}

  /** The Terraform expression. */
  public get expression(): string {
    return this.attribute === '' ? `\${${this.address}}` : `\${${this.address}.${this.attribute}}`;
  }
}

/** A value of a Terraform argument; `undefined` members of an object are left out. */
export type TfValue = string | number | boolean | TfRef | readonly TfValue[] | TfObject;
export interface TfObject {
  readonly [name: string]: TfValue | undefined;
}

/** A `resource` or `data` block. */
export interface TfBlock {
  readonly mode: 'resource' | 'data';
  /** Terraform type, e.g. `vsphere_virtual_machine`. */
  readonly type: string;
  /** Local name (cdktf: the construct id, which is also its logical id). */
  readonly name: string;
  /** Arguments and nested blocks (and `lifecycle`), with Terraform's names, as Terraform JSON has them. */
  readonly args: TfObject;
  /** Addresses of blocks this one depends on (`depends_on`). @default none */
  readonly dependsOn?: readonly string[];
}

/** A `variable` block. */
export interface TfVariable {
  readonly name: string;
  readonly type: string;
  /** @default false (left out) */
  readonly sensitive?: boolean;
  readonly description: string;
}

/** An `import { to, id }` block (Terraform >= 1.5): adopts an existing object into the state. */
export interface TfImport {
  /** Local name of the block in the stack (cdktf: its construct id). */
  readonly name: string;
  /** Address of the resource adopted. */
  readonly to: string;
  readonly id: string;
}

/** A `removed { from, lifecycle { destroy = false } }` block (Terraform >= 1.7): forgotten, not destroyed. */
export interface TfRemoved {
  readonly name: string;
  readonly from: string;
}

/** Where Terraform keeps the stack's state: backend type and its arguments. */
export interface TfBackend {
  readonly type: 'pg' | 'local';
  readonly config: TfObject;
}

/** A provider a stack configures (one configuration, no alias). */
export interface TfProvider {
  /** Local name, e.g. `vsphere`. */
  readonly name: string;
  readonly source: string;
  readonly version: string;
  readonly args: TfObject;
}

/** One Terraform stack (one root module, one state). */
export interface TfStack {
  /** Stack id: the folder name under `stacks/`. */
  readonly id: string;
  readonly backend: TfBackend;
  readonly requiredVersion: string;
  readonly provider: TfProvider;
  readonly variables: readonly TfVariable[];
  readonly blocks: readonly TfBlock[];
  /** In the order they were declared (Terraform JSON keeps them as a list). */
  readonly imports: readonly TfImport[];
  readonly removed: readonly TfRemoved[];
}

/** The address of a block (`vsphere_folder.folder`, `data.vsphere_datacenter.datacenter`). */
export function addressOf(b: Pick<TfBlock, 'mode' | 'type' | 'name'>): string {
  return b.mode === 'data' ? `data.${b.type}.${b.name}` : `${b.type}.${b.name}`;
}

/** A reference to an attribute of a block. */
export function refTo(b: Pick<TfBlock, 'mode' | 'type' | 'name'>, attribute: string): TfRef {
  return new TfRef(addressOf(b), attribute);
}

/** The cdktf version whose output the renderers reproduce (recorded in each stack's `//` metadata). */
export const CDKTF_VERSION = '0.21.0';

/** The vSphere provider the stacks require (the version the provider bindings were generated from). */
export const VSPHERE_PROVIDER = { name: 'vsphere', source: 'vmware/vsphere', version: '2.15.0' } as const;

/** Names cdktf gives the provider and backend constructs of every stack (no block may take them). */
const RESERVED_NAMES = ['vsphere', 'backend', 'vsphere_user', 'vsphere_password', 'vsphere_server'];

/**
 * Collects a stack's blocks in the order they are declared. Names are unique within a stack across
 * blocks, variables, import and removed blocks (as construct ids are in cdktf): a second one throws.
 */
export class TfStackBuilder {
  public readonly blocks: TfBlock[] = [];
  public readonly variables: TfVariable[] = [];
  public readonly imports: TfImport[] = [];
  public readonly removed: TfRemoved[] = [];
  private readonly names = new Set<string>(RESERVED_NAMES);

  constructor(private readonly stackId: string) {}

  public resource(type: string, name: string, args: TfObject, dependsOn?: readonly string[]): TfBlock {
    return this.add({ mode: 'resource', type, name, args, ...(dependsOn ? { dependsOn } : {}) });
  }

  public data(type: string, name: string, args: TfObject): TfBlock {
    return this.add({ mode: 'data', type, name, args });
  }

  public variable(v: TfVariable): void {
    this.claim(v.name);
    this.variables.push(v);
  }

  public import(i: TfImport): void {
    this.claim(i.name);
    this.imports.push(i);
  }

  public remove(r: TfRemoved): void {
    this.claim(r.name);
    this.removed.push(r);
  }

  private add(b: TfBlock): TfBlock {
    this.claim(b.name);
    this.blocks.push(b);
    return b;
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`vsphere: stack ${this.stackId} would have two elements named ${name}`);
    this.names.add(name);
  }
}
