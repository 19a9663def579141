/**
 * What the people who write declarations need to know about each field: the platform rule it
 * belongs to, its Japanese label, an example value as it is written in YAML, and the Japanese
 * meaning of each allowed value. Messages (lib/model/zod-issues.ts), the JSON Schema descriptions
 * and the department guide read this one table.
 */
export interface FieldInfo {
  /** Rule ID of the platform digest, e.g. `R27`; `SCHEMA` when the field has no entry. */
  readonly ruleId: string;
  /** Japanese label, e.g. `メモリ容量`. */
  readonly labelJa: string;
  /** An example value, written as in YAML (`16`, `"2026-11-01"`, `lgwan`). */
  readonly example?: string;
  /** How the value is written, in plain Japanese (for format errors), e.g. `英小文字・数字・「-」`. */
  readonly formatJa?: string;
  /** How the value is written, in English. */
  readonly format?: string;
  /** Japanese meaning of each allowed value (enumerations). */
  readonly valuesJa?: Readonly<Record<string, string>>;
}

type Row = readonly [path: string, ruleId: string, labelJa: string, extra?: Omit<FieldInfo, 'ruleId' | 'labelJa'>];

const CODE_FORMAT = {
  formatJa: '英小文字で始まり、英小文字・数字・「-」だけ（空白や大文字は使えません）',
  format: 'lower-case letters, digits and "-", starting with a letter',
};
const BOOL = (yes: string, no: string) => ({ example: 'true', valuesJa: { true: yes, false: no } });
const LICENSE_JA = { shared: '統合基盤の共用ライセンスを使う', department: '所管課で用意したライセンスを使う' };
const DATE = {
  example: '"2026-11-01"',
  formatJa: '年-月-日 を半角で（例: "2026-11-01"）',
  format: 'a date YYYY-MM-DD',
};
const DATETIME = {
  example: '"2026-11-20T09:00:00+09:00"',
  formatJa: '年-月-日T時:分:秒+09:00 を半角で（例: "2026-11-20T09:00:00+09:00"）',
  format: 'a date and time with offset, e.g. 2026-11-20T09:00:00+09:00',
};
const PERSON = { example: '盛岡 花子' };
/** Same words as PHASE_JA of ./system (a test keeps them equal; imported there would be a cycle). */
const PHASES_JA = {
  study: '検討',
  procurement: '調達',
  application: '申請',
  virtualization: '仮想化作業',
  verification: '動作確認',
  cutover: '本番切替',
  production: '本番稼働',
  decommissioned: '利用停止',
};

/**
 * Keys are dotted paths; `*` matches any one segment (an array index or a key). The longest
 * matching suffix of a field's path wins.
 */
const ROWS: readonly Row[] = [
  ['department', 'R01', '所管部局', { example: 'somu', ...CODE_FORMAT }],
  [
    'systemId',
    'R03',
    'システムID',
    {
      example: 'bunsho',
      formatJa: '英小文字で始まる 3〜32 文字の英小文字・数字・「-」',
      format: '3-32 lower-case letters, digits and "-", starting with a letter',
    },
  ],
  ['systemName', 'R03', 'システム名', { example: '文書管理システム' }],
  ['descriptionJa', 'R03', '概要', { example: '文書の収受・起案・決裁を電子で行うシステム' }],
  ['contacts', 'R08', '連絡先', { example: 'primary:' }],
  ['contacts.primary', 'R08', '連絡先（担当者）', { example: 'nameJa: 盛岡 花子' }],
  ['contacts.secondary', 'R08', '連絡先（副担当者）', { example: 'nameJa: 盛岡 次郎' }],
  ['contacts.vendor', 'R08', '連絡先（保守業者）', { example: 'nameJa: 一関 四郎' }],
  ['contacts.*.nameJa', 'R08', '連絡先の氏名', PERSON],
  ['contacts.*.sectionJa', 'R08', '連絡先の所属', { example: '総務部 総務室' }],
  [
    'contacts.*.phone',
    'R08',
    '連絡先の電話番号',
    {
      example: '019-629-5101',
      formatJa: '半角数字と「-」（例: 019-629-5101）',
      format: 'digits, "+", "-", parentheses and spaces, e.g. 019-629-5101',
    },
  ],
  [
    'contacts.*.email',
    'R08',
    '連絡先のメールアドレス',
    {
      example: 'staff-5101@pref.example.jp',
      formatJa: '半角で 名前@ドメイン（例: staff-5101@pref.example.jp）',
      format: 'an e-mail address',
    },
  ],
  ['contacts.*.companyJa', 'R08', '保守業者の会社名', { example: '株式会社サンプル情報' }],
  [
    'hypervisor',
    'R21',
    '仮想化ソフト',
    { example: 'vsphere', valuesJa: { vsphere: 'VMware vSphere', hyperv: 'Hyper-V（Oracle Database はこちら）' } },
  ],
  ['cluster', 'R03', 'vSphereクラスタ', { example: 'Kiban-Cluster01' }],
  ['phase', 'R36', '工程', { example: 'application', valuesJa: PHASES_JA }],
  ['decommission', 'R07', '利用停止の届出', { example: 'confirmSystemId: koho-old' }],
  ['decommission.confirmSystemId', 'R07', '利用停止の確認欄（システムID）', { example: 'koho-old' }],
  ['decommission.form3Date', 'R07', '様式3（利用停止届）の提出日', DATE],
  ['decommission.approvedBy', 'R07', '利用停止の承認者', { example: '科学・情報政策室長' }],
  ['backup', 'R10', 'バックアップの希望', { example: 'osImage: true' }],
  ['backup.osImage', 'R10', 'OSイメージバックアップ', BOOL('希望する', '希望しない（理由が必要）')],
  [
    'backup.osImageOptOutReasonJa',
    'R10',
    'OSイメージバックアップを希望しない理由',
    { example: '同一データを別システムで保持しているため' },
  ],
  ['backup.restoreTest', 'R10b', 'バックアップ復旧テスト', BOOL('希望する', '希望しない')],
  ['backup.scheduleOnReadyReport', 'R10', 'バックアップ開始の時期', BOOL('準備完了の報告後に開始', '申請どおりに開始')],
  ['account', 'R30', 'vSphereアカウント', { example: 'VSPHERE.LOCAL\\kiban-bunsho' }],
  ['acknowledgements', 'R03', '承認', { example: '- ruleId: R22' }],
  [
    'acknowledgements.*.ruleId',
    'R03',
    '承認するルールID',
    { example: 'R22', formatJa: '「R」と2桁の数字（例: R22、R10a）', format: 'R and two digits, e.g. R22' },
  ],
  ['acknowledgements.*.server', 'R03', '承認の対象サーバ', { example: 'bunshoap01', ...CODE_FORMAT }],
  [
    'acknowledgements.*.reasonJa',
    'R03',
    '承認の理由',
    { example: '統合基盤で稼働実績があり、統合基盤管理者が確認した' },
  ],
  ['acknowledgements.*.approvedBy', 'R03', '承認者', { example: '科学・情報政策室 統合基盤担当' }],
  ['acknowledgements.*.date', 'R03', '承認日', DATE],
  ['servers', 'R27', '仮想サーバ', { example: '- name: bunshoap01' }],
  ['name', 'R27', '名前', { example: 'bunshoap01', ...CODE_FORMAT }],
  [
    'servers.*.name',
    'R27',
    'ホスト名',
    {
      example: 'bunshoap01',
      formatJa: '英小文字で始まる 2〜15 文字の英小文字・数字・「-」（「_」や大文字は使えません）',
      format: '2-15 lower-case letters, digits and "-", starting with a letter',
    },
  ],
  ['servers.*.roleJa', 'R27', 'サーバの役割', { example: 'APサーバ' }],
  ['cpu', 'R27', 'CPU', { example: 'sockets: 2' }],
  ['cpu.sockets', 'R27', '仮想ソケット数', { example: '2' }],
  ['cpu.coresPerSocket', 'R27', 'ソケットあたりのコア数', { example: '1' }],
  ['memoryGb', 'R27', 'メモリ容量（GB）', { example: '16' }],
  ['disks', 'R27', 'ディスク', { example: '- sizeGb: 60' }],
  ['sizeGb', 'R27', 'ディスク容量（GB）', { example: '100' }],
  ['disks.*.datastore', 'R10a', 'ディスクのデータストア', { example: 'kiban-sys-ds01' }],
  ['disks.*.thin', 'R27', 'シンプロビジョニング', BOOL('使う（使った分だけ確保）', '使わない（最初に全容量を確保）')],
  ['nics', 'R27', 'NIC', { example: '- network: lgwan' }],
  ['nics.*.network', 'R24', 'ネットワーク', { example: 'lgwan' }],
  [
    'nics.*.ipv4',
    'R29',
    'IPアドレス',
    {
      example: '10.120.3.51',
      formatJa: '半角数字 4 つを「.」で区切る（例: 10.120.3.51）',
      format: 'an IPv4 address, e.g. 10.120.3.51',
    },
  ],
  [
    'nics.*.fqdn',
    'R32',
    'FQDN（DNS名）',
    {
      example: 'bunsho.pref.example.jp',
      formatJa: '英小文字・数字・「-」を「.」でつないだ名前（例: bunsho.pref.example.jp）',
      format: 'a lower-case FQDN',
    },
  ],
  ['guestOs', 'R22', 'ゲストOS', { example: 'rhel_7' }],
  ['source', 'R20', '構築・移行方法', { example: 'kind: template' }],
  [
    'source.kind',
    'R20',
    '構築・移行方法の種類',
    {
      example: 'template',
      valuesJa: {
        empty: '空の仮想マシンを作り、ISOからOSを入れる',
        template: 'OSテンプレートから構築',
        clone: '既存の仮想マシンを複製（vSphereのみ）',
        ovf: 'OVFテンプレートで移行（vSphereのみ）',
        vmdk: 'VMDKで移行（vSphereのみ）',
        'hyperv-export': 'Hyper-Vのエクスポートで移行（Hyper-Vのみ）',
      },
    },
  ],
  ['source.isoPath', 'R20', 'ISOイメージの場所', { example: '"[iso-ds] rhel/rhel-7.9.iso"' }],
  ['source.template', 'R06', 'OSテンプレート', { example: 'rhel7' }],
  ['source.sourceVm', 'R20', '複製元の仮想マシン', { example: 'bunsho-gold' }],
  ['source.localOvfPath', 'R34', 'OVFファイルの場所', { example: 'D:/v2v/chikusan01/chikusan01.ovf' }],
  [
    'source.remoteOvfUrl',
    'R34',
    'OVFファイルのURL',
    {
      example: 'https://media.pref.example.jp/chikusan01.ovf',
      formatJa: 'https:// で始まるURL',
      format: 'an https:// URL',
    },
  ],
  ['source.datastore', 'R20', 'VMDKのあるデータストア', { example: 'kiban-sys-ds01' }],
  [
    'source.vmdkPath',
    'R20',
    'VMDKファイルの場所',
    {
      example: 'v2v/doro01/doro01.vmdk',
      formatJa: '英数字・「.」「_」「/」「-」で、最後が .vmdk',
      format: 'a datastore path ending in .vmdk',
    },
  ],
  [
    'source.exportPath',
    'R20',
    'Hyper-Vエクスポートの場所',
    {
      example: 'D:\\V2V\\hisaiap01',
      formatJa: 'ドライブ名から始まる Windows のフォルダ（例: D:\\V2V\\hisaiap01）',
      format: 'an absolute Windows path',
    },
  ],
  [
    'source.scsiType',
    'R20',
    'SCSIコントローラの種類（移行元と同じ）',
    {
      example: 'pvscsi',
      valuesJa: {
        pvscsi: 'VMware 準仮想化（Linux の通常）',
        lsilogic: 'LSI Logic パラレル',
        'lsilogic-sas': 'LSI Logic SAS（Windows の通常）',
      },
    },
  ],
  [
    'source.firmware',
    'R20',
    'ファームウェア（移行元と同じ）',
    { example: 'bios', valuesJa: { bios: 'BIOS', efi: 'EFI（UEFI）' } },
  ],
  ['removedOn', 'R24', '削除を確認した日', DATE],
  [
    'keptDisks',
    'R07',
    '削除後のバックアップ領域の扱い',
    { example: 'keep', valuesJa: { keep: '残す（データは所管課が消去）', delete: '仮想マシンと一緒に削除する' } },
  ],
  ['source.customization', 'R28', 'OSカスタマイズ', { example: 'timeZone: Asia/Tokyo' }],
  [
    'customization.domain',
    'R28',
    'DNSドメイン',
    {
      example: 'pref.example.jp',
      formatJa: '英小文字・数字・「-」を「.」でつないだ名前（例: pref.example.jp）',
      format: 'a lower-case DNS domain',
    },
  ],
  [
    'customization.timeZone',
    'R28',
    'タイムゾーン',
    {
      example: 'Asia/Tokyo',
      formatJa: 'Linux は Asia/Tokyo、Windows は番号 235',
      format: 'a zone name such as Asia/Tokyo, or a Windows time zone index such as 235',
    },
  ],
  ['customization.windows', 'R28', 'Windowsの設定', { example: 'workgroup: BUNSHO' }],
  [
    'customization.windows.workgroup',
    'R28',
    'ワークグループ',
    {
      example: 'BUNSHO',
      formatJa: '英大文字で始まる 15 文字までの英大文字・数字・「-」',
      format: 'up to 15 upper-case letters, digits and "-", starting with a letter',
    },
  ],
  ['customization.windows.organizationJa', 'R28', '組織名', { example: '岩手県総務部' }],
  ['customization.disabled', 'R28', 'OSカスタマイズをしない', { example: 'reason: 移行元の設定をそのまま使うため' }],
  ['customization.disabled.reason', 'R28', 'OSカスタマイズをしない理由', { example: '移行元の設定をそのまま使うため' }],
  ['vmwareTools', 'R33', 'VMware Tools', { example: 'install: true' }],
  ['vmwareTools.install', 'R33', 'VMware Tools のインストール', BOOL('入れる', '入れない')],
  [
    'vmwareTools.upgradePolicy',
    'R33',
    'VMware Tools の更新方法',
    { example: 'manual', valuesJa: { manual: '手動で更新する', upgradeAtPowerCycle: '再起動のときに自動で更新する' } },
  ],
  [
    'devices',
    'R26',
    '周辺機器',
    {
      example: '[]',
      valuesJa: {
        usb: 'USB機器',
        serial: 'シリアルポート',
        parallel: 'パラレルポート',
        scsi: 'SCSI機器',
        pci: 'PCI機器',
      },
    },
  ],
  ['snapshots', 'R11', 'スナップショット', { example: '- name: before-patch' }],
  ['snapshots.*.name', 'R11', 'スナップショット名', { example: 'before-patch', ...CODE_FORMAT }],
  ['snapshots.*.purposeJa', 'R11', 'スナップショットの目的', { example: 'パッチ適用前の退避' }],
  ['snapshots.*.createdAt', 'R11', 'スナップショットの作成日時', DATETIME],
  ['snapshots.*.expiresAt', 'R11', 'スナップショットの期限', DATETIME],
  ['snapshots.*.includeMemory', 'R11', 'メモリも含めるか', BOOL('含める', '含めない')],
  ['oracleDatabase', 'R21', 'Oracle Database', { example: 'edition: SE2' }],
  [
    'oracleDatabase.edition',
    'R05',
    'Oracle Database のエディション',
    { example: 'SE2', valuesJa: { SE2: 'Standard Edition 2', EE: 'Enterprise Edition', XE: 'Express Edition' } },
  ],
  ['oracleDatabase.license', 'R05', 'Oracle Database のライセンス', { example: 'shared', valuesJa: LICENSE_JA }],
  ['oracleDatabase.rac', 'R05', 'Oracle RAC', BOOL('使う', '使わない')],
  [
    'oracleDatabase.version',
    'R21',
    'Oracle Database のバージョン',
    {
      example: '19c',
      formatJa: '2桁の数字（後ろに c を付けてもよい。例: 19c）',
      format: 'two digits, optionally followed by c, e.g. 19c',
    },
  ],
  ['osLicense', 'R05', 'OSライセンス', { example: 'shared', valuesJa: LICENSE_JA }],
  ['backupVolume', 'R10a', 'バックアップ領域', { example: 'sizeGb: 500' }],
  ['backupVolume.sizeGb', 'R10a', 'バックアップ領域の容量（GB）', { example: '500' }],
  ['backupVolume.datastore', 'R10a', 'バックアップ用データストア', { example: 'kiban-bk-ds01' }],
  ['hyperv', 'R21', 'Hyper-V の設定', { example: 'generation: 2' }],
  [
    'hyperv.generation',
    'R21',
    'Hyper-V の世代',
    { example: '2', valuesJa: { '1': '第1世代', '2': '第2世代（通常はこちら）' } },
  ],
  ['decommissioned', 'R07', 'サーバの利用停止', { example: 'confirm: bunshoap02' }],
  ['decommissioned.confirm', 'R07', 'サーバ利用停止の確認欄（サーバ名）', { example: 'bunshoap02' }],
  ['decommissioned.reasonJa', 'R07', 'サーバ利用停止の理由', { example: '負荷が想定より低く1台に集約するため' }],
  ['decommissioned.approvedBy', 'R07', 'サーバ利用停止の承認者', { example: '総務部 総務室長' }],
  ['decommissioned.date', 'R07', 'サーバ利用停止の日付', DATE],
  ['dedicatedVlans', 'R24', '専用ネットワーク', { example: '- name: mynumber-kokuho' }],
  ['dedicatedVlans.*.name', 'R24', '専用ネットワーク名', { example: 'mynumber-kokuho', ...CODE_FORMAT }],
  [
    'dedicatedVlans.*.descriptionJa',
    'R24',
    '専用ネットワークの説明',
    { example: '国民健康保険システム専用ネットワーク' },
  ],
  [
    'dedicatedVlans.*.gateway',
    'R24',
    'デフォルトゲートウェイ',
    { example: '10.231.0.1', formatJa: '半角数字 4 つを「.」で区切る（例: 10.231.0.1）', format: 'an IPv4 address' },
  ],
  [
    'dedicatedVlans.*.zone',
    'R24',
    'ネットワークの区分（ゾーン）',
    {
      example: 'dedicated',
      valuesJa: {
        internet: 'インターネット接続系',
        lgwan: 'LGWAN接続系',
        myNumber: '個人番号利用事務系',
        dmz: 'DMZ（インターネット公開）',
        dedicated: '専用（どの系とも分離）',
      },
    },
  ],
  // a dedicated VLAN checked on its own (the model's construct) has no dedicatedVlans prefix
  [
    'gateway',
    'R24',
    'デフォルトゲートウェイ',
    { example: '10.231.0.1', formatJa: '半角数字 4 つを「.」で区切る（例: 10.231.0.1）', format: 'an IPv4 address' },
  ],
  [
    'zone',
    'R24',
    'ネットワークの区分（ゾーン）',
    {
      example: 'dedicated',
      valuesJa: {
        internet: 'インターネット接続系',
        lgwan: 'LGWAN接続系',
        myNumber: '個人番号利用事務系',
        dmz: 'DMZ（インターネット公開）',
        dedicated: '専用（どの系とも分離）',
      },
    },
  ],
  ['dedicatedVlans.*.department', 'R24', '申請・費用負担の部局', { example: 'hoken', ...CODE_FORMAT }],
  ['ipAdministrator', 'R29', 'IPアドレス管理者', { example: 'party: department' }],
  [
    'ipAdministrator.party',
    'R29',
    'IPアドレス管理者の区分',
    { example: 'department', valuesJa: { department: '所管課', 'network-admin': 'ネットワーク管理者' } },
  ],
  ['ipAdministrator.nameJa', 'R29', 'IPアドレス管理者の名前', { example: '保健福祉部 健康国保課' }],
  ['vlanId', 'R24', 'VLAN ID', { example: '231' }],
  [
    'subnet',
    'R24',
    'サブネット',
    {
      example: '10.231.0.0/24',
      formatJa: 'IPアドレス/ビット数（例: 10.231.0.0/24）',
      format: 'a CIDR such as 10.231.0.0/24',
    },
  ],
  ['processorLicenses', 'R05', 'プロセッサライセンス数'],
  ['subscriptions', 'R05', 'サブスクリプション数'],
  ['hostLicenses', 'R05', 'ホストライセンス数'],
];

const TABLE = ROWS.map(([path, ruleId, labelJa, extra]) => ({
  parts: path.split('.'),
  info: { ruleId, labelJa, ...extra } as FieldInfo,
}));

function matchesSuffix(pattern: readonly string[], parts: readonly string[], end: number): boolean {
  const start = end - pattern.length;
  if (start < 0) return false;
  return pattern.every((p, i) => p === '*' || p === parts[start + i]);
}

/**
 * The entry of a field path (array indexes as numbers or strings). The longest matching suffix of
 * the full path wins; then the same for the parent path, and so on (so `servers.0.cpu.foo` gets
 * the entry of `cpu`). `own` is false when the entry is a parent's.
 */
export function fieldInfo(path: readonly PropertyKey[]): FieldInfo & { readonly own: boolean } {
  const parts = path.map((p) => String(p));
  for (let end = parts.length; end > 0; end--) {
    let best: FieldInfo | undefined;
    let bestLen = 0;
    for (const row of TABLE) {
      if (row.parts.length > bestLen && matchesSuffix(row.parts, parts, end)) {
        best = row.info;
        bestLen = row.parts.length;
      }
    }
    if (best) return { ...best, own: end === parts.length };
  }
  return { ruleId: 'SCHEMA', labelJa: parts.filter((p) => !/^\d+$/.test(p)).join('.') || '宣言', own: false };
}

/** Every entry of the table (for tests and the guide). */
export function fieldTable(): ReadonlyArray<{ readonly path: string; readonly info: FieldInfo }> {
  return TABLE.map((r) => ({ path: r.parts.join('.'), info: r.info }));
}
