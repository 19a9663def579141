import { Construct } from 'constructs';
import { z } from 'zod';
import { freeTextSchema } from './names';
import { parseProps, pathOf } from './validate';

/** The shared licence pools of R05 and how each counts. */
export type SharedLicenseKind = 'oracle-se2' | 'rhel-vdc' | 'windows-datacenter';

/** How a pool counts its units (see guest-os-facts.json `licensing`). */
export const LICENSE_MODEL: Record<SharedLicenseKind, { unitEn: string; unitJa: string }> = {
  'oracle-se2': {
    unitEn: 'processor licences (one per occupied socket of every host the VM can run on; hosts of at most 2 sockets)',
    unitJa: 'プロセッサライセンス（VMが稼働し得る全ホストの搭載ソケット数、2ソケット以下のホストのみ）',
  },
  'rhel-vdc': {
    unitEn: 'subscriptions (one per 1-2 socket pair of every host that can run RHEL guests)',
    unitJa: 'サブスクリプション（RHELゲストが稼働し得るホストの2ソケットごとに1）',
  },
  'windows-datacenter': {
    unitEn: 'host licences (one per fully licensed host that can run Windows Server guests)',
    unitJa: 'ホストライセンス（Windows Serverゲストが稼働し得るホストごとに1）',
  },
};

/** A shared licence pool as data (the estate's platform files, `sharedLicenses`). */
export const sharedLicensePoolSchema = z.strictObject({
  /** Units held by the platform admin. */
  units: z.int().min(0),
  /** Contract / subscription reference, for the ledger. */
  contractJa: freeTextSchema(120).optional(),
  /** Licence end date (RHEL subscriptions must be renewed while used, R05). */
  validUntil: z.iso.date().optional(),
});

/** Props of a shared licence pool. */
export interface SharedLicenseProps {
  /** Units held (processor licences, subscriptions or host licences, per the pool's model). */
  readonly units: number;
  /** Contract reference for the ledger. @default none */
  readonly contractJa?: string;
  /** End of the licence term. @default none */
  readonly validUntil?: string;
}

/** A licence pool held by the platform admin and shared by departments on request (R05). */
export abstract class SharedLicense extends Construct {
  public abstract readonly kind: SharedLicenseKind;
  public readonly props: z.output<typeof sharedLicensePoolSchema>;

  protected constructor(scope: Construct, id: string, props: SharedLicenseProps) {
    const parsed = parseProps(sharedLicensePoolSchema, props, pathOf(scope, id));
    super(scope, id);
    this.props = parsed;
  }
}

/** Oracle Database Standard Edition 2 processor licences (R05; Oracle only on Hyper-V, R21; no RAC). */
export class SharedOracleLicense extends SharedLicense {
  public readonly kind = 'oracle-se2' as const;
  constructor(scope: Construct, id: string, props: SharedLicenseProps) {
    super(scope, id, props);
  }
}

/** Red Hat Enterprise Linux for Virtual Datacenters (1-2 sockets, unlimited guests) subscriptions (R05). */
export class SharedRhelLicense extends SharedLicense {
  public readonly kind = 'rhel-vdc' as const;
  constructor(scope: Construct, id: string, props: SharedLicenseProps) {
    super(scope, id, props);
  }
}

/** Windows Server Datacenter host licences (R05): guests of Windows Server 2019 and earlier. */
export class SharedWindowsDatacenterLicense extends SharedLicense {
  public readonly kind = 'windows-datacenter' as const;
  constructor(scope: Construct, id: string, props: SharedLicenseProps) {
    super(scope, id, props);
  }
}
