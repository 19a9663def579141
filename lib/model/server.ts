import { Construct } from 'constructs';
import { z } from 'zod';
import { BackupVolume, BackupVolumeProps, backupVolumeSchema } from './backup-volume';
import { DedicatedVlan } from './dedicated-vlan';
import { CODE_FORMAT, DATE_FORMAT, DATETIME_FORMAT, LICENSE_JA, field, yesNo } from './fields';
import { findGuestOs } from './guest-os';
import { ResolvedNetwork } from './network';
import {
  codeSchema,
  dateSchema,
  dateTimeSchema,
  freeTextSchema,
  hostNameSchema,
  platformObjectNameSchema,
} from './names';
import { STANDARD_NETWORKS, StandardNetworkKey } from './platform';

const safePath = (what: string) =>
  z
    .string()
    .min(1)
    .max(400)
    .regex(/^[^'"`$\u0000-\u001f]*$/, `${what} must not contain quotes, backticks, "$" or control characters`);

export const customizationSchema = z.strictObject({
  /** DNS domain of the host. */
  domain: field(
    z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/)
      .optional(),
    {
      ruleId: 'R28',
      labelJa: 'DNSドメイン',
      example: 'pref.example.jp',
      formatJa: '英小文字・数字・「-」を「.」でつないだ名前（例: pref.example.jp）',
      format: 'a lower-case DNS domain',
    },
  ),
  /** Time zone: Linux zone name or Windows time zone index. */
  timeZone: field(z.union([z.string().regex(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/), z.int().min(0).max(300)]).optional(), {
    ruleId: 'R28',
    labelJa: 'タイムゾーン',
    example: 'Asia/Tokyo',
    formatJa: 'Linux は Asia/Tokyo、Windows は番号 235',
    format: 'a zone name such as Asia/Tokyo, or a Windows time zone index such as 235',
  }),
  /** Windows sysprep settings (workgroup / organization). */
  windows: field(
    z
      .strictObject({
        workgroup: field(
          z
            .string()
            .regex(/^[A-Z][A-Z0-9-]{0,14}$/)
            .optional(),
          {
            ruleId: 'R28',
            labelJa: 'ワークグループ',
            example: 'BUNSHO',
            formatJa: '英大文字で始まる 15 文字までの英大文字・数字・「-」',
            format: 'up to 15 upper-case letters, digits and "-", starting with a letter',
          },
        ),
        organizationJa: field(freeTextSchema(64).optional(), {
          ruleId: 'R28',
          labelJa: '組織名',
          example: '岩手県総務部',
        }),
      })
      .optional(),
    { ruleId: 'R28', labelJa: 'Windowsの設定', example: 'workgroup: BUNSHO' },
  ),
  /** Opt out of customization; R28 requires a reason and the rule pack reports it. */
  disabled: field(
    z
      .strictObject({
        reason: field(freeTextSchema(200), {
          ruleId: 'R28',
          labelJa: 'OSカスタマイズをしない理由',
          example: '移行元の設定をそのまま使うため',
        }),
      })
      .optional(),
    { ruleId: 'R28', labelJa: 'OSカスタマイズをしない', example: 'reason: 移行元の設定をそのまま使うため' },
  ),
});

/** A guest customization, as parsed. */
export type Customization = z.output<typeof customizationSchema>;

/** What a customization leaves out (R28): the one list both hypervisors use. */
export const CUSTOMIZATION_DEFAULTS = {
  /** Windows workgroup. */
  workgroup: 'WORKGROUP',
  /** Windows time zone index (Tokyo Standard Time). */
  windowsTimeZone: 235,
  /** Linux time zone. */
  linuxTimeZone: 'Asia/Tokyo',
  /** Linux DNS domain. */
  domain: 'localdomain',
} as const;

/**
 * The sysprep organization (RegisteredOrganization) of a Windows guest, on both hypervisors: the
 * declared `windows.organizationJa`, else the system's name (`systemName`) — it tells whose guest this
 * is, where the platform's name would be the same on every VM. (vSphere used the platform's name
 * until issue 13; no declaration of the example estate relied on it.)
 */
export function sysprepOrganization(c: Customization | undefined, systemName: string): string {
  return c?.windows?.organizationJa ?? systemName;
}

/** SCSI controller types of vSphere: the guest must carry the driver of the one it boots from. */
export const SCSI_TYPES = ['pvscsi', 'lsilogic', 'lsilogic-sas'] as const;
export type ScsiType = (typeof SCSI_TYPES)[number];
/** VM firmware: a guest installed under BIOS does not boot under EFI, and the other way round. */
export const FIRMWARES = ['bios', 'efi'] as const;
export type Firmware = (typeof FIRMWARES)[number];

/**
 * Controller and firmware of a VM the platform does not clone (empty, V2V from OVF or VMDK): taken
 * from the source, because the provider would otherwise give every VM pvscsi and a V2V'd guest
 * without that driver does not boot. Set once, at creation; never changed on an existing VM.
 */
const bootHardware = {
  /** SCSI controller, as on the source VM for V2V. @default empty: `lsilogic-sas` on Windows (driver in the installer), `pvscsi` otherwise; V2V: `lsilogic-sas` on Windows, `pvscsi` otherwise */
  scsiType: field(z.enum(SCSI_TYPES).optional(), {
    ruleId: 'R20',
    labelJa: 'SCSIコントローラの種類（移行元と同じ）',
    example: 'pvscsi',
    valuesJa: {
      pvscsi: 'VMware 準仮想化（Linux の通常）',
      lsilogic: 'LSI Logic パラレル',
      'lsilogic-sas': 'LSI Logic SAS（Windows の通常）',
    },
  }),
  /** Firmware, as on the source VM for V2V. @default empty: `efi` on Windows, `bios` otherwise; V2V: `bios` */
  firmware: field(z.enum(FIRMWARES).optional(), {
    ruleId: 'R20',
    labelJa: 'ファームウェア（移行元と同じ）',
    example: 'bios',
    valuesJa: { bios: 'BIOS', efi: 'EFI（UEFI）' },
  }),
};

/** The entry of `kind`, the same in every branch of the source. */
const KIND = {
  ruleId: 'R20',
  labelJa: '構築・移行方法の種類',
  example: 'template',
  valuesJa: {
    empty: '空の仮想マシンを作り、ISOからOSを入れる',
    template: 'OSテンプレートから構築',
    clone: '既存の仮想マシンを複製（vSphereのみ）',
    ovf: 'OVFテンプレートで移行（vSphereのみ）',
    vmdk: 'VMDKで移行（vSphereのみ）',
    'hyperv-export': 'Hyper-Vのエクスポートで移行（Hyper-Vのみ）',
  },
};
const kind = <K extends string>(k: K) => field(z.literal(k), KIND);
const customization = field(customizationSchema.default({}), {
  ruleId: 'R28',
  labelJa: 'OSカスタマイズ',
  example: 'timeZone: Asia/Tokyo',
});

/** The ways in of R20. */
export const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: kind('empty'),
    /** ISO image on a datastore, e.g. `[iso-ds] rhel/rhel-7.9.iso`. */
    isoPath: field(safePath('isoPath').optional(), {
      ruleId: 'R20',
      labelJa: 'ISOイメージの場所',
      example: '"[iso-ds] rhel/rhel-7.9.iso"',
    }),
    ...bootHardware,
  }),
  z.strictObject({
    kind: kind('template'),
    template: field(codeSchema, { ruleId: 'R06', labelJa: 'OSテンプレート', example: 'rhel7' }),
    customization,
  }),
  z.strictObject({
    kind: kind('clone'),
    sourceVm: field(hostNameSchema.or(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/)), {
      ruleId: 'R20',
      labelJa: '複製元の仮想マシン',
      example: 'bunsho-gold',
    }),
    customization,
  }),
  z.strictObject({
    kind: kind('ovf'),
    /** Path of the .ovf on the admin's management terminal (R34: media are handed over in person). */
    localOvfPath: field(safePath('localOvfPath').optional(), {
      ruleId: 'R34',
      labelJa: 'OVFファイルの場所',
      example: 'D:/v2v/chikusan01/chikusan01.ovf',
    }),
    remoteOvfUrl: field(z.url({ protocol: /^https$/ }).optional(), {
      ruleId: 'R34',
      labelJa: 'OVFファイルのURL',
      example: 'https://media.pref.example.jp/chikusan01.ovf',
      formatJa: 'https:// で始まるURL',
      format: 'an https:// URL',
    }),
    ...bootHardware,
  }),
  z.strictObject({
    kind: kind('vmdk'),
    /** Datastore holding the transferred VMDK. */
    datastore: field(platformObjectNameSchema, {
      ruleId: 'R20',
      labelJa: 'VMDKのあるデータストア',
      example: 'kiban-sys-ds01',
    }),
    /** Path of the VMDK inside the datastore, e.g. `v2v/kokuho01/kokuho01.vmdk`. */
    vmdkPath: field(
      z
        .string()
        .regex(
          /^[A-Za-z0-9._/-]+\.vmdk$/,
          'must be a datastore path ending in .vmdk (letters, digits, ".", "_", "/", "-")',
        ),
      {
        ruleId: 'R20',
        labelJa: 'VMDKファイルの場所',
        example: 'v2v/doro01/doro01.vmdk',
        formatJa: '英数字・「.」「_」「/」「-」で、最後が .vmdk',
        format: 'a datastore path ending in .vmdk',
      },
    ),
    ...bootHardware,
  }),
  z.strictObject({
    kind: kind('hyperv-export'),
    /** Folder of the Hyper-V export (virtual hard disks and checkpoint files). */
    exportPath: field(
      z
        .string()
        .regex(
          /^[A-Za-z]:\\[^'"`$\u0000-\u001f]*$/,
          'must be an absolute Windows path without quotes, backticks or "$"',
        ),
      {
        ruleId: 'R20',
        labelJa: 'Hyper-Vエクスポートの場所',
        example: 'D:\\V2V\\hisaiap01',
        formatJa: 'ドライブ名から始まる Windows のフォルダ（例: D:\\V2V\\hisaiap01）',
        format: 'an absolute Windows path',
      },
    ),
  }),
]);

export const nicSchema = z.strictObject({
  /** A standard network key, a DedicatedVlan, or the name of a DedicatedVlan of the estate. */
  network: field(
    z.union([
      z.enum(STANDARD_NETWORKS),
      codeSchema,
      z.custom<DedicatedVlan>((v) => v instanceof DedicatedVlan, 'must be a DedicatedVlan'),
    ]),
    { ruleId: 'R24', labelJa: 'ネットワーク', example: 'lgwan' },
  ),
  /** IPv4 address once assigned (by the admin on standard networks, by the network's administrator otherwise; R27, R29). */
  ipv4: field(z.ipv4().optional(), {
    ruleId: 'R29',
    labelJa: 'IPアドレス',
    example: '10.120.3.51',
    formatJa: '半角数字 4 つを「.」で区切る（例: 10.120.3.51）',
    format: 'an IPv4 address, e.g. 10.120.3.51',
  }),
  /** FQDN to register in DNS (R32). */
  fqdn: field(
    z
      .string()
      .max(253)
      .regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'must be a lower-case FQDN')
      .optional(),
    {
      ruleId: 'R32',
      labelJa: 'FQDN（DNS名）',
      example: 'bunsho.pref.example.jp',
      formatJa: '英小文字・数字・「-」を「.」でつないだ名前（例: bunsho.pref.example.jp）',
      format: 'a lower-case FQDN',
    },
  ),
});

export const diskSchema = z.strictObject({
  sizeGb: field(
    z
      .int()
      .min(1)
      .max(62 * 1024),
    { ruleId: 'R27', labelJa: 'ディスク容量（GB）', example: '100' },
  ),
  /** System datastore. @default the platform's first system datastore */
  datastore: field(platformObjectNameSchema.optional(), {
    ruleId: 'R10a',
    labelJa: 'ディスクのデータストア',
    example: 'kiban-sys-ds01',
  }),
  thin: field(z.boolean().default(true), {
    ruleId: 'R27',
    labelJa: 'シンプロビジョニング',
    ...yesNo('使う（使った分だけ確保）', '使わない（最初に全容量を確保）'),
  }),
});

export const snapshotSchema = z.strictObject({
  name: field(codeSchema, { ruleId: 'R11', labelJa: 'スナップショット名', example: 'before-patch', ...CODE_FORMAT }),
  purposeJa: field(freeTextSchema(120), {
    ruleId: 'R11',
    labelJa: 'スナップショットの目的',
    example: 'パッチ適用前の退避',
  }),
  createdAt: field(dateTimeSchema, { ruleId: 'R11', labelJa: 'スナップショットの作成日時', ...DATETIME_FORMAT }),
  expiresAt: field(dateTimeSchema, { ruleId: 'R11', labelJa: 'スナップショットの期限', ...DATETIME_FORMAT }),
  includeMemory: field(z.boolean().default(false), {
    ruleId: 'R11',
    labelJa: 'メモリも含めるか',
    ...yesNo('含める', '含めない'),
  }),
});

/**
 * What happens to the disks a VM leaves behind when it is removed (R07): the VM's data disks are
 * always detached and kept (`keep_on_remove`; the department erases the data), and the backup volume
 * (R10a) is kept with them (`keep`) or deleted with the VM (`delete`, once the department confirms
 * that its data is erased or no longer needed).
 */
export const keptDisksSchema = field(z.enum(['keep', 'delete']).default('keep'), {
  ruleId: 'R07',
  labelJa: '削除後のバックアップ領域の扱い',
  example: 'keep',
  valuesJa: { keep: '残す（データは所管課が消去）', delete: '仮想マシンと一緒に削除する' },
});

/** The date the platform admin confirmed the removal of a VM (or of a system's VMs), R24. */
export const removedOnSchema = field(dateSchema.optional(), {
  ruleId: 'R24',
  labelJa: '削除を確認した日',
  ...DATE_FORMAT,
});

export const decommissionSchema = z.strictObject({
  /** Must repeat the server (or system) name exactly: the explicit confirmation. */
  confirm: field(z.string(), {
    ruleId: 'R07',
    labelJa: 'サーバ利用停止の確認欄（サーバ名）',
    example: 'bunshoap02',
  }),
  reasonJa: field(freeTextSchema(200), {
    ruleId: 'R07',
    labelJa: 'サーバ利用停止の理由',
    example: '負荷が想定より低く1台に集約するため',
  }),
  approvedBy: field(freeTextSchema(80), {
    ruleId: 'R07',
    labelJa: 'サーバ利用停止の承認者',
    example: '総務部 総務室長',
  }),
  date: field(dateSchema, { ruleId: 'R07', labelJa: 'サーバ利用停止の日付', ...DATE_FORMAT }),
  keptDisks: keptDisksSchema,
  /** Date the platform admin confirmed the VM was removed (remove.ps1 ran); until then the name stays reserved (R24). @default not yet removed */
  removedOn: removedOnSchema,
});

export const virtualServerSchema = z.strictObject({
  /** Host name and VM name (unique on the platform). */
  name: field(hostNameSchema, {
    ruleId: 'R27',
    labelJa: 'ホスト名',
    example: 'bunshoap01',
    formatJa: '英小文字で始まる 2〜15 文字の英小文字・数字・「-」（「_」や大文字は使えません）',
    format: '2-15 lower-case letters, digits and "-", starting with a letter',
  }),
  /** Role in Japanese, e.g. `Webサーバ`. */
  roleJa: field(freeTextSchema(60).optional(), { ruleId: 'R27', labelJa: 'サーバの役割', example: 'APサーバ' }),
  cpu: field(
    z.strictObject({
      sockets: field(z.int().min(1).max(16), { ruleId: 'R27', labelJa: '仮想ソケット数', example: '2' }),
      coresPerSocket: field(z.int().min(1).max(64).default(1), {
        ruleId: 'R27',
        labelJa: 'ソケットあたりのコア数',
        example: '1',
      }),
    }),
    { ruleId: 'R27', labelJa: 'CPU', example: 'sockets: 2' },
  ),
  memoryGb: field(z.int().min(1).max(4096), { ruleId: 'R27', labelJa: 'メモリ容量（GB）', example: '16' }),
  /** The first disk is the system disk (R27). */
  disks: field(z.array(diskSchema).min(1).max(14), { ruleId: 'R27', labelJa: 'ディスク', example: '- sizeGb: 60' }),
  nics: field(z.array(nicSchema).min(1).max(8), { ruleId: 'R27', labelJa: 'NIC', example: '- network: lgwan' }),
  /** Guest OS key of the catalog, e.g. `rhel_7`. */
  guestOs: field(z.string().min(1), { ruleId: 'R22', labelJa: 'ゲストOS', example: 'rhel_7' }),
  source: field(sourceSchema, { ruleId: 'R20', labelJa: '構築・移行方法', example: 'kind: template' }),
  /** OS licence: the platform's shared pool or the department's own (R05). @default per the catalog */
  osLicense: field(z.enum(['shared', 'department']).optional(), {
    ruleId: 'R05',
    labelJa: 'OSライセンス',
    example: 'shared',
    valuesJa: LICENSE_JA,
  }),
  oracleDatabase: field(
    z
      .strictObject({
        edition: field(z.enum(['SE2', 'EE', 'XE']), {
          ruleId: 'R05',
          labelJa: 'Oracle Database のエディション',
          example: 'SE2',
          valuesJa: { SE2: 'Standard Edition 2', EE: 'Enterprise Edition', XE: 'Express Edition' },
        }),
        license: field(z.enum(['shared', 'department']), {
          ruleId: 'R05',
          labelJa: 'Oracle Database のライセンス',
          example: 'shared',
          valuesJa: LICENSE_JA,
        }),
        rac: field(z.boolean().default(false), { ruleId: 'R05', labelJa: 'Oracle RAC', ...yesNo('使う', '使わない') }),
        version: field(
          z
            .string()
            .regex(/^\d{2}c?$/)
            .optional(),
          {
            ruleId: 'R21',
            labelJa: 'Oracle Database のバージョン',
            example: '19c',
            formatJa: '2桁の数字（後ろに c を付けてもよい。例: 19c）',
            format: 'two digits, optionally followed by c, e.g. 19c',
          },
        ),
      })
      .optional(),
    { ruleId: 'R21', labelJa: 'Oracle Database', example: 'edition: SE2' },
  ),
  vmwareTools: field(
    z
      .strictObject({
        install: field(z.boolean().default(true), {
          ruleId: 'R33',
          labelJa: 'VMware Tools のインストール',
          ...yesNo('入れる', '入れない'),
        }),
        upgradePolicy: field(z.enum(['manual', 'upgradeAtPowerCycle']).default('manual'), {
          ruleId: 'R33',
          labelJa: 'VMware Tools の更新方法',
          example: 'manual',
          valuesJa: { manual: '手動で更新する', upgradeAtPowerCycle: '再起動のときに自動で更新する' },
        }),
      })
      .default({ install: true, upgradePolicy: 'manual' }),
    { ruleId: 'R33', labelJa: 'VMware Tools', example: 'install: true' },
  ),
  backupVolume: field(backupVolumeSchema.optional(), {
    ruleId: 'R10a',
    labelJa: 'バックアップ領域',
    example: 'sizeGb: 500',
  }),
  snapshots: field(z.array(snapshotSchema).default([]), {
    ruleId: 'R11',
    labelJa: 'スナップショット',
    example: '- name: before-patch',
  }),
  /** Peripheral / passthrough devices requested (R26 refuses them). */
  devices: field(z.array(z.enum(['usb', 'serial', 'parallel', 'scsi', 'pci'])).default([]), {
    ruleId: 'R26',
    labelJa: '周辺機器',
    example: '[]',
    valuesJa: {
      usb: 'USB機器',
      serial: 'シリアルポート',
      parallel: 'パラレルポート',
      scsi: 'SCSI機器',
      pci: 'PCI機器',
    },
  }),
  hyperv: field(
    z
      .strictObject({
        generation: field(z.union([z.literal(1), z.literal(2)]).default(2), {
          ruleId: 'R21',
          labelJa: 'Hyper-V の世代',
          example: '2',
          valuesJa: { '1': '第1世代', '2': '第2世代（通常はこちら）' },
        }),
      })
      .optional(),
    { ruleId: 'R21', labelJa: 'Hyper-V の設定', example: 'generation: 2' },
  ),
  decommissioned: field(decommissionSchema.optional(), {
    ruleId: 'R07',
    labelJa: 'サーバの利用停止',
    example: 'confirm: bunshoap02',
  }),
});

export type VirtualServerSpec = z.output<typeof virtualServerSchema>;
export type ProvisioningSource = z.output<typeof sourceSchema>;
export type NicSpec = z.output<typeof nicSchema>;

/** Props of a {@link VirtualServer}. */
export interface VirtualServerProps {
  /** Host name and VM name, unique on the platform. */
  readonly name: string;
  /** Role in Japanese. @default none */
  readonly roleJa?: string;
  /** Virtual sockets × cores per socket (R27). */
  readonly cpu: { readonly sockets: number; readonly coresPerSocket?: number };
  /** Memory in GB (R27). */
  readonly memoryGb: number;
  /** Disks; the first is the system disk (R27). */
  readonly disks: ReadonlyArray<{ readonly sizeGb: number; readonly datastore?: string; readonly thin?: boolean }>;
  /** Network interfaces (R27): a standard network or a dedicated VLAN each. */
  readonly nics: ReadonlyArray<{
    readonly network: StandardNetworkKey | DedicatedVlan | string;
    readonly ipv4?: string;
    readonly fqdn?: string;
  }>;
  /** Guest OS key in the catalog (R22). */
  readonly guestOs: string;
  /** How the VM comes into being (R20). */
  readonly source: z.input<typeof sourceSchema>;
  /** OS licence source (R05). @default the catalog's default for the OS */
  readonly osLicense?: 'shared' | 'department';
  /** Oracle Database on this server (R05, R21). @default none */
  readonly oracleDatabase?: z.input<typeof virtualServerSchema>['oracleDatabase'];
  /** VMware Tools policy (R33). @default install, manual upgrades */
  readonly vmwareTools?: { readonly install?: boolean; readonly upgradePolicy?: 'manual' | 'upgradeAtPowerCycle' };
  /** A data-backup disk on backup storage (R10a). @default none */
  readonly backupVolume?: BackupVolumeProps;
  /** Temporary snapshots with their expiry (R11). @default none */
  readonly snapshots?: ReadonlyArray<z.input<typeof snapshotSchema>>;
  /** Passthrough devices requested (R26 refuses them). @default none */
  readonly devices?: ReadonlyArray<'usb' | 'serial' | 'parallel' | 'scsi' | 'pci'>;
  /** Hyper-V options. @default generation 2 */
  readonly hyperv?: { readonly generation?: 1 | 2 };
  /** Marks the server decommissioned: it is removed (destroyed) only this way, never by deletion. @default not decommissioned */
  readonly decommissioned?: z.input<typeof decommissionSchema>;
}

/**
 * A resolved NIC: its network with everything derived from it (subnet, gateway, DNS, zone, port
 * group, Hyper-V switch, who assigns the IP (R29)), resolved once by the model.
 */
export interface ResolvedNic {
  readonly index: number;
  /** Same as `network.key`. */
  readonly networkKey: string;
  /** Same as `network.dedicatedVlan`. */
  readonly dedicatedVlan: DedicatedVlan | undefined;
  /** The network, resolved. */
  readonly network: ResolvedNetwork;
  readonly ipv4: string | undefined;
  readonly fqdn: string | undefined;
}

/**
 * One virtual server (仮想サーバ) of an individual business system. Created by the system from its
 * `servers` props (or with `system.addServer`).
 */
export class VirtualServer extends Construct {
  public readonly spec: VirtualServerSpec;
  public readonly nics: readonly ResolvedNic[];
  public readonly backupVolume: BackupVolume | undefined;

  /** @internal use IndividualBusinessSystem.addServer */
  constructor(scope: Construct, spec: VirtualServerSpec, nics: readonly ResolvedNic[]) {
    super(scope, spec.name);
    this.spec = spec;
    this.nics = nics;
    this.backupVolume = spec.backupVolume ? new BackupVolume(this, 'BackupVolume', spec.backupVolume) : undefined;
  }

  public get name(): string {
    return this.spec.name;
  }

  public get vcpus(): number {
    return this.spec.cpu.sockets * this.spec.cpu.coresPerSocket;
  }

  public get isDecommissioned(): boolean {
    return this.spec.decommissioned !== undefined;
  }

  /** The default gateway: that of the first NIC with a static IPv4 address whose network has one. */
  public get gateway(): string | undefined {
    return this.nics.find((n) => n.ipv4 !== undefined && n.network.gateway !== undefined)?.network.gateway;
  }

  /** DNS servers of the server's networks, in NIC order, each once. */
  public get dnsServers(): readonly string[] {
    return [...new Set(this.nics.flatMap((n) => n.network.dnsServers))];
  }

  /**
   * SCSI controller and firmware of a VM built without a clone (empty, V2V from OVF or VMDK): the
   * declared values, else the documented defaults of `source.scsiType` / `source.firmware`.
   * Undefined for clones and templates, which take both from their source VM.
   */
  public get bootHardware(): { readonly scsiType: ScsiType; readonly firmware: Firmware } | undefined {
    const src = this.spec.source;
    if (src.kind !== 'empty' && src.kind !== 'ovf' && src.kind !== 'vmdk') return undefined;
    const windows = findGuestOs(this.spec.guestOs)?.family === 'windows';
    return {
      scsiType: src.scsiType ?? (windows ? 'lsilogic-sas' : 'pvscsi'),
      firmware: src.firmware ?? (src.kind === 'empty' && windows ? 'efi' : 'bios'),
    };
  }
}
