import * as fs from 'fs';
import * as path from 'path';
import { DedicatedVlanProps } from '../../lib/model';
import {
  Change,
  EstateManifest,
  buildEstateManifest,
  changesOfPlan,
  diffManifests,
  diffOutputs,
  manifestJson,
  renderPlanReview,
  reviewPlans,
} from '../../lib/review';
import type { ManifestServer } from '../../lib/review/manifest';
import { KOKUHO_VLAN, SystemProps, estateOf, lgwanSystem, tmpDir, webSystem } from './helpers';

// Issue 19: tests for the mutants of the data-loss guard that survived the mutation run
// (lib/review/{compare,output-diff,diff-markdown,diff,plan-review}.ts). Each test names the lines it pins.

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
const manifest = (systems: SystemProps[], vlans: DedicatedVlanProps[] = []) =>
  buildEstateManifest(estateOf(systems, vlans));
/** A deep copy of a manifest with fields edited that the constructs derive (as a hand-edited estate.json). */
const edited = (m: EstateManifest, f: (x: Mutable<EstateManifest>) => void): EstateManifest => {
  const c = JSON.parse(JSON.stringify(m)) as Mutable<EstateManifest>;
  f(c);
  return c as EstateManifest;
};
const rows = (cs: readonly Change[]) => cs.map((c) => [c.systemId, c.op, c.object, c.target, c.destroysData]);

describe('compare.ts: dedicated VLANs (lines 332–343)', () => {
  const v = (o: Partial<DedicatedVlanProps> = {}): DedicatedVlanProps => ({ ...KOKUHO_VLAN, ...o });
  const pg = 'dv-mynumber-kokuho-v231';
  test('a deleted VLAN is a platform change: destroyed, no data destroyed', () => {
    expect(rows(diffManifests(manifest([], [v()]), manifest([])).changes)).toEqual([
      ['platform', 'destroyed', 'vlan', pg, false],
    ]);
  });
  test('a subnet change alone (same gateway) is a platform change', () => {
    const c = diffManifests(manifest([], [v()]), manifest([], [v({ subnet: '10.231.0.0/23' })])).changes;
    expect(rows(c)).toEqual([['platform', 'changed', 'vlan', pg, false]]);
    expect(c[0]!.detail).toBe('サブネット 10.231.0.0/24 → 10.231.0.0/23');
  });
  test('a VLAN ID change recreates the port group even when the port group name is kept', () => {
    const b = manifest([], [v()]);
    const h = edited(b, (x) => {
      const n = x.networks.find((n) => n.dedicated)!;
      n.vlanId = 232;
    });
    const c = diffManifests(b, h).changes;
    expect(rows(c)).toEqual([['platform', 'replaced', 'vlan', pg, false]]);
    expect(c[0]!.detail).toContain('VLAN 231 → 232');
  });
});

describe('compare.ts: servers, ordering', () => {
  test('a source kind change with the same ref (template rhel7 → clone of a VM named rhel7) recreates the VM (line 47)', () => {
    const h = webSystem();
    h.servers[1]!.source = { kind: 'clone', sourceVm: 'rhel7' };
    expect(rows(diffManifests(manifest([webSystem()]), manifest([h])).changes)).toEqual([
      ['kanko-web', 'replaced', 'server', 'web02', true],
    ]);
  });
  test('servers are compared in name order, a new one before a changed one named after it (line 291)', () => {
    const b = webSystem();
    b.servers = [b.servers[1]!];
    const h = webSystem();
    h.servers[1]!.memoryGb = 12;
    expect(rows(diffManifests(manifest([b]), manifest([h])).changes).map((r) => [r[1], r[3]])).toEqual([
      ['added', 'web01'],
      ['changed', 'web02'],
    ]);
  });
  test('VLANs are compared in key order, a new one before a changed one after it (line 321)', () => {
    const bbb = { ...KOKUHO_VLAN, name: 'bbb-net' };
    const aaa = { ...KOKUHO_VLAN, name: 'aaa-net', vlanId: 300, subnet: '10.250.0.0/24', gateway: '10.250.0.1' };
    const c = diffManifests(manifest([], [bbb]), manifest([], [aaa, { ...bbb, gateway: '10.231.0.254' }])).changes;
    expect(c.map((x) => [x.op, x.target])).toEqual([
      ['added', 'dv-aaa-net-v300'],
      ['changed', 'dv-bbb-net-v231'],
    ]);
  });
  test('systems are compared in id order, a new one before a changed one after it (line 357)', () => {
    const bbb = lgwanSystem('bbb');
    const h = lgwanSystem('bbb');
    h.servers[0]!.memoryGb = 8;
    const c = diffManifests(manifest([bbb]), manifest([lgwanSystem('aaa'), h])).changes;
    expect([...new Set(c.map((x) => x.systemId))]).toEqual(['aaa', 'bbb']);
  });
});

/** Two synth output folders with the given manifests, Terraform JSON and Hyper-V scripts, diffed. */
function folders(
  base: EstateManifest,
  head: EstateManifest,
  extra: { tf?: { base: object; head: object }; ps?: Record<string, { base?: string; head?: string }> } = {},
) {
  const dir = tmpDir();
  for (const side of ['base', 'head'] as const) {
    fs.mkdirSync(path.join(dir, side), { recursive: true });
    fs.writeFileSync(path.join(dir, side, 'estate.json'), manifestJson(side === 'base' ? base : head));
    if (extra.tf) {
      fs.mkdirSync(path.join(dir, side, 'stacks', 'kanko-web'), { recursive: true });
      fs.writeFileSync(path.join(dir, side, 'stacks', 'kanko-web', 'cdk.tf.json'), JSON.stringify(extra.tf[side]));
    }
    for (const [file, t] of Object.entries(extra.ps ?? {})) {
      const body = t[side];
      if (body === undefined) continue;
      fs.mkdirSync(path.dirname(path.join(dir, side, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, side, file), body);
    }
  }
  return diffOutputs(path.join(dir, 'base'), path.join(dir, 'head'));
}

describe('output-diff.ts: Terraform and Hyper-V', () => {
  const m = manifest([webSystem()]);
  const tf = (vms: Record<string, object>, vdisks: Record<string, object> = {}) => ({
    resource: { vsphere_virtual_machine: vms, vsphere_virtual_disk: vdisks },
  });
  const vm = (name: string, o: Record<string, unknown> = {}) => ({ name, clone: { template_uuid: 't' }, ...o });
  const disk0 = [{ label: 'disk0', datastore_id: 'a' }];
  test('a disk attribute that is neither a list nor an object is no disk (line 28)', () => {
    expect(
      folders(m, m, {
        tf: { base: tf({ web01: vm('web01', { disk: 'x' }) }), head: tf({ web01: vm('web01', { disk: disk0 }) }) },
      }).changes,
    ).toEqual([]);
    expect(
      folders(m, m, { tf: { base: tf({ web01: vm('web01') }), head: tf({ web01: vm('web01', { disk: disk0 }) }) } })
        .changes,
    ).toEqual([]);
  });
  test('a VM is matched to its server by its name attribute, not its resource key (line 44)', () => {
    const h = webSystem();
    h.servers[0]!.source = { kind: 'template', template: 'ws2016' };
    h.servers[0]!.guestOs = 'windows_server_2016';
    const r = folders(m, manifest([h]), {
      tf: { base: tf({ vm_a: vm('web01') }), head: tf({ vm_a: vm('web01', { clone: { template_uuid: 'u' } }) }) },
    });
    expect(rows(r.changes)).toEqual([['kanko-web', 'replaced', 'server', 'web01', true]]);
  });
  test('only a server replaced or destroyed by the manifest silences Terraform (lines 174–175)', () => {
    const tfOf = () => ({
      base: tf({ web01: vm('web01') }),
      head: tf({ web01: vm('web01', { clone: { template_uuid: 'u' } }) }),
    });
    const resized = webSystem();
    resized.servers[0]!.memoryGb = 12;
    expect(rows(folders(m, manifest([resized]), { tf: tfOf() }).changes)).toEqual([
      ['kanko-web', 'changed', 'server', 'web01', false],
      ['kanko-web', 'replaced', 'terraform', 'vsphere_virtual_machine.web01', true],
    ]);
    // a replaced object that is not a server (the permission of a new account named like the VM) silences nothing
    const account = edited(m, (x) => {
      x.systems[0]!.account = 'web01';
    });
    expect(rows(folders(m, account, { tf: tfOf() }).changes)).toEqual([
      ['kanko-web', 'replaced', 'permission', 'web01', false],
      ['kanko-web', 'replaced', 'terraform', 'vsphere_virtual_machine.web01', true],
    ]);
  });
  test('VMs and virtual disks are compared in key order, whatever the order of the JSON (lines 42, 95)', () => {
    const r = folders(m, m, { tf: { base: tf({ zzz: vm('zzz01'), aaa: vm('aaa01') }), head: tf({}) } });
    expect(r.changes.map((c) => c.target)).toEqual(['vsphere_virtual_machine.aaa', 'vsphere_virtual_machine.zzz']);
    const vd = (type: string) => ({ vmdk_path: 'p.vmdk', datastore: 'kiban-bk-ds01', type });
    const d = folders(m, m, {
      tf: { base: tf({}, { zz: vd('thin'), aa: vd('thin') }), head: tf({}, { zz: vd('thick'), aa: vd('thick') }) },
    });
    expect(d.changes.map((c) => c.target)).toEqual(['vsphere_virtual_disk.aa', 'vsphere_virtual_disk.zz']);
  });
});

describe('diff.ts: both folders missing (line 25)', () => {
  test('each error on its own line', () => {
    const dir = tmpDir();
    const r = diffOutputs(path.join(dir, 'base'), path.join(dir, 'head'));
    expect(r.errors).toHaveLength(2);
    expect(r.markdown.split('\n').filter((l) => /^- (BASE|HEAD): /.test(l))).toHaveLength(2);
  });
});

describe('plan-review.ts', () => {
  const NONE = new Map<string, ManifestServer>();
  const rc = (type: string, after: object) => ({
    address: `${type}.x`,
    mode: 'managed',
    type,
    change: { actions: ['create'], before: null, after },
  });
  test('only a snapshot is attributed to a VM by its virtual_machine_uuid (line 113)', () => {
    const cs = changesOfPlan(
      's',
      {
        resource_changes: [
          rc('vsphere_virtual_machine', { uuid: 'u1', name: 'web01' }),
          rc('vsphere_folder', { virtual_machine_uuid: 'u1' }),
          rc('vsphere_virtual_machine_snapshot', { virtual_machine_uuid: 'u1' }),
        ],
      },
      NONE,
    );
    expect(cs.map((c) => [c.type, c.server])).toEqual([
      ['vsphere_virtual_machine', 'web01'],
      ['vsphere_folder', undefined],
      ['vsphere_virtual_machine_snapshot', 'web01'],
    ]);
  });
  test('stacks are reviewed in code-unit order, not the file system’s (line 180)', () => {
    // libuv lists a folder in UTF-8 byte order: U+FF5A before U+1F600; JavaScript sorts U+1F600 (a surrogate) first.
    const dir = tmpDir();
    for (const s of ['ｚ', '😀']) {
      fs.mkdirSync(path.join(dir, 'stacks', s), { recursive: true });
      fs.writeFileSync(path.join(dir, 'stacks', s, 'plan.json'), JSON.stringify({ resource_changes: [] }));
    }
    const md = reviewPlans(dir).markdown;
    expect(md.indexOf('| 😀 |')).toBeGreaterThan(0);
    expect(md.indexOf('| 😀 |')).toBeLessThan(md.indexOf('| ｚ |'));
  });
  test('no stacks folder: no stack is read, and the missing plans are an error (line 187)', () => {
    const r = reviewPlans(tmpDir());
    expect(r.errors).toEqual([
      expect.stringContaining('estate.json not found'),
      expect.stringMatching(/^no plan\.json under/),
    ]);
  });
  test('a stack without a system name has an empty title; errors are one per line (lines 271, 283)', () => {
    const c = {
      stack: 'other',
      address: 'vsphere_folder.f',
      type: 'vsphere_folder',
      action: 'create',
      destroysData: false,
    } as const;
    const md = renderPlanReview(['other'], [c], ['e1', 'e2'], new Map());
    expect(md.split('\n').filter((l) => l.startsWith('#### `other`'))).toEqual(['#### `other` ']);
    expect(md).toContain('\n- e1\n- e2\n');
  });
});
