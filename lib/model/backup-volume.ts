import { Construct } from 'constructs';
import { z } from 'zod';
import { field } from './fields';
import { platformObjectNameSchema } from './names';
import { parseProps, pathOf } from './validate';

export const backupVolumeSchema = z.strictObject({
  /** Size of the backup area in GB, as requested in the application (R10a). */
  sizeGb: field(z.int().min(1).max(16384), { ruleId: 'R10a', labelJa: 'バックアップ領域の容量（GB）', example: '500' }),
  /** Backup datastore (vSphere). @default the platform's first backup datastore */
  datastore: field(platformObjectNameSchema.optional(), {
    ruleId: 'R10a',
    labelJa: 'バックアップ用データストア',
    example: 'kiban-bk-ds01',
  }),
});

/** Props of a {@link BackupVolume}. */
export interface BackupVolumeProps {
  /** Size in GB, as requested in the application (R10a). */
  readonly sizeGb: number;
  /** Backup datastore on vSphere; must be of kind `backup`. @default the first backup datastore */
  readonly datastore?: string;
}

/**
 * A data-backup disk (バックアップ領域, R10a): the department's own backups land on it. It is placed on
 * the platform's backup storage, never on a system datastore, and is protected from destroy.
 */
export class BackupVolume extends Construct {
  public readonly props: z.output<typeof backupVolumeSchema>;

  constructor(scope: Construct, id: string, props: BackupVolumeProps) {
    const parsed = parseProps(backupVolumeSchema, props, pathOf(scope, id));
    super(scope, id);
    this.props = parsed;
  }
}
