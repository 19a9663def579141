export type ChangeOp = 'added' | 'changed' | 'replaced' | 'destroyed';
export type ChangeObject =
  'system' | 'server' | 'disk' | 'backup-volume' | 'nic' | 'vlan' | 'permission' | 'hyperv-step' | 'terraform';

/** One change a pull request makes to the estate, as the review lists it (the data-loss guard's unit). */
export interface Change {
  /** System id, or `platform` for platform-wide objects (dedicated VLANs). */
  readonly systemId: string;
  readonly op: ChangeOp;
  readonly object: ChangeObject;
  readonly target: string;
  readonly detail: string;
  /** True when the change deletes or recreates a VM or a disk. */
  readonly destroysData: boolean;
}

/** Gathers the changes and the errors that must fail `kiban diff`, in the order they are found. */
export class ChangeCollector {
  readonly changes: Change[] = [];
  readonly errors: string[] = [];
  add(
    systemId: string,
    op: ChangeOp,
    object: ChangeObject,
    target: string,
    detail: string,
    destroysData = false,
  ): void {
    this.changes.push({ systemId, op, object, target, detail, destroysData });
  }
}
