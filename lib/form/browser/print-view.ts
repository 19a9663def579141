/// <reference lib="dom" />
/**
 * The print view of the application (様式1 「個別業務システム統合基盤利用申請書」): the system as
 * the review manifest normalizes it (the same facts the review document shows), laid out as the
 * paper form's sections, for A4 (see the print CSS in lib/form/style.ts). Text only (textContent).
 */
import { PHASE_JA } from '../../model/system';
import { CONTACT_ROLE_JA, HYPERVISOR_JA, LICENSE_JA, SOURCE_JA, ZONE_JA, ipPartyJa, yesNo } from '../../review/labels';
import { EstateManifest, ManifestSystem } from '../../review/manifest';

function el(tag: string, text?: string, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function table(head: readonly string[] | undefined, rows: ReadonlyArray<ReadonlyArray<unknown>>): HTMLElement {
  const t = el('table');
  if (head) {
    const tr = el('tr');
    for (const h of head) tr.append(el('th', h));
    const thead = el('thead');
    thead.append(tr);
    t.append(thead);
  }
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    r.forEach((c, i) =>
      tr.append(
        el(head === undefined && i === 0 ? 'th' : 'td', c === undefined || c === null || c === '' ? '—' : String(c)),
      ),
    );
    body.append(tr);
  }
  t.append(body);
  return t;
}

/** Renders 様式1 for `sys` into `host` (replacing its contents). */
export function renderPrintView(host: HTMLElement, manifest: EstateManifest, sys: ManifestSystem): void {
  host.replaceChildren();
  host.append(el('p', '様式1', 'form-no'));
  host.append(el('h1', '個別業務システム統合基盤利用申請書'));
  host.append(el('p', '令和　　年　　月　　日', 'date'));
  host.append(el('p', `統合基盤管理者 様`, 'to'));
  host.append(el('p', `申請者: ${sys.departmentJa}　個別業務システム管理者`, 'from'));
  host.append(el('p', '統合基盤の利用について、次のとおり申請します。', 'lead'));
  host.append(el('h2', '1. 申請部局・連絡先'));
  host.append(table(undefined, [['所管部局（R01）', `${sys.departmentJa}（${sys.department}）`]]));
  host.append(
    table(
      ['区分', '氏名', '所属', '会社', '電話', 'メール'],
      sys.contacts.map((c) => [CONTACT_ROLE_JA[c.role], c.nameJa, c.sectionJa, c.companyJa, c.phone, c.email]),
    ),
  );
  host.append(el('h2', '2. 個別業務システム'));
  host.append(
    table(undefined, [
      ['個別業務システム名', sys.systemName],
      ['システムID', sys.systemId],
      ['概要', sys.descriptionJa],
      ['仮想化ソフト（R21）', HYPERVISOR_JA[sys.hypervisor]],
      ['配置先', sys.hostPool],
      ['工程（R36）', PHASE_JA[sys.phase]],
    ]),
  );
  host.append(el('h2', '3. 仮想サーバ（R22, R27）'));
  host.append(
    table(
      [
        'サーバ',
        '役割',
        'CPU（ソケット×コア）',
        'メモリ(GB)',
        'ディスク(GB)',
        'ゲストOS',
        'OSライセンス',
        'Oracle Database',
      ],
      sys.servers.map((s) => [
        s.name,
        s.roleJa,
        `${s.cpu.sockets}×${s.cpu.coresPerSocket}（${s.vcpus} vCPU）`,
        s.memoryGb,
        s.disks.map((d) => `${d.index === 0 ? 'システム' : `データ${d.index}`} ${d.sizeGb}`).join('、'),
        s.guestOsName,
        LICENSE_JA[s.osLicense],
        s.oracle
          ? `${s.oracle.edition}（${s.oracle.license === 'shared' ? '共用ライセンス' : '所管部局で用意'}）`
          : 'なし',
      ]),
    ),
  );
  host.append(el('h2', '4. バックアップ（R10, R10a, R10b）'));
  host.append(
    table(undefined, [
      [
        `OSイメージバックアップ（週1回${manifest.platform.backupPolicy.weeklyGenerations}世代・毎日${manifest.platform.backupPolicy.dailyGenerations}世代）`,
        `${yesNo(sys.backup.osImage)}${sys.backup.osImageOptOutReasonJa ? `（理由: ${sys.backup.osImageOptOutReasonJa}）` : ''}`,
      ],
      ['バックアップ復旧テスト', yesNo(sys.backup.restoreTest)],
      ...sys.servers.map((s) => [
        `バックアップ領域 ${s.name}`,
        s.backupVolume ? `${s.backupVolume.sizeGb} GB` : 'なし',
      ]),
    ]),
  );
  host.append(el('h2', '5. ネットワーク（R24, R29）'));
  host.append(
    table(
      ['サーバ', 'NIC', 'ネットワーク', 'ゾーン', 'IPアドレス', 'IPアドレスの割当者'],
      sys.servers.flatMap((s) =>
        s.nics.map((n) => [
          s.name,
          n.index,
          n.networkNameJa,
          ZONE_JA[n.zone],
          n.ipv4 ?? '未割当',
          ipPartyJa(n.ipAssignedBy, n.ipAdministratorJa),
        ]),
      ),
    ),
  );
  host.append(el('h2', '6. 構築・移行方法（R20）'));
  host.append(
    table(
      ['サーバ', '方法', '参照'],
      sys.servers.map((s) => [s.name, SOURCE_JA[s.source.kind] ?? s.source.kind, s.source.ref]),
    ),
  );
  host.append(
    el('p', 'この申請書は統合基盤の申請フォームで宣言（YAML）から作成しました。内容は宣言ファイルと同じです。', 'note'),
  );
}
