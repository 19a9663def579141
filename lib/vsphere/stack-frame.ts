import { StateBackendKind, stateBackendOf } from './backend';
import { TfRef, TfStack, TfVariable, VSPHERE_PROVIDER } from './terraform';

/** Import blocks (V2V adoption) and removed blocks (kept backup volumes) need Terraform 1.7. */
export const REQUIRED_TERRAFORM = '>= 1.7.0';

/**
 * vCenter credentials are Terraform variables marked sensitive (set them with TF_VAR_vsphere_user /
 * TF_VAR_vsphere_password), never literals in the output.
 */
const PROVIDER_VARIABLES: readonly TfVariable[] = [
  { name: 'vsphere_user', type: 'string', sensitive: true, description: 'vCenter user (set TF_VAR_vsphere_user)' },
  {
    name: 'vsphere_password',
    type: 'string',
    sensitive: true,
    description: 'vCenter password (set TF_VAR_vsphere_password)',
  },
  { name: 'vsphere_server', type: 'string', description: 'vCenter server name (set TF_VAR_vsphere_server)' },
];

/** A variable's value in an argument. */
export const varRef = (name: string) => new TfRef(`var.${name}`, '');

/**
 * What every vSphere stack has besides its blocks: its state backend, the Terraform version it
 * needs and the vSphere provider configured from the credential variables.
 */
export function stackFrame(
  id: string,
  backend: StateBackendKind,
): Pick<TfStack, 'id' | 'backend' | 'requiredVersion' | 'provider'> & { variables: TfVariable[] } {
  return {
    id,
    backend: stateBackendOf(id, backend),
    requiredVersion: REQUIRED_TERRAFORM,
    provider: {
      ...VSPHERE_PROVIDER,
      args: {
        user: varRef('vsphere_user'),
        password: varRef('vsphere_password'),
        vsphere_server: varRef('vsphere_server'),
        allow_unverified_ssl: false,
      },
    },
    variables: [...PROVIDER_VARIABLES],
  };
}
