import {
  checkCall,
  emitHyperV,
  hypervStage,
  isFailoverClusterCmdlet,
  isHyperVCmdlet,
  ALLOWED_OTHER_CMDLETS,
} from '../../lib/hyperv';
import { IndividualBusinessSystem } from '../../lib/model';
import { SynthContext } from '../../lib/model/synth-stage';
import { runRulePack } from '../../lib/rules';
import { defaultEstate, fixtureEstate, fullProps, newEstate, vlan } from './fixtures';
import { commands, enclosingConditions, loadParser, parse, syntaxErrors } from './ps-parse';

beforeAll(async () => {
  await loadParser();
});

const scripts = (files: Map<string, string>) => [...files].filter(([k]) => k.endsWith('.ps1'));

describe('emitHyperV file set', () => {
  test('example estate: one script set per Hyper-V system, no remove script while nothing is decommissioned', () => {
    const files = emitHyperV(defaultEstate());
    expect([...files.keys()]).toEqual([
      'hyperv/hisai-shien/README.md',
      'hyperv/hisai-shien/apply.ps1',
      'hyperv/zeimu-db/README.md',
      'hyperv/zeimu-db/apply.ps1',
    ]);
  });

  test('fixtures: remove.ps1 only for the decommissioned system and the system with a decommissioned server', () => {
    const keys = [...emitHyperV(fixtureEstate()).keys()];
    expect(keys.filter((k) => k.endsWith('remove.ps1'))).toEqual([
      'hyperv/hv-full/remove.ps1',
      'hyperv/hv-old/remove.ps1',
    ]);
    expect(keys).toContain('hyperv/hv-study/apply.ps1');
  });

  test('deterministic, byte-identical, \\n line endings, no timestamps', () => {
    const a = emitHyperV(fixtureEstate());
    const b = emitHyperV(fixtureEstate());
    expect([...a]).toEqual([...b]);
    for (const text of a.values()) {
      expect(text).not.toMatch(/\r/);
      expect(text.endsWith('\n')).toBe(true);
    }
  });

  test('README in Japanese explains -WhatIf', () => {
    const readme = emitHyperV(fixtureEstate()).get('hyperv/hv-full/README.md')!;
    expect(readme).toMatch(/-WhatIf/);
    expect(readme).toMatch(/確認してから設定/);
    expect(readme).toMatch(/remove\.ps1/);
  });

  test('the stage adds the files and reports progress', () => {
    const progress: string[] = [];
    const ctx = {
      estate: defaultEstate(),
      files: new Map<string, string>(),
      progress: (s: string, d: number, t: number) => progress.push(`${s} ${d}/${t}`),
    } as unknown as SynthContext;
    hypervStage().run(ctx);
    expect(ctx.files.size).toBe(5); // two script sets (apply.ps1, README.md) and hyperv-inputs.json
    expect([...ctx.files.keys()]).toContain('hyperv-inputs.json');
    expect(progress).toEqual(['hyperv 1/2', 'hyperv 2/2']);
  });

  test("R26 is the rule pack's, as on vSphere: declared devices attach nothing; an acknowledged R26 emits the same scripts", () => {
    const plain = newEstate();
    vlan(plain);
    new IndividualBusinessSystem(plain, 'full', fullProps());
    const e = newEstate();
    vlan(e);
    new IndividualBusinessSystem(
      e,
      'full',
      fullProps({ servers: [{ ...fullProps().servers![0]!, devices: ['usb'] }, ...fullProps().servers!.slice(1)] }),
    );
    expect(runRulePack(e).findings.filter((f) => f.ruleId === 'R26')).toEqual([
      expect.objectContaining({ level: 'error' }),
    ]);
    expect([...emitHyperV(e)]).toEqual([...emitHyperV(plain)]);
  });

  test('the Windows Server version is platform data', () => {
    const e = defaultEstate();
    (e.platform.hyperv as { windowsServerVersion: string }).windowsServerVersion = '2019';
    const apply = emitHyperV(e).get('hyperv/zeimu-db/apply.ps1')!;
    expect(apply).toMatch(/Contains\('2019'\)/);
    expect(apply).not.toMatch(/2016/);
  });
});

describe('emitted scripts parse and call only real cmdlets with valid parameter sets', () => {
  const sets: [string, () => Map<string, string>][] = [
    ['example estate', () => emitHyperV(defaultEstate())],
    ['fixtures', () => emitHyperV(fixtureEstate())],
  ];
  test.each(sets)('%s', (_, make) => {
    for (const [file, text] of scripts(make())) {
      const tree = parse(text);
      expect({ file, errors: syntaxErrors(tree) }).toEqual({ file, errors: [] });
      for (const c of commands(tree)) {
        const known = isHyperVCmdlet(c.name) || isFailoverClusterCmdlet(c.name) || c.name in ALLOWED_OTHER_CMDLETS;
        expect({ file, cmd: c.name, known }).toEqual({ file, cmd: c.name, known: true });
        expect({ file, cmd: c.name, problem: checkCall(c.name, c.params) }).toEqual({
          file,
          cmd: c.name,
          problem: undefined,
        });
      }
    }
  });

  test('header: CmdletBinding with ShouldProcess, strict mode, stop on errors', () => {
    for (const [, text] of scripts(emitHyperV(fixtureEstate()))) {
      expect(text).toMatch(/^\[CmdletBinding\(SupportsShouldProcess = \$true/m);
      expect(text).toMatch(/^Set-StrictMode -Version 'Latest'$/m);
      expect(text).toMatch(/^\$ErrorActionPreference = 'Stop'$/m);
    }
  });

  test('the checker itself rejects unknown parameters and mixed sets', () => {
    expect(checkCall('New-VM', ['Name', 'NewVHDPath'])).toMatch(/mandatory NewVHDSizeBytes/);
    expect(checkCall('New-VM', ['Name', 'VHDPath', 'NewVHDPath', 'NewVHDSizeBytes'])).toMatch(/no parameter set fits/);
    expect(checkCall('Set-VMProcessor', ['VMName', 'Cores'])).toMatch(/no parameter -Cores/);
    expect(checkCall('Invoke-Expression', ['Command'])).toMatch(/not a cmdlet/);
    expect(checkCall('Import-VM', ['Path', 'Copy', 'GenerateNewId'])).toBeUndefined();
  });

  test('the FailoverClusters cmdlets come from their own reference, with its source', () => {
    const ref = jest.requireActual('../../lib/hyperv/failoverclusters-ws2016-cmdlets.json') as {
      source: string;
      cmdlets: Record<string, unknown>;
    };
    expect(ref.source).toMatch(/MicrosoftDocs\/windows-powershell-docs docset\/winserver2016-ps\/FailoverClusters/);
    expect(Object.keys(ref.cmdlets).sort()).toEqual([
      'Add-ClusterVirtualMachineRole',
      'Get-ClusterGroup',
      'Get-ClusterNode',
      'Remove-ClusterGroup',
    ]);
    expect(
      isFailoverClusterCmdlet('Add-ClusterVirtualMachineRole') && !isHyperVCmdlet('Add-ClusterVirtualMachineRole'),
    ).toBe(true);
    expect(checkCall('Add-ClusterVirtualMachineRole', ['VMName', 'Cluster'])).toBeUndefined();
    expect(checkCall('Remove-ClusterGroup', ['VMId', 'Cluster', 'RemoveResources', 'Force'])).toBeUndefined();
    expect(checkCall('Get-ClusterNode', ['Cluster', 'Nodes'])).toMatch(/no parameter -Nodes/);
    expect(checkCall('Move-ClusterVirtualMachineRole', ['Name'])).toMatch(/not a cmdlet/);
  });
});

describe('Test-then-Set structure (idempotence) and refusals', () => {
  const files = () => emitHyperV(fixtureEstate());
  /** Conditions of the commands `name` in the section of server `vm` (from its "==== server" comment to the next). */
  const conditionsOf = (text: string, name: string, vm = 'tmpl01') => {
    const lines = text.split('\n');
    const from = lines.indexOf(`# ==== server ${vm} ====`);
    const next = lines.findIndex((l, i) => i > from && l.startsWith('# ==== server '));
    const to = next < 0 ? lines.length : next;
    return commands(parse(text))
      .filter((c) => c.name === name && c.node.startPosition.row >= from && c.node.startPosition.row < to)
      .map((c) => enclosingConditions(c.node).join(' && '));
  };
  const GB = (n: number) => String(n * 1024 ** 3);

  test('every change is guarded by ShouldProcess (the -WhatIf plan)', () => {
    const mutating = /^(New|Set|Add|Remove|Resize|Checkpoint|Enable|Import|Rename|Connect|Stop|Copy|Mount)-/;
    for (const [file, text] of scripts(files())) {
      for (const c of commands(parse(text))) {
        if (
          !mutating.test(c.name) ||
          c.name === 'Set-StrictMode' ||
          c.name === 'Set-Content' ||
          (c.name === 'New-Item' && false)
        )
          continue;
        const conds = enclosingConditions(c.node).join(' ');
        expect({ file, cmd: c.name, guarded: /\$PSCmdlet\.ShouldProcess/.test(conds) }).toEqual({
          file,
          cmd: c.name,
          guarded: true,
        });
      }
    }
  });

  test('Get-VM before New-VM / Import-VM, which run only when the VM is absent', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    for (const name of ['New-VM', 'Import-VM']) {
      for (const cond of conditionsOf(apply, name)) expect(cond).toMatch(/\$null -eq \$vm/);
    }
    expect(apply.indexOf("Get-VM -Name 'tmpl01'")).toBeLessThan(apply.indexOf("New-VM -Name 'tmpl01'"));
    expect(apply).toMatch(/Compare-VM -Path \$vmcx\[0\]\.FullName -Copy -GenerateNewId/);
    expect(apply).toMatch(/Import-VM -CompatibilityReport \$report/);
  });

  test('processor, memory, VLAN, disks and notes compare before they set', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    expect(conditionsOf(apply, 'Set-VMProcessor')[0]).toMatch(/\$vm\.ProcessorCount -ne 4/);
    expect(conditionsOf(apply, 'Set-VMMemory')[0]).toContain(
      `$vm.DynamicMemoryEnabled) -or ($vm.MemoryStartup -ne ${GB(16)})`,
    );
    expect(conditionsOf(apply, 'Set-VMNetworkAdapterVlan').join('\n')).toMatch(/AccessVlanId -ne 240/);
    expect(conditionsOf(apply, 'New-VHD').every((c) => /Test-Path/.test(c) || c === '')).toBe(true);
    expect(conditionsOf(apply, 'Resize-VHD').some((c) => c.includes(`Size -lt ${GB(200)}`))).toBe(true);
    expect(conditionsOf(apply, 'Add-VMHardDiskDrive').every((c) => /\$bases -notcontains \$diskPath/.test(c))).toBe(
      true,
    );
    expect(conditionsOf(apply, 'Set-VM').at(-1)).toMatch(/\$vm\.Notes -cne \$notes/);
    expect(conditionsOf(apply, 'Checkpoint-VM')[0]).toMatch(/\$existing -eq 0/);
  });

  test('destructive differences are refused with a clear message', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    expect(apply).toMatch(/\$vm\.Generation -ne 2\)+ \{\n\s+throw '\[tmpl01\] 拒否: 既存の仮想マシンの世代/);
    expect(apply).toMatch(
      new RegExp(`\\$vhd\\.Size -gt ${GB(200)}\\)+ \\{\\n\\s+throw \\('\\[tmpl01\\] 拒否: データディスク1 .*縮小`),
    );
    expect(apply).toMatch(/\$drives\.Count -gt 4\)+ \{\n\s+throw '\[tmpl01\] 拒否: 宣言にないディスク/);
    expect(apply).toMatch(/DiskNumber\)+ \{\n\s+throw '\[tmpl01\] 拒否: パススルーディスク.*R26/);
  });

  test('NICs: standard network switch + VLAN, dedicated VLAN access ID', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    expect(apply).toMatch(/Add-VMNetworkAdapter -VMName 'tmpl01' -Name 'nic0' -SwitchName 'vSwitch-Trunk'/);
    expect(apply).toMatch(/Set-VMNetworkAdapterVlan -VMName 'tmpl01' -VMNetworkAdapterName 'nic0' -Access -VlanId 120/);
    expect(apply).toMatch(/Set-VMNetworkAdapterVlan -VMName 'tmpl01' -VMNetworkAdapterName 'nic1' -Access -VlanId 240/);
  });

  test('disks on the platform paths, backup volume on backup storage (R10a), checkpoints with expiry (R11)', () => {
    const apply = files().get('hyperv/hv-full/apply.ps1')!;
    expect(apply).toMatch(
      /\$diskPath = 'C:\\ClusterStorage\\Volume1\\VMs\\hv-full\\tmpl01\\tmpl01-disk2\.vhdx'\n(.*\n){1,20}.*New-VHD -Path \$diskPath -SizeBytes 50GB -Fixed/,
    );
    expect(apply).toMatch(
      /\$diskPath = 'C:\\ClusterStorage\\Volume2\\Backup\\hv-full\\tmpl01-backup\.vhdx'\n(.*\n){1,20}.*New-VHD -Path \$diskPath -SizeBytes 300GB -Dynamic/,
    );
    expect(apply).toMatch(/Checkpoint-VM -Name 'tmpl01' -SnapshotName 'before-patch'/);
    expect(apply).toMatch(/Remove-VMSnapshot -VMName 'tmpl01' -Name 'old-test'/);
    expect(apply).toMatch(/Enable-VMIntegrationService -VMIntegrationService \$service/);
    expect(apply).toMatch(/<ComputerName>\{\{ComputerName\}\}<\/ComputerName>/);
    expect(apply).toMatch(/\$unattend\.Replace\('\{\{ComputerName\}\}', 'tmpl01'\)/);
    expect(apply).not.toMatch(/New-VM -Name 'gone01'/);
  });

  test('remove.ps1 asks for the system id, stops, removes, keeps the backup volume', () => {
    const f = files();
    const remove = f.get('hyperv/hv-full/remove.ps1')!;
    expect(remove).toMatch(/ConfirmImpact = 'High'/);
    expect(remove).toMatch(/\$ConfirmSystemId -cne 'hv-full'/);
    expect(remove).toMatch(/Remove-VM -Name 'gone01' -Force/);
    expect(remove).not.toMatch(/'tmpl01'/);
    expect(remove).toMatch(/バックアップ領域は削除しません/);
    expect(f.get('hyperv/hv-old/remove.ps1')).toMatch(/Remove-VM -Name 'oldgone01' -Force/);
  });

  test('systems that build no VMs get a check-only apply script', () => {
    const f = files();
    for (const id of ['hv-study', 'hv-old']) {
      const names = commands(parse(f.get(`hyperv/${id}/apply.ps1`)!)).map((c) => c.name);
      expect(names.filter((n) => isHyperVCmdlet(n))).toEqual(names.filter((n) => n === 'Get-VM'));
      expect(names).toContain('Get-VM');
    }
  });
});
