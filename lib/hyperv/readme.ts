import { IndividualBusinessSystem, PHASE_JA } from '../model/system';
import { ownershipMarker, serverPaths, winJoin } from './emit';
// The one Markdown neutralizer of the product (a leaf module without imports), shared with the review documents.
import { md } from '../model/markdown';

/** What apply.ps1 / remove.ps1 do, in the order an administrator meets it. */
function doesLines(system: IndividualBusinessSystem): string[] {
  const p = system.estate.platform;
  return [
    `- 仮想マシンのメモ（Notes）が「${md(ownershipMarker(system).trim())}」で始まるものだけを、このシステムの仮想マシンとして扱います。同じ名前でも印のない仮想マシンは他の所有者のものとみなし、変更も削除もせずに中止します。`,
    `- 仮想マシンのファイルはシステムごとのフォルダ（${md(winJoin(p.hyperv.vmStoragePath, system.systemId, 'サーバ名'))}）に置きます。`,
    p.hyperv.cluster !== undefined
      ? `- フェールオーバークラスタ ${md(p.hyperv.cluster)} の全ノードで仮想マシンを探します。別のノードにある場合は、そのノードで実行するよう表示して中止します。作成した仮想マシンはクラスタの役割（高可用性仮想マシン）として追加し、削除時はクラスタの役割も削除します。`
      : '- 統合基盤の定義では Hyper-V ホストはスタンドアロンです。クラスタの役割は追加しません。',
    '- チェックポイントがあると接続先は差分ディスク（.avhdx）になるため、元のディスク（Get-VHD の ParentPath）で宣言と比べます。チェックポイントがある間はディスクを拡張しません。',
    `- チェックポイント（R11）の期限は、実行したホストの現在時刻で判定します。宣言したチェックポイントは作成予定時刻から期限までの間だけ作成し、期限を過ぎたものは削除します。作成から ${p.snapshotMaxHours} 時間を超えたチェックポイントは、宣言の有無にかかわらず「R11 違反」と表示します。`,
    '- データディスクは SCSI コントローラに接続します。',
    '- Hyper-V エクスポートの取り込み（V2V）では、先に Compare-VM で確認します。インポート元の仮想スイッチがない場合（33012）だけ宣言のネットワークに接続し直し、それ以外の問題は一覧を表示して中止します。世代も取り込み前に確認します。取り込んだディスクは元のファイル名のまま、接続順にデータディスクとして引き継ぎます。',
    '- テンプレートから作る Windows の仮想マシンには、応答ファイルを `Windows\\Panther\\Unattend\\Unattend.xml` に書き込みます（ホスト名、組織名、タイムゾーン、ワークグループ、NIC ごとの固定 IP アドレス・デフォルトゲートウェイ・DNS サーバ、DNS ドメイン）。NIC は固定の MAC アドレスで識別します。デフォルトゲートウェイは最初の NIC にだけ設定します。',
    '- 作成の途中で失敗した場合は、その実行で作成した仮想マシンとフォルダを削除してから中止します。原因を直して、もう一度実行できます。',
    '- remove.ps1 はチェックポイントがある間、または差分ディスクの結合中は削除しません。削除するのは宣言したディスク（システムディスク・データディスク）だけで、バックアップ領域と宣言にないディスクは残します。',
    '- スクリプトは UTF-8（BOM 付き）で保存しています。Windows PowerShell 5.1 で日本語が正しく読まれます。',
  ];
}

function doesNotLines(): string[] {
  return [
    '- ゲスト OS 内のパーティション（ボリューム）は拡張しません。ディスクを拡張した後、OS 上で拡張してください。',
    '- ドメインには参加しません（資格情報が必要なため）。DNS ドメインはサフィックスとして設定するだけです。',
    '- テンプレート内のレジストリに別の応答ファイル（UnattendFile）が指定されている場合は、そちらが優先されます。テンプレート作成時に確認してください。',
    '- IP アドレスが宣言にない NIC は DHCP のままです。',
    '- apply.ps1 は、稼働中の仮想マシンを -AllowStop なしで停止することはありません（停止するのは remove.ps1 で削除する仮想マシンだけです）。',
    '- 宣言にないディスク・ネットワークアダプタ・チェックポイントは削除しません（表示のみ）。',
    '- 以前の版のスクリプトで作った、システムごとのフォルダにない仮想マシンのディスクは「宣言にないディスク」として中止します（何も削除しません）。Move-VMStorage で移してください。',
    '- 削除後の名前の再利用は、宣言に removedOn（削除を確認した日）を記載するまでできません（R24）。',
  ];
}

/** README.md of a system's script set (Japanese): what the scripts do and how to run them. */
export function readme(system: IndividualBusinessSystem, hasRemove: boolean): string {
  const p = system.estate.platform;
  const servers = [...system.servers].sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    `# ${md(system.spec.systemName)}（${md(system.systemId)}）Hyper-V スクリプト`,
    '',
    `宣言（所管部局 ${md(system.department)}、工程「${PHASE_JA[system.spec.phase]}」）から生成したスクリプトです。手で編集せず、宣言を直して再生成してください。`,
    `対象ホスト: Hyper-V（Windows Server ${p.hyperv.windowsServerVersion}）。使用するコマンドレットと引数は Hyper-V モジュールのリファレンスで検査済みです。`,
    '',
    '## ファイル',
    '',
    system.buildsVms
      ? '- `apply.ps1`: ホストを宣言どおりの状態にします。DSC と同じく「確認してから設定（Test-then-Set）」で、一致していれば何も変更しません。差分（CPU、メモリ、VLAN、追加ディスク、ディスク拡張）だけを適用し、破壊的な差分（ディスクの縮小・削除、世代の変更）は理由を表示して中止します。'
      : '- `apply.ps1`: この工程では仮想マシンを構築しないため、仮想マシンの有無を確認して表示するだけです。',
    ...(hasRemove
      ? [
          '- `remove.ps1`: 利用停止（R07）の仮想マシンを削除します。`-ConfirmSystemId` にシステムIDを指定しないと実行しません。バックアップ領域（R10a）の VHDX は削除しません。削除を確認したら宣言に removedOn を記載してください。',
        ]
      : []),
    '',
    '## 実行方法',
    '',
    'Hyper-V ホストで管理者として PowerShell を開き、まず `-WhatIf` で計画を確認します。',
    '',
    '```powershell',
    '.\\apply.ps1 -WhatIf',
    '.\\apply.ps1 -Verbose',
    '.\\apply.ps1 -AllowStop   # 停止が必要な変更も行う（停止してよい場合だけ）',
    ...(hasRemove ? [`.\\remove.ps1 -ConfirmSystemId ${system.systemId} -WhatIf`] : []),
    '```',
    '',
    'CPU・メモリの変更は仮想マシンの停止中にのみ適用できます（R23: 変更には停止が必要な場合があります）。稼働中の仮想マシンでは「停止が必要 (needs shutdown)」と表示して変更しません。停止してよい場合だけ `-AllowStop` を付けて実行すると、シャットダウンして変更し、もう一度起動します。',
    '',
    '## このスクリプトが行うこと',
    '',
    ...doesLines(system),
    '',
    '## このスクリプトが行わないこと',
    '',
    ...doesNotLines(),
    '',
    '## 仮想マシン',
    '',
    '| サーバ | vCPU | メモリ | ディスク | バックアップ領域 | 作成方法 |',
    '|---|---|---|---|---|---|',
    ...servers.map((s) => {
      const paths = serverPaths(p, system, s);
      const src =
        s.spec.source.kind === 'template'
          ? 'テンプレート（sysprep 済み VHDX、R28 ホスト名設定）'
          : s.spec.source.kind === 'hyperv-export'
            ? 'Hyper-V エクスポートのインポート（コピー・新ID）'
            : '空の仮想マシン';
      return `| ${md(s.name)}${s.isDecommissioned ? '（利用停止）' : ''} | ${s.vcpus} | ${s.spec.memoryGb}GB | ${s.spec.disks.map((d) => `${d.sizeGb}GB`).join(' + ')} | ${s.backupVolume ? `${s.backupVolume.props.sizeGb}GB（${md(paths.backupDir)}）` : 'なし'} | ${src} |`;
    }),
    '',
    '仮想マシンのメモ（Notes）にシステムIDとバックアップ方針（R10）を記録します。チェックポイントは一時的なもの（R11）で、期限を過ぎた宣言済みのものは apply.ps1 が削除します。パススルーデバイスは使用しません（R26）。',
    '',
  ];
  return lines.join('\n');
}
