import { Finding } from '../model/finding';
import { PHASE_JA, PHASES, Phase } from '../model/system';
import {
  CONTACT_ROLE_JA,
  HYPERVISOR_JA,
  LICENSE_JA,
  PARTY,
  SOURCE_JA,
  ZONE_JA,
  ipPartyJa,
  isV2v,
  yesNo,
} from './labels';
import { EstateManifest, ManifestSystem } from './manifest';
import { code, doc, table, text } from '../model/markdown';

/** One step of the manual's flow (2.1–2.6) with who does it. */
export interface FlowStep {
  readonly section: string;
  readonly titleJa: string;
  readonly phase: Phase;
  readonly whoJa: string;
  readonly ruleIds: string;
  /** Undefined when the step applies; else why not (対象外の理由). */
  readonly notApplicable?: string;
}

const A = PARTY.admin;
const D = PARTY.department;
const OM = PARTY.omVendor;
const NET = PARTY.adminNetVendor;

/** The step checklist of the manual's flow for one system (R02, R34–R36). */
export function flowSteps(sys: ManifestSystem): FlowStep[] {
  const active = sys.servers.filter((s) => !s.decommissioned);
  const servers = active.length > 0 ? active : sys.servers;
  const newBuild = servers.some((s) => !isV2v(s.source.kind));
  const v2v = servers.some((s) => isV2v(s.source.kind));
  const dedicated = servers.some((s) => s.nics.some((n) => n.network.startsWith('vlan:')));
  const fqdnOrFw = servers.some((s) => s.nics.some((n) => n.fqdn !== undefined || n.firewallChange));
  const backupVolume = servers.some((s) => s.backupVolume !== undefined);
  const vendor = sys.contacts.some((c) => c.role === 'vendor');
  const na = (cond: boolean, why: string) => (cond ? {} : { notApplicable: why });
  return [
    { section: '2.1.1', titleJa: 'OS・ミドルウェア等互換性確認', phase: 'study', whoJa: D, ruleIds: 'R22' },
    { section: '2.1.2', titleJa: 'OS・ミドルウェア等ライセンス確認', phase: 'study', whoJa: D, ruleIds: 'R04, R05' },
    { section: '2.1.3', titleJa: 'システム構成の見直し', phase: 'study', whoJa: D, ruleIds: 'R23' },
    { section: '2.1.4', titleJa: '統合基盤ネットワークの検討', phase: 'study', whoJa: `${D}・${A}`, ruleIds: 'R24' },
    { section: '2.1.5', titleJa: 'バックアップ取得方法検討', phase: 'study', whoJa: D, ruleIds: 'R10, R10a, R11' },
    { section: '2.1.6', titleJa: 'その他運用方法検討', phase: 'study', whoJa: D, ruleIds: 'R25, R26' },
    { section: '2.1.7', titleJa: '移行可否決定', phase: 'study', whoJa: D, ruleIds: 'R22' },
    { section: '2.1.8', titleJa: '仮想マシンリソース決定', phase: 'study', whoJa: D, ruleIds: 'R23, R27' },
    {
      section: '2.2.1',
      titleJa: '調達仕様書の作成・入札',
      phase: 'procurement',
      whoJa: `${D}（${A}と協議）`,
      ruleIds: 'R02',
      ...na(vendor, '業務委託なし'),
    },
    {
      section: '2.3.1',
      titleJa: '申請書（利用申請書）の提出とその打合せ・審査',
      phase: 'application',
      whoJa: `${D}（提出）・${A}（審査、${OM}と調整）`,
      ruleIds: 'R03',
    },
    {
      section: '2.3.2',
      titleJa: '統合基盤ネットワーク設計・構築（VLAN ID の決定は統合基盤管理者）',
      phase: 'application',
      whoJa: `${D}・${A}`,
      ruleIds: 'R24',
      ...na(dedicated, '標準ネットワークのみ'),
    },
    {
      section: '2.3.3',
      titleJa: '仮想マシン IP アドレス割当',
      phase: 'application',
      whoJa: `${A} → ${OM} / ${NET} / ネットワーク管理者（ネットワークごと、下表参照）`,
      ruleIds: 'R29',
    },
    {
      section: '2.4.1',
      titleJa: '仮想化ソフトアカウント作成',
      phase: 'virtualization',
      whoJa: `${A}（${OM}に依頼）`,
      ruleIds: 'R30',
    },
    {
      section: '2.4.2',
      titleJa: '仮想マシン作成作業（バックアップディスクの割当を含む）',
      phase: 'virtualization',
      whoJa: `${A}（${OM}に依頼）`,
      ruleIds: 'R20, R28, R10a',
      ...na(newBuild, 'V2V のみ'),
    },
    {
      section: '2.4.3',
      titleJa: 'FQDN の登録・F/W の設定変更',
      phase: 'virtualization',
      whoJa: `${A}（${NET}に依頼）`,
      ruleIds: 'R32',
      ...na(fqdnOrFw, 'FQDN・F/W変更なし'),
    },
    {
      section: '2.4.4',
      titleJa: '仮想サーバ構築作業（OSインストール・固有設定・VMware Tools）',
      phase: 'virtualization',
      whoJa: D,
      ruleIds: 'R28, R33',
      ...na(newBuild, 'V2V のみ'),
    },
    {
      section: '2.4.5',
      titleJa: 'ファイルの作成・提供（媒体は必ず手渡し）',
      phase: 'virtualization',
      whoJa: D,
      ruleIds: 'R20, R34',
      ...na(v2v, '新規構築のみ'),
    },
    {
      section: '2.4.6',
      titleJa: 'ファイルの転送（管理用端末から。再起動・ライセンス認証は個別業務システム管理者、コピーは消去）',
      phase: 'virtualization',
      whoJa: `${A}（${OM}の協力）・${D}（立会い）`,
      ruleIds: 'R34',
      ...na(v2v, '新規構築のみ'),
    },
    {
      section: '2.4.7',
      titleJa: 'バックアップ環境構築（バックアップ領域のマウント・処理の構築）',
      phase: 'virtualization',
      whoJa: D,
      ruleIds: 'R10a',
      ...na(backupVolume, 'バックアップ領域なし'),
    },
    { section: '2.4.8', titleJa: 'その他、仮想化環境構築', phase: 'virtualization', whoJa: D, ruleIds: 'R02' },
    {
      section: '2.5.1',
      titleJa: '仮想サーバ上の OS・アプリケーション動作検証',
      phase: 'verification',
      whoJa: D,
      ruleIds: 'R35',
    },
    {
      section: '2.5.2',
      titleJa: 'クライアント・組合せテスト（テスト環境）',
      phase: 'verification',
      whoJa: D,
      ruleIds: 'R35',
    },
    { section: '2.6.1', titleJa: '本番データ移行作業', phase: 'cutover', whoJa: D, ruleIds: 'R36' },
    { section: '2.6.2', titleJa: 'クライアントアクセス変更作業', phase: 'cutover', whoJa: D, ruleIds: 'R36' },
    { section: '2.6.3', titleJa: 'その他（初回データバックアップの取得）', phase: 'cutover', whoJa: D, ruleIds: 'R36' },
    {
      section: '2.6.4',
      titleJa: 'OS イメージバックアップ運用追加',
      phase: 'cutover',
      whoJa: `${D}（準備完了の報告）→ ${A}（${OM}に依頼）`,
      ruleIds: 'R10',
      ...na(sys.backup.osImage, 'OSイメージバックアップを希望しない'),
    },
    {
      section: '2.6.5',
      titleJa: 'バックアップ復旧テスト',
      phase: 'cutover',
      whoJa: `${D}・${A}`,
      ruleIds: 'R10b',
      ...na(sys.backup.restoreTest, '復旧テストを希望しない'),
    },
    { section: '2.6.6', titleJa: '本番切替', phase: 'cutover', whoJa: D, ruleIds: 'R36' },
  ];
}

/** Status of a step in the system's current phase. */
export function stepStatus(step: FlowStep, phase: Phase): string {
  if (step.notApplicable) return `対象外（${step.notApplicable}）`;
  if (phase === 'decommissioned') return '—';
  const cur = PHASES.indexOf(phase);
  const at = PHASES.indexOf(step.phase);
  return cur > at ? '[x] 完了' : cur === at ? '[ ] 実施中' : '[ ] 未着手';
}

/** Positions of findings by system id, and (for findings without one) by every leading part of their path. */
interface FindingIndex {
  readonly bySystem: ReadonlyMap<string, readonly number[]>;
  readonly byPathPrefix: ReadonlyMap<string, readonly number[]>;
}

const findingIndexes = new WeakMap<readonly Finding[], FindingIndex>();

/** Built once per findings list: a system's review reads its findings without scanning every finding of the estate. */
function findingIndex(findings: readonly Finding[]): FindingIndex {
  let index = findingIndexes.get(findings);
  if (index) return index;
  const bySystem = new Map<string, number[]>();
  const byPathPrefix = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, i: number) => {
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  };
  findings.forEach((f, i) => {
    if (f.systemId !== undefined) return add(bySystem, f.systemId, i);
    // `f.path` and each of its leading parts (`a/b/c` → `a/b/c`, `a/b`, `a`): the system paths it lies under.
    for (let end = f.path.length; end > 0; end = f.path.lastIndexOf('/', end - 1))
      add(byPathPrefix, f.path.slice(0, end), i);
  });
  index = { bySystem, byPathPrefix };
  findingIndexes.set(findings, index);
  return index;
}

/** The findings of one system (its id, or a path at or under the system's), in the estate list's order, then sorted. */
export function findingsOf(sys: ManifestSystem, findings: readonly Finding[]): Finding[] {
  const index = findingIndex(findings);
  const positions = [...(index.bySystem.get(sys.systemId) ?? []), ...(index.byPathPrefix.get(sys.path) ?? [])];
  return positions
    .sort((a, b) => a - b)
    .map((i) => findings[i]!)
    .sort((a, b) =>
      `${a.ruleId}/${a.path}/${a.rule}/${a.value}` < `${b.ruleId}/${b.path}/${b.rule}/${b.value}` ? -1 : 1,
    );
}

const LEVEL_JA = { error: 'エラー', warning: '警告', info: '情報' } as const;

/** The review document of one system, in Japanese, mirroring the application form (利用申請書). */
export function renderSystemReview(
  manifest: EstateManifest,
  sys: ManifestSystem,
  findings: readonly Finding[],
): string {
  const servers = sys.servers;
  const nets = servers.flatMap((s) => s.nics.map((n) => ({ s, n })));
  const requests: (readonly unknown[])[] = [];
  for (const { s, n } of nets) {
    if (n.fqdn) requests.push(['FQDN の DNS 登録', `${s.name} ${n.fqdn}`, `${A} → ${NET}`, '2.4.3', 'R32']);
  }
  const fwNets = [...new Set(nets.filter(({ n }) => n.firewallChange).map(({ n }) => n.networkNameJa))];
  for (const name of fwNets)
    requests.push(['F/W の設定変更（統合基盤 ⇔ 県行政ネットワーク）', name, `${A} → ${NET}`, '2.4.3', 'R32']);
  const sysFindings = findingsOf(sys, findings);
  const flow = flowSteps(sys);

  return doc([
    `# 統合基盤 利用申請 審査資料: ${text(sys.systemName)}（${code(sys.systemId)}）`,
    `> 個別業務システム統合基盤利用申請書の記載事項と、構築・移行手順書（2.1〜2.6）の作業手順を、宣言から生成したものです。手で編集しないでください。`,
    '## 1. 申請者・システム概要',
    table(
      ['項目', '内容'],
      [
        ['所管部局（R01）', `${sys.departmentJa}（${sys.department}）`],
        ['個別業務システム名', sys.systemName],
        ['システムID', sys.systemId],
        ['概要', sys.descriptionJa],
        ['仮想化ソフト', HYPERVISOR_JA[sys.hypervisor]],
        ['配置先（クラスタ／ホストプール）', sys.hostPool],
        ['工程（R36）', `${PHASE_JA[sys.phase]}（${sys.phase}）`],
        ['仮想化ソフトアカウント（R30）', sys.account],
        ...(sys.decommission
          ? [['利用停止届（様式3, R07）', `${sys.decommission.form3Date} 承認: ${sys.decommission.approvedBy}`]]
          : []),
      ],
    ),
    '### 連絡先（R08）',
    table(
      ['区分', '氏名', '所属', '会社', '電話', 'メール'],
      sys.contacts.map((c) => [CONTACT_ROLE_JA[c.role], c.nameJa, c.sectionJa, c.companyJa, c.phone, c.email]),
    ),
    '## 2. 仮想サーバのリソース・OS・ライセンス（R04, R05, R22, R27）',
    table(
      [
        'サーバ',
        '役割',
        'CPU（ソケット×コア）',
        'vCPU',
        'メモリ(GB)',
        'ディスク(GB)',
        'ゲストOS',
        'OSライセンス',
        'Oracle Database',
        '状態',
      ],
      servers.map((s) => [
        s.name,
        s.roleJa,
        `${s.cpu.sockets}×${s.cpu.coresPerSocket}`,
        s.vcpus,
        s.memoryGb,
        s.disks
          .map((d) => `${d.index === 0 ? 'システム' : `データ${d.index}`} ${d.sizeGb}（${d.datastore}）`)
          .join('、'),
        s.guestOsName,
        LICENSE_JA[s.osLicense],
        s.oracle
          ? `${s.oracle.edition}${s.oracle.version ? ` ${s.oracle.version}` : ''}（${s.oracle.license === 'shared' ? '共用ライセンス' : '所管部局で用意'}${s.oracle.rac ? '、RAC' : ''}）`
          : 'なし',
        s.decommissioned ? '利用停止（削除）' : '稼働対象',
      ]),
    ),
    '## 3. ネットワークと IP アドレス割当（R24, R27, R29）',
    table(
      ['サーバ', 'NIC', 'ネットワーク', 'ゾーン', 'VLAN ID', 'サブネット', 'IPアドレス', 'IPアドレスの割当者（R29）'],
      nets.map(({ s, n }) => [
        s.name,
        n.index,
        n.networkNameJa,
        ZONE_JA[n.zone],
        n.vlanId,
        n.subnet,
        n.ipv4 ?? '未割当',
        ipPartyJa(n.ipAssignedBy, n.ipAdministratorJa),
      ]),
    ),
    '## 4. FQDN 登録・ファイアウォール変更の依頼（R32）',
    table(['依頼内容', '対象', '依頼者 → 作業者', '手順', 'ルール'], requests),
    '## 5. バックアップの希望（R10, R10a, R10b）',
    table(
      ['項目', '内容'],
      [
        [
          `OSイメージバックアップ（週1回${manifest.platform.backupPolicy.weeklyGenerations}世代・毎日${manifest.platform.backupPolicy.dailyGenerations}世代, R10）`,
          `${yesNo(sys.backup.osImage)}${sys.backup.osImageOptOutReasonJa ? `（理由: ${sys.backup.osImageOptOutReasonJa}）` : ''}`,
        ],
        [
          'スケジュール追加の時期（R10）',
          sys.backup.scheduleOnReadyReport ? '個別業務システム管理者からの準備完了の報告後' : '申請どおり',
        ],
        ['バックアップ復旧テスト（R10b）', yesNo(sys.backup.restoreTest)],
        ...servers.map((s) => [
          `バックアップ領域 ${s.name}（R10a）`,
          s.backupVolume ? `${s.backupVolume.sizeGb} GB（${s.backupVolume.datastore}）` : 'なし',
        ]),
        ...servers.flatMap((s) =>
          s.snapshots.map((snap) => [
            `一時スナップショット ${s.name}/${snap.name}（R11）`,
            `${snap.purposeJa}（期限 ${snap.expiresAt}）`,
          ]),
        ),
      ],
    ),
    '## 6. 構築・移行方法（R20, R28, R34）',
    table(
      ['サーバ', '方法', '参照', '備考'],
      servers.map((s) => [
        s.name,
        SOURCE_JA[s.source.kind] ?? s.source.kind,
        s.source.ref,
        isV2v(s.source.kind)
          ? '媒体は必ず手渡し、管理用端末から転送、コピーは消去（R34）'
          : s.source.kind === 'empty'
            ? 'OSインストールは個別業務システム管理者'
            : 'ホスト名・IP・SID 等をOSカスタマイズで変更（R28）',
      ]),
    ),
    '## 7. 作業手順チェックリスト（手順書 2.1〜2.6, R02, R34–R36）',
    table(
      ['手順', '作業', '工程', '実施者', 'ルール', '状態'],
      flow.map((st) => [st.section, st.titleJa, PHASE_JA[st.phase], st.whoJa, st.ruleIds, stepStatus(st, sys.phase)]),
    ),
    '## 8. 指摘事項（ルールパック）と承認',
    table(
      ['ルール', '重要度', '対象', '内容', '対処', '承認'],
      sysFindings.map((f) => [
        `${f.ruleId} ${f.rule}`,
        LEVEL_JA[f.level],
        f.path,
        f.messageJa,
        f.fixJa,
        f.acknowledged
          ? `承認済み: ${f.acknowledged.reasonJa}（${f.acknowledged.approvedBy}, ${f.acknowledged.date}）`
          : '—',
      ]),
    ),
    '### 承認済み事項（acknowledgements）',
    table(
      ['ルール', '対象サーバ', '理由', '承認者', '日付'],
      sys.acknowledgements.map((a) => [a.ruleId, a.server ?? '（システム全体）', a.reasonJa, a.approvedBy, a.date]),
    ),
  ]);
}
