import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { emitHyperV } from '../../lib/hyperv';
import { DeclarationError, IndividualBusinessSystem } from '../../lib/model';
import { examplePlatform as defaultPlatform } from '../fixtures/estate';
import { runRule } from '../../lib/rules';
import { r24NamesUnique } from '../../lib/rules/r24-host-names-and-fqdns-unique';
import { writeFiles } from '../../lib/synth/atomic';
import { fixtureEstate, fullProps, newEstate, vlan } from './fixtures';
import { ParsedCommand, commands, enclosingOfType, guards, loadParser, parse } from './ps-parse';

/**
 * Issue 17: the scripts as a Windows Server 2016 Hyper-V administrator reads them. One describe
 * per defect; every assertion is on the parsed script (tree-sitter-powershell) or its bytes.
 */

beforeAll(async () => {
  await loadParser();
});

const files = () => emitHyperV(fixtureEstate());
const cmds = (text: string, name: string): ParsedCommand[] => commands(parse(text)).filter((c) => c.name === name);
/** Commands `name` in the section of server `vm` (from its "==== server" comment to the next). */
function inSection(text: string, vm: string, name: string): ParsedCommand[] {
  const lines = text.split('\n');
  const from = lines.indexOf(`# ==== server ${vm} ====`);
  if (from < 0) throw new Error(`no section for ${vm}`);
  const next = lines.findIndex((l, i) => i > from && l.startsWith('# ==== server '));
  const to = next < 0 ? lines.length : next;
  return cmds(text, name).filter((c) => c.node.startPosition.row >= from && c.node.startPosition.row < to);
}
const guardText = (c: ParsedCommand) => guards(c.node).join(' && ');
/** `throw` statements with their guards. */
function throws(text: string): { text: string; guards: string[]; row: number }[] {
  const out: { text: string; guards: string[]; row: number }[] = [];
  const walk = (n: ReturnType<typeof parse>['rootNode']) => {
    if (n.type === 'flow_control_statement' && n.text.startsWith('throw'))
      out.push({ text: n.text, guards: guards(n), row: n.startPosition.row });
    for (const c of n.children) if (c) walk(c);
  };
  walk(parse(text).rootNode);
  return out;
}
const row = (c: ParsedCommand) => c.node.startPosition.row;

describe("1 ownership: a VM is the system's only if its notes carry the marker", () => {
  test('apply and remove throw on a same-named VM without the marker, before creating or removing anything', () => {
    const f = files();
    for (const [file, vm, mutating, id] of [
      ['hyperv/hv-full/apply.ps1', 'empty01', 'New-VM', 'hv-full'],
      ['hyperv/hv-old/remove.ps1', 'empty01', 'Remove-VM', 'hv-old'],
    ] as const) {
      const text = f.get(file)!;
      expect(text).toContain(`$marker = 'kiban-iac; systemId=${id}; '`);
      const refusal = throws(text).find((t) =>
        t.text.includes(`[${vm}] 拒否: 同名の仮想マシンがありますが、このシステム (${id}) のものではありません`),
      );
      expect(refusal).toBeDefined();
      expect(refusal!.guards[0]).toBe(
        '-not ((($null -ne $other.Notes) -and ($other.Notes.Length -ge $marker.Length)) -and ($other.Notes.Substring(0, $marker.Length) -ceq $marker))',
      );
      const act = inSection(text, vm, mutating)[0]!;
      expect(refusal!.row).toBeLessThan(row(act));
    }
  });

  test("the notes apply.ps1 writes start with the marker, and the marker of one system is not a prefix of another's", () => {
    const f = files();
    const notes = inSection(f.get('hyperv/hv-full/apply.ps1')!, 'empty01', 'Set-VM').map((c) => c.node.text);
    expect(notes[0]).toContain("-Notes 'kiban-iac; systemId=hv-full; department=hoken;");
    expect(notes[0]).not.toContain('systemId=hv-old; ');
  });

  test('the VM folder includes the system', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    const newVm = inSection(apply, 'empty01', 'New-VM')[0]!.node.text;
    expect(newVm).toContain("-Path 'C:\\ClusterStorage\\Volume1\\VMs\\hv-full'");
    expect(newVm).toContain("-NewVHDPath 'C:\\ClusterStorage\\Volume1\\VMs\\hv-full\\empty01\\empty01-system.vhdx'");
    const old = files().get('hyperv/hv-old/remove.ps1')!;
    expect(old).toContain("'C:\\ClusterStorage\\Volume1\\VMs\\hv-old\\empty01\\empty01-system.vhdx'");
    expect(old).not.toContain('VMs\\hv-full\\');
  });

  test("R24: the fixtures' decommissioned empty01 (hv-old) still reserves the name the live hv-full reuses", () => {
    const results = runRule(r24NamesUnique, fixtureEstate());
    const full = results.find((r) => r.path === 'Estate/full/empty01');
    expect(full).toMatchObject({ status: 'non-compliant' });
    expect(JSON.stringify(full)).toContain('削除が確認されるまで予約');
  });

  test('a server whose removal is confirmed (removedOn) gets no remove step', () => {
    const e = newEstate();
    vlan(e);
    const p = fullProps();
    const gone = p.servers![3]!;
    new IndividualBusinessSystem(e, 'full', {
      ...p,
      servers: [
        ...p.servers!.slice(0, 3),
        { ...gone, decommissioned: { ...gone.decommissioned!, removedOn: '2026-11-05' } },
      ],
    });
    expect([...emitHyperV(e).keys()].filter((k) => k.endsWith('remove.ps1'))).toEqual([]);
  });
});

describe('2 checkpoints: disks compared at their base, remove refuses under checkpoints', () => {
  test('apply resolves each attached disk to its base through Get-VHD .ParentPath and checks the bases', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    const parentWalk = inSection(apply, 'tmpl01', 'Get-VHD').find(
      (c) => c.node.text === 'Get-VHD -Path $vhd.ParentPath',
    )!;
    expect(guards(parentWalk.node)).toEqual([]); // inside the while loop, not an if
    expect(enclosingOfType(parentWalk.node, 'while_statement')?.text).toMatch(
      /^while \(\$vhd\.VhdType -eq 'Differencing'\)/,
    );
    const undeclared = throws(apply).find((t) =>
      t.text.includes('[tmpl01] 拒否: 宣言にないディスクが接続されています。ディスクの削除は行いません: '),
    )!;
    expect(undeclared.guards[0]).toMatch(/-notcontains \$base$/);
    expect(undeclared.text).toContain('+ $base');
  });

  test('apply grows no disk while checkpoints exist', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    const onExisting = inSection(apply, 'tmpl01', 'Resize-VHD').filter(
      (c) => !guards(c.node).includes('$null -eq $vm'),
    ); // not the fresh template copy
    expect(onExisting.length).toBe(5); // system disk (IDE and SCSI branch), two data disks, backup volume
    for (const c of onExisting) expect(guardText(c)).toContain('!($checkpoints.Count -gt 0)');
  });

  test('remove refuses while checkpoints exist or a differencing disk is attached, and deletes only declared base paths', () => {
    const remove = files().get('hyperv/hv-full/remove.ps1')!;
    const removeVm = inSection(remove, 'gone01', 'Remove-VM')[0]!;
    const t = throws(remove);
    const cp = t.find((x) => x.text.includes('[gone01] 拒否: チェックポイントがあるため削除しません'))!;
    expect(cp.guards[0]).toBe('$checkpoints.Count -gt 0');
    expect(cp.row).toBeLessThan(row(removeVm));
    const diff = t.find((x) => x.text.includes('[gone01] 拒否: 差分ディスクが接続されています'))!;
    expect(diff.guards[0]).toBe("$vhd.VhdType -eq 'Differencing'");
    const del = inSection(remove, 'gone01', 'Remove-Item')[0]!;
    expect(guards(del.node)).toContain(
      "@('C:\\ClusterStorage\\Volume1\\VMs\\hv-full\\gone01\\gone01-system.vhdx') -contains $drive.Path",
    );
    expect(guardText(del)).toContain(
      "!($drive.Path -eq 'C:\\ClusterStorage\\Volume2\\Backup\\hv-full\\gone01-backup.vhdx')",
    );
  });
});

describe('3 R11 on the host: expiry as a literal compared with Get-Date', () => {
  test("the clock is the host's; expiry and start are literals; declared checkpoints only inside their window", () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    expect(apply).toMatch(/^\$now = Get-Date$/m);
    expect(apply).toContain("$expiresAt = Get-Date -Date '2026-11-24T09:00:00Z'");
    expect(apply).toContain("$createdAt = Get-Date -Date '2026-11-21T09:00:00Z'");
    const creates = inSection(apply, 'tmpl01', 'Checkpoint-VM');
    expect(creates.map((c) => c.node.text)).toEqual([
      "Checkpoint-VM -Name 'tmpl01' -SnapshotName 'before-patch'",
      "Checkpoint-VM -Name 'tmpl01' -SnapshotName 'old-test'",
    ]);
    for (const c of creates) {
      expect(guards(c.node)).toEqual(
        expect.arrayContaining(['$existing -eq 0', '!($now -lt $createdAt)', '!($now -ge $expiresAt)']),
      );
    }
    const removes = inSection(apply, 'tmpl01', 'Remove-VMSnapshot');
    expect(removes).toHaveLength(2);
    for (const c of removes)
      expect(guards(c.node)).toEqual(expect.arrayContaining(['$existing -gt 0', '$now -ge $expiresAt']));
  });

  test('every checkpoint older than 72 h is reported as an R11 violation', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    expect(apply).toMatch(/^\$r11Limit = \$now\.AddHours\(-72\)$/m);
    for (const vm of ['tmpl01', 'empty01', 'import01']) {
      const report = inSection(apply, vm, 'Write-Warning').find((c) => c.node.text.includes('R11 違反'))!;
      expect(guards(report.node).slice(0, 1)).toEqual(['$snapshot.CreationTime -lt $r11Limit']);
    }
    expect(apply).toMatch(/if \(\$r11Violations -gt 0\) \{\n\s+Write-Warning -Message \('R11 違反/);
  });
});

describe('4 running VMs: changes that need the VM off wait for -AllowStop; data disks on SCSI', () => {
  test('processor and memory changes are skipped with "needs shutdown" unless -AllowStop', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    expect(apply).toMatch(/^\s+\[switch\] \$AllowStop$/m);
    for (const name of ['Set-VMProcessor', 'Set-VMMemory']) {
      const c = inSection(apply, 'tmpl01', name)[0]!;
      expect(guards(c.node)).toEqual(
        expect.arrayContaining(['$isOff -or $WhatIfPreference', '!((-not $isOff) -and (-not $AllowStop))']),
      );
    }
    const skip = inSection(apply, 'tmpl01', 'Write-Warning').filter((c) =>
      c.node.text.includes('停止が必要 (needs shutdown)'),
    );
    expect(skip.length).toBeGreaterThanOrEqual(2);
    for (const c of skip) expect(guards(c.node)[0]).toBe('(-not $isOff) -and (-not $AllowStop)');
    const stop = inSection(apply, 'tmpl01', 'Stop-VM');
    for (const c of stop) expect(guardText(c)).toContain('!((-not $isOff) -and (-not $AllowStop))');
    const start = inSection(apply, 'tmpl01', 'Start-VM')[0]!;
    expect(guards(start.node).at(-1)).toBe('$restart');
  });

  test('a Generation 1 system disk on IDE and a Generation 1 NIC are changed only while off', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    const ide = inSection(apply, 'empty01', 'Resize-VHD').find((c) =>
      guardText(c).includes("$drives[0].ControllerType -eq 'IDE'"),
    )!;
    expect(guardText(ide)).toContain('!((-not $isOff) -and (-not $AllowStop))');
    const nic = inSection(apply, 'empty01', 'Add-VMNetworkAdapter')[0]!;
    expect(guardText(nic)).toContain('!((-not $isOff) -and (-not $AllowStop))');
  });

  test('data disks are always attached with -ControllerType SCSI', () => {
    for (const [, text] of [...files()].filter(([k]) => k.endsWith('.ps1'))) {
      for (const c of cmds(text, 'Add-VMHardDiskDrive')) expect(c.node.text).toContain("-ControllerType 'SCSI'");
    }
    expect(cmds(files().get('hyperv/hv-full/apply.ps1')!, 'Add-VMHardDiskDrive').length).toBeGreaterThan(0);
  });
});

describe('5 import: Compare-VM first', () => {
  test('Compare-VM, generation check, switch reconnect (33012), other incompatibilities refused, then Import-VM -CompatibilityReport', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    const compare = inSection(apply, 'import01', 'Compare-VM');
    const importVm = inSection(apply, 'import01', 'Import-VM')[0]!;
    expect(importVm.node.text).toBe('Import-VM -CompatibilityReport $report');
    expect(row(compare[0]!)).toBeLessThan(row(importVm));
    const t = throws(apply).filter((x) => x.row < row(importVm) && x.row > row(compare[0]!));
    expect(t.find((x) => x.text.includes('宣言の第2世代ではありません'))!.guards[0]).toBe(
      '$report.VM.Generation -ne 2',
    );
    expect(t.find((x) => x.text.includes('インポートできない互換性の問題があります'))!.guards[0]).toBe(
      '$blocking.Count -gt 0',
    );
    const reconnect = inSection(apply, 'import01', 'Connect-VMNetworkAdapter').find((c) =>
      c.node.text.includes('$incompatibility.Source'),
    )!;
    expect(reconnect.node.text).toBe(
      "Connect-VMNetworkAdapter -VMNetworkAdapter $incompatibility.Source -SwitchName 'vSwitch-Trunk'",
    );
    expect(guards(reconnect.node)[0]).toBe('$incompatibility.MessageId -eq 33012');
    const listed = inSection(apply, 'import01', 'Write-Warning').find((c) => c.node.text.includes('互換性の問題 '))!;
    expect(listed.node.text).toContain('$incompatibility.Message');
  });

  test('imported data disks are adopted under their real names, by position', () => {
    const e = newEstate();
    vlan(e);
    const p = fullProps();
    new IndividualBusinessSystem(e, 'full', {
      ...p,
      servers: [{ ...p.servers![2]!, disks: [{ sizeGb: 80 }, { sizeGb: 40 }, { sizeGb: 20 }] }],
    });
    const apply = emitHyperV(e).get('hyperv/hv-full/apply.ps1')!;
    expect(apply).toMatch(/if \(\$dataBases\.Count -gt 1\) \{\n\s+\$diskPath = \$dataBases\[1\]\n/);
    expect(
      throws(apply).filter((x) =>
        x.text.includes('宣言にないディスクが接続されています。ディスクの削除は行いません: '),
      ),
    ).toEqual([]);
    expect(apply).toContain('$drives.Count -gt 3');
  });
});

describe('6 cluster', () => {
  test('VMs are found on every node of the declared cluster, added as cluster roles, cluster groups removed', () => {
    const f = files();
    const apply = f.get('hyperv/hv-full/apply.ps1')!;
    expect(apply).toContain("$clusterNodes = @(Get-ClusterNode -Cluster 'KIBAN-HVCL01')");
    const remote = inSection(apply, 'tmpl01', 'Get-VM').find((c) => c.params.includes('ComputerName'))!;
    expect(remote.node.text).toBe('Get-VM -ComputerName $node.Name'); // no -ErrorAction: an unreachable node stops the script
    expect(enclosingOfType(remote.node, 'foreach_statement')?.text).toMatch(
      /^foreach \(\$candidate in @\(Get-VM -ComputerName \$node\.Name\)\) \{\n\s+if \(\$candidate\.Name -eq 'tmpl01'\)/,
    );
    const elsewhere = throws(apply).find((x) =>
      x.text.includes('[tmpl01] この仮想マシンはクラスタの別のノードにあります'),
    )!;
    expect(elsewhere.guards[0]).toBe('($null -eq $vm) -and ($found.Count -eq 1)');
    expect(elsewhere.row).toBeLessThan(row(inSection(apply, 'tmpl01', 'New-VM')[0]!));
    const role = inSection(apply, 'tmpl01', 'Add-ClusterVirtualMachineRole')[0]!;
    expect(role.node.text).toBe("Add-ClusterVirtualMachineRole -VMName 'tmpl01' -Cluster 'KIBAN-HVCL01'");
    expect(guardText(role)).toContain('($null -eq $vm) -or (-not $vm.IsClustered)');
    const remove = f.get('hyperv/hv-full/remove.ps1')!;
    const group = inSection(remove, 'gone01', 'Remove-ClusterGroup')[0]!;
    expect(group.node.text).toBe("Remove-ClusterGroup -VMId $vm.VMId -Cluster 'KIBAN-HVCL01' -RemoveResources -Force");
    expect(guardText(group)).toContain('$vm.IsClustered');
    expect(row(group)).toBeLessThan(row(inSection(remove, 'gone01', 'Remove-VM')[0]!));
  });

  test('a host pool declared standalone: the script says so and calls no cluster cmdlet', () => {
    const platform = defaultPlatform();
    delete (platform.hyperv as { cluster?: string }).cluster;
    platform.hyperv.standalone = true;
    const e = newEstate(platform);
    vlan(e);
    new IndividualBusinessSystem(e, 'full', fullProps());
    const f = emitHyperV(e);
    for (const k of ['hyperv/hv-full/apply.ps1', 'hyperv/hv-full/remove.ps1']) {
      const text = f.get(k)!;
      expect(text).toContain('Hyper-V ホストはスタンドアロンです');
      expect(commands(parse(text)).filter((c) => /Cluster/.test(c.name))).toEqual([]);
    }
  });

  test('neither a cluster nor standalone: refused', () => {
    const platform = defaultPlatform();
    delete (platform.hyperv as { cluster?: string }).cluster;
    const e = newEstate(platform);
    vlan(e);
    new IndividualBusinessSystem(e, 'full', fullProps());
    expect(() => emitHyperV(e)).toThrow(DeclarationError);
    expect(() => emitHyperV(e)).toThrow(/hyperv\.standalone: true/);
  });
});

describe('7 unattend', () => {
  test('written to Windows\\Panther\\Unattend\\ with host name, static IP keyed to a fixed MAC, DNS, gateway, time zone and domain', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    expect(apply).toContain("$unattendDir = Join-Path -Path $windowsRoot -ChildPath 'Windows\\Panther\\Unattend'");
    expect(inSection(apply, 'tmpl01', 'Set-Content')[0]!.node.text).toBe(
      "Set-Content -LiteralPath (Join-Path -Path $unattendDir -ChildPath 'Unattend.xml') -Value $unattend -Encoding 'UTF8'",
    );
    expect(apply).not.toMatch(/'unattend\.xml'/);
    for (const l of [
      '<component name="Microsoft-Windows-TCPIP"',
      '<Identifier>{{Mac0}}</Identifier>',
      '<IpAddress wcm:action="add" wcm:keyValue="1">{{Ip0}}</IpAddress>',
      '<NextHopAddress>{{Gateway0}}</NextHopAddress>',
      '<component name="Microsoft-Windows-DNS-Client"',
      '{{Dns0x1}}',
      '<TimeZone>{{TimeZone}}</TimeZone>',
      '<DNSDomain>{{Domain}}</DNSDomain>',
      '{{Ip1}}',
    ]) {
      expect(apply).toContain(l);
    }
    const order = (...xs: string[]) => xs.map((x) => apply.indexOf(x));
    const sorted = (a: number[]) => a.every((x, i) => x >= 0 && (i === 0 || a[i - 1]! < x));
    expect(
      sorted(
        order(
          '<DhcpEnabled>false</DhcpEnabled>',
          '<Identifier>{{Mac0}}</Identifier>',
          '{{Ip0}}</IpAddress>',
          '<Routes>',
        ),
      ),
    ).toBe(true);
    expect(
      sorted(
        order(
          '<Identifier>0</Identifier>',
          '<NextHopAddress>{{Gateway0}}</NextHopAddress>',
          '<Prefix>0.0.0.0/0</Prefix>',
        ),
      ),
    ).toBe(true);
    const dns = apply.slice(apply.indexOf('<component name="Microsoft-Windows-DNS-Client"'));
    expect(dns.indexOf('<Identifier>{{Mac0}}</Identifier>')).toBeLessThan(
      dns.indexOf('          <DNSDomain>{{Domain}}</DNSDomain>'),
    );
    expect(dns.indexOf('          <DNSDomain>{{Domain}}</DNSDomain>')).toBeLessThan(
      dns.indexOf('<DNSServerSearchOrder>'),
    );
    const replaced = (k: string) =>
      new RegExp(`\\$unattend = \\$unattend\\.Replace\\('\\{\\{${k}\\}\\}', '([^']*)'\\)`).exec(apply)?.[1];
    expect(replaced('ComputerName')).toBe('tmpl01');
    expect(replaced('Ip0')).toBe('10.120.0.21/22');
    expect(replaced('Ip1')).toBe('10.240.0.21/24');
    expect(replaced('Gateway0')).toBe('10.120.0.1');
    expect(replaced('Dns0x1')).toBe('10.120.0.10');
    expect(replaced('TimeZone')).toBe('Tokyo Standard Time');
    expect(replaced('Domain')).toBe('hoken.pref.example.jp');
    const mac0 = replaced('Mac0')!;
    expect(mac0).toMatch(/^02-4B-49(-[0-9A-F]{2}){3}$/);
    expect(inSection(apply, 'tmpl01', 'Set-VMNetworkAdapter')[0]!.node.text).toBe(
      `Set-VMNetworkAdapter -VMName 'tmpl01' -Name 'nic0' -StaticMacAddress '${mac0.replace(/-/g, '')}'`,
    );
    const nic1 = inSection(apply, 'tmpl01', 'Add-VMNetworkAdapter').find((c) => c.node.text.includes("'nic1'"))!;
    expect(nic1.node.text).toContain(`-StaticMacAddress '${replaced('Mac1')!.replace(/-/g, '')}'`);
  });

  test('the Windows partition gets an explicit drive letter, removed again before the disk is dismounted', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    expect(inSection(apply, 'tmpl01', 'Mount-VHD')[0]!.params).toEqual(['Path', 'NoDriveLetter', 'Passthru']);
    const add = inSection(apply, 'tmpl01', 'Add-PartitionAccessPath')[0]!;
    expect(add.params).toEqual(['DiskNumber', 'PartitionNumber', 'AssignDriveLetter']);
    const rm = inSection(apply, 'tmpl01', 'Remove-PartitionAccessPath')[0]!;
    const dismount = inSection(apply, 'tmpl01', 'Dismount-VHD')[0]!;
    expect(enclosingOfType(rm.node, 'finally_clause')).toBeDefined();
    expect(row(rm)).toBeLessThan(row(dismount));
  });
});

describe('8 re-runnable: what a failed create made is removed in catch', () => {
  test.each([
    ['empty01', 'New-VM'],
    ['tmpl01', 'Copy-Item'],
    ['tmpl01', 'New-VM'],
    ['import01', 'Import-VM'],
  ])('%s: %s runs in a try whose catch removes the VM and its folder, then re-throws', (vm, name) => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    const c = inSection(apply, vm, name)[0]!;
    const tryNode = enclosingOfType(c.node, 'try_statement')!;
    const handler = tryNode.children.find((x) => x?.type === 'catch_clauses')!;
    expect(handler).toBeDefined();
    const text = handler.text;
    expect(text).toContain('Remove-VM -VM $newVm -Force');
    expect(text).toContain(
      `Remove-Item -LiteralPath 'C:\\ClusterStorage\\Volume1\\VMs\\hv-full\\${vm}' -Recurse -Force`,
    );
    expect(text).toMatch(/\n\s+throw\n\s+\}$/);
  });

  test('a folder with files from elsewhere is never reused or removed: the create stops before the try', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    const stop = throws(apply).find((x) =>
      x.text.includes('[tmpl01] C:\\ClusterStorage\\Volume1\\VMs\\hv-full\\tmpl01 にファイルが既にあります'),
    )!;
    expect(stop.guards[0]).toBe(
      "@(Get-ChildItem -LiteralPath 'C:\\ClusterStorage\\Volume1\\VMs\\hv-full\\tmpl01' -Recurse -File).Count -gt 0",
    );
    expect(stop.row).toBeLessThan(row(inSection(apply, 'tmpl01', 'Copy-Item')[0]!));
  });
});

describe('9 encoding: .ps1 written as UTF-8 with a BOM', () => {
  test('the bytes on disk start with EF BB BF; README.md has no BOM; the rest is valid UTF-8', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-hyperv-bom-'));
    try {
      const f = files();
      writeFiles(dir, f);
      for (const k of f.keys()) {
        const bytes = fs.readFileSync(path.join(dir, ...k.split('/')));
        if (k.endsWith('.ps1')) {
          expect({ k, head: [...bytes.subarray(0, 3)] }).toEqual({ k, head: [0xef, 0xbb, 0xbf] });
          expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))).toBe(f.get(k)!.slice(1));
          expect(bytes.subarray(3).includes(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
        } else expect({ k, head: bytes[0] }).not.toEqual({ k, head: 0xef });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README states what the scripts do and do not do', () => {
  test('ownership, cluster, checkpoints, -AllowStop, Compare-VM, unattend; the guest partition is not extended', () => {
    const readme = files().get('hyperv/hv-full/README.md')!;
    for (const s of [
      'kiban-iac; systemId=hv-full;',
      'KIBAN-HVCL01',
      'ParentPath',
      '-AllowStop',
      'Compare-VM',
      'Panther\\Unattend\\Unattend.xml',
      '## このスクリプトが行わないこと',
      'パーティション（ボリューム）は拡張しません',
      'ドメインには参加しません',
      'removedOn',
    ]) {
      expect(readme).toContain(s);
    }
  });
});
