import { Construct } from 'constructs';
import { z } from 'zod';
import { DeclarationIssue, ErrorCode, issue } from './errors';
import { DedicatedVlan } from './dedicated-vlan';
import { Estate } from './estate';
import { CODE_FORMAT, DATE_FORMAT, field, yesNo } from './fields';
import { findGuestOs, guestOsCatalog } from './guest-os';
import { guestOsHint, networkHint, templateHint } from './hints';
import { codeSchema, freeTextSchema, systemIdSchema, dateSchema } from './names';
import { ResolvedNetwork, isStandardNetworkKey, resolveDedicatedNetwork, resolveStandardNetwork } from './network';
import { StandardNetworkKey } from './platform';
import {
  ResolvedNic,
  VirtualServer,
  VirtualServerProps,
  VirtualServerSpec,
  keptDisksSchema,
  removedOnSchema,
  virtualServerSchema,
} from './server';
import { parseProps, pathOf, throwIfAny } from './validate';

/** The phases of the manual's flow (R36), then production and decommissioned (R07). */
export const PHASES = [
  'study',
  'procurement',
  'application',
  'virtualization',
  'verification',
  'cutover',
  'production',
  'decommissioned',
] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_JA: Record<Phase, string> = {
  study: '検討',
  procurement: '調達',
  application: '申請',
  virtualization: '仮想化作業',
  verification: '動作確認',
  cutover: '本番切替',
  production: '本番稼働',
  decommissioned: '利用停止',
};
/** Phases from which the platform builds VMs: the application (申請) has been submitted. */
export const BUILD_PHASES: ReadonlySet<Phase> = new Set([
  'application',
  'virtualization',
  'verification',
  'cutover',
  'production',
]);

export const contactSchema = z.strictObject({
  nameJa: field(freeTextSchema(60), { ruleId: 'R08', labelJa: '連絡先の氏名', example: '盛岡 花子' }),
  sectionJa: field(freeTextSchema(80).optional(), { ruleId: 'R08', labelJa: '連絡先の所属', example: '総務部 総務室' }),
  phone: field(z.string().regex(/^[0-9+\-() ]{6,20}$/, 'must be a phone number (digits, +, -, parentheses, spaces)'), {
    ruleId: 'R08',
    labelJa: '連絡先の電話番号',
    example: '019-629-5101',
    formatJa: '半角数字と「-」（例: 019-629-5101）',
    format: 'digits, "+", "-", parentheses and spaces, e.g. 019-629-5101',
  }),
  email: field(z.email(), {
    ruleId: 'R08',
    labelJa: '連絡先のメールアドレス',
    example: 'staff-5101@pref.example.jp',
    formatJa: '半角で 名前@ドメイン（例: staff-5101@pref.example.jp）',
    format: 'an e-mail address',
  }),
});

export const acknowledgementSchema = z.strictObject({
  /** Rule ID acknowledged, e.g. `R22`. */
  ruleId: field(z.string().regex(/^R\d{2}[a-z]?$/), {
    ruleId: 'R03',
    labelJa: '承認するルールID',
    example: 'R22',
    formatJa: '「R」と2桁の数字（例: R22、R10a）',
    format: 'R and two digits, e.g. R22',
  }),
  /** Server the acknowledgement applies to. @default the whole system */
  server: field(codeSchema.optional(), {
    ruleId: 'R03',
    labelJa: '承認の対象サーバ',
    example: 'bunshoap01',
    ...CODE_FORMAT,
  }),
  reasonJa: field(
    freeTextSchema(400).refine((s) => [...s].length >= 10, 'must be at least 10 characters'),
    { ruleId: 'R03', labelJa: '承認の理由', example: '統合基盤で稼働実績があり、統合基盤管理者が確認した' },
  ),
  approvedBy: field(freeTextSchema(80), { ruleId: 'R03', labelJa: '承認者', example: '科学・情報政策室 統合基盤担当' }),
  date: field(dateSchema, { ruleId: 'R03', labelJa: '承認日', ...DATE_FORMAT }),
});

export const systemSchema = z.strictObject({
  /** Owning department code (R01). */
  department: field(codeSchema, { ruleId: 'R01', labelJa: '所管部局', example: 'somu', ...CODE_FORMAT }),
  /** System identifier, unique on the platform; names the Terraform stack and its state. */
  systemId: field(systemIdSchema, {
    ruleId: 'R03',
    labelJa: 'システムID',
    example: 'bunsho',
    formatJa: '英小文字で始まる 3〜32 文字の英小文字・数字・「-」',
    format: '3-32 lower-case letters, digits and "-", starting with a letter',
  }),
  /** System name in Japanese (個別業務システム名). */
  systemName: field(freeTextSchema(80), { ruleId: 'R03', labelJa: 'システム名', example: '文書管理システム' }),
  descriptionJa: field(freeTextSchema(400).optional(), {
    ruleId: 'R03',
    labelJa: '概要',
    example: '文書の収受・起案・決裁を電子で行うシステム',
  }),
  /** Contacts (R08): the system's staff, optionally a deputy and the vendor. */
  contacts: field(
    z.strictObject({
      primary: field(contactSchema, { ruleId: 'R08', labelJa: '連絡先（担当者）', example: 'nameJa: 盛岡 花子' }),
      secondary: field(contactSchema.optional(), {
        ruleId: 'R08',
        labelJa: '連絡先（副担当者）',
        example: 'nameJa: 盛岡 次郎',
      }),
      vendor: field(
        contactSchema
          .extend({
            companyJa: field(freeTextSchema(80), {
              ruleId: 'R08',
              labelJa: '保守業者の会社名',
              example: '株式会社サンプル情報',
            }),
          })
          .optional(),
        { ruleId: 'R08', labelJa: '連絡先（保守業者）', example: 'nameJa: 一関 四郎' },
      ),
    }),
    { ruleId: 'R08', labelJa: '連絡先', example: 'primary:' },
  ),
  hypervisor: field(z.enum(['vsphere', 'hyperv']), {
    ruleId: 'R21',
    labelJa: '仮想化ソフト',
    example: 'vsphere',
    valuesJa: { vsphere: 'VMware vSphere', hyperv: 'Hyper-V（Oracle Database はこちら）' },
  }),
  /** vSphere cluster. @default the platform's first cluster */
  cluster: field(z.string().optional(), { ruleId: 'R03', labelJa: 'vSphereクラスタ', example: 'Kiban-Cluster01' }),
  phase: field(z.enum(PHASES), { ruleId: 'R36', labelJa: '工程', example: 'application', valuesJa: PHASE_JA }),
  servers: field(z.array(virtualServerSchema).default([]), {
    ruleId: 'R27',
    labelJa: '仮想サーバ',
    example: '- name: bunshoap01',
  }),
  backup: field(
    z
      .strictObject({
        /** OS-image backup by the admin, weekly×3 + daily×2 (R10). */
        osImage: field(z.boolean().default(true), {
          ruleId: 'R10',
          labelJa: 'OSイメージバックアップ',
          ...yesNo('希望する', '希望しない（理由が必要）'),
        }),
        osImageOptOutReasonJa: field(freeTextSchema(200).optional(), {
          ruleId: 'R10',
          labelJa: 'OSイメージバックアップを希望しない理由',
          example: '同一データを別システムで保持しているため',
        }),
        /** Restore test from the OS image (R10b). */
        restoreTest: field(z.boolean().default(false), {
          ruleId: 'R10b',
          labelJa: 'バックアップ復旧テスト',
          ...yesNo('希望する', '希望しない'),
        }),
        /** Add to the schedule when the department reports ready (else as applied), R10. */
        scheduleOnReadyReport: field(z.boolean().default(true), {
          ruleId: 'R10',
          labelJa: 'バックアップ開始の時期',
          ...yesNo('準備完了の報告後に開始', '申請どおりに開始'),
        }),
      })
      .default({ osImage: true, restoreTest: false, scheduleOnReadyReport: true }),
    { ruleId: 'R10', labelJa: 'バックアップの希望', example: 'osImage: true' },
  ),
  /** vSphere account principal of the system (R30). @default `<accountDomain>\\kiban-<systemId>` */
  account: field(
    z
      .string()
      .regex(/^[A-Za-z0-9.-]+\\[A-Za-z0-9._-]+$/)
      .optional(),
    { ruleId: 'R30', labelJa: 'vSphereアカウント', example: 'VSPHERE.LOCAL\\kiban-bunsho' },
  ),
  /** Form 3 (利用停止届) with the explicit confirmation; required in the decommissioned phase (R07). */
  decommission: field(
    z
      .strictObject({
        confirmSystemId: field(z.string(), {
          ruleId: 'R07',
          labelJa: '利用停止の確認欄（システムID）',
          example: 'koho-old',
        }),
        form3Date: field(dateSchema, { ruleId: 'R07', labelJa: '様式3（利用停止届）の提出日', ...DATE_FORMAT }),
        approvedBy: field(freeTextSchema(80), {
          ruleId: 'R07',
          labelJa: '利用停止の承認者',
          example: '科学・情報政策室長',
        }),
        /** Backup volumes of the system's VMs: kept (default) or deleted with them (R07, R10a). */
        keptDisks: keptDisksSchema,
        /** Date the platform admin confirmed the VMs were removed; until then the names stay reserved (R24). */
        removedOn: removedOnSchema,
      })
      .optional(),
    { ruleId: 'R07', labelJa: '利用停止の届出', example: 'confirmSystemId: koho-old' },
  ),
  /** Acknowledged findings (rule ID, reason of at least 10 characters, approver). */
  acknowledgements: field(z.array(acknowledgementSchema).default([]), {
    ruleId: 'R03',
    labelJa: '承認',
    example: '- ruleId: R22',
  }),
});

export type SystemSpec = z.output<typeof systemSchema>;
export type Acknowledgement = z.output<typeof acknowledgementSchema>;

/** Props of an {@link IndividualBusinessSystem}. */
export interface IndividualBusinessSystemProps {
  /** Owning department code; must be registered on the platform (R01). */
  readonly department: string;
  /** Identifier, unique on the platform; names the Terraform stack and its state. */
  readonly systemId: string;
  /** System name in Japanese. */
  readonly systemName: string;
  /** Description in Japanese. @default none */
  readonly descriptionJa?: string;
  /** Contacts (R08). */
  readonly contacts: z.input<typeof systemSchema>['contacts'];
  /** Hypervisor: vSphere or Hyper-V (Oracle Database must be on Hyper-V, R21). */
  readonly hypervisor: 'vsphere' | 'hyperv';
  /** vSphere cluster. @default the first cluster */
  readonly cluster?: string;
  /** Lifecycle phase (R36; decommissioned per R07). */
  readonly phase: Phase;
  /** The servers. @default none (add with addServer) */
  readonly servers?: readonly VirtualServerProps[];
  /** Backup wishes (R10, R10b). @default OS-image backup on, no restore test */
  readonly backup?: z.input<typeof systemSchema>['backup'];
  /** vSphere account principal (R30). @default `<accountDomain>\\kiban-<systemId>` */
  readonly account?: string;
  /** Decommission request with explicit confirmation (R07). @default none */
  readonly decommission?: z.input<typeof systemSchema>['decommission'];
  /** Acknowledged findings. @default none */
  readonly acknowledgements?: z.input<typeof systemSchema>['acknowledgements'];
}

const SYSTEM_SYMBOL = Symbol.for('kiban.IndividualBusinessSystem');

/**
 * One department's individual business system (個別業務システム). On vSphere it synthesizes to its own
 * Terraform stack (its own state); on Hyper-V to its own script set.
 */
export class IndividualBusinessSystem extends Construct {
  public static isSystem(x: unknown): x is IndividualBusinessSystem {
    return typeof x === 'object' && x !== null && SYSTEM_SYMBOL in x;
  }

  public readonly spec: SystemSpec;
  public readonly estate: Estate;
  private readonly serverList: VirtualServer[] = [];

  constructor(scope: Construct, id: string, props: IndividualBusinessSystemProps) {
    const location = pathOf(scope, id);
    const spec = parseProps(systemSchema, props, location);
    const estate = Estate.of(scope);
    const issues = checkSystem(spec, estate, location);
    const resolved = spec.servers.map((s, i) =>
      resolveServer(s, spec, estate, `${location}/${s.name}`, `servers.${i}`),
    );
    issues.push(...resolved.flatMap((r) => r.issues));
    const holder = issues.length === 0 ? estate.claimSystemId(spec.systemId, location) : undefined;
    if (holder !== undefined) {
      issues.push(
        err(
          location,
          'systemId',
          spec.systemId,
          'R03',
          'KIBAN_DUPLICATE_SYSTEM_ID',
          `the system id is already used by ${holder}`,
          `システムIDは ${holder} で使用済みです`,
          'choose a system id unique on the platform',
          '統合基盤で一意のシステムIDを指定してください',
        ),
      );
    }
    throwIfAny(issues);
    super(scope, id);
    Object.defineProperty(this, SYSTEM_SYMBOL, { value: true });
    this.spec = spec;
    this.estate = estate;
    for (const r of resolved) this.serverList.push(new VirtualServer(this, r.spec, r.nics));
  }

  /** Adds a server declared after construction; validated like the `servers` prop. */
  public addServer(props: VirtualServerProps): VirtualServer {
    const location = `${this.node.path}/${props?.name ?? '?'}`;
    const spec = parseProps(virtualServerSchema, props, location);
    if (this.serverList.some((s) => s.name === spec.name)) {
      throwIfAny([
        issue({
          code: 'KIBAN_DUPLICATE_SERVER',
          ruleId: 'R24',
          location,
          field: 'name',
          value: spec.name,
          message: 'a server of this name already exists in the system',
          messageJa: '同じ名前の仮想サーバが既にあります',
          fix: 'give every server a unique host name',
          fixJa: 'サーバごとに一意のホスト名を付けてください',
        }),
      ]);
    }
    const r = resolveServer(spec, this.spec, this.estate, location, '');
    throwIfAny(r.issues);
    const server = new VirtualServer(this, r.spec, r.nics);
    this.serverList.push(server);
    return server;
  }

  public get servers(): readonly VirtualServer[] {
    return this.serverList;
  }
  public get systemId(): string {
    return this.spec.systemId;
  }
  public get department(): string {
    return this.spec.department;
  }
  public get isDecommissioned(): boolean {
    return this.spec.phase === 'decommissioned';
  }
  /** Whether the platform builds this system's VMs in its current phase. */
  public get buildsVms(): boolean {
    return BUILD_PHASES.has(this.spec.phase);
  }
  /** The vSphere account principal of R30. */
  public get account(): string {
    return this.spec.account ?? `${this.estate.platform.vsphere.accountDomain}\\kiban-${this.spec.systemId}`;
  }
  /** The vSphere cluster name. */
  public get clusterName(): string {
    return this.spec.cluster ?? this.estate.platform.vsphere.clusters[0]!.name;
  }
}

function err(
  location: string,
  field: string,
  value: unknown,
  ruleId: string,
  code: ErrorCode,
  message: string,
  messageJa: string,
  fix: string,
  fixJa: string,
): DeclarationIssue {
  return issue({ code, ruleId, location, field, value, message, messageJa, fix, fixJa });
}

function checkSystem(spec: SystemSpec, estate: Estate, location: string): DeclarationIssue[] {
  const p = estate.platform;
  const out: DeclarationIssue[] = [];
  if (spec.cluster !== undefined && !p.vsphere.clusters.some((c) => c.name === spec.cluster)) {
    out.push(
      err(
        location,
        'cluster',
        spec.cluster,
        'R03',
        'KIBAN_UNKNOWN_CLUSTER',
        'no such vSphere cluster on the platform',
        '統合基盤にそのクラスタはありません',
        `use one of: ${p.vsphere.clusters.map((c) => c.name).join(', ')}`,
        'プラットフォーム定義のクラスタ名を指定してください',
      ),
    );
  }
  if (spec.phase === 'decommissioned') {
    if (!spec.decommission) {
      out.push(
        err(
          location,
          'decommission',
          undefined,
          'R07',
          'KIBAN_DECOMMISSION_UNCONFIRMED',
          'a decommissioned system needs form 3 (利用停止届) and an explicit confirmation',
          '利用停止には様式3（利用停止届）と明示的な確認が必要です',
          `add decommission: { confirmSystemId: '${spec.systemId}', form3Date, approvedBy }`,
          `decommission に confirmSystemId: '${spec.systemId}'、form3Date、approvedBy を記載してください`,
        ),
      );
    } else if (spec.decommission.confirmSystemId !== spec.systemId) {
      out.push(
        err(
          location,
          'decommission.confirmSystemId',
          spec.decommission.confirmSystemId,
          'R07',
          'KIBAN_DECOMMISSION_UNCONFIRMED',
          'the confirmation must repeat the system id exactly',
          '確認欄にはシステムIDをそのまま記載してください',
          `set confirmSystemId to '${spec.systemId}'`,
          `confirmSystemId に '${spec.systemId}' を指定してください`,
        ),
      );
    }
  } else if (spec.decommission) {
    out.push(
      err(
        location,
        'decommission',
        spec.decommission,
        'R07',
        'KIBAN_DECOMMISSION_PHASE',
        'a decommission request needs phase "decommissioned"',
        '利用停止の届出には工程 "decommissioned" が必要です',
        'set phase: decommissioned, or remove the decommission block',
        '工程を decommissioned にするか、decommission を削除してください',
      ),
    );
  }
  const names = new Set<string>();
  spec.servers.forEach((s, i) => {
    if (names.has(s.name))
      out.push(
        err(
          `${location}/${s.name}`,
          `servers.${i}.name`,
          s.name,
          'R24',
          'KIBAN_DUPLICATE_SERVER',
          'two servers of the system have the same host name',
          'システム内でホスト名が重複しています',
          'give every server a unique host name',
          'サーバごとに一意のホスト名を付けてください',
        ),
      );
    names.add(s.name);
  });
  return out;
}

function resolveNetwork(
  estate: Estate,
  network: StandardNetworkKey | DedicatedVlan | string,
): ResolvedNetwork | undefined {
  if (network instanceof DedicatedVlan) return resolveDedicatedNetwork(estate.platform, network);
  if (isStandardNetworkKey(network)) return resolveStandardNetwork(estate.platform, network);
  const vlan = estate.vlanNamed(network);
  return vlan instanceof DedicatedVlan ? resolveDedicatedNetwork(estate.platform, vlan) : undefined;
}

function resolveServer(
  spec: VirtualServerSpec,
  system: SystemSpec,
  estate: Estate,
  location: string,
  prefix: string,
): { spec: VirtualServerSpec; nics: ResolvedNic[]; issues: DeclarationIssue[] } {
  const p = estate.platform;
  const f = (field: string) => [prefix, field].filter((x) => x !== '').join('.');
  const issues: DeclarationIssue[] = [];
  const os = findGuestOs(spec.guestOs);
  if (!os) {
    const h = guestOsHint(spec.guestOs, [...guestOsCatalog().values()]);
    issues.push(
      err(
        location,
        f('guestOs'),
        spec.guestOs,
        'R22',
        'KIBAN_UNKNOWN_GUEST_OS',
        'the guest OS is not in the catalog',
        `ゲストOS「${spec.guestOs}」はゲストOSカタログにありません`,
        h.fix,
        h.fixJa,
      ),
    );
  }
  const nics: ResolvedNic[] = [];
  spec.nics.forEach((n, i) => {
    const r = resolveNetwork(estate, n.network);
    if (!r) {
      const h = networkHint(n.network, p.networks);
      issues.push(
        err(
          location,
          f(`nics.${i}.network`),
          n.network,
          'R24',
          'KIBAN_UNKNOWN_NETWORK',
          'no such network: use a standard network or a declared DedicatedVlan',
          `ネットワーク「${String(n.network)}」はありません（標準ネットワークでも、宣言済みの専用ネットワークでもありません）`,
          h.fix,
          h.fixJa,
        ),
      );
      return;
    }
    nics.push({ index: i, networkKey: r.key, dedicatedVlan: r.dedicatedVlan, network: r, ipv4: n.ipv4, fqdn: n.fqdn });
  });
  const src = spec.source;
  const vsphereOnly = src.kind === 'clone' || src.kind === 'ovf' || src.kind === 'vmdk';
  if (system.hypervisor === 'hyperv' && vsphereOnly) {
    issues.push(
      err(
        location,
        f('source.kind'),
        src.kind,
        'R20',
        'KIBAN_SOURCE_HYPERVISOR',
        `"${src.kind}" is a way onto VMware; on Hyper-V use empty, template or hyperv-export`,
        `「${src.kind}」はVMwareへの移行方法です。Hyper-Vでは empty、template、hyperv-export を使ってください`,
        'change source.kind or the hypervisor',
        '構築・移行方法か仮想化ソフトを変更してください',
      ),
    );
  }
  if (system.hypervisor === 'vsphere' && src.kind === 'hyperv-export') {
    issues.push(
      err(
        location,
        f('source.kind'),
        src.kind,
        'R20',
        'KIBAN_SOURCE_HYPERVISOR',
        'a Hyper-V export is a way onto Hyper-V; on vSphere use an OVF template or a VMDK',
        'Hyper-Vエクスポートは Hyper-V への移行方法です。vSphere では OVF テンプレートか VMDK を使ってください',
        'use source.kind ovf or vmdk, or hypervisor hyperv',
        'source.kind を ovf か vmdk にするか、hypervisor を hyperv にしてください',
      ),
    );
  }
  if (src.kind === 'template') {
    const templates = system.hypervisor === 'vsphere' ? p.vsphere.templates : p.hyperv.templates;
    const t = templates.find((x) => x.key === src.template);
    if (!t) {
      const h = templateHint(src.template, templates);
      issues.push(
        err(
          location,
          f('source.template'),
          src.template,
          'R06',
          'KIBAN_UNKNOWN_TEMPLATE',
          `no such OS template on the ${system.hypervisor} side of the platform`,
          `統合基盤（${system.hypervisor === 'vsphere' ? 'VMware vSphere' : 'Hyper-V'}）にOSテンプレート「${src.template}」はありません`,
          h.fix,
          h.fixJa,
        ),
      );
    } else if (os && t.guestOs !== spec.guestOs)
      issues.push(
        err(
          location,
          f('guestOs'),
          spec.guestOs,
          'R06',
          'KIBAN_TEMPLATE_OS_MISMATCH',
          `template ${t.key} carries ${t.guestOs}`,
          `テンプレート ${t.key} のゲストOSは ${t.guestOs} です（ゲストOSの欄と合っていません）`,
          `set guestOs to ${t.guestOs}`,
          `guestOs: ${t.guestOs} と書くか、ゲストOSに合うテンプレートを選びます`,
        ),
      );
  }
  if (src.kind === 'ovf' && (src.localOvfPath === undefined) === (src.remoteOvfUrl === undefined)) {
    issues.push(
      err(
        location,
        f('source'),
        src,
        'R20',
        'KIBAN_OVF_LOCATION',
        'an OVF source needs exactly one of localOvfPath and remoteOvfUrl',
        'OVFテンプレートは localOvfPath と remoteOvfUrl のどちらか一方を指定してください',
        'give exactly one of localOvfPath / remoteOvfUrl',
        'どちらか一方だけを指定してください',
      ),
    );
  }
  if (system.hypervisor === 'vsphere') {
    // Only what cannot be emitted: a datastore that does not exist. Which kind of datastore may hold
    // what is policy, checked by the rule pack (R10a-DisksOnSystemStorage, R10a-BackupVolumeOnBackupStorage).
    const known = p.vsphere.datastores.map((d) => d.name);
    const unknown = (field: string, name: string) =>
      err(
        location,
        f(field),
        name,
        'R10a',
        'KIBAN_UNKNOWN_DATASTORE',
        'no such datastore on the platform',
        `統合基盤にデータストア「${name}」はありません`,
        `use one of: ${known.join(', ')}`,
        `次のいずれかを指定してください: ${known.join(', ')}`,
      );
    spec.disks.forEach((d, i) => {
      if (d.datastore !== undefined && !known.includes(d.datastore))
        issues.push(unknown(`disks.${i}.datastore`, d.datastore));
    });
    const bv = spec.backupVolume;
    if (bv?.datastore !== undefined && !known.includes(bv.datastore))
      issues.push(unknown('backupVolume.datastore', bv.datastore));
    if (bv && !p.vsphere.datastores.some((d) => d.kind === 'backup')) {
      issues.push(
        err(
          location,
          f('backupVolume'),
          bv,
          'R10a',
          'KIBAN_NO_BACKUP_STORAGE',
          'the platform has no backup datastore',
          '統合基盤にバックアップ用データストアがありません',
          'ask the platform admin to add backup storage to the platform data',
          '統合基盤管理者にバックアップ用ストレージの登録を依頼してください',
        ),
      );
    }
  }
  if (spec.decommissioned && spec.decommissioned.confirm !== spec.name) {
    issues.push(
      err(
        location,
        f('decommissioned.confirm'),
        spec.decommissioned.confirm,
        'R07',
        'KIBAN_DECOMMISSION_UNCONFIRMED',
        'the confirmation must repeat the server name exactly',
        '確認欄にはサーバ名をそのまま記載してください',
        `set confirm to '${spec.name}'`,
        `confirm に '${spec.name}' を指定してください`,
      ),
    );
  }
  return { spec, nics, issues };
}
