import { TerraformStack, TerraformVariable } from 'cdktf';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { REQUIRED_TERRAFORM } from './state-blocks';

/**
 * The vSphere provider of a stack. Credentials are Terraform variables marked sensitive (set them
 * with TF_VAR_vsphere_user / TF_VAR_vsphere_password), never literals in the output.
 */
export function addVsphereProvider(stack: TerraformStack): VsphereProvider {
  // Import blocks (V2V adoption) and removed blocks (kept backup volumes) need Terraform 1.7.
  stack.addOverride('terraform.required_version', REQUIRED_TERRAFORM);
  const user = new TerraformVariable(stack, 'vsphere_user', {
    type: 'string',
    sensitive: true,
    description: 'vCenter user (set TF_VAR_vsphere_user)',
  });
  const password = new TerraformVariable(stack, 'vsphere_password', {
    type: 'string',
    sensitive: true,
    description: 'vCenter password (set TF_VAR_vsphere_password)',
  });
  const server = new TerraformVariable(stack, 'vsphere_server', {
    type: 'string',
    description: 'vCenter server name (set TF_VAR_vsphere_server)',
  });
  return new VsphereProvider(stack, 'vsphere', {
    user: user.stringValue,
    password: password.stringValue,
    vsphereServer: server.stringValue,
    allowUnverifiedSsl: false,
  });
}
