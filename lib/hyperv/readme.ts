import { IndividualBusinessSystem, PHASE_JA } from '../model/system';
import { serverPaths } from './emit';
// The one Markdown neutralizer of the product (a leaf module without imports), shared with the review documents.
import { md } from '../review/markdown';

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
    ...(hasRemove ? ['- `remove.ps1`: 利用停止（R07）の仮想マシンを削除します。`-ConfirmSystemId` にシステムIDを指定しないと実行しません。バックアップ領域（R10a）の VHDX は削除しません。'] : []),
    '',
    '## 実行方法',
    '',
    'Hyper-V ホストで管理者として PowerShell を開き、まず `-WhatIf` で計画を確認します。',
    '',
    '```powershell',
    '.\\apply.ps1 -WhatIf',
    '.\\apply.ps1 -Verbose',
    ...(hasRemove ? [`.\\remove.ps1 -ConfirmSystemId ${system.systemId} -WhatIf`] : []),
    '```',
    '',
    'CPU・メモリの変更は仮想マシンの停止中にのみ適用できます（R23: 変更には停止が必要な場合があります）。',
    '',
    '## 仮想マシン',
    '',
    '| サーバ | vCPU | メモリ | ディスク | バックアップ領域 | 作成方法 |',
    '|---|---|---|---|---|---|',
    ...servers.map((s) => {
      const paths = serverPaths(p, system, s);
      const src = s.spec.source.kind === 'template' ? 'テンプレート（sysprep 済み VHDX、R28 ホスト名設定）' : s.spec.source.kind === 'hyperv-export' ? 'Hyper-V エクスポートのインポート（コピー・新ID）' : '空の仮想マシン';
      return `| ${md(s.name)}${s.isDecommissioned ? '（利用停止）' : ''} | ${s.vcpus} | ${s.spec.memoryGb}GB | ${s.spec.disks.map((d) => `${d.sizeGb}GB`).join(' + ')} | ${s.backupVolume ? `${s.backupVolume.props.sizeGb}GB（${md(paths.backupDir)}）` : 'なし'} | ${src} |`;
    }),
    '',
    '仮想マシンのメモ（Notes）にシステムIDとバックアップ方針（R10）を記録します。チェックポイントは一時的なもの（R11）で、期限を過ぎたものは apply.ps1 が削除します。パススルーデバイスは使用しません（R26）。',
    '',
  ];
  return lines.join('\n');
}
