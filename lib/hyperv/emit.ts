import { DeclarationError, issue } from '../model/errors';
import { Estate } from '../model/estate';
import { findGuestOs } from '../model/guest-os';
import { parsePlatform } from '../model/platform';
import { Platform } from '../model/platform';
import { VirtualServer } from '../model/server';
import { IndividualBusinessSystem, PHASE_JA } from '../model/system';
import {
  Expr, Script, Stmt, and, arr, arrsub, assign, bin, blank, cmd, comment, discard, each, fail, gb, idx, iff, int, isNull, method,
  not, notNull, or, prop, run, say, set, should, str, sub, tryFinally, v, warn,
} from './ps';

/** Joins Windows path segments (all segments are schema-restricted or emitter constants). */
export const winJoin = (...parts: string[]): string => parts.map((p, i) => (i === 0 ? p.replace(/\\+$/, '') : p.replace(/^\\+|\\+$/g, ''))).join('\\');

const nicName = (i: number) => `nic${i}`;

/** Paths of one server's disks on the platform's storage. */
export function serverPaths(platform: Platform, system: IndividualBusinessSystem, server: VirtualServer) {
  const vmDir = winJoin(platform.hyperv.vmStoragePath, server.name);
  return {
    vmDir,
    system: winJoin(vmDir, `${server.name}-system.vhdx`),
    data: server.spec.disks.slice(1).map((_, i) => winJoin(vmDir, `${server.name}-disk${i + 1}.vhdx`)),
    backupDir: winJoin(platform.hyperv.backupStoragePath, system.systemId),
    backup: server.backupVolume ? winJoin(platform.hyperv.backupStoragePath, system.systemId, `${server.name}-backup.vhdx`) : undefined,
  };
}

/** The switch and access VLAN of each NIC: the standard network's, or the dedicated VLAN's (R24). */
function nicTargets(platform: Platform, server: VirtualServer): { name: string; switchName: string; vlanId: number }[] {
  const defaultSwitch = platform.hyperv.virtualSwitches[0]!.name;
  return server.nics.map((n) => {
    if (n.dedicatedVlan) return { name: nicName(n.index), switchName: defaultSwitch, vlanId: n.dedicatedVlan.props.vlanId };
    const net = platform.networks[n.networkKey as keyof Platform['networks']];
    return { name: nicName(n.index), switchName: net.hypervSwitch, vlanId: net.vlanId };
  });
}

/** The metadata written to the VM's notes (R10 backup policy, system identity). One line, so the comparison is exact. */
export function vmNotes(platform: Platform, system: IndividualBusinessSystem, server: VirtualServer): string {
  const b = system.spec.backup;
  const bp = platform.backupPolicy;
  const parts = [
    'kiban-iac',
    `systemId=${system.systemId}`,
    `department=${system.department}`,
    `system=${system.spec.systemName}`,
    `server=${server.name}`,
    ...(server.spec.roleJa ? [`role=${server.spec.roleJa}`] : []),
    b.osImage ? `osImageBackup=weekly${bp.weeklyGenerations}+daily${bp.dailyGenerations} tag=${bp.tag}` : `osImageBackup=none reason=${b.osImageOptOutReasonJa ?? ''}`,
    `scheduleOnReadyReport=${b.scheduleOnReadyReport ? 'yes' : 'no'}`,
    `restoreTest=${b.restoreTest ? 'yes' : 'no'}`,
    ...(server.backupVolume ? [`dataBackupVolumeGb=${server.backupVolume.props.sizeGb}`] : []),
  ];
  return parts.join('; ');
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The fixed unattend answer file (R28); declared values are filled in at run time with .Replace. */
const UNATTEND_TEMPLATE = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">',
  '  <settings pass="specialize">',
  '    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">',
  '      <ComputerName>{{ComputerName}}</ComputerName>',
  '      <RegisteredOrganization>{{Organization}}</RegisteredOrganization>',
  '    </component>',
  '    <component name="Microsoft-Windows-UnattendedJoin" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">',
  '      <Identification>',
  '        <JoinWorkgroup>{{Workgroup}}</JoinWorkgroup>',
  '      </Identification>',
  '    </component>',
  '  </settings>',
  '</unattend>',
];

const vmVar = v('vm');
const vmMissing = isNull(vmVar);

/** Gets the VM into $vm ($null when absent). */
const getVm = (name: string): Stmt => assign('vm', { name: 'Get-VM', args: [{ p: 'Name', v: str(name) }, { p: 'ErrorAction', v: str('SilentlyContinue') }] });

function renameSingleAdapter(name: string): Stmt[] {
  return [
    set('adapters', arrsub(cmd('Get-VMNetworkAdapter', { VMName: str(name) }))),
    iff(and(bin(prop(v('adapters'), 'Count'), '-eq', int(1)), bin(prop(idx(v('adapters'), 0), 'Name'), '-ne', str(nicName(0)))), [
      run('Rename-VMNetworkAdapter', { VMNetworkAdapter: idx(v('adapters'), 0), NewName: str(nicName(0)) }),
    ]),
  ];
}

function createVm(platform: Platform, system: IndividualBusinessSystem, server: VirtualServer): Stmt[] {
  const name = server.name;
  const paths = serverPaths(platform, system, server);
  const generation = server.spec.hyperv?.generation ?? 2;
  const firstNic = nicTargets(platform, server)[0]!;
  const sysGb = server.spec.disks[0]!.sizeGb;
  const src = server.spec.source;
  const common = { Name: str(name), Generation: int(generation), MemoryStartupBytes: gb(server.spec.memoryGb), Path: str(platform.hyperv.vmStoragePath) };
  if (src.kind === 'empty') {
    return [
      say(`[${name}] 新規作成: 空の仮想マシン（第${generation}世代、システムディスク ${sysGb}GB）を作成します (R20)`),
      should(name, `New-VM (第${generation}世代, ${server.spec.memoryGb}GB, ${paths.system})`, [
        discard(cmd('New-VM', { ...common, NewVHDPath: str(paths.system), NewVHDSizeBytes: gb(sysGb), SwitchName: str(firstNic.switchName) })),
        ...renameSingleAdapter(name),
        ...(src.isoPath ? [run('Add-VMDvdDrive', { VMName: str(name), Path: str(src.isoPath) })] : []),
      ]),
    ];
  }
  if (src.kind === 'template') {
    const template = platform.hyperv.templates.find((t) => t.key === src.template)!;
    const os = findGuestOs(server.spec.guestOs);
    const cust = src.customization;
    const customize: Stmt[] =
      cust.disabled !== undefined
        ? [warn(`[${name}] R28: OSカスタマイズは無効と宣言されています。起動前にホスト名・SIDを変更してください。`)]
        : os?.family !== 'windows'
          ? [warn(`[${name}] R28: Windows 以外のテンプレートです。ホスト名は初回起動時に設定してください。`)]
          : [
              say(`[${name}] R28: ホスト名を設定する応答ファイル (unattend.xml) をシステムディスクに書き込みます`),
              assign('mounted', cmd('Mount-VHD', { Path: str(paths.system), Passthru: true })),
              tryFinally(
                [
                  set('windowsRoot', { k: 'null' }),
                  each('part', arrsub(cmd('Get-Partition', { DiskNumber: prop(v('mounted'), 'DiskNumber') })), [
                    each('accessPath', arr([prop(v('part'), 'AccessPaths')]), [
                      iff(and(isNull(v('windowsRoot')), notNull(v('accessPath')), sub(cmd('Test-Path', { LiteralPath: sub(cmd('Join-Path', { Path: v('accessPath'), ChildPath: str('Windows\\System32') })) }))), [
                        set('windowsRoot', v('accessPath')),
                      ]),
                    ]),
                  ]),
                  iff(isNull(v('windowsRoot')), [fail(`[${name}] テンプレートの VHDX に Windows のパーティションが見つかりません`)]),
                  assign('panther', cmd('Join-Path', { Path: v('windowsRoot'), ChildPath: str('Windows\\Panther') })),
                  discard(cmd('New-Item', { ItemType: str('Directory'), Path: v('panther'), Force: true })),
                  set('unattend', { k: 'here', lines: UNATTEND_TEMPLATE }),
                  set('unattend', method(v('unattend'), 'Replace', str('{{ComputerName}}'), str(xmlEscape(name)))),
                  set('unattend', method(v('unattend'), 'Replace', str('{{Organization}}'), str(xmlEscape(cust.windows?.organizationJa ?? system.spec.systemName)))),
                  set('unattend', method(v('unattend'), 'Replace', str('{{Workgroup}}'), str(xmlEscape(cust.windows?.workgroup ?? 'WORKGROUP')))),
                  run('Set-Content', { LiteralPath: sub(cmd('Join-Path', { Path: v('panther'), ChildPath: str('unattend.xml') })), Value: v('unattend'), Encoding: str('UTF8') }),
                ],
                [run('Dismount-VHD', { Path: str(paths.system) })],
              ),
            ];
    return [
      say(`[${name}] 新規作成: sysprep 済みテンプレート VHDX をコピーして仮想マシンを作成します (R20, R28)`),
      should(name, `テンプレート ${template.name} をコピーして New-VM`, [
        iff(sub(cmd('Test-Path', { LiteralPath: str(paths.system) })), [fail(`[${name}] ${paths.system} が既にあります。上書きしません（既存ディスクを確認してください）`)]),
        discard(cmd('New-Item', { ItemType: str('Directory'), Path: str(paths.vmDir), Force: true })),
        run('Copy-Item', { LiteralPath: str(template.name), Destination: str(paths.system) }),
        assign('templateVhd', cmd('Get-VHD', { Path: str(paths.system) })),
        iff(bin(prop(v('templateVhd'), 'Size'), '-gt', gb(sysGb)), [fail(`[${name}] テンプレートのディスクが宣言したシステムディスク ${sysGb}GB より大きいため作成しません（縮小は行いません）`)]),
        iff(bin(prop(v('templateVhd'), 'Size'), '-lt', gb(sysGb)), [run('Resize-VHD', { Path: str(paths.system), SizeBytes: gb(sysGb) })]),
        ...customize,
        discard(cmd('New-VM', { ...common, VHDPath: str(paths.system), SwitchName: str(firstNic.switchName) })),
        ...renameSingleAdapter(name),
      ]),
    ];
  }
  if (src.kind === 'hyperv-export') {
    return [
      say(`[${name}] V2V: Hyper-V エクスポートを新しいIDのコピーとしてインポートします (R20: Import-VM -Copy -GenerateNewId)`),
      should(name, `Import-VM -Copy -GenerateNewId (${src.exportPath})`, [
        set('vmcx', arrsub(cmd('Get-ChildItem', { LiteralPath: sub(cmd('Join-Path', { Path: str(src.exportPath), ChildPath: str('Virtual Machines') })), Filter: str('*.vmcx') }))),
        iff(bin(prop(v('vmcx'), 'Count'), '-ne', int(1)), [fail(`[${name}] エクスポートの Virtual Machines フォルダに .vmcx がちょうど1つ必要です`)]),
        assign('imported', cmd('Import-VM', {
          Path: prop(idx(v('vmcx'), 0), 'FullName'), Copy: true, GenerateNewId: true,
          VirtualMachinePath: str(paths.vmDir), VhdDestinationPath: str(paths.vmDir), SnapshotFilePath: str(paths.vmDir), SmartPagingFilePath: str(paths.vmDir),
        })),
        iff(bin(prop(v('imported'), 'Name'), '-ne', str(name)), [run('Rename-VM', { VM: v('imported'), NewName: str(name) })]),
        ...renameSingleAdapter(name),
      ]),
    ];
  }
  throw new DeclarationError([issue({ code: 'KIBAN_SOURCE_HYPERVISOR', ruleId: 'R20', location: server.node.path, field: 'source.kind', value: src.kind, message: `"${src.kind}" is not a way onto Hyper-V`, messageJa: `「${src.kind}」は Hyper-V への構築・移行方法ではありません`, fix: 'use empty, template or hyperv-export', fixJa: 'empty、template、hyperv-export を使ってください' })]);
}

/** Test-then-Set for one virtual disk file: create if absent, grow if smaller, refuse if larger. */
function ensureVhd(name: string, path: string, sizeGb: number, fixed: boolean, label: string, dir: string): Stmt[] {
  return [
    iff(sub(cmd('Test-Path', { LiteralPath: str(path) })), [
      assign('vhd', cmd('Get-VHD', { Path: str(path) })),
      iff(bin(prop(v('vhd'), 'Size'), '-gt', gb(sizeGb)), [fail(`[${name}] 拒否: ${label} (${path}) を ${sizeGb}GB に縮小する変更は破壊的なため行いません`)]),
      iff(bin(prop(v('vhd'), 'Size'), '-lt', gb(sizeGb)), [should(name, `Resize-VHD ${label} を ${sizeGb}GB に拡張`, [run('Resize-VHD', { Path: str(path), SizeBytes: gb(sizeGb) })])]),
    ], [
      should(name, `New-VHD ${label} ${sizeGb}GB (${path})`, [
        discard(cmd('New-Item', { ItemType: str('Directory'), Path: str(dir), Force: true })),
        discard(cmd('New-VHD', fixed ? { Path: str(path), SizeBytes: gb(sizeGb), Fixed: true } : { Path: str(path), SizeBytes: gb(sizeGb), Dynamic: true })),
      ]),
    ]),
    set('attached', { k: 'bool', v: false }),
    each('drive', v('drives'), [iff(bin(prop(v('drive'), 'Path'), '-eq', str(path)), [set('attached', { k: 'bool', v: true })])]),
    iff(not(v('attached')), [should(name, `Add-VMHardDiskDrive ${label} (${path})`, [run('Add-VMHardDiskDrive', { VMName: str(name), Path: str(path) })])]),
  ];
}

function reconcileVm(platform: Platform, system: IndividualBusinessSystem, server: VirtualServer): Stmt[] {
  const name = server.name;
  const spec = server.spec;
  const generation = spec.hyperv?.generation ?? 2;
  const paths = serverPaths(platform, system, server);
  const declaredPaths = [...paths.data, ...(paths.backup ? [paths.backup] : [])];
  const diskCount = 1 + declaredPaths.length;
  const sysGb = spec.disks[0]!.sizeGb;
  const out: Stmt[] = [];

  out.push(
    comment('世代 (generation) の変更は破壊的なため拒否'),
    iff(and(notNull(vmVar), bin(prop(vmVar, 'Generation'), '-ne', int(generation))), [fail(`[${name}] 拒否: 既存の仮想マシンの世代を第${generation}世代に変更することはできません（作り直しが必要です）`)]),
    blank,
    say(`[${name}] プロセッサ数を確認します (宣言: ${server.vcpus})`),
    iff(or(vmMissing, bin(prop(vmVar, 'ProcessorCount'), '-ne', int(server.vcpus))), [should(name, `Set-VMProcessor -Count ${server.vcpus}`, [run('Set-VMProcessor', { VMName: str(name), Count: int(server.vcpus) })])]),
    say(`[${name}] 静的メモリを確認します (宣言: ${spec.memoryGb}GB)`),
    iff(or(vmMissing, prop(vmVar, 'DynamicMemoryEnabled'), bin(prop(vmVar, 'MemoryStartup'), '-ne', gb(spec.memoryGb))), [
      should(name, `Set-VMMemory 静的 ${spec.memoryGb}GB`, [run('Set-VMMemory', { VMName: str(name), DynamicMemoryEnabled: { k: 'bool', v: false }, StartupBytes: gb(spec.memoryGb) })]),
    ]),
    blank,
    say(`[${name}] 仮想ディスクを確認します (システム ${sysGb}GB、データ ${spec.disks.length - 1}、バックアップ領域 ${paths.backup ? 'あり' : 'なし'})`),
    set('drives', arr([])),
    iff(notNull(vmVar), [set('drives', arrsub(cmd('Get-VMHardDiskDrive', { VMName: str(name) })))]),
    comment('R26: パススルーディスクは使用不可'),
    each('drive', v('drives'), [iff(notNull(prop(v('drive'), 'DiskNumber')), [fail(`[${name}] 拒否: パススルーディスクが接続されています (R26)。統合基盤管理者と協議してください`)])]),
    comment('ディスクの削除は破壊的なため拒否'),
    iff(bin(prop(v('drives'), 'Count'), '-gt', int(diskCount)), [fail(`[${name}] 拒否: 宣言にないディスクが接続されています。ディスクの削除は行いません（宣言 ${diskCount} 台）`)]),
    each('drive', v('drives'), [
      iff(and(bin(prop(v('drive'), 'Path'), '-ne', prop(idx(v('drives'), 0), 'Path')), bin(arr(declaredPaths.map(str)), '-notcontains', prop(v('drive'), 'Path'))), [
        fail(bin(str(`[${name}] 拒否: 宣言にないディスクが接続されています。ディスクの削除は行いません: `), '+', prop(v('drive'), 'Path'))),
      ]),
    ]),
    iff(bin(prop(v('drives'), 'Count'), '-gt', int(0)), [
      assign('vhd', cmd('Get-VHD', { Path: prop(idx(v('drives'), 0), 'Path') })),
      iff(bin(prop(v('vhd'), 'Size'), '-gt', gb(sysGb)), [fail(`[${name}] 拒否: システムディスクを ${sysGb}GB に縮小する変更は破壊的なため行いません`)]),
      iff(bin(prop(v('vhd'), 'Size'), '-lt', gb(sysGb)), [should(name, `Resize-VHD システムディスクを ${sysGb}GB に拡張`, [run('Resize-VHD', { Path: prop(idx(v('drives'), 0), 'Path'), SizeBytes: gb(sysGb) })])]),
    ]),
  );
  spec.disks.slice(1).forEach((d, i) => out.push(...ensureVhd(name, paths.data[i]!, d.sizeGb, !d.thin, `データディスク${i + 1}`, paths.vmDir)));
  if (server.backupVolume && paths.backup) {
    out.push(say(`[${name}] R10a: バックアップ領域をバックアップ用ストレージに確認します (${server.backupVolume.props.sizeGb}GB)`));
    out.push(...ensureVhd(name, paths.backup, server.backupVolume.props.sizeGb, false, 'バックアップ領域', paths.backupDir));
  }

  out.push(blank);
  const nics = nicTargets(platform, server);
  for (const n of nics) {
    out.push(
      say(`[${name}] ネットワークアダプタ ${n.name} を確認します (仮想スイッチ ${n.switchName}、VLAN ${n.vlanId})`),
      set('adapter', { k: 'null' }),
      iff(notNull(vmVar), [assign('adapter', { name: 'Get-VMNetworkAdapter', args: [{ p: 'VMName', v: str(name) }, { p: 'Name', v: str(n.name) }, { p: 'ErrorAction', v: str('SilentlyContinue') }] })]),
      iff(isNull(v('adapter')), [should(name, `Add-VMNetworkAdapter ${n.name} (${n.switchName})`, [run('Add-VMNetworkAdapter', { VMName: str(name), Name: str(n.name), SwitchName: str(n.switchName) })])], [
        iff(bin(prop(v('adapter'), 'SwitchName'), '-ne', str(n.switchName)), [should(name, `Connect-VMNetworkAdapter ${n.name} -> ${n.switchName}`, [run('Connect-VMNetworkAdapter', { VMName: str(name), Name: str(n.name), SwitchName: str(n.switchName) })])]),
      ]),
      set('vlan', { k: 'null' }),
      iff(notNull(v('adapter')), [assign('vlan', cmd('Get-VMNetworkAdapterVlan', { VMName: str(name), VMNetworkAdapterName: str(n.name) }))]),
      iff(or(isNull(v('vlan')), bin(prop(v('vlan'), 'OperationMode'), '-ne', str('Access')), bin(prop(v('vlan'), 'AccessVlanId'), '-ne', int(n.vlanId))), [
        should(name, `Set-VMNetworkAdapterVlan ${n.name} -Access -VlanId ${n.vlanId}`, [run('Set-VMNetworkAdapterVlan', { VMName: str(name), VMNetworkAdapterName: str(n.name), Access: true, VlanId: int(n.vlanId) })]),
      ]),
    );
  }
  out.push(
    iff(notNull(vmVar), [
      each('adapter', arrsub(cmd('Get-VMNetworkAdapter', { VMName: str(name) })), [
        iff(bin(arr(nics.map((n) => str(n.name))), '-notcontains', prop(v('adapter'), 'Name')), [warn(bin(str(`[${name}] 宣言にないネットワークアダプタがあります（削除はしません）: `), '+', prop(v('adapter'), 'Name')))]),
      ]),
    ]),
    blank,
    say(`[${name}] 統合サービスを有効にします`),
    iff(notNull(vmVar), [
      each('service', arrsub(cmd('Get-VMIntegrationService', { VMName: str(name) })), [
        iff(not(prop(v('service'), 'Enabled')), [should(name, 'Enable-VMIntegrationService', [run('Enable-VMIntegrationService', { VMIntegrationService: v('service') })])]),
      ]),
    ], [say(`[${name}] （作成後に再実行すると統合サービスを有効にします）`)]),
    blank,
  );

  const now = system.estate.clock().getTime();
  const declaredSnaps = spec.snapshots.map((s) => s.name);
  out.push(say(`[${name}] R11: 一時チェックポイントを確認します（宣言 ${spec.snapshots.length} 件、最長 ${platform.snapshotMaxHours} 時間）`));
  for (const s of spec.snapshots) {
    const expired = new Date(s.expiresAt).getTime() <= now;
    const count = prop(arrsub({ name: 'Get-VMSnapshot', args: [{ p: 'VMName', v: str(name) }, { p: 'Name', v: str(s.name) }, { p: 'ErrorAction', v: str('SilentlyContinue') }] }), 'Count');
    if (expired) {
      out.push(iff(and(notNull(vmVar), bin(count, '-gt', int(0))), [
        warn(`[${name}] R11: チェックポイント ${s.name} は期限 ${s.expiresAt} を過ぎています。削除します`),
        should(name, `Remove-VMSnapshot ${s.name}（期限切れ ${s.expiresAt}）`, [run('Remove-VMSnapshot', { VMName: str(name), Name: str(s.name) })]),
      ]));
    } else {
      out.push(
        iff(or(vmMissing, bin(count, '-eq', int(0))), [
          should(name, `Checkpoint-VM ${s.name}（期限 ${s.expiresAt}: ${s.purposeJa}）`, [run('Checkpoint-VM', { Name: str(name), SnapshotName: str(s.name) })]),
        ]),
        say(`[${name}] R11: チェックポイント ${s.name} は ${s.expiresAt} までに検証を終えて削除してください（バックアップではありません）`),
      );
    }
  }
  out.push(
    iff(notNull(vmVar), [
      each('snapshot', arrsub(cmd('Get-VMSnapshot', { VMName: str(name) })), [
        iff(bin(arr(declaredSnaps.map(str)), '-notcontains', prop(v('snapshot'), 'Name')), [warn(bin(str(`[${name}] R11: 宣言にないチェックポイントがあります。検証後に削除してください: `), '+', prop(v('snapshot'), 'Name')))]),
      ]),
    ]),
    blank,
    say(`[${name}] R10: バックアップ方針とシステム情報を仮想マシンのメモ (Notes) に記録します`),
    set('notes', str(vmNotes(platform, system, server))),
    iff(or(vmMissing, bin(prop(vmVar, 'Notes'), '-cne', v('notes'))), [should(name, 'Set-VM -Notes（バックアップ方針・システム情報）', [run('Set-VM', { Name: str(name), Notes: v('notes') })])]),
  );
  return out;
}

function hostCheck(platform: Platform): Stmt[] {
  const version = platform.hyperv.windowsServerVersion;
  return [
    say(`Hyper-V ホストの OS を確認します（統合基盤の定義: Windows Server ${version}）`),
    assign('hostOs', cmd('Get-CimInstance', { ClassName: str('Win32_OperatingSystem') })),
    iff(not(method(prop(v('hostOs'), 'Caption'), 'Contains', str(version))), [
      warn(bin(str(`統合基盤の定義は Windows Server ${version} ですが、実行ホストは次のとおりです: `), '+', prop(v('hostOs'), 'Caption'))),
    ]),
    blank,
  ];
}

function header(system: IndividualBusinessSystem, what: string): string[] {
  return [`${what}`, `systemId: ${system.systemId} / department: ${system.department} / phase: ${system.spec.phase}`, 'Generated by kiban-iac from the declaration; do not edit. Run with -WhatIf first.'];
}

/** apply.ps1: brings the host to the declared state (or only checks, when the phase builds no VMs). */
export function applyScript(system: IndividualBusinessSystem): Script {
  const platform = system.estate.platform;
  const body: Stmt[] = [...hostCheck(platform)];
  const servers = [...system.servers].sort((a, b) => a.name.localeCompare(b.name));
  if (!system.buildsVms) {
    const why = system.isDecommissioned ? '利用停止（R07）のため、このスクリプトは確認のみ行います。削除は remove.ps1 で行います。' : `工程「${PHASE_JA[system.spec.phase]}」では仮想マシンを構築しません（申請前）。確認のみ行います。`;
    body.push(say(why));
    for (const s of servers) {
      body.push(getVm(s.name), iff(vmMissing, [say(`[${s.name}] 仮想マシンはありません`)], [say(`[${s.name}] 仮想マシンがあります（このスクリプトは変更しません）`)]));
    }
    return { synopsis: header(system, 'Check-only script (no VM is built in this phase).'), confirmImpact: 'Medium', params: [], body };
  }
  for (const s of servers) {
    body.push(comment(`==== server ${s.name} ====`));
    if (s.isDecommissioned) {
      body.push(say(`[${s.name}] 利用停止（R07）のサーバです。変更しません。削除は remove.ps1 で行います。`), blank);
      continue;
    }
    body.push(
      say(`[${s.name}] 仮想マシンの有無を確認します`),
      getVm(s.name),
      iff(vmMissing, [...createVm(platform, system, s), getVm(s.name)], [say(`[${s.name}] 仮想マシンは既にあります。差分のみ適用します`)]),
      ...reconcileVm(platform, system, s),
      blank,
    );
  }
  body.push(say(`${system.systemId}: 完了`));
  return { synopsis: header(system, 'Brings the Hyper-V host to the declared state (idempotent Test-then-Set).'), confirmImpact: 'Medium', params: [], body };
}

/** remove.ps1: removes the decommissioned system's VMs (or the decommissioned servers); keeps backup volumes. */
export function removeScript(system: IndividualBusinessSystem): Script | undefined {
  const platform = system.estate.platform;
  const targets = [...system.servers].filter((s) => system.isDecommissioned || s.isDecommissioned).sort((a, b) => a.name.localeCompare(b.name));
  if (!system.isDecommissioned && targets.length === 0) return undefined;
  const body: Stmt[] = [
    ...hostCheck(platform),
    iff(bin(v('ConfirmSystemId'), '-cne', str(system.systemId)), [fail(`確認のため -ConfirmSystemId ${system.systemId} を指定してください (R07)`)]),
  ];
  for (const s of targets) {
    const paths = serverPaths(platform, system, s);
    body.push(
      comment(`==== server ${s.name} ====`),
      say(`[${s.name}] 利用停止（R07）: 仮想マシンを削除します`),
      getVm(s.name),
      iff(vmMissing, [say(`[${s.name}] 仮想マシンはありません（削除済み）`)], [
        iff(bin(prop(vmVar, 'State'), '-ne', str('Off')), [should(s.name, 'Stop-VM', [run('Stop-VM', { Name: str(s.name), Force: true })])]),
        set('drives', arrsub(cmd('Get-VMHardDiskDrive', { VMName: str(s.name) }))),
        should(s.name, 'Remove-VM', [
          run('Remove-VM', { Name: str(s.name), Force: true }),
          each('drive', v('drives'), [
            iff(bin(prop(v('drive'), 'Path'), '-eq', str(paths.backup ?? '')), [say(`[${s.name}] バックアップ領域は削除しません（R10a、データ消去は所管課が行います）: ${paths.backup ?? ''}`)], [
              iff(sub(cmd('Test-Path', { LiteralPath: prop(v('drive'), 'Path') })), [run('Remove-Item', { LiteralPath: prop(v('drive'), 'Path') })]),
            ]),
          ]),
        ]),
      ]),
      blank,
    );
  }
  body.push(say(`${system.systemId}: 削除処理の完了`));
  return {
    synopsis: header(system, 'Removes the decommissioned VMs (R07). Needs -ConfirmSystemId; keeps backup volumes.'),
    confirmImpact: 'High',
    params: [{ name: 'ConfirmSystemId', mandatory: true, helpMessage: 'the system id, repeated as confirmation (R07)' }],
    body,
  };
}

/** Refuses what the scripts cannot express (R26) and re-validates the platform data. */
export function validateForHyperV(estate: Estate, systems: readonly IndividualBusinessSystem[]): void {
  parsePlatform(estate.platform, 'platform');
  const issues = systems.flatMap((sys) =>
    sys.servers
      .filter((s) => s.spec.devices.length > 0)
      .map((s) => issue({ code: 'KIBAN_PASSTHROUGH_DEVICE', ruleId: 'R26', location: s.node.path, field: 'devices', value: s.spec.devices, message: 'USB, serial, parallel, SCSI and passthrough devices are not provided on the platform', messageJa: 'USB・シリアル・パラレル・SCSI 等の周辺機器（パススルー）は利用できません', fix: 'remove devices, or discuss the business need with the platform admin', fixJa: 'devices を削除するか、業務上の必要性を統合基盤管理者と協議してください' })),
  );
  if (issues.length > 0) throw new DeclarationError(issues);
}

export type { Expr };
