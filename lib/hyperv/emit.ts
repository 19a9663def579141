import { DeclarationError, DeclarationIssue, issue } from '../model/errors';
import { Estate } from '../model/estate';
import { findGuestOs } from '../model/guest-os';
import { parsePlatform } from '../model/platform';
import { Platform } from '../model/platform';
import { CUSTOMIZATION_DEFAULTS, VirtualServer, sysprepOrganization } from '../model/server';
import { IndividualBusinessSystem, PHASE_JA } from '../model/system';
import { GuestNic, fixedMac, guestNics, windowsTimeZone } from './guest-identity';
import {
  Expr,
  Script,
  Stmt,
  and,
  arr,
  arrsub,
  assign,
  bin,
  blank,
  bool,
  cmd,
  comment,
  discard,
  each,
  fail,
  gb,
  idx,
  iff,
  int,
  isNull,
  method,
  not,
  notNull,
  or,
  prop,
  run,
  say,
  set,
  should,
  str,
  sub,
  tryFinally,
  tryUndo,
  v,
  warn,
  whileLoop,
} from './ps';

/** Joins Windows path segments (all segments are schema-restricted or emitter constants). */
export const winJoin = (...parts: string[]): string =>
  parts.map((p, i) => (i === 0 ? p.replace(/\\+$/, '') : p.replace(/^\\+|\\+$/g, ''))).join('\\');

const nicName = (i: number) => `nic${i}`;

/**
 * Paths of one server's files on the platform's storage. The VM folder includes the system
 * (`<vmStoragePath>\<systemId>\<server>`), so two systems never share a folder.
 */
export function serverPaths(platform: Platform, system: IndividualBusinessSystem, server: VirtualServer) {
  const systemDir = winJoin(platform.hyperv.vmStoragePath, system.systemId);
  const vmDir = winJoin(systemDir, server.name);
  return {
    /** New-VM -Path: the VM's configuration goes to `<systemDir>\<server>\Virtual Machines`. */
    systemDir,
    vmDir,
    system: winJoin(vmDir, `${server.name}-system.vhdx`),
    data: server.spec.disks.slice(1).map((_, i) => winJoin(vmDir, `${server.name}-disk${i + 1}.vhdx`)),
    backupDir: winJoin(platform.hyperv.backupStoragePath, system.systemId),
    backup: server.backupVolume
      ? winJoin(platform.hyperv.backupStoragePath, system.systemId, `${server.name}-backup.vhdx`)
      : undefined,
  };
}

/** The switch and access VLAN of each NIC, as the model resolved its network (R24). */
function nicTargets(server: VirtualServer): { name: string; switchName: string; vlanId: number }[] {
  return server.nics.map((n) => ({
    name: nicName(n.index),
    switchName: n.network.hypervSwitch,
    vlanId: n.network.vlanId,
  }));
}

/**
 * The ownership marker: a VM belongs to the system only if its notes start with this text. It is
 * the start of {@link vmNotes}, which apply.ps1 writes right after creating the VM.
 */
export const ownershipMarker = (system: IndividualBusinessSystem): string => `kiban-iac; systemId=${system.systemId}; `;

/** The metadata written to the VM's notes (ownership marker, R10 backup policy, system identity). One line, so the comparison is exact. */
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
    b.osImage
      ? `osImageBackup=weekly${bp.weeklyGenerations}+daily${bp.dailyGenerations} tag=${bp.tag}`
      : `osImageBackup=none reason=${b.osImageOptOutReasonJa ?? ''}`,
    `scheduleOnReadyReport=${b.scheduleOnReadyReport ? 'yes' : 'no'}`,
    `restoreTest=${b.restoreTest ? 'yes' : 'no'}`,
    ...(server.backupVolume ? [`dataBackupVolumeGb=${server.backupVolume.props.sizeGb}`] : []),
  ];
  return parts.join('; ');
}

/** XML text escaping; `{` too, so no declared value can contain a `{{placeholder}}` of the answer file. */
const xmlEscape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\{/g, '&#123;');

const COMPONENT = (name: string) =>
  `    <component name="${name}" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">`;

/**
 * The unattend answer file (R28): fixed lines with `{{placeholders}}`; declared values are filled in
 * at run time with .Replace (each value through psQuote). Specialize pass: computer name,
 * organization, time zone, workgroup; static IPv4 address, default gateway and DNS servers per NIC,
 * each interface identified by its fixed MAC address; the DNS domain as suffix. Element order as
 * Microsoft's unattend reference requires it: Interface = Ipv4Settings, Identifier,
 * UnicastIpAddresses, Routes; Route = Identifier, NextHopAddress, Prefix; DNS-Client Interface =
 * Identifier, DNSDomain, DNSServerSearchOrder (as in its XML example).
 */
export function unattendTemplate(
  nics: readonly GuestNic[],
  hasDomain: boolean,
): { lines: string[]; gatewayNic: number | undefined } {
  const staticNics = nics.filter((n) => n.address !== undefined);
  const gatewayNic = staticNics.find((n) => n.gateway !== undefined)?.index;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">',
    '  <settings pass="specialize">',
    COMPONENT('Microsoft-Windows-Shell-Setup'),
    '      <ComputerName>{{ComputerName}}</ComputerName>',
    '      <RegisteredOrganization>{{Organization}}</RegisteredOrganization>',
    '      <TimeZone>{{TimeZone}}</TimeZone>',
    '    </component>',
    COMPONENT('Microsoft-Windows-UnattendedJoin'),
    '      <Identification>',
    '        <JoinWorkgroup>{{Workgroup}}</JoinWorkgroup>',
    '      </Identification>',
    '    </component>',
  ];
  if (staticNics.length > 0) {
    lines.push(COMPONENT('Microsoft-Windows-TCPIP'), '      <Interfaces>');
    for (const n of staticNics) {
      lines.push(
        '        <Interface wcm:action="add">',
        '          <Ipv4Settings>',
        '            <DhcpEnabled>false</DhcpEnabled>',
        '          </Ipv4Settings>',
        `          <Identifier>{{Mac${n.index}}}</Identifier>`,
        '          <UnicastIpAddresses>',
        `            <IpAddress wcm:action="add" wcm:keyValue="1">{{Ip${n.index}}}</IpAddress>`,
        '          </UnicastIpAddresses>',
      );
      if (n.index === gatewayNic) {
        lines.push(
          '          <Routes>',
          '            <Route wcm:action="add">',
          '              <Identifier>0</Identifier>',
          `              <NextHopAddress>{{Gateway${n.index}}}</NextHopAddress>`,
          '              <Prefix>0.0.0.0/0</Prefix>',
          '            </Route>',
          '          </Routes>',
        );
      }
      lines.push('        </Interface>');
    }
    lines.push('      </Interfaces>', '    </component>');
  }
  const dnsNics = staticNics.filter((n) => n.dnsServers.length > 0 || hasDomain);
  if (dnsNics.length > 0 || hasDomain) {
    lines.push(COMPONENT('Microsoft-Windows-DNS-Client'));
    if (hasDomain) lines.push('      <DNSDomain>{{Domain}}</DNSDomain>');
    if (dnsNics.length > 0) {
      lines.push('      <Interfaces>');
      for (const n of dnsNics) {
        lines.push('        <Interface wcm:action="add">', `          <Identifier>{{Mac${n.index}}}</Identifier>`);
        if (hasDomain) lines.push('          <DNSDomain>{{Domain}}</DNSDomain>');
        if (n.dnsServers.length > 0) {
          lines.push('          <DNSServerSearchOrder>');
          n.dnsServers.forEach((_, k) =>
            lines.push(
              `            <IpAddress wcm:action="add" wcm:keyValue="${k + 1}">{{Dns${n.index}x${k + 1}}}</IpAddress>`,
            ),
          );
          lines.push('          </DNSServerSearchOrder>');
        }
        lines.push('        </Interface>');
      }
      lines.push('      </Interfaces>');
    }
    lines.push('    </component>');
  }
  lines.push('  </settings>', '</unattend>');
  return { lines, gatewayNic };
}

const vmVar = v('vm');
const vmMissing = isNull(vmVar);

/** `$x` is this system's VM: its notes start with `$marker` (compared ordinally, case-sensitive). */
const owned = (x: Expr): Expr =>
  and(
    notNull(prop(x, 'Notes')),
    bin(prop(prop(x, 'Notes'), 'Length'), '-ge', prop(v('marker'), 'Length')),
    bin(method(prop(x, 'Notes'), 'Substring', int(0), prop(v('marker'), 'Length')), '-ceq', v('marker')),
  );

const getVmArgs = (name: string) => [
  { p: 'Name', v: str(name) },
  { p: 'ErrorAction', v: str('SilentlyContinue') },
];

/**
 * `$found`: every VM of that name, cluster-wide (each node of the declared cluster) or on the
 * standalone host. On a cluster every node's VMs are listed without -ErrorAction, so a node that
 * cannot be asked stops the script instead of hiding a VM (which would be created a second time).
 */
function findEverywhere(platform: Platform, name: string): Stmt[] {
  if (platform.hyperv.cluster === undefined) return [set('found', arrsub({ name: 'Get-VM', args: getVmArgs(name) }))];
  return [
    set('found', arr([])),
    each('node', v('clusterNodes'), [
      each('candidate', arrsub(cmd('Get-VM', { ComputerName: prop(v('node'), 'Name') })), [
        iff(bin(prop(v('candidate'), 'Name'), '-eq', str(name)), [
          set('found', bin(v('found'), '+', arr([v('candidate')]))),
        ]),
      ]),
    ]),
  ];
}

/**
 * Gets this system's VM into $vm ($null when absent). Throws when a same-named VM is not the
 * system's (no marker in its notes), when the name is ambiguous, or when the VM runs on another
 * cluster node (the script acts on the local node only).
 */
function locateVm(platform: Platform, system: IndividualBusinessSystem, name: string): Stmt[] {
  const clustered = platform.hyperv.cluster !== undefined;
  return [
    ...findEverywhere(platform, name),
    iff(bin(prop(v('found'), 'Count'), '-gt', int(1)), [
      fail(
        bin(
          bin(str(`[${name}] 拒否: 同名の仮想マシンが複数あります（台数: `), '+', prop(v('found'), 'Count')),
          '+',
          str('）。どれがこのシステムのものか決められないため、何も変更しません'),
        ),
      ),
    ]),
    each('other', v('found'), [
      iff(not(owned(v('other'))), [
        fail(
          bin(
            str(
              `[${name}] 拒否: 同名の仮想マシンがありますが、このシステム (${system.systemId}) のものではありません（メモ (Notes) に印がありません）。変更・削除しません: ホスト `,
            ),
            '+',
            prop(v('other'), 'ComputerName'),
          ),
        ),
      ]),
    ]),
    assign('vm', { name: 'Get-VM', args: getVmArgs(name) }),
    ...(clustered
      ? [
          iff(and(vmMissing, bin(prop(v('found'), 'Count'), '-eq', int(1))), [
            fail(
              bin(
                str(
                  `[${name}] この仮想マシンはクラスタの別のノードにあります。そのノードでこのスクリプトを実行してください: `,
                ),
                '+',
                prop(idx(v('found'), 0), 'ComputerName'),
              ),
            ),
          ]),
        ]
      : []),
  ];
}

function renameAdapters(name: string, count: number): Stmt[] {
  const out: Stmt[] = [set('adapters', arrsub(cmd('Get-VMNetworkAdapter', { VMName: str(name) })))];
  for (let i = 0; i < count; i++) {
    out.push(
      iff(
        and(
          bin(prop(v('adapters'), 'Count'), '-gt', int(i)),
          bin(prop(idx(v('adapters'), i), 'Name'), '-ne', str(nicName(i))),
        ),
        [run('Rename-VMNetworkAdapter', { VMNetworkAdapter: idx(v('adapters'), i), NewName: str(nicName(i)) })],
      ),
    );
  }
  return out;
}

/** Whether apply.ps1 writes the unattend file (R28): a template of a Windows guest with customization on. */
function customizesWindows(server: VirtualServer): boolean {
  const src = server.spec.source;
  return (
    src.kind === 'template' &&
    src.customization.disabled === undefined &&
    findGuestOs(server.spec.guestOs)?.family === 'windows'
  );
}

/** Mounts the copied system disk, gives the Windows partition an explicit drive letter, writes Panther\Unattend\Unattend.xml. */
function writeUnattend(platform: Platform, system: IndividualBusinessSystem, server: VirtualServer): Stmt[] {
  const name = server.name;
  const paths = serverPaths(platform, system, server);
  const src = server.spec.source;
  if (src.kind !== 'template') return [];
  const cust = src.customization;
  const nics = guestNics(system, server);
  const { lines } = unattendTemplate(nics, cust.domain !== undefined);
  const values: [string, string][] = [
    ['ComputerName', name],
    ['Organization', sysprepOrganization(cust, system.spec.systemName)],
    ['TimeZone', windowsTimeZone(cust.timeZone)!],
    ['Workgroup', cust.windows?.workgroup ?? CUSTOMIZATION_DEFAULTS.workgroup],
    ...(cust.domain !== undefined ? [['Domain', cust.domain] as [string, string]] : []),
  ];
  for (const n of nics) {
    if (n.address === undefined) continue;
    values.push([`Mac${n.index}`, n.mac.unattend], [`Ip${n.index}`, n.address]);
    if (n.gateway !== undefined) values.push([`Gateway${n.index}`, n.gateway]);
    n.dnsServers.forEach((d, k) => values.push([`Dns${n.index}x${k + 1}`, d]));
  }
  const placeholders = values.filter(([k]) => lines.some((l) => l.includes(`{{${k}}}`)));
  const partRoot = (p: Expr) => bin(bin(str(''), '+', prop(p, 'DriveLetter')), '+', str(':\\'));
  const missingIp = nics.filter((n) => n.address === undefined).map((n) => nicName(n.index));
  return [
    say(
      `[${name}] R28: ホスト名・IP アドレス・DNS・タイムゾーンを設定する応答ファイルを Windows\\Panther\\Unattend\\Unattend.xml に書き込みます`,
    ),
    ...(missingIp.length > 0
      ? [
          warn(
            `[${name}] R28: ${missingIp.join(', ')} の IP アドレスが宣言にありません（未割当）。この NIC は DHCP のままです。割り当て後は OS 上で設定してください`,
          ),
        ]
      : []),
    assign('mounted', cmd('Mount-VHD', { Path: str(paths.system), NoDriveLetter: true, Passthru: true })),
    set('assigned', arr([])),
    tryFinally(
      [
        set('windowsRoot', { k: 'null' }),
        comment(
          'ドライブ文字のないパーティションは探索が不確実なため、基本データ領域に明示的にドライブ文字を割り当てて確認する',
        ),
        each('part', arrsub(cmd('Get-Partition', { DiskNumber: prop(v('mounted'), 'DiskNumber') })), [
          iff(
            and(isNull(v('windowsRoot')), bin(arr([str('Basic'), str('IFS')]), '-contains', prop(v('part'), 'Type'))),
            [
              run('Add-PartitionAccessPath', {
                DiskNumber: prop(v('part'), 'DiskNumber'),
                PartitionNumber: prop(v('part'), 'PartitionNumber'),
                AssignDriveLetter: true,
              }),
              assign(
                'lettered',
                cmd('Get-Partition', {
                  DiskNumber: prop(v('part'), 'DiskNumber'),
                  PartitionNumber: prop(v('part'), 'PartitionNumber'),
                }),
              ),
              set('assigned', bin(v('assigned'), '+', arr([v('lettered')]))),
              iff(
                sub(
                  cmd('Test-Path', {
                    LiteralPath: sub(
                      cmd('Join-Path', { Path: partRoot(v('lettered')), ChildPath: str('Windows\\System32') }),
                    ),
                  }),
                ),
                [set('windowsRoot', partRoot(v('lettered')))],
              ),
            ],
          ),
        ]),
        iff(isNull(v('windowsRoot')), [
          fail(`[${name}] テンプレートの VHDX に Windows のパーティションが見つかりません`),
        ]),
        assign(
          'unattendDir',
          cmd('Join-Path', { Path: v('windowsRoot'), ChildPath: str('Windows\\Panther\\Unattend') }),
        ),
        discard(cmd('New-Item', { ItemType: str('Directory'), Path: v('unattendDir'), Force: true })),
        set('unattend', { k: 'here', lines }),
        ...placeholders.map(([k, val]) =>
          set('unattend', method(v('unattend'), 'Replace', str(`{{${k}}}`), str(xmlEscape(val)))),
        ),
        run('Set-Content', {
          LiteralPath: sub(cmd('Join-Path', { Path: v('unattendDir'), ChildPath: str('Unattend.xml') })),
          Value: v('unattend'),
          Encoding: str('UTF8'),
        }),
      ],
      [
        each('lettered', v('assigned'), [
          run('Remove-PartitionAccessPath', {
            DiskNumber: prop(v('lettered'), 'DiskNumber'),
            PartitionNumber: prop(v('lettered'), 'PartitionNumber'),
            AccessPath: partRoot(v('lettered')),
          }),
        ]),
        run('Dismount-VHD', { Path: str(paths.system) }),
      ],
    ),
  ];
}

/** Creates the VM; whatever the attempt made (VM, VM folder) is removed in catch, so the next run starts clean. */
function createVm(platform: Platform, system: IndividualBusinessSystem, server: VirtualServer): Stmt[] {
  const name = server.name;
  const paths = serverPaths(platform, system, server);
  const generation = server.spec.hyperv?.generation ?? 2;
  const nics = nicTargets(server);
  const firstNic = nics[0]!;
  const sysGb = server.spec.disks[0]!.sizeGb;
  const src = server.spec.source;
  const common = {
    Name: str(name),
    Generation: int(generation),
    MemoryStartupBytes: gb(server.spec.memoryGb),
    Path: str(paths.systemDir),
  };
  const notes = [run('Set-VM', { Name: str(name), Notes: str(vmNotes(platform, system, server)) })];
  const preflight: Stmt[] = [
    comment('前回の失敗の残りや他の所有者のファイルを上書きしない: 仮想マシンのフォルダにファイルがあれば中止'),
    iff(sub(cmd('Test-Path', { LiteralPath: str(paths.vmDir) })), [
      iff(
        bin(
          prop(arrsub(cmd('Get-ChildItem', { LiteralPath: str(paths.vmDir), Recurse: true, File: true })), 'Count'),
          '-gt',
          int(0),
        ),
        [
          fail(
            `[${name}] ${paths.vmDir} にファイルが既にあります。上書きしません（内容を確認し、不要なら削除してから再実行してください）`,
          ),
        ],
      ),
    ]),
    set('newVm', { k: 'null' }),
  ];
  const undo: Stmt[] = [
    warn(`[${name}] 作成に失敗しました。この実行で作成したもの（仮想マシン、${paths.vmDir}）を削除します`),
    iff(notNull(v('newVm')), [run('Remove-VM', { VM: v('newVm'), Force: true })]),
    iff(sub(cmd('Test-Path', { LiteralPath: str(paths.vmDir) })), [
      run('Remove-Item', { LiteralPath: str(paths.vmDir), Recurse: true, Force: true }),
    ]),
  ];
  let body: Stmt[];
  let intro: string;
  let plan: string;
  if (src.kind === 'empty') {
    intro = `[${name}] 新規作成: 空の仮想マシン（第${generation}世代、システムディスク ${sysGb}GB）を作成します (R20)`;
    plan = `New-VM (第${generation}世代, ${server.spec.memoryGb}GB, ${paths.system})`;
    body = [
      assign(
        'newVm',
        cmd('New-VM', {
          ...common,
          NewVHDPath: str(paths.system),
          NewVHDSizeBytes: gb(sysGb),
          SwitchName: str(firstNic.switchName),
        }),
      ),
      ...notes,
      ...renameAdapters(name, 1),
      ...(src.isoPath ? [run('Add-VMDvdDrive', { VMName: str(name), Path: str(src.isoPath) })] : []),
    ];
  } else if (src.kind === 'template') {
    const template = platform.hyperv.templates.find((t) => t.key === src.template)!;
    const cust = src.customization;
    const customize: Stmt[] =
      cust.disabled !== undefined
        ? [
            warn(
              `[${name}] R28: OSカスタマイズは無効と宣言されています。起動前にホスト名・IP アドレス・SIDを変更してください。`,
            ),
          ]
        : !customizesWindows(server)
          ? [
              warn(
                `[${name}] R28: Windows 以外のテンプレートです。ホスト名と IP アドレスは初回起動時に設定してください。`,
              ),
            ]
          : writeUnattend(platform, system, server);
    intro = `[${name}] 新規作成: sysprep 済みテンプレート VHDX をコピーして仮想マシンを作成します (R20, R28)`;
    plan = `テンプレート ${template.name} をコピーして New-VM`;
    body = [
      discard(cmd('New-Item', { ItemType: str('Directory'), Path: str(paths.vmDir), Force: true })),
      run('Copy-Item', { LiteralPath: str(template.name), Destination: str(paths.system) }),
      assign('templateVhd', cmd('Get-VHD', { Path: str(paths.system) })),
      iff(bin(prop(v('templateVhd'), 'Size'), '-gt', gb(sysGb)), [
        fail(
          `[${name}] テンプレートのディスクが宣言したシステムディスク ${sysGb}GB より大きいため作成しません（縮小は行いません）`,
        ),
      ]),
      iff(bin(prop(v('templateVhd'), 'Size'), '-lt', gb(sysGb)), [
        run('Resize-VHD', { Path: str(paths.system), SizeBytes: gb(sysGb) }),
      ]),
      ...customize,
      assign('newVm', cmd('New-VM', { ...common, VHDPath: str(paths.system), SwitchName: str(firstNic.switchName) })),
      ...notes,
      ...renameAdapters(name, 1),
      ...(customizesWindows(server)
        ? [
            run('Set-VMNetworkAdapter', {
              VMName: str(name),
              Name: str(nicName(0)),
              StaticMacAddress: str(fixedMac(system, server, 0).hyperv),
            }),
          ]
        : []),
    ];
  } else if (src.kind === 'hyperv-export') {
    intro = `[${name}] V2V: Hyper-V エクスポートを新しいIDのコピーとしてインポートします (R20: Compare-VM で確認してから Import-VM -Copy -GenerateNewId)`;
    plan = `Compare-VM / Import-VM -Copy -GenerateNewId (${src.exportPath})`;
    body = [
      set(
        'vmcx',
        arrsub(
          cmd('Get-ChildItem', {
            LiteralPath: sub(cmd('Join-Path', { Path: str(src.exportPath), ChildPath: str('Virtual Machines') })),
            Filter: str('*.vmcx'),
          }),
        ),
      ),
      iff(bin(prop(v('vmcx'), 'Count'), '-ne', int(1)), [
        fail(`[${name}] エクスポートの Virtual Machines フォルダに .vmcx がちょうど1つ必要です`),
      ]),
      comment('Compare-VM: このホストで取り込めるかを先に確認する（Microsoft の Compare-VM 例2）'),
      assign(
        'report',
        cmd('Compare-VM', {
          Path: prop(idx(v('vmcx'), 0), 'FullName'),
          Copy: true,
          GenerateNewId: true,
          VirtualMachinePath: str(paths.vmDir),
          VhdDestinationPath: str(paths.vmDir),
          SnapshotFilePath: str(paths.vmDir),
          SmartPagingFilePath: str(paths.vmDir),
        }),
      ),
      iff(bin(prop(prop(v('report'), 'VM'), 'Generation'), '-ne', int(generation)), [
        fail(
          bin(
            str(
              `[${name}] 拒否: エクスポートの仮想マシンは宣言の第${generation}世代ではありません（世代は変更できません）: 第`,
            ),
            '+',
            prop(prop(v('report'), 'VM'), 'Generation'),
          ),
        ),
      ]),
      set('blocking', arr([])),
      each('incompatibility', arr([prop(v('report'), 'Incompatibilities')]), [
        iff(notNull(v('incompatibility')), [
          iff(
            bin(prop(v('incompatibility'), 'MessageId'), '-eq', int(33012)),
            [
              say(
                `[${name}] インポート元の仮想スイッチがこのホストにないため、宣言のネットワーク（仮想スイッチ ${firstNic.switchName}）に接続し直します (33012)`,
              ),
              run('Connect-VMNetworkAdapter', {
                VMNetworkAdapter: prop(v('incompatibility'), 'Source'),
                SwitchName: str(firstNic.switchName),
              }),
            ],
            [set('blocking', bin(v('blocking'), '+', arr([v('incompatibility')])))],
          ),
        ]),
      ]),
      each('incompatibility', v('blocking'), [
        warn(
          bin(
            bin(str(`[${name}] 互換性の問題 `), '+', prop(v('incompatibility'), 'MessageId')),
            '+',
            bin(str(': '), '+', prop(v('incompatibility'), 'Message')),
          ),
        ),
      ]),
      iff(bin(prop(v('blocking'), 'Count'), '-gt', int(0)), [
        fail(
          `[${name}] 拒否: このホストではインポートできない互換性の問題があります（上の一覧）。統合基盤管理者と対応を協議してください`,
        ),
      ]),
      comment('接続し直した後の報告をもう一度確認してからインポートする'),
      assign('report', cmd('Compare-VM', { CompatibilityReport: v('report') })),
      set('remaining', int(0)),
      each('incompatibility', arr([prop(v('report'), 'Incompatibilities')]), [
        iff(notNull(v('incompatibility')), [set('remaining', bin(v('remaining'), '+', int(1)))]),
      ]),
      iff(bin(v('remaining'), '-gt', int(0)), [
        fail(
          `[${name}] 拒否: 仮想スイッチを接続し直してもインポートできない互換性の問題が残っています。統合基盤管理者と対応を協議してください`,
        ),
      ]),
      assign('newVm', cmd('Import-VM', { CompatibilityReport: v('report') })),
      iff(bin(prop(v('newVm'), 'Name'), '-ne', str(name)), [run('Rename-VM', { VM: v('newVm'), NewName: str(name) })]),
      ...notes,
      ...renameAdapters(name, nics.length),
    ];
  } else {
    // The model admits only empty, template and hyperv-export on Hyper-V (R20); nothing else reaches here.
    throw new Error(`internal: no Hyper-V way in for source kind ${src.kind}`);
  }
  return [say(intro), should(name, plan, [...preflight, tryUndo(body, undo)])];
}

/**
 * A change that needs the VM off: skipped with a "needs shutdown" line while the VM runs, unless
 * the script was started with -AllowStop (then the VM is shut down and started again afterwards).
 */
function needsOff(name: string, what: string, body: readonly Stmt[]): Stmt {
  return iff(
    and(not(v('isOff')), not(v('AllowStop'))),
    [
      warn(
        `[${name}] 停止が必要 (needs shutdown): ${what}は仮想マシンの停止中にのみ変更できます。今回は変更しません。停止してから再実行するか、-AllowStop を指定してください`,
      ),
    ],
    [
      iff(not(v('isOff')), [
        should(name, `Stop-VM（-AllowStop: ${what}のためシャットダウン）`, [
          run('Stop-VM', { Name: str(name), Force: true }),
          set('isOff', bool(true)),
          set('restart', bool(true)),
        ]),
      ]),
      iff(or(v('isOff'), v('WhatIfPreference')), body),
    ],
  );
}

/** Test-then-Set for one virtual disk file at `$diskPath`: create if absent, grow if smaller (not under checkpoints), refuse if larger; attach on SCSI. */
function ensureVhd(name: string, sizeGb: number, fixed: boolean, label: string, dir: string): Stmt[] {
  const path = v('diskPath');
  return [
    iff(
      sub(cmd('Test-Path', { LiteralPath: path })),
      [
        assign('vhd', cmd('Get-VHD', { Path: path })),
        iff(bin(prop(v('vhd'), 'Size'), '-gt', gb(sizeGb)), [
          fail(bin(str(`[${name}] 拒否: ${label} を ${sizeGb}GB に縮小する変更は破壊的なため行いません: `), '+', path)),
        ]),
        iff(bin(prop(v('vhd'), 'Size'), '-lt', gb(sizeGb)), [
          iff(
            bin(prop(v('checkpoints'), 'Count'), '-gt', int(0)),
            [
              warn(
                `[${name}] ${label} の ${sizeGb}GB への拡張はチェックポイントがあるため行いません（チェックポイントの削除後に再実行してください）`,
              ),
            ],
            [
              should(name, `Resize-VHD ${label} を ${sizeGb}GB に拡張`, [
                run('Resize-VHD', { Path: path, SizeBytes: gb(sizeGb) }),
              ]),
            ],
          ),
        ]),
      ],
      [
        should(name, `New-VHD ${label} ${sizeGb}GB`, [
          discard(cmd('New-Item', { ItemType: str('Directory'), Path: str(dir), Force: true })),
          discard(
            cmd(
              'New-VHD',
              fixed
                ? { Path: path, SizeBytes: gb(sizeGb), Fixed: true }
                : { Path: path, SizeBytes: gb(sizeGb), Dynamic: true },
            ),
          ),
        ]),
      ],
    ),
    iff(bin(v('bases'), '-notcontains', path), [
      should(name, `Add-VMHardDiskDrive ${label}（SCSI）`, [
        run('Add-VMHardDiskDrive', { VMName: str(name), ControllerType: str('SCSI'), Path: path }),
      ]),
    ]),
  ];
}

function reconcileVm(platform: Platform, system: IndividualBusinessSystem, server: VirtualServer): Stmt[] {
  const name = server.name;
  const spec = server.spec;
  const generation = spec.hyperv?.generation ?? 2;
  const paths = serverPaths(platform, system, server);
  const imported = spec.source.kind === 'hyperv-export';
  const declaredPaths = [...paths.data, ...(paths.backup ? [paths.backup] : [])];
  const diskCount = 1 + declaredPaths.length;
  const sysGb = spec.disks[0]!.sizeGb;
  const out: Stmt[] = [];

  out.push(
    comment('世代 (generation) の変更は破壊的なため拒否'),
    iff(and(notNull(vmVar), bin(prop(vmVar, 'Generation'), '-ne', int(generation))), [
      fail(
        `[${name}] 拒否: 既存の仮想マシンの世代を第${generation}世代に変更することはできません（作り直しが必要です）`,
      ),
    ]),
    set('isOff', bool(true)),
    iff(notNull(vmVar), [set('isOff', bin(prop(vmVar, 'State'), '-eq', str('Off')))]),
    set('restart', bool(false)),
    blank,
    say(`[${name}] プロセッサ数を確認します (宣言: ${server.vcpus})`),
    iff(or(vmMissing, bin(prop(vmVar, 'ProcessorCount'), '-ne', int(server.vcpus))), [
      needsOff(name, 'プロセッサ数', [
        should(name, `Set-VMProcessor -Count ${server.vcpus}`, [
          run('Set-VMProcessor', { VMName: str(name), Count: int(server.vcpus) }),
        ]),
      ]),
    ]),
    say(`[${name}] 静的メモリを確認します (宣言: ${spec.memoryGb}GB)`),
    iff(
      or(vmMissing, prop(vmVar, 'DynamicMemoryEnabled'), bin(prop(vmVar, 'MemoryStartup'), '-ne', gb(spec.memoryGb))),
      [
        needsOff(name, 'メモリ', [
          should(name, `Set-VMMemory 静的 ${spec.memoryGb}GB`, [
            run('Set-VMMemory', {
              VMName: str(name),
              DynamicMemoryEnabled: bool(false),
              StartupBytes: gb(spec.memoryGb),
            }),
          ]),
        ]),
      ],
    ),
    blank,
    say(
      `[${name}] 仮想ディスクを確認します (システム ${sysGb}GB、データ ${spec.disks.length - 1}、バックアップ領域 ${paths.backup ? 'あり' : 'なし'})`,
    ),
    set('drives', arr([])),
    set('checkpoints', arr([])),
    iff(notNull(vmVar), [
      set('drives', arrsub(cmd('Get-VMHardDiskDrive', { VMName: str(name) }))),
      set('checkpoints', arrsub(cmd('Get-VMSnapshot', { VMName: str(name) }))),
    ]),
    comment('R26: パススルーディスクは使用不可'),
    each('drive', v('drives'), [
      iff(notNull(prop(v('drive'), 'DiskNumber')), [
        fail(`[${name}] 拒否: パススルーディスクが接続されています (R26)。統合基盤管理者と協議してください`),
      ]),
    ]),
    comment(
      'チェックポイントがあると接続先は差分ディスク (.avhdx): Get-VHD の ParentPath をたどって元のディスクで比べる',
    ),
    set('bases', arr([])),
    each('drive', v('drives'), [
      assign('vhd', cmd('Get-VHD', { Path: prop(v('drive'), 'Path') })),
      whileLoop(bin(prop(v('vhd'), 'VhdType'), '-eq', str('Differencing')), [
        assign('vhd', cmd('Get-VHD', { Path: prop(v('vhd'), 'ParentPath') })),
      ]),
      set('bases', bin(v('bases'), '+', arr([prop(v('vhd'), 'Path')]))),
    ]),
    comment('ディスクの削除は破壊的なため拒否'),
    iff(bin(prop(v('drives'), 'Count'), '-gt', int(diskCount)), [
      fail(`[${name}] 拒否: 宣言にないディスクが接続されています。ディスクの削除は行いません（宣言 ${diskCount} 台）`),
    ]),
  );
  if (!imported) {
    out.push(
      set('first', bool(true)),
      each('base', v('bases'), [
        iff(
          v('first'),
          [set('first', bool(false))],
          [
            iff(bin(arr(declaredPaths.map(str)), '-notcontains', v('base')), [
              fail(
                bin(
                  str(`[${name}] 拒否: 宣言にないディスクが接続されています。ディスクの削除は行いません: `),
                  '+',
                  v('base'),
                ),
              ),
            ]),
          ],
        ),
      ]),
    );
  }
  out.push(
    iff(bin(prop(v('drives'), 'Count'), '-gt', int(0)), [
      assign('vhd', cmd('Get-VHD', { Path: idx(v('bases'), 0) })),
      iff(bin(prop(v('vhd'), 'Size'), '-gt', gb(sysGb)), [
        fail(`[${name}] 拒否: システムディスクを ${sysGb}GB に縮小する変更は破壊的なため行いません`),
      ]),
      iff(bin(prop(v('vhd'), 'Size'), '-lt', gb(sysGb)), [
        iff(
          bin(prop(v('checkpoints'), 'Count'), '-gt', int(0)),
          [
            warn(
              `[${name}] システムディスクの ${sysGb}GB への拡張はチェックポイントがあるため行いません（チェックポイントの削除後に再実行してください）`,
            ),
          ],
          [
            iff(
              bin(prop(idx(v('drives'), 0), 'ControllerType'), '-eq', str('IDE')),
              [
                needsOff(name, 'IDE 接続のシステムディスクの容量', [
                  should(name, `Resize-VHD システムディスクを ${sysGb}GB に拡張`, [
                    run('Resize-VHD', { Path: idx(v('bases'), 0), SizeBytes: gb(sysGb) }),
                  ]),
                ]),
              ],
              [
                should(name, `Resize-VHD システムディスクを ${sysGb}GB に拡張`, [
                  run('Resize-VHD', { Path: idx(v('bases'), 0), SizeBytes: gb(sysGb) }),
                ]),
              ],
            ),
          ],
        ),
      ]),
    ]),
  );
  if (declaredPaths.length > 0 && generation === 1) {
    out.push(
      comment('データディスクは SCSI に接続する（第1世代は SCSI コントローラがなければ追加）'),
      iff(
        or(vmMissing, bin(prop(arrsub(cmd('Get-VMScsiController', { VMName: str(name) })), 'Count'), '-eq', int(0))),
        [
          needsOff(name, 'SCSI コントローラの追加', [
            should(name, 'Add-VMScsiController', [run('Add-VMScsiController', { VMName: str(name) })]),
          ]),
        ],
      ),
    );
  }
  if (imported && paths.data.length > 0) {
    out.push(
      comment('インポートしたディスクは元のファイル名のまま、接続順に宣言のデータディスクとして引き継ぐ'),
      set('dataBases', arr([])),
      set('first', bool(true)),
      each('base', v('bases'), [
        iff(
          v('first'),
          [set('first', bool(false))],
          [
            iff(bin(v('base'), '-ne', str(paths.backup ?? '')), [
              set('dataBases', bin(v('dataBases'), '+', arr([v('base')]))),
            ]),
          ],
        ),
      ]),
    );
  }
  spec.disks.slice(1).forEach((d, i) => {
    out.push(set('diskPath', str(paths.data[i]!)));
    if (imported)
      out.push(iff(bin(prop(v('dataBases'), 'Count'), '-gt', int(i)), [set('diskPath', idx(v('dataBases'), i))]));
    out.push(...ensureVhd(name, d.sizeGb, !d.thin, `データディスク${i + 1}`, paths.vmDir));
  });
  if (server.backupVolume && paths.backup) {
    out.push(
      say(
        `[${name}] R10a: バックアップ領域をバックアップ用ストレージに確認します (${server.backupVolume.props.sizeGb}GB)`,
      ),
    );
    out.push(
      set('diskPath', str(paths.backup)),
      ...ensureVhd(name, server.backupVolume.props.sizeGb, false, 'バックアップ領域', paths.backupDir),
    );
  }

  out.push(blank);
  const nics = nicTargets(server);
  const staticMac = customizesWindows(server);
  for (const n of nics) {
    const idxNo = Number(n.name.slice(3));
    const add = run('Add-VMNetworkAdapter', {
      VMName: str(name),
      Name: str(n.name),
      SwitchName: str(n.switchName),
      ...(staticMac ? { StaticMacAddress: str(fixedMac(system, server, idxNo).hyperv) } : {}),
    });
    const addPlanned = should(name, `Add-VMNetworkAdapter ${n.name} (${n.switchName})`, [add]);
    out.push(
      say(`[${name}] ネットワークアダプタ ${n.name} を確認します (仮想スイッチ ${n.switchName}、VLAN ${n.vlanId})`),
      set('adapter', { k: 'null' }),
      iff(notNull(vmVar), [
        assign('adapter', {
          name: 'Get-VMNetworkAdapter',
          args: [
            { p: 'VMName', v: str(name) },
            { p: 'Name', v: str(n.name) },
            { p: 'ErrorAction', v: str('SilentlyContinue') },
          ],
        }),
      ]),
      iff(
        isNull(v('adapter')),
        [generation === 1 ? needsOff(name, '第1世代のネットワークアダプタの追加', [addPlanned]) : addPlanned],
        [
          iff(bin(prop(v('adapter'), 'SwitchName'), '-ne', str(n.switchName)), [
            should(name, `Connect-VMNetworkAdapter ${n.name} -> ${n.switchName}`, [
              run('Connect-VMNetworkAdapter', { VMName: str(name), Name: str(n.name), SwitchName: str(n.switchName) }),
            ]),
          ]),
        ],
      ),
      set('vlan', { k: 'null' }),
      iff(notNull(v('adapter')), [
        assign('vlan', cmd('Get-VMNetworkAdapterVlan', { VMName: str(name), VMNetworkAdapterName: str(n.name) })),
      ]),
      iff(
        or(
          isNull(v('vlan')),
          bin(prop(v('vlan'), 'OperationMode'), '-ne', str('Access')),
          bin(prop(v('vlan'), 'AccessVlanId'), '-ne', int(n.vlanId)),
        ),
        [
          should(name, `Set-VMNetworkAdapterVlan ${n.name} -Access -VlanId ${n.vlanId}`, [
            run('Set-VMNetworkAdapterVlan', {
              VMName: str(name),
              VMNetworkAdapterName: str(n.name),
              Access: true,
              VlanId: int(n.vlanId),
            }),
          ]),
        ],
      ),
    );
  }
  out.push(
    iff(notNull(vmVar), [
      each('adapter', arrsub(cmd('Get-VMNetworkAdapter', { VMName: str(name) })), [
        iff(bin(arr(nics.map((n) => str(n.name))), '-notcontains', prop(v('adapter'), 'Name')), [
          warn(
            bin(
              str(`[${name}] 宣言にないネットワークアダプタがあります（削除はしません）: `),
              '+',
              prop(v('adapter'), 'Name'),
            ),
          ),
        ]),
      ]),
    ]),
    blank,
    say(`[${name}] 統合サービスを有効にします`),
    iff(
      notNull(vmVar),
      [
        each('service', arrsub(cmd('Get-VMIntegrationService', { VMName: str(name) })), [
          iff(not(prop(v('service'), 'Enabled')), [
            should(name, 'Enable-VMIntegrationService', [
              run('Enable-VMIntegrationService', { VMIntegrationService: v('service') }),
            ]),
          ]),
        ]),
      ],
      [say(`[${name}] （作成後に再実行すると統合サービスを有効にします）`)],
    ),
    blank,
    ...checkpoints(platform, server),
    blank,
    say(`[${name}] R10: バックアップ方針とシステム情報を仮想マシンのメモ (Notes) に記録します`),
    set('notes', str(vmNotes(platform, system, server))),
    iff(or(vmMissing, bin(prop(vmVar, 'Notes'), '-cne', v('notes'))), [
      should(name, 'Set-VM -Notes（バックアップ方針・システム情報）', [
        run('Set-VM', { Name: str(name), Notes: v('notes') }),
      ]),
    ]),
    iff(v('restart'), [
      should(name, 'Start-VM（-AllowStop で停止したため再起動）', [run('Start-VM', { Name: str(name) })]),
    ]),
  );
  const cluster = platform.hyperv.cluster;
  if (cluster !== undefined) {
    out.push(
      say(`[${name}] フェールオーバークラスタ ${cluster} の役割（高可用性仮想マシン）を確認します`),
      iff(or(vmMissing, not(prop(vmVar, 'IsClustered'))), [
        should(name, `Add-ClusterVirtualMachineRole（クラスタ ${cluster}）`, [
          discard(cmd('Add-ClusterVirtualMachineRole', { VMName: str(name), Cluster: str(cluster) })),
        ]),
      ]),
    );
  }
  return out;
}

/** Normalized UTC instant of a declared date-time, written into the script as a literal. */
const utc = (iso: string): string => new Date(iso).toISOString().replace(/\.000Z$/, 'Z');

/** R11 on the host: declared checkpoints only inside their window, expired ones removed, any checkpoint older than the limit reported. */
function checkpoints(platform: Platform, server: VirtualServer): Stmt[] {
  const name = server.name;
  const spec = server.spec;
  const maxH = platform.snapshotMaxHours;
  const out: Stmt[] = [
    say(
      `[${name}] R11: チェックポイントを確認します（宣言 ${spec.snapshots.length} 件、最長 ${maxH} 時間。期限はこのホストの現在時刻で判定します）`,
    ),
  ];
  for (const s of spec.snapshots) {
    out.push(
      assign('createdAt', cmd('Get-Date', { Date: str(utc(s.createdAt)) })),
      assign('expiresAt', cmd('Get-Date', { Date: str(utc(s.expiresAt)) })),
      set('existing', int(0)),
      iff(notNull(vmVar), [
        set(
          'existing',
          prop(
            arrsub({
              name: 'Get-VMSnapshot',
              args: [
                { p: 'VMName', v: str(name) },
                { p: 'Name', v: str(s.name) },
                { p: 'ErrorAction', v: str('SilentlyContinue') },
              ],
            }),
            'Count',
          ),
        ),
      ]),
      iff(
        bin(v('now'), '-ge', v('expiresAt')),
        [
          iff(
            bin(v('existing'), '-gt', int(0)),
            [
              warn(`[${name}] R11: チェックポイント ${s.name} は期限 ${s.expiresAt} を過ぎています。削除します`),
              should(name, `Remove-VMSnapshot ${s.name}（期限切れ ${s.expiresAt}）`, [
                run('Remove-VMSnapshot', { VMName: str(name), Name: str(s.name) }),
              ]),
            ],
            [
              say(
                `[${name}] R11: チェックポイント ${s.name} は期限 ${s.expiresAt} を過ぎているため作成しません。宣言から削除してください`,
              ),
            ],
          ),
        ],
        [
          iff(
            bin(v('now'), '-lt', v('createdAt')),
            [say(`[${name}] R11: チェックポイント ${s.name} は ${s.createdAt} からの予定です。まだ作成しません`)],
            [
              iff(bin(v('existing'), '-eq', int(0)), [
                should(name, `Checkpoint-VM ${s.name}（期限 ${s.expiresAt}: ${s.purposeJa}）`, [
                  run('Checkpoint-VM', { Name: str(name), SnapshotName: str(s.name) }),
                ]),
              ]),
              say(
                `[${name}] R11: チェックポイント ${s.name} は ${s.expiresAt} までに検証を終えて削除してください（バックアップではありません）`,
              ),
            ],
          ),
        ],
      ),
    );
  }
  out.push(
    iff(notNull(vmVar), [
      each('snapshot', arrsub(cmd('Get-VMSnapshot', { VMName: str(name) })), [
        iff(
          bin(prop(v('snapshot'), 'CreationTime'), '-lt', v('r11Limit')),
          [
            set('r11Violations', bin(v('r11Violations'), '+', int(1))),
            warn(
              bin(
                bin(
                  str(
                    `[${name}] R11 違反: チェックポイントが ${maxH} 時間を超えて残っています。検証を終えて削除してください: `,
                  ),
                  '+',
                  prop(v('snapshot'), 'Name'),
                ),
                '+',
                bin(str(' 作成 '), '+', prop(v('snapshot'), 'CreationTime')),
              ),
            ),
          ],
          [
            iff(bin(arr(spec.snapshots.map((x) => str(x.name))), '-notcontains', prop(v('snapshot'), 'Name')), [
              warn(
                bin(
                  str(`[${name}] R11: 宣言にないチェックポイントがあります。検証後に削除してください: `),
                  '+',
                  prop(v('snapshot'), 'Name'),
                ),
              ),
            ]),
          ],
        ),
      ]),
    ]),
  );
  return out;
}

/** Script prologue: host OS check, the clock, the ownership marker, the cluster nodes (or the standalone notice). */
function hostCheck(platform: Platform, system: IndividualBusinessSystem): Stmt[] {
  const version = platform.hyperv.windowsServerVersion;
  const cluster = platform.hyperv.cluster;
  return [
    say(`Hyper-V ホストの OS を確認します（統合基盤の定義: Windows Server ${version}）`),
    assign('hostOs', cmd('Get-CimInstance', { ClassName: str('Win32_OperatingSystem') })),
    iff(not(method(prop(v('hostOs'), 'Caption'), 'Contains', str(version))), [
      warn(
        bin(
          str(`統合基盤の定義は Windows Server ${version} ですが、実行ホストは次のとおりです: `),
          '+',
          prop(v('hostOs'), 'Caption'),
        ),
      ),
    ]),
    comment('R11 の期限はこのホストの現在時刻で判定する'),
    assign('now', cmd('Get-Date')),
    set('r11Limit', method(v('now'), 'AddHours', int(-platform.snapshotMaxHours))),
    set('r11Violations', int(0)),
    comment('所有の印: メモ (Notes) がこの文字列で始まる仮想マシンだけをこのシステムのものとして扱う'),
    set('marker', str(ownershipMarker(system))),
    ...(cluster !== undefined
      ? [
          say(`フェールオーバークラスタ ${cluster} の全ノードで仮想マシンを検索します`),
          set('clusterNodes', arrsub(cmd('Get-ClusterNode', { Cluster: str(cluster) }))),
        ]
      : [
          say(
            '統合基盤の定義では Hyper-V ホストはスタンドアロンです（フェールオーバークラスタなし）。クラスタの役割は追加せず、このホストだけを検索します',
          ),
        ]),
    blank,
  ];
}

function header(system: IndividualBusinessSystem, what: string): string[] {
  return [
    `${what}`,
    `systemId: ${system.systemId} / department: ${system.department} / phase: ${system.spec.phase}`,
    'Generated by kiban-iac from the declaration; do not edit. Run with -WhatIf first.',
  ];
}

const r11Summary = (): Stmt =>
  iff(bin(v('r11Violations'), '-gt', int(0)), [
    warn(bin(str('R11 違反: 保持期間を超えたチェックポイントの数: '), '+', v('r11Violations'))),
  ]);

/** apply.ps1: brings the host to the declared state (or only checks, when the phase builds no VMs). */
export function applyScript(system: IndividualBusinessSystem): Script {
  const platform = system.estate.platform;
  const body: Stmt[] = [...hostCheck(platform, system)];
  const servers = [...system.servers].sort((a, b) => a.name.localeCompare(b.name));
  if (!system.buildsVms) {
    const why = system.isDecommissioned
      ? '利用停止（R07）のため、このスクリプトは確認のみ行います。削除は remove.ps1 で行います。'
      : `工程「${PHASE_JA[system.spec.phase]}」では仮想マシンを構築しません（申請前）。確認のみ行います。`;
    body.push(say(why));
    for (const s of servers) {
      body.push(
        ...findEverywhere(platform, s.name),
        iff(bin(prop(v('found'), 'Count'), '-eq', int(0)), [say(`[${s.name}] 仮想マシンはありません`)]),
        each('other', v('found'), [
          iff(
            owned(v('other')),
            [
              say(
                bin(
                  str(`[${s.name}] 仮想マシンがあります（このスクリプトは変更しません）: ホスト `),
                  '+',
                  prop(v('other'), 'ComputerName'),
                ),
              ),
            ],
            [
              warn(
                bin(
                  str(`[${s.name}] 同名の仮想マシンがありますが、このシステムのものではありません: ホスト `),
                  '+',
                  prop(v('other'), 'ComputerName'),
                ),
              ),
            ],
          ),
        ]),
      );
    }
    return {
      synopsis: header(system, 'Check-only script (no VM is built in this phase).'),
      confirmImpact: 'Medium',
      params: [],
      body,
    };
  }
  for (const s of servers) {
    body.push(comment(`==== server ${s.name} ====`));
    if (s.isDecommissioned) {
      body.push(say(`[${s.name}] 利用停止（R07）のサーバです。変更しません。削除は remove.ps1 で行います。`), blank);
      continue;
    }
    body.push(
      say(`[${s.name}] 仮想マシンの有無を確認します`),
      ...locateVm(platform, system, s.name),
      iff(
        vmMissing,
        [...createVm(platform, system, s), assign('vm', { name: 'Get-VM', args: getVmArgs(s.name) })],
        [say(`[${s.name}] このシステムの仮想マシンがあります。差分のみ適用します`)],
      ),
      ...reconcileVm(platform, system, s),
      blank,
    );
  }
  body.push(r11Summary(), say(`${system.systemId}: 完了`));
  return {
    synopsis: header(
      system,
      'Brings the Hyper-V host to the declared state (idempotent Test-then-Set). Changes that need the VM off are skipped unless -AllowStop.',
    ),
    confirmImpact: 'Medium',
    params: [
      {
        name: 'AllowStop',
        type: 'switch',
        mandatory: false,
        helpMessage:
          'shut down a running VM for changes that need it off (processor, memory, IDE disk), then start it again',
      },
    ],
    body,
  };
}

/** Servers whose VMs remove.ps1 removes: decommissioned and not yet confirmed removed. */
function removalTargets(system: IndividualBusinessSystem): VirtualServer[] {
  if (system.spec.decommission?.removedOn !== undefined) return [];
  return [...system.servers]
    .filter((s) => (system.isDecommissioned || s.isDecommissioned) && s.spec.decommissioned?.removedOn === undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** remove.ps1: removes the decommissioned system's VMs (or the decommissioned servers); keeps backup volumes; deletes only declared disks. */
export function removeScript(system: IndividualBusinessSystem): Script | undefined {
  const platform = system.estate.platform;
  const targets = removalTargets(system);
  if (targets.length === 0) return undefined;
  const cluster = platform.hyperv.cluster;
  const body: Stmt[] = [
    ...hostCheck(platform, system),
    iff(bin(v('ConfirmSystemId'), '-cne', str(system.systemId)), [
      fail(`確認のため -ConfirmSystemId ${system.systemId} を指定してください (R07)`),
    ]),
  ];
  for (const s of targets) {
    const paths = serverPaths(platform, system, s);
    const imported = s.spec.source.kind === 'hyperv-export';
    const deletable = [paths.system, ...paths.data];
    const isDeclared = imported
      ? or(
          bin(arr(deletable.map(str)), '-contains', prop(v('drive'), 'Path')),
          bin(sub(cmd('Split-Path', { LiteralPath: prop(v('drive'), 'Path'), Parent: true })), '-eq', str(paths.vmDir)),
        )
      : bin(arr(deletable.map(str)), '-contains', prop(v('drive'), 'Path'));
    body.push(
      comment(`==== server ${s.name} ====`),
      say(`[${s.name}] 利用停止（R07）: 仮想マシンを削除します`),
      ...locateVm(platform, system, s.name),
      iff(
        vmMissing,
        [say(`[${s.name}] 仮想マシンはありません（削除済み）`)],
        [
          set('checkpoints', arrsub(cmd('Get-VMSnapshot', { VMName: str(s.name) }))),
          iff(bin(prop(v('checkpoints'), 'Count'), '-gt', int(0)), [
            fail(
              `[${s.name}] 拒否: チェックポイントがあるため削除しません（削除すると差分ディスクの結合が始まり、ディスクを正しく判別できません）。チェックポイントを削除し、結合の完了を待ってから再実行してください`,
            ),
          ]),
          set('drives', arrsub(cmd('Get-VMHardDiskDrive', { VMName: str(s.name) }))),
          each('drive', v('drives'), [
            iff(notNull(prop(v('drive'), 'DiskNumber')), [
              fail(`[${s.name}] 拒否: パススルーディスクが接続されています (R26)。手作業で確認してください`),
            ]),
            assign('vhd', cmd('Get-VHD', { Path: prop(v('drive'), 'Path') })),
            iff(bin(prop(v('vhd'), 'VhdType'), '-eq', str('Differencing')), [
              fail(
                bin(
                  str(
                    `[${s.name}] 拒否: 差分ディスクが接続されています（チェックポイントの結合中の可能性があります）。結合の完了を待ってから再実行してください: `,
                  ),
                  '+',
                  prop(v('drive'), 'Path'),
                ),
              ),
            ]),
          ]),
          iff(bin(prop(vmVar, 'State'), '-ne', str('Off')), [
            should(s.name, 'Stop-VM', [run('Stop-VM', { Name: str(s.name), Force: true })]),
          ]),
          ...(cluster !== undefined
            ? [
                iff(prop(vmVar, 'IsClustered'), [
                  should(s.name, `Remove-ClusterGroup（クラスタ ${cluster} の役割を削除）`, [
                    run('Remove-ClusterGroup', {
                      VMId: prop(vmVar, 'VMId'),
                      Cluster: str(cluster),
                      RemoveResources: true,
                      Force: true,
                    }),
                  ]),
                ]),
              ]
            : []),
          should(s.name, 'Remove-VM', [
            run('Remove-VM', { Name: str(s.name), Force: true }),
            each('drive', v('drives'), [
              iff(
                bin(prop(v('drive'), 'Path'), '-eq', str(paths.backup ?? '')),
                [
                  say(
                    `[${s.name}] バックアップ領域は削除しません（R10a、データ消去は所管課が行います）: ${paths.backup ?? ''}`,
                  ),
                ],
                [
                  iff(
                    isDeclared,
                    [
                      iff(sub(cmd('Test-Path', { LiteralPath: prop(v('drive'), 'Path') })), [
                        run('Remove-Item', { LiteralPath: prop(v('drive'), 'Path') }),
                      ]),
                    ],
                    [
                      warn(
                        bin(
                          str(`[${s.name}] 宣言にないディスクのため削除しません（手作業で確認してください）: `),
                          '+',
                          prop(v('drive'), 'Path'),
                        ),
                      ),
                    ],
                  ),
                ],
              ),
            ]),
          ]),
        ],
      ),
      blank,
    );
  }
  body.push(
    say(
      `${system.systemId}: 削除処理の完了。削除を確認したら、宣言の decommission(ed) に removedOn（確認日）を記載してください（R24: それまで名前は予約されます）`,
    ),
  );
  return {
    synopsis: header(
      system,
      'Removes the decommissioned VMs (R07). Needs -ConfirmSystemId; refuses while checkpoints exist; keeps backup volumes.',
    ),
    confirmImpact: 'High',
    params: [
      { name: 'ConfirmSystemId', mandatory: true, helpMessage: 'the system id, repeated as confirmation (R07)' },
    ],
    body,
  };
}

/** Refuses what the scripts cannot express (R28 time zone, cluster or standalone, MAC collisions) and re-validates the platform data. */
export function validateForHyperV(estate: Estate, systems: readonly IndividualBusinessSystem[]): void {
  const platform = parsePlatform(estate.platform, 'platform');
  // Declared passthrough devices (R26) are the rule pack's: an acknowledged R26 emits the VM without
  // them, as on vSphere; the platform admin attaches the device by hand (lib/rules/README.md).
  const issues: DeclarationIssue[] = [];
  if (systems.length > 0 && platform.hyperv.cluster === undefined && !platform.hyperv.standalone) {
    issues.push(
      issue({
        code: 'KIBAN_HYPERV_POOL',
        ruleId: 'R02',
        location: 'platform',
        field: 'hyperv.cluster',
        value: undefined,
        message: 'the Hyper-V host pool is neither a named failover cluster nor declared standalone',
        messageJa: 'Hyper-V ホストがフェールオーバークラスタ名もスタンドアロンの宣言もありません',
        fix: 'set hyperv.cluster to the failover cluster name, or hyperv.standalone: true',
        fixJa: 'hyperv.cluster にクラスタ名を指定するか、hyperv.standalone: true を指定してください',
      }),
    );
  }
  const macs = new Map<string, string>();
  for (const sys of systems) {
    for (const s of sys.servers) {
      if (!customizesWindows(s)) continue;
      const src = s.spec.source;
      if (src.kind === 'template' && windowsTimeZone(src.customization.timeZone) === undefined) {
        issues.push(
          issue({
            code: 'KIBAN_WINDOWS_TIME_ZONE',
            ruleId: 'R28',
            location: s.node.path,
            field: 'source.customization.timeZone',
            value: src.customization.timeZone,
            message: 'no Windows time zone is known for this value (the Hyper-V answer file needs one)',
            messageJa: 'この値に対応する Windows のタイムゾーンがありません（Hyper-V の応答ファイルに必要です）',
            fix: 'use 235, Asia/Tokyo or UTC',
            fixJa: '235、Asia/Tokyo、UTC のいずれかを指定してください',
          }),
        );
      }
      s.nics.forEach((n) => {
        const mac = fixedMac(sys, s, n.index).hyperv;
        const holder = macs.get(mac);
        if (holder !== undefined)
          issues.push(
            issue({
              code: 'KIBAN_MAC_COLLISION',
              ruleId: 'R24',
              location: s.node.path,
              field: `nics.${n.index}`,
              value: mac,
              message: `the derived fixed MAC address ${mac} is also ${holder}'s`,
              messageJa: `固定 MAC アドレス ${mac} が ${holder} と重複します`,
              fix: 'rename the server (the MAC is derived from system, server and NIC)',
              fixJa: 'サーバ名を変えてください（MAC はシステム・サーバ・NIC から決まります）',
            }),
          );
        else macs.set(mac, `${s.node.path} nic${n.index}`);
      });
    }
  }
  if (issues.length > 0) throw new DeclarationError(issues);
}

export type { Expr };
