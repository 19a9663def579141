/**
 * End-to-end: the synthesized estate planned and applied for real by Terraform with the vmware/vsphere
 * 2.15.0 provider against govmomi's vCenter simulator, state in PostgreSQL (pg backend), both on loopback.
 *
 * A scenario is an edit of the e2e estate (plain data, e2e/estate.ts) and assertions on the plan
 * Terraform makes from it (`terraform show -json`). Scenarios plan against the state of the applied
 * estate and do not apply, so they are independent of each other; add one with `variant(...)`.
 *
 * Run with `npm run e2e` (after `npm run tools`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { reviewPlans } from '../lib/review/plan-review';
import { E2eEstateInput, buildE2eEstate, e2eEstateInput, e2ePlatform } from './estate';
import {
  Harness,
  PlanJson,
  PlanResourceChange,
  StateJson,
  effectiveChanges,
  importOvfs,
  stackIds,
  startHarness,
} from './harness';
import { SIMULATOR_DIFFS, realDifferences } from './simulator-diffs';
import { writePlanFixture } from './fixtures';
import { loadTools } from './tools';

const log = (s: string) => process.stderr.write(`[e2e] ${s}\n`);
const loaded = loadTools();
if (!('tools' in loaded))
  throw new Error(`e2e tools unavailable (npm run e2e reports this as SKIPPED): ${loaded.unavailable}`);
const tools = loaded.tools;

let h: Harness;
/** The applied estate's output folder: the BASE of every scenario. */
let base: string;
const stacks = stackIds(buildE2eEstate());

/** V2V from OVF (R20, R34): VMs the first plan of their stack must adopt with an import block, never create. */
const ADOPTED: ReadonlyMap<string, readonly string[]> = new Map([['e2e-ovf', ['vsphere_virtual_machine.vm_e2eovf01']]]);

/** Stacks the simulator can plan but not apply, with the reason; their first plan is still asserted. */
const PLAN_ONLY: ReadonlyMap<string, string> = new Map();
let variants = 0;

/** Synthesizes an edited copy of the e2e estate; returns its output folder. */
function variant(edit: (input: E2eEstateInput) => void): string {
  const input = structuredClone(e2eEstateInput());
  edit(input);
  return h.synth(buildE2eEstate(input), `variant-${++variants}`);
}

function server(input: E2eEstateInput, name: string) {
  for (const s of input.systems)
    for (const v of s.servers ?? [])
      if (v.name === name) return v as { -readonly [K in keyof typeof v]: (typeof v)[K] };
  throw new Error(`no server ${name} in the e2e estate`);
}

const real = (plan: PlanJson) => effectiveChanges(plan).flatMap(realDifferences);
const change = (plan: PlanJson, address: string): PlanResourceChange => {
  const c = (plan.resource_changes ?? []).find((x) => x.address === address);
  if (!c) throw new Error(`${address} not in the plan`);
  return c;
};
const after = (c: PlanResourceChange) => c.change.after as Record<string, unknown>;
const resourcesOf = (state: StateJson) => state.values?.root_module?.resources ?? [];
/** The applied state of a stack of the BASE (after the first scenario applied it). */
const applied = (id: string) =>
  resourcesOf(h.terraform.state(path.join(base, 'stacks', id))).filter((r) => r.mode === 'managed');
const systemStacks = () => stacks.filter((id) => id !== 'platform');
const actionsOf = (plan: PlanJson) => effectiveChanges(plan).map((c) => `${c.change.actions.join('/')} ${c.address}`);

beforeAll(async () => {
  h = await startHarness(tools, buildE2eEstate());
  base = h.synth(buildE2eEstate(), 'out');
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('the e2e estate on the simulator', () => {
  test('every stack applies, and a second plan of every stack shows no changes', async () => {
    const summary: string[] = [];
    // Every stack is applied even when an earlier one shows a problem; the problems are asserted at the end.
    const problems: { id: string; problem: string }[] = [];
    for (const id of stacks) {
      const t0 = Date.now();
      const dir = path.join(base, 'stacks', id);
      h.terraform.init(dir);
      const first = h.terraform.plan(dir);
      const creates = effectiveChanges(first);
      // A V2V from OVF is adopted by an import block: an import (possibly with an in-place update), never a create.
      const imported = (c: PlanResourceChange) =>
        (c.change as { importing?: unknown }).importing !== undefined && c.change.actions.join() === 'update';
      for (const c of creates)
        if (c.change.actions.join() !== 'create' && !imported(c))
          problems.push({ id, problem: `first plan: ${c.change.actions.join('/')} ${c.address}` });
      if (creates.length === 0) problems.push({ id, problem: 'first plan creates nothing' });
      for (const address of ADOPTED.get(id) ?? []) {
        const c = (first.resource_changes ?? []).find((x) => x.address === address);
        if (!c) problems.push({ id, problem: `first plan: ${address} absent` });
        else if (
          !imported(c) &&
          !((c.change as { importing?: unknown }).importing !== undefined && c.change.actions.join() === 'no-op')
        )
          problems.push({ id, problem: `first plan: ${address} is ${c.change.actions.join('/')}, not an import` });
      }
      if (PLAN_ONLY.has(id)) {
        const vm = creates.find((c) => c.type === 'vsphere_virtual_machine');
        if (!vm) problems.push({ id, problem: 'first plan creates no VM' });
        summary.push(
          `${id}: planned ${creates.length} creates (${[...new Set(creates.map((c) => c.type))].sort().join(', ')}); NOT applied: ${PLAN_ONLY.get(id)}`,
        );
        continue;
      }
      h.terraform.apply(dir);
      // V2V from OVF, step 1 on the management terminal, once the platform's folders exist.
      if (id === 'platform')
        for (const s of await importOvfs(buildE2eEstate(), h.vcsim))
          summary.push(`${s}: OVF imported into its department folder (the import script's step, simulated)`);
      const second = h.terraform.plan(dir);
      for (const d of real(second)) problems.push({ id, problem: `second plan: ${d}` });
      const simulatorOnly = effectiveChanges(second).map((c) => c.address);
      const types = [...new Set(creates.map((c) => c.type))].sort();
      summary.push(
        `${id}: applied ${creates.length} resources (${types.join(', ')}); second plan ${real(second).length === 0 ? 'empty' : 'NOT empty'}${simulatorOnly.length ? ` apart from simulator-only diffs on ${simulatorOnly.join(', ')}` : ''} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      );
    }
    for (const l of summary) log(l);
    log(
      `simulator-only follow-up diffs set aside: ${SIMULATOR_DIFFS.map((d) => `${d.type}.${d.attribute} (${d.reason})`).join('; ')}`,
    );
    expect(problems).toEqual([]);
  });
});

describe('changes to an applied server are in-place updates', () => {
  test('more memory and CPUs → update in place, nothing replaced', () => {
    const head = variant((i) => {
      const s = server(i, 'e2elnx01');
      s.memoryGb = 8;
      s.cpu = { sockets: 2, coresPerSocket: 2 };
    });
    const plan = h.plan(head, ['e2e-linux']).get('e2e-linux')!;
    expect(actionsOf(plan)).toEqual(expect.arrayContaining(['update vsphere_virtual_machine.vm_e2elnx01']));
    expect(actionsOf(plan).filter((a) => !a.startsWith('update '))).toEqual([]);
    expect(real(plan).sort()).toEqual([
      expect.stringMatching(/^vsphere_virtual_machine\.vm_e2elnx01\.memory: 4096 → 8192$/),
      expect.stringMatching(/^vsphere_virtual_machine\.vm_e2elnx01\.num_cpus: 2 → 4$/),
    ]);
    if (process.env.KIBAN_E2E_WRITE_FIXTURES) writePlanFixture('update-memory-cpu', head, 'e2e-linux');
  });

  test('an added disk → update in place with a third disk', () => {
    const head = variant((i) => {
      const s = server(i, 'e2elnx01');
      s.disks = [...s.disks, { sizeGb: 10 }];
    });
    const plan = h.plan(head, ['e2e-linux']).get('e2e-linux')!;
    expect(actionsOf(plan).filter((a) => !a.startsWith('update '))).toEqual([]);
    const vm = change(plan, 'vsphere_virtual_machine.vm_e2elnx01');
    expect(vm.change.actions).toEqual(['update']);
    expect((after(vm).disk as { label: string; size: number }[]).map((d) => [d.label, d.size])).toEqual([
      ['disk0', 40],
      ['disk1', 20],
      ['disk2', 10],
    ]);
    expect(real(plan)).toEqual([expect.stringMatching(/^vsphere_virtual_machine\.vm_e2elnx01\.disk: /)]);
  });

  test('an added NIC → update in place with a second network interface', () => {
    const head = variant((i) => {
      const s = server(i, 'e2elnx01');
      s.nics = [...s.nics, { network: 'internet', ipv4: '10.110.3.13' }];
    });
    const plan = h.plan(head, ['e2e-linux']).get('e2e-linux')!;
    expect(actionsOf(plan).filter((a) => !a.startsWith('update '))).toEqual([]);
    const vm = change(plan, 'vsphere_virtual_machine.vm_e2elnx01');
    expect(vm.change.actions).toEqual(['update']);
    expect((after(vm).network_interface as unknown[]).length).toBe(2);
    expect(real(plan)).toEqual([expect.stringMatching(/^vsphere_virtual_machine\.vm_e2elnx01\.network_interface: /)]);
  });
});

describe('what would lose data is refused by the product before Terraform runs', () => {
  const noTerraform = (head: string) =>
    expect(fs.existsSync(path.join(head, 'stacks', 'e2e-linux', '.terraform'))).toBe(false);

  test('a shrunk disk', () => {
    const head = variant((i) => {
      const s = server(i, 'e2elnx01');
      s.disks = [{ sizeGb: 30 }, ...s.disks.slice(1)];
    });
    const r = h.reviewThenPlan(base, head, ['e2e-linux']);
    expect(r).toEqual({
      refused: [expect.stringContaining('e2e-linux/e2elnx01 システムディスク: disk shrunk from 40 GB to 30 GB')],
    });
    noTerraform(head);
  });

  test('a server deleted instead of decommissioned', () => {
    const head = variant((i) => {
      const sys = i.systems.find((s) => s.systemId === 'e2e-linux')!;
      (sys as unknown as { servers: unknown[] }).servers = sys.servers!.filter((s) => s.name !== 'e2elnx02');
    });
    const r = h.reviewThenPlan(base, head, ['e2e-linux']);
    expect(r).toEqual({
      refused: [
        expect.stringContaining(
          'e2e-linux/e2elnx02: server present in BASE is absent in HEAD — deleted instead of decommissioned',
        ),
      ],
    });
    noTerraform(head);
  });
});

describe('decommissioning', () => {
  test('a server decommissioned with its confirmation → the plan destroys exactly that server (its VM and backup volume)', () => {
    const head = variant((i) => {
      server(i, 'e2elnx02').decommissioned = {
        confirm: 'e2elnx02',
        reasonJa: 'E2E: バッチ処理の廃止に伴う利用停止',
        approvedBy: '統合基盤担当',
        date: '2026-11-21',
      };
    });
    const r = h.reviewThenPlan(base, head, ['e2e-linux']);
    if (!('plans' in r)) throw new Error(`refused: ${r.refused.join('; ')}`);
    const plan = r.plans.get('e2e-linux')!;
    // The VM is destroyed; its backup volume leaves the state but is kept (a removed block, destroy = false).
    expect(
      actionsOf(plan)
        .filter((a) => !a.startsWith('update '))
        .sort(),
    ).toEqual(['delete vsphere_virtual_machine.vm_e2elnx02', 'forget vsphere_virtual_disk.backup_disk_e2elnx02']);
    expect(real(plan).sort()).toEqual([
      'vsphere_virtual_disk.backup_disk_e2elnx02: forget',
      'vsphere_virtual_machine.vm_e2elnx02: delete',
    ]);
    // The plan review lists both in the data-loss section as decommissioned and confirmed, and passes.
    const review = reviewPlans(head);
    expect(review.errors).toEqual([]);
    expect(review.changes.filter((c) => c.destroysData).map((c) => [c.address, c.server, c.decommissioned])).toEqual([
      ['vsphere_virtual_machine.vm_e2elnx02', 'e2elnx02', true],
    ]);
    expect(review.changes.find((c) => c.address === 'vsphere_virtual_disk.backup_disk_e2elnx02')).toMatchObject({
      action: 'forget',
      destroysData: false,
    });
    if (process.env.KIBAN_E2E_WRITE_FIXTURES) writePlanFixture('decommission-e2elnx02', head, 'e2e-linux', base);
  });
});

describe('temporary snapshots (R11) on the real plan', () => {
  const SNAPSHOT = 'vsphere_virtual_machine_snapshot.snapshot_e2elnx01_before_patch';
  const snapshotUnchanged = (head: string) => {
    const plan = h.plan(head, ['e2e-linux']).get('e2e-linux')!;
    // Every argument of a snapshot forces replacement: any change here would delete and re-take it.
    expect(change(plan, SNAPSHOT).change.actions).toEqual(['no-op']);
    expect(real(plan)).toEqual([]);
  };

  test('a later clock gives no change to the snapshot', () => {
    snapshotUnchanged(
      h.synth(buildE2eEstate(e2eEstateInput(), e2ePlatform(), '2026-11-23T21:00:00+09:00'), `variant-${++variants}`),
    );
  });

  test('a moved expiry gives no change to the snapshot', () => {
    snapshotUnchanged(
      variant((i) => {
        (server(i, 'e2elnx01').snapshots![0] as { expiresAt: string }).expiresAt = '2026-11-25T08:00:00+09:00';
      }),
    );
  });

  test('another platform snapshotMaxHours gives no change to the snapshot', () => {
    snapshotUnchanged(
      h.synth(buildE2eEstate(e2eEstateInput(), e2ePlatform({ snapshotMaxHours: 48 })), `variant-${++variants}`),
    );
  });

  test("removing the snapshot's declaration plans exactly its delete", () => {
    const head = variant((i) => {
      server(i, 'e2elnx01').snapshots = [];
    });
    const plan = h.plan(head, ['e2e-linux']).get('e2e-linux')!;
    expect(actionsOf(plan).filter((a) => !a.startsWith('update '))).toEqual([`delete ${SNAPSHOT}`]);
    expect(real(plan)).toEqual([`${SNAPSHOT}: delete`]);
  });
});

describe('the applied state as a real vCenter would hold it', () => {
  test('backup volumes (R10a) are attached independent_persistent, every other disk persistent', () => {
    const modes: string[] = [];
    for (const id of systemStacks()) {
      for (const r of applied(id).filter((x) => x.type === 'vsphere_virtual_machine')) {
        for (const d of r.values.disk as { label: string; disk_mode: string }[])
          modes.push(`${r.address} ${d.label} ${d.disk_mode}`);
      }
    }
    expect(modes.filter((m) => / backup /.test(m)).sort()).toEqual([
      'vsphere_virtual_machine.vm_e2elnx02 backup independent_persistent',
      'vsphere_virtual_machine.vm_e2emyn01 backup independent_persistent',
    ]);
    expect(modes.filter((m) => !/ backup /.test(m) && !m.endsWith(' persistent'))).toEqual([]);
  });

  test('no VM is powered off by force: force_power_off = false, shutdown_wait_timeout = 10; Windows clones customize.timeout = 30', () => {
    const vms = systemStacks().flatMap((id) => applied(id).filter((x) => x.type === 'vsphere_virtual_machine'));
    expect(vms.length).toBe(8);
    for (const vm of vms)
      expect({ vm: vm.address, force: vm.values.force_power_off, wait: vm.values.shutdown_wait_timeout }).toEqual({
        vm: vm.address,
        force: false,
        wait: 10,
      });
    const timeouts = vms
      .filter((vm) => (vm.values.clone as unknown[] | undefined)?.length)
      .map(
        (vm) =>
          [
            vm.address,
            (vm.values.clone as { customize: { timeout: number; windows_options: unknown[] }[] }[])[0]!.customize[0],
          ] as const,
      )
      .filter(([, c]) => c?.windows_options?.length)
      .map(([a, c]) => `${a} ${c!.timeout}`);
    expect(timeouts.sort()).toEqual([
      'vsphere_virtual_machine.vm_e2ewin01 30',
      'vsphere_virtual_machine.vm_e2ewin02 30',
    ]);
  });
});

describe('a rebuilt template', () => {
  test('its UUID changes and no VM cloned from it changes', async () => {
    const old = await h.vcsim.uuid('tmpl-rhel7-x64');
    const rebuilt = await h.vcsim.rebuild('tmpl-rhel7-x64');
    expect(rebuilt).not.toBe(old);
    const plans = h.plan(base, ['e2e-linux', 'e2e-mynumber']);
    for (const [id, plan] of plans) {
      expect({ id, realDifferences: real(plan) }).toEqual({ id, realDifferences: [] });
      // The plan saw the new template while the VMs keep the UUID they were cloned from.
      const data = (
        (
          plan.prior_state as {
            values?: { root_module?: { resources?: { address: string; values: { id: string } }[] } };
          }
        )?.values?.root_module?.resources ?? []
      ).find(
        (x) =>
          x.address === 'data.vsphere_virtual_machine.template_tmpl-rhel7-x64' ||
          x.address === 'data.vsphere_virtual_machine.template_tmpl_rhel7_x64',
      );
      expect(data?.values.id).toBe(rebuilt);
      for (const vm of (plan.resource_changes ?? []).filter((c) => c.type === 'vsphere_virtual_machine')) {
        expect((vm.change.before as { clone: { template_uuid: string }[] }).clone[0]!.template_uuid).toBe(old);
      }
    }
  });

  test('with another firmware and SCSI controller, no VM cloned from it changes (scsi_type and firmware pinned)', async () => {
    const rhel = await h.vcsim.rebuild('tmpl-rhel7-x64', { firmware: 'efi', scsiType: 'lsilogic-sas' });
    const ws = await h.vcsim.rebuild('tmpl-ws2016-dc', { firmware: 'bios', scsiType: 'pvscsi' });
    const plans = h.plan(base, ['e2e-linux', 'e2e-mynumber', 'e2e-windows']);
    for (const [id, plan] of plans) {
      expect({ id, realDifferences: real(plan) }).toEqual({ id, realDifferences: [] });
      const templates = ((plan.prior_state as StateJson)?.values?.root_module?.resources ?? []).filter(
        (x) => x.type === 'vsphere_virtual_machine' && [rhel, ws].includes(x.values.id as string),
      );
      // The plan read the rebuilt template's new hardware …
      expect(templates.length).toBeGreaterThan(0);
      for (const t of templates)
        expect([t.values.firmware, t.values.scsi_type]).toEqual(
          t.values.id === rhel ? ['efi', 'lsilogic-sas'] : ['bios', 'pvscsi'],
        );
      // … while the VMs keep theirs.
      for (const vm of (plan.resource_changes ?? []).filter(
        (c) => c.type === 'vsphere_virtual_machine' && c.mode === 'managed',
      )) {
        const b = vm.change.before as { firmware: string; scsi_type: string };
        expect({ vm: vm.address, after: [after(vm).firmware, after(vm).scsi_type] }).toEqual({
          vm: vm.address,
          after: [b.firmware, b.scsi_type],
        });
      }
    }
  });
});
