/**
 * docs/codes.md: the lists department staff look things up in (department codes, networks, OS
 * templates, guest OS keys, datastores, the allowed values of each choice, every key of a
 * declaration), generated from the platform data, the guest OS catalog and the fields' entries on
 * the schemas, so they never go stale. Regenerate with `npm run schema`; a test checks the file is fresh.
 */
import { z } from 'zod';
import { FieldMeta, schemaFields } from '../model/fields';
import { GuestOs, guestOsCatalog, hypervSupport, vsphereSupport } from '../model/guest-os';
import { Platform } from '../model/platform';
import { systemSchema } from '../model/system';
import { dedicatedVlansSchema } from '../model/dedicated-vlan';
import { doc, table } from '../model/markdown';

export const CODES_DOC = 'docs/codes.md';

/** The keys of the dedicated VLANs of the platform data. */
const platformVlansSchema = z.strictObject({ dedicatedVlans: dedicatedVlansSchema });

const SUPPORT_JA = {
  supported: '対応',
  unsupported: '非対応（使えません）',
  unconfirmed: '未確認（承認が必要）',
} as const;
const PARTY_JA: Record<string, string> = {
  'om-vendor': '統合基盤の運用業者',
  'admin-net-vendor': '行政情報ネットワークの業者',
  department: '所管課',
  'network-admin': 'ネットワーク管理者',
};

/** A field path as the guide writes it: `servers[].nics[].network`. */
const shownPath = (p: ReadonlyArray<string | number>): string =>
  p
    .map((x) => (typeof x === 'number' ? '-' : x))
    .join('.')
    .replace(/\.-\./g, '[].');

/** Every field of a schema that has its own entry, at every place it can be written. */
function entries(schema: z.ZodType): Array<{ shown: string; entry: FieldMeta }> {
  return schemaFields(schema).flatMap((f) => (f.entry ? [{ shown: shownPath(f.path), entry: f.entry }] : []));
}

function keyRows(schema: z.ZodType): unknown[][] {
  return schemaFields(schema).map((f) => {
    const info = f.entry ?? { labelJa: '', ruleId: '', example: '' };
    return [shownPath(f.path), info.labelJa, info.ruleId, info.example ?? ''];
  });
}

function osRow(os: GuestOs, p: Platform): unknown[] {
  return [
    os.key,
    os.name,
    SUPPORT_JA[vsphereSupport(os, p.vsphere.esxiVersion).support],
    SUPPORT_JA[hypervSupport(os, p.hyperv.windowsServerVersion).support],
    os.endOfSupport ?? '—',
  ];
}

/** The Markdown text of docs/codes.md for a platform. */
export function codesDocument(p: Platform): string {
  const nets = Object.entries(p.networks);
  const described = [...entries(systemSchema), ...entries(platformVlansSchema)];
  const yesNo = (e: FieldMeta) => e.valuesJa !== undefined && ['true', 'false'].every((v) => v in e.valuesJa!);
  const choices = described.filter((r) => r.entry.valuesJa && !yesNo(r.entry));
  return doc([
    '# 宣言で使うコードと項目の一覧（自動生成）',
    '> このファイルは統合基盤のデータ（部局・ネットワーク・テンプレート・データストア）とゲストOSカタログから\n> 自動で作られます。手で直さないでください（`npm run schema` で作り直します）。書き方は [宣言ガイド](intake-guide.md) を見てください。',
    `統合基盤: ${p.nameJa}（VMware ESXi ${p.vsphere.esxiVersion}、Hyper-V は Windows Server ${p.hyperv.windowsServerVersion}）`,
    '## 部局コード（department）',
    '`department:` には部局名ではなく、次の部局コードを英小文字で書きます（R01）。',
    table(
      ['部局コード', '部局名'],
      p.departments.map((d) => [d.code, d.nameJa]),
    ),
    '## ネットワーク（nics の network）',
    '標準の4ネットワークは次のキーで書きます（大文字・小文字も区別します）。それ以外は専用ネットワーク（R24）で、その名前は統合基盤管理者が構成データ（`dedicatedVlans`）に登録したものです。',
    table(
      ['キー', 'ネットワーク', 'IPアドレスを割り当てる人（R29）', 'サブネット'],
      nets.map(([k, n]) => [k, n.nameJa, PARTY_JA[n.ipAssignedBy] ?? n.ipAssignedBy, n.subnet]),
    ),
    '## OSテンプレート（source の template）',
    '`source: { kind: template }` のときに書けるテンプレートです（R06）。テンプレートのゲストOSと `guestOs:` を合わせます。',
    '### VMware vSphere（hypervisor: vsphere）',
    table(
      ['テンプレート', 'ゲストOS（guestOs）'],
      p.vsphere.templates.map((t) => [t.key, t.guestOs]),
    ),
    '### Hyper-V（hypervisor: hyperv）',
    table(
      ['テンプレート', 'ゲストOS（guestOs）'],
      p.hyperv.templates.map((t) => [t.key, t.guestOs]),
    ),
    '## ゲストOS（guestOs）',
    `ゲストOSカタログのキーです（R22）。「未確認」のOSは承認（acknowledgements）が必要です。サポートが終了したOSは使えません。`,
    table(
      [
        'キー',
        'OS',
        `VMware ESXi ${p.vsphere.esxiVersion}`,
        `Hyper-V（Windows Server ${p.hyperv.windowsServerVersion}）`,
        'サポート終了日',
      ],
      [...guestOsCatalog().values()].map((os) => osRow(os, p)),
    ),
    '## データストア',
    '`disks` の `datastore` にはシステム用、`backupVolume` の `datastore` にはバックアップ用を書きます（R10a）。書かなければ一覧の最初のものになります。',
    table(
      ['データストア', '用途', '容量（GB）'],
      p.vsphere.datastores.map((d) => [
        d.name,
        d.kind === 'system' ? 'システム・データ領域' : 'バックアップ用',
        d.capacityGb,
      ]),
    ),
    '## 選択肢のある項目',
    '次の項目には、表の値のどれかをそのまま書きます。',
    table(
      ['項目', '名前', '書ける値', '意味'],
      choices.flatMap((r) => Object.entries(r.entry.valuesJa!).map(([v, ja]) => [r.shown, r.entry.labelJa, v, ja])),
    ),
    '## true / false で書く項目',
    table(
      ['項目', '名前', 'true の意味', 'false の意味'],
      described
        .filter((r) => yesNo(r.entry))
        .map((r) => [r.shown, r.entry.labelJa, r.entry.valuesJa!.true, r.entry.valuesJa!.false]),
    ),
    '## システム宣言の項目（systems/<部局コード>/<システムID>.yaml）',
    '`[]` は「- 」で始まる一覧の中の項目です。',
    table(['項目', '名前', 'ルール', '例'], keyRows(systemSchema)),
    '## 専用ネットワークの項目（構成データの dedicatedVlans）',
    table(['項目', '名前', 'ルール', '例'], keyRows(platformVlansSchema)),
  ]);
}
