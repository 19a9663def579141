import { r01DepartmentRegistered } from './r01-department-registered';
import { r03Capacity } from './r03-capacity-within-platform';
import { r05NoRacOnSe2 } from './r05-no-rac-on-se2';
import { r05SharedLicensePools } from './r05-shared-license-pools-not-overcommitted';
import { r05SharedWindowsUpTo2019 } from './r05-shared-os-license-eligible';
import { r10OsImageBackup } from './r10-os-image-backup';
import { r10aBackupVolumeOnBackupStorage } from './r10a-backup-volume-on-backup-storage';
import { r10aDisksOnSystemStorage } from './r10a-disks-on-system-storage';
import { r11SnapshotExpiry } from './r11-snapshot-expiry';
import { r12ProviderSupportsVcenter } from './r12-provider-supports-vcenter';
import { r21OracleOnlyOnHyperV } from './r21-oracle-only-on-hyper-v';
import { r22GuestOsEndOfSupport } from './r22-guest-os-within-vendor-support';
import { r22GuestOsSupported } from './r22-guest-os-supported-by-hypervisor';
import { r23RightSizing } from './r23-right-sizing';
import { r24IpAddressesValid } from './r24-ip-addresses-valid';
import { r24NamesUnique } from './r24-host-names-and-fqdns-unique';
import { r24SubnetsDoNotOverlap } from './r24-subnets-do-not-overlap';
import { r24VlanIdsUnique } from './r24-vlan-ids-unique';
import { r24ZoneIsolation } from './r24-zone-isolation';
import { r26NoPassthroughDevices } from './r26-no-passthrough-devices';
import { r28GuestCustomization } from './r28-template-and-clone-customized';
import { r33VmwareTools } from './r33-vmware-tools-installed';
import { r34V2vMediaHandedOver } from './r34-v2v-media-handed-over-in-person';
import { Rule } from './types';

/** The platform rule pack, in rule-ID order. */
export const PLATFORM_RULES: readonly Rule[] = [
  r01DepartmentRegistered,
  r03Capacity,
  r05NoRacOnSe2,
  r05SharedLicensePools,
  r05SharedWindowsUpTo2019,
  r10OsImageBackup,
  r10aBackupVolumeOnBackupStorage,
  r10aDisksOnSystemStorage,
  r11SnapshotExpiry,
  r12ProviderSupportsVcenter,
  r21OracleOnlyOnHyperV,
  r22GuestOsSupported,
  r22GuestOsEndOfSupport,
  r23RightSizing,
  r24ZoneIsolation,
  r24VlanIdsUnique,
  r24SubnetsDoNotOverlap,
  r24IpAddressesValid,
  r24NamesUnique,
  r26NoPassthroughDevices,
  r28GuestCustomization,
  r33VmwareTools,
  r34V2vMediaHandedOver,
];
