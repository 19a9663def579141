import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { App, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Construct } from 'constructs';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { psQuote } from '../../lib/hyperv';
import { Estate, IndividualBusinessSystem, VirtualServerProps, fixedClock } from '../../lib/model';
import { synthesize } from '../../lib/synth/pipeline';
import {
  OvfImportPlan,
  emitVsphere,
  ovfImportScriptPath,
  renderOvfImportScript,
  vsphereStage,
} from '../../lib/vsphere';
import { exampleEstate, examplePlatform } from '../fixtures/estate';
import { loadParser, maskedShape, parse, syntaxErrors } from '../hyperv/ps-parse';
import { NOW, newEstate, server, system } from './helpers';

/**
 * Issue 18: what the vmware/vsphere provider 2.15.0 does on plan and apply against a real vCenter,
 * checked on the synthesized output.
 */
Testing.setupJest();

type Block = Record<string, unknown>;
interface Out {
  resource?: Record<string, Record<string, Block>>;
  data?: Record<string, Record<string, Block>>;
  import?: Array<{ to: string; id: string }>;
  removed?: Array<{ from: string; lifecycle: { destroy: boolean } }>;
  terraform?: Block;
}

function stacksOf(e: Estate) {
  return emitVsphere(Testing.app() as App, e);
}
function synthOut(e: Estate, stack = 'bunsho'): Out {
  const st = stacksOf(e);
  return JSON.parse(Testing.synth(stack === 'platform' ? st.platform! : st.systems.get(stack)!, true)) as Out;
}
const vmOf = (o: Out, name = 'ap01') => o.resource!['vsphere_virtual_machine']![`vm_${name}`]!;
const one = (patch: Partial<VirtualServerProps>) => {
  const e = newEstate();
  new IndividualBusinessSystem(e, 's', system({ servers: [server(patch)] }));
  return e;
};

beforeAll(async () => {
  await loadParser();
});

describe('(a) V2V from OVF: one-off import on the management terminal, then adoption', () => {
  const ovf = (extra: Record<string, unknown> = {}) =>
    one({
      guestOs: 'windows_server_2016',
      source: { kind: 'ovf', localOvfPath: 'D:/v2v/ap01/ap01.ovf', ...extra } as never,
    });

  test('the steady-state stack has the import block and no ovf_deploy; the script imports to the id the block names', () => {
    const e = ovf();
    const stacks = stacksOf(e);
    const plan = stacks.systems.get('bunsho')!.ovfImports;
    expect(plan).toEqual([
      expect.objectContaining({
        server: 'ap01',
        importId: '/Kiban-DC/vm/kobetsu-gyomu/somu/ap01',
        importFolder: '/Kiban-DC/vm/kobetsu-gyomu/somu',
        datastore: 'kiban-sys-ds01',
        pool: '/Kiban-DC/host/Kiban-Cluster01/Resources',
        host: 'kiban-esx01.pref.example.jp',
        network: 'pg-lgwan-v120',
        diskCount: 2,
      }),
    ]);
    const out = JSON.parse(Testing.synth(stacks.systems.get('bunsho')!, true)) as Out;
    expect(out.import).toEqual([{ to: 'vsphere_virtual_machine.vm_ap01', id: plan[0]!.importId }]);
    const vm = out.resource!['vsphere_virtual_machine']!['vm_ap01']!;
    expect(vm['ovf_deploy']).toBeUndefined();
    // ignored only, so that a VM an earlier output deployed with ovf_deploy is not replaced
    expect((vm['lifecycle'] as { ignore_changes: string[] }).ignore_changes).toContain('ovf_deploy');
    expect(JSON.stringify(out)).not.toMatch(/local_ovf_path|remote_ovf_url|D:\/v2v/);
    const script = renderOvfImportScript(plan[0]!);
    expect(script).toContain(`$VmPath     = ${psQuote(plan[0]!.importId)}`);
    expect(script).toContain(`$Source     = ${psQuote('D:/v2v/ap01/ap01.ovf')}`);
    expect(script).toContain(
      "& govc import.ovf '-dc' $Datacenter '-ds' $Datastore '-pool' $Pool '-host' $EsxiHost '-folder' $Folder '-name' $VmName '-net' $Network '-options' '-' $Source",
    );
    expect(syntaxErrors(parse(script))).toEqual([]);
  });

  test('the stack requires Terraform 1.7 (import and removed blocks); synth needs no terraform binary', () => {
    expect(synthOut(ovf()).terraform).toMatchObject({ required_version: '>= 1.7.0' });
    // Rendered by ImportBlock, not cdktf's importFrom(): no construct of the stack carries a
    // validation (importFrom adds one that runs `terraform version` on the synthesizing machine).
    const stack = stacksOf(ovf()).systems.get('bunsho')!;
    const validations = (c: { node: unknown }) => ((c.node as { _validations?: unknown[] })._validations ?? []).length;
    const vm = stack.virtualMachines.get('ap01')!;
    expect(
      stack.node
        .findAll()
        .filter((c) => c !== stack && validations(c) > 0)
        .map((c) => c.node.path),
    ).toEqual([]);
    vm.importFrom('/Kiban-DC/vm/x'); // what the product does not do
    expect(validations(vm)).toBe(1);
  });

  test('synth writes the script into the output; nothing else names the media', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-v2v-'));
    try {
      const estate = exampleEstate();
      synthesize(estate, { outdir: tmp, stages: [vsphereStage()] });
      const file = path.join(tmp, ovfImportScriptPath({ systemId: 'chikusan', server: 'chikusan01' }));
      const script = fs.readFileSync(file, 'utf8');
      expect(script).toContain("$Source     = 'D:/v2v/chikusan01/chikusan01.ovf'");
      expect(syntaxErrors(parse(script))).toEqual([]);
      expect(fs.readFileSync(path.join(tmp, 'stacks', 'chikusan', 'cdk.tf.json'), 'utf8')).not.toContain(
        'chikusan01.ovf',
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('a remote OVF URL is passed to govc as is, without a local file check', () => {
    const e = one({ source: { kind: 'ovf', remoteOvfUrl: 'https://media.pref.example.jp/v2v/ap01.ova' } });
    const script = renderOvfImportScript(stacksOf(e).systems.get('bunsho')!.ovfImports[0]!);
    expect(script).toContain("$Source     = 'https://media.pref.example.jp/v2v/ap01.ova'");
    expect(script).not.toContain('Test-Path');
  });

  test('the script stops before adoption when a VM of that name exists, or controller, firmware, disk count or disk labels differ from the stack', () => {
    const script = renderOvfImportScript(
      stacksOf(ovf({ scsiType: 'lsilogic', firmware: 'efi' })).systems.get('bunsho')!.ovfImports[0]!,
    );
    expect(script).toContain("$Firmware   = 'efi'");
    expect(script).toContain("$ScsiType   = 'lsilogic'");
    expect(script).toContain('$DiskCount  = 2');
    expect(script).toMatch(/already exists under \{1\}: nothing was imported/);
    expect(script).toContain("'config.firmware'");
    expect(script).toMatch(/-1000\\s/);
    // vCenter labels disks "Hard disk N"; the provider imports them under those labels, and a label
    // the stack does not name is a disk it removes (vmware/terraform-provider-vsphere#2199).
    expect(script).toContain("'device.info', '-vm', $VmPath, 'disk-*'");
    expect(script).toContain("'Hard disk {0}' -f $_");
    expect(script).not.toMatch(/GOVC_PASSWORD\s*=|password\s*=/i);
  });

  test('every value becomes exactly one PowerShell verbatim string, whatever it contains', () => {
    const base = stacksOf(ovf()).systems.get('bunsho')!.ovfImports[0]!;
    const benign = maskedShape(parse(renderOvfImportScript(base)));
    const hostile = fc
      .array(
        fc.constantFrom(
          "'",
          '\u2018',
          '\u2019',
          '\u201A',
          '\u201B',
          '"',
          '$(',
          ')',
          '`',
          '\n',
          ';',
          '|',
          '&',
          '#',
          "@'",
          ' ',
          '日本',
          'x',
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const plan: OvfImportPlan = {
          ...base,
          source: { kind: 'local', path: `D:/v2v/${a}.ovf` },
          server: `ap${b}`,
          importId: `/dc/vm/${a}`,
          network: b,
          datastore: a,
        };
        const tree = parse(renderOvfImportScript(plan));
        expect(syntaxErrors(tree)).toEqual([]);
        expect(maskedShape(tree)).toBe(benign);
      }),
      { numRuns: 150 },
    );
  });
});

describe('(b) SCSI controller and firmware come from the source and never change on an existing VM', () => {
  test('empty VMs: Windows lsilogic-sas + efi, Linux pvscsi + bios by default; declared values win', () => {
    expect(vmOf(synthOut(one({ guestOs: 'windows_server_2019', source: { kind: 'empty' } })))).toMatchObject({
      scsi_type: 'lsilogic-sas',
      firmware: 'efi',
    });
    expect(vmOf(synthOut(one({ source: { kind: 'empty' } })))).toMatchObject({ scsi_type: 'pvscsi', firmware: 'bios' });
    expect(vmOf(synthOut(one({ source: { kind: 'empty', scsiType: 'lsilogic', firmware: 'efi' } })))).toMatchObject({
      scsi_type: 'lsilogic',
      firmware: 'efi',
    });
  });

  test('V2V from a VMDK: the declared controller and firmware of the source VM, else lsilogic-sas (Windows) / pvscsi and bios', () => {
    const vmdk = { kind: 'vmdk', datastore: 'kiban-sys-ds01', vmdkPath: 'v2v/ap01/ap01.vmdk' } as const;
    expect(vmOf(synthOut(one({ guestOs: 'windows_server_2016', source: vmdk })))).toMatchObject({
      scsi_type: 'lsilogic-sas',
      firmware: 'bios',
    });
    expect(vmOf(synthOut(one({ source: { ...vmdk, scsiType: 'lsilogic', firmware: 'efi' } })))).toMatchObject({
      scsi_type: 'lsilogic',
      firmware: 'efi',
      lifecycle: { ignore_changes: ['disk[0].path', 'scsi_type', 'firmware'] },
    });
  });

  test('V2V from OVF: the declaration is in the stack and checked by the import script', () => {
    const e = one({ source: { kind: 'ovf', localOvfPath: 'D:/v2v/a.ovf', scsiType: 'lsilogic-sas' } });
    expect(vmOf(synthOut(e))).toMatchObject({ scsi_type: 'lsilogic-sas', firmware: 'bios' });
    expect(stacksOf(e).systems.get('bunsho')!.ovfImports[0]).toMatchObject({
      scsiType: 'lsilogic-sas',
      firmware: 'bios',
    });
  });

  test('clones take both from the source VM at creation and pin them: a rebuilt template changes neither', () => {
    for (const source of [
      { kind: 'template', template: 'rhel7' },
      { kind: 'clone', sourceVm: 'gold-vm' },
    ] as const) {
      const vm = vmOf(synthOut(one({ source })));
      const ds = source.kind === 'template' ? 'template_tmpl_rhel7_x64' : 'clone_gold_vm';
      expect(vm).toMatchObject({
        scsi_type: `\${data.vsphere_virtual_machine.${ds}.scsi_type}`,
        firmware: `\${data.vsphere_virtual_machine.${ds}.firmware}`,
      });
      expect((vm['lifecycle'] as { ignore_changes: string[] }).ignore_changes).toEqual(
        expect.arrayContaining(['scsi_type', 'firmware', 'clone[0].template_uuid']),
      );
    }
  });

  test('every VM of the example estate has its controller and firmware pinned', () => {
    const estate = exampleEstate();
    const stacks = emitVsphere(Testing.app() as App, estate);
    let vms = 0;
    for (const st of stacks.systems.values()) {
      for (const vm of Object.values(
        (JSON.parse(Testing.synth(st)) as Out).resource?.['vsphere_virtual_machine'] ?? {},
      )) {
        vms++;
        expect(vm['scsi_type']).toBeDefined();
        expect(vm['firmware']).toBeDefined();
        expect((vm['lifecycle'] as { ignore_changes: string[] }).ignore_changes).toEqual(
          expect.arrayContaining(['scsi_type', 'firmware']),
        );
      }
    }
    expect(vms).toBeGreaterThan(5);
  });
});

describe('(c) temporary snapshots (R11): static description, deleted by removing the declaration', () => {
  const snap = {
    name: 'pre-patch',
    purposeJa: 'パッチ適用前',
    createdAt: '2026-11-21T09:00:00+09:00',
    expiresAt: '2026-11-23T09:00:00+09:00',
  };
  const snapshotsOf = (e: Estate) => synthOut(e).resource?.['vsphere_virtual_machine_snapshot'];
  const at = (now: string, s: typeof snap | undefined) => {
    const e = new Estate(new Construct(undefined as never, ''), 'Estate', {
      platform: examplePlatform(),
      clock: fixedClock(now),
    });
    new IndividualBusinessSystem(e, 's', system({ servers: [server({ snapshots: s ? [s] : [] })] }));
    return e;
  };

  test("the snapshot block is the same whatever the clock, the expiry or the platform's snapshot limit (every argument forces replacement)", () => {
    const first = snapshotsOf(at(NOW, snap));
    expect(first).toEqual({
      snapshot_ap01_pre_patch: expect.objectContaining({
        description: 'パッチ適用前 (R11, 作成 2026-11-21T09:00:00+09:00)',
      }),
    });
    expect(snapshotsOf(at('2026-11-23T08:00:00+09:00', snap))).toEqual(first);
    expect(snapshotsOf(at(NOW, { ...snap, expiresAt: '2026-11-24T09:00:00+09:00' }))).toEqual(first);
    const e = newEstate();
    e.platform.snapshotMaxHours = 48;
    new IndividualBusinessSystem(e, 's', system({ servers: [server({ snapshots: [snap] })] }));
    expect(snapshotsOf(e)).toEqual(first);
    expect(JSON.stringify(first)).not.toContain('2026-11-23');
  });

  test('a later wording change of the purpose does not replace the snapshot (ignore_changes)', () => {
    expect(snapshotsOf(at(NOW, snap))!['snapshot_ap01_pre_patch']).toMatchObject({
      lifecycle: { ignore_changes: ['description', 'memory'] },
    });
  });

  test("removing an expired snapshot's declaration removes its resource: Terraform deletes the snapshot", () => {
    expect(snapshotsOf(at(NOW, snap))).toBeDefined();
    const after = synthOut(at(NOW, undefined));
    expect(after.resource?.['vsphere_virtual_machine_snapshot']).toBeUndefined();
    expect(vmOf(after)).toBeDefined();
  });
});

describe('(d) no hard stop of a VM on routine changes', () => {
  test('every VM shuts down gracefully with the longest wait the provider allows, never forced off', () => {
    for (const source of [
      { kind: 'template', template: 'rhel7' },
      { kind: 'empty' },
      { kind: 'ovf', localOvfPath: 'D:/a.ovf' },
      { kind: 'vmdk', datastore: 'kiban-sys-ds01', vmdkPath: 'a/a.vmdk' },
    ] as const) {
      expect(Testing.synth(stacksOf(one({ source })).systems.get('bunsho')!)).toHaveResourceWithProperties(
        VirtualMachine,
        { force_power_off: false, shutdown_wait_timeout: 10 },
      );
    }
  });
});

describe('(e) guest customization waits long enough for sysprep', () => {
  test('Windows waits 30 minutes, Linux 15 (provider default 10)', () => {
    const win = vmOf(
      synthOut(one({ guestOs: 'windows_server_2016', source: { kind: 'template', template: 'ws2016' } })),
    ) as { clone: { customize: { timeout: number } } };
    expect(win.clone.customize.timeout).toBe(30);
    const lin = vmOf(synthOut(one({}))) as { clone: { customize: { timeout: number } } };
    expect(lin.clone.customize.timeout).toBe(15);
  });
});

describe('(f) backup volumes (R10a)', () => {
  const withBackup = (decommissioned?: Record<string, unknown>) => {
    const e = newEstate();
    new IndividualBusinessSystem(
      e,
      's',
      system({
        servers: [
          server(),
          server({
            name: 'ap02',
            backupVolume: { sizeGb: 100 },
            ...(decommissioned
              ? {
                  decommissioned: {
                    confirm: 'ap02',
                    reasonJa: '統合により不要',
                    approvedBy: '室長',
                    date: '2026-11-01',
                    ...decommissioned,
                  } as never,
                }
              : {}),
          }),
        ],
      }),
    );
    return e;
  };

  test('are attached independent_persistent, so VM snapshots and the OS-image backup leave them out', () => {
    const disk = (vmOf(synthOut(withBackup()), 'ap02')['disk'] as Block[]).find((d) => d['label'] === 'backup');
    expect(disk).toMatchObject({ attach: true, disk_mode: 'independent_persistent' });
  });

  test('decommissioning keeps them by default: the stack forgets the disk instead of deleting it', () => {
    const out = synthOut(withBackup({}));
    expect(out.resource!['vsphere_virtual_machine']!['vm_ap02']).toBeUndefined();
    expect(out.resource!['vsphere_virtual_disk']).toBeUndefined();
    expect(out.removed).toEqual([{ from: 'vsphere_virtual_disk.backup_disk_ap02', lifecycle: { destroy: false } }]);
  });

  test('keptDisks: delete lets Terraform delete the backup volume with the VM', () => {
    const out = synthOut(withBackup({ keptDisks: 'delete' }));
    expect(out.removed).toBeUndefined();
    expect(out.resource!['vsphere_virtual_disk']).toBeUndefined();
  });

  test('a decommissioned system decides for all its servers', () => {
    const keep = newEstate();
    new IndividualBusinessSystem(
      keep,
      's',
      system({
        phase: 'decommissioned',
        decommission: { confirmSystemId: 'bunsho', form3Date: '2026-11-01', approvedBy: '室長' },
        servers: [server({ backupVolume: { sizeGb: 100 } })],
      }),
    );
    expect(synthOut(keep).removed).toEqual([
      { from: 'vsphere_virtual_disk.backup_disk_ap01', lifecycle: { destroy: false } },
    ]);
    const del = newEstate();
    new IndividualBusinessSystem(
      del,
      's',
      system({
        phase: 'decommissioned',
        decommission: { confirmSystemId: 'bunsho', form3Date: '2026-11-01', approvedBy: '室長', keptDisks: 'delete' },
        servers: [server({ backupVolume: { sizeGb: 100 } })],
      }),
    );
    expect(synthOut(del).removed).toBeUndefined();
  });
});

describe('(h) README "Applying the output"', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Applying the output'), readme.indexOf('## The command line'));

  test('lists the prerequisites and the runbook steps', () => {
    for (const needle of [
      'vcenterVersion',
      'SSO',
      'root VM',
      'tag categories',
      'terraform untaint',
      'execution_order_group',
      'import-ovf.ps1',
      'force_power_off = false',
      'keptDisks',
      'independent_persistent',
    ]) {
      expect(section).toContain(needle);
    }
  });

  test('every terraform import example names a resource of the platform stack of the example estate', () => {
    const estate = exampleEstate();
    const platform = JSON.parse(Testing.synth(emitVsphere(Testing.app() as App, estate).platform!)) as Out;
    const examples = [...section.matchAll(/terraform import (\S+)\.(\S+) /g)];
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const [, type, name] of examples)
      expect([type, name, platform.resource?.[type!]?.[name!] !== undefined]).toEqual([type, name, true]);
  });
});
