import { Construct } from 'constructs';
import { TerraformElement } from 'cdktf';

/**
 * A Terraform `import { to, id }` block (Terraform >= 1.5): adopts an object that already exists
 * in vCenter into the stack's state on the next plan and apply; a no-op once it is in state.
 *
 * cdktf 0.21 has `TerraformResource.importFrom(id)` rendering the same block, but it also adds a
 * synth-time validation that runs the `terraform` binary (`terraform version`) on the machine that
 * synthesizes: synth would then fail or differ on a machine without Terraform. The Terraform version
 * is required in the stack instead (`required_version`), where Terraform itself checks it.
 */
export class ImportBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    /** Address of the resource adopted. */
    private readonly to: string,
    private readonly importId: string,
  ) {
    super(scope, id);
  }

  public override toTerraform(): Record<string, unknown> {
    return { import: [{ to: this.to, id: this.importId }] };
  }
}

/**
 * A Terraform `removed { from, lifecycle { destroy = false } }` block (Terraform >= 1.7): the
 * resource leaves the configuration and the state, and the object stays in vCenter.
 */
export class ForgetBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly address: string,
  ) {
    super(scope, id);
  }

  public override toTerraform(): Record<string, unknown> {
    return { removed: [{ from: this.address, lifecycle: { destroy: false } }] };
  }
}
