import { z } from 'zod';
import data from './data/vsphere-provider.json';

/**
 * The Terraform provider release the vSphere output is written for, as data
 * (lib/model/data/vsphere-provider.json): which vSphere majors it supports is a fact of that
 * release, not a constant of the code.
 */
export interface VsphereProviderFacts {
  readonly provider: string;
  readonly version: string;
  /** Major vSphere versions the release supports, e.g. `["7", "8"]`. */
  readonly supportedVsphereMajors: readonly string[];
  readonly source: string;
}

const factsSchema = z.object({
  provider: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  supportedVsphereMajors: z.array(z.string().regex(/^\d+$/)).min(1),
  source: z.string().min(1),
});

let facts: VsphereProviderFacts | undefined;

/** The provider facts, validated once. */
export function vsphereProviderFacts(): VsphereProviderFacts {
  facts ??= factsSchema.parse(data);
  return facts;
}

/** Whether the provider release supports a vCenter version (`6.5`, `8.0.3`): by its major version. */
export function providerSupportsVcenter(
  vcenterVersion: string,
  f: VsphereProviderFacts = vsphereProviderFacts(),
): boolean {
  return f.supportedVsphereMajors.includes(vcenterVersion.split('.')[0]!);
}
