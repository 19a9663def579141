/** Names of the shared vSphere objects, generated from allow-listed identifiers only. */
export const TAG_CATEGORY = {
  department: 'kiban-department',
  system: 'kiban-system',
  backupPolicy: 'kiban-backup-policy',
} as const;

export const PLATFORM_STACK = 'platform';

/** Folder path (relative to the datacenter's VM folder) of a department. */
export function departmentFolderPath(root: string, department: string): string {
  return `${root}/${department}`;
}

/** Folder path of a system: one folder per department and system. */
export function systemFolderPath(root: string, department: string, systemId: string): string {
  return `${root}/${department}/${systemId}`;
}

/** The per-system role of R30. */
export function systemRoleName(systemId: string): string {
  return `kiban-${systemId}-operator`;
}

/** Privileges of the per-system role (R30): operate its own VMs; CPU/memory/network/backup stay with the admin. */
export const SYSTEM_ROLE_PRIVILEGES: readonly string[] = [
  'VirtualMachine.Interact.AnswerQuestion',
  'VirtualMachine.Interact.ConsoleInteract',
  'VirtualMachine.Interact.PowerOff',
  'VirtualMachine.Interact.PowerOn',
  'VirtualMachine.Interact.Reset',
  'VirtualMachine.Interact.ToolsInstall',
  'VirtualMachine.State.CreateSnapshot',
  'VirtualMachine.State.RemoveSnapshot',
  'VirtualMachine.State.RevertToSnapshot',
];

/** Path of a backup volume's VMDK on the backup datastore. */
export function backupVmdkPath(systemId: string, server: string): string {
  return `kiban-backup/${systemId}/${server}-backup.vmdk`;
}
