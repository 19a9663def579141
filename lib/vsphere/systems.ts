import { Estate } from '../model/estate';
import { IndividualBusinessSystem } from '../model/system';

/** All systems of an estate (in declaration order). */
export function systemsOf(estate: Estate): IndividualBusinessSystem[] {
  return estate.node.findAll().filter(IndividualBusinessSystem.isSystem);
}

/** The systems that get a vSphere stack (in declaration order). */
export function vsphereSystemsOf(estate: Estate): IndividualBusinessSystem[] {
  return systemsOf(estate).filter((s) => s.spec.hypervisor === 'vsphere');
}
