import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import {
  DedicatedVlanProps,
  Estate,
  IndividualBusinessSystem,
  IndividualBusinessSystemProps,
  SharedRhelLicense,
  fixedClock,
} from '../../lib/model';
import {
  Change,
  EstateManifest,
  buildEstateManifest,
  diffManifests,
  diffOutputs,
  manifestJson,
  renderDiffMarkdown,
} from '../../lib/review';
import { examplePlatform } from '../fixtures/estate';
import {
  KOKUHO_VLAN,
  NOW,
  SystemProps,
  TestServer,
  estateOf,
  expectWellFormedMarkdown,
  tmpDir,
  webSystem,
} from './helpers';

// Issue 19: the data-loss guard (lib/review/diff.ts) is what a reviewer trusts blindly. Every kind of
// change is asserted with its destroysData flag, and each branch on both sides.

const manifest = (systems: SystemProps[], vlans: DedicatedVlanProps[] = []) =>
  buildEstateManifest(estateOf(systems, vlans));
/** [op, object, target, destroysData] of each change, in the order reported. */
const rows = (cs: readonly Change[]) => cs.map((c) => [c.op, c.object, c.target, c.destroysData]);
const diff = (b: SystemProps[], h: SystemProps[], bv: DedicatedVlanProps[] = [], hv: DedicatedVlanProps[] = []) =>
  diffManifests(manifest(b, bv), manifest(h, hv));

/** A Hyper-V-capable system: Windows Server 2019, built empty. */
function hvSystem(id = 'zaimu', hypervisor: 'vsphere' | 'hyperv' = 'hyperv'): SystemProps {
  return {
    department: 'somu',
    systemId: id,
    systemName: '財務会計システム',
    contacts: { primary: { nameJa: '盛岡 花子', phone: '019-629-5101', email: 'z@pref.example.jp' } },
    hypervisor,
    phase: 'production',
    servers: [
      {
        name: `${id}01`,
        cpu: { sockets: 2, coresPerSocket: 1 },
        memoryGb: 8,
        disks: [{ sizeGb: 80 }],
        nics: [{ network: 'lgwan', ipv4: '10.120.1.50' }],
        guestOs: 'windows_server_2019',
        source: { kind: 'empty' },
        backupVolume: { sizeGb: 100 },
      },
      {
        name: `${id}02`,
        cpu: { sockets: 2, coresPerSocket: 1 },
        memoryGb: 8,
        disks: [{ sizeGb: 80 }],
        nics: [{ network: 'lgwan' }],
        guestOs: 'windows_server_2019',
        source: { kind: 'empty' },
      },
    ],
  };
}
const retired = (name: string): TestServer['decommissioned'] => ({
  confirm: name,
  reasonJa: '統合のため',
  approvedBy: '統合基盤担当',
  date: '2026-11-10',
});

describe('data-loss guard: servers', () => {
  test('a hypervisor change recreates every VM of the system (destroysData), and nothing else is reported for them', () => {
    const h = hvSystem('zaimu', 'hyperv');
    h.servers[0]!.memoryGb = 16; // would be a resize, but the VM is recreated anyway
    const d = diff([hvSystem('zaimu', 'vsphere')], [h]);
    expect(d.errors).toEqual([]);
    const servers = d.changes.filter((c) => c.object === 'server');
    expect(rows(servers)).toEqual([
      ['replaced', 'server', 'zaimu01', true],
      ['replaced', 'server', 'zaimu02', true],
    ]);
    expect(d.changes.filter((c) => c.object === 'disk' || c.object === 'backup-volume' || c.object === 'nic')).toEqual(
      [],
    );
    expect(d.changes.every((c) => c.object !== 'server' || c.destroysData)).toBe(true);
    // The same system unchanged: no change at all.
    expect(diff([hvSystem()], [hvSystem()]).changes).toEqual([]);
  });

  test('a decommissioned server, a retired one removed, an un-decommissioned one, a retired one left alone', () => {
    const b = hvSystem();
    const retiredBoth = hvSystem();
    retiredBoth.servers[1]!.decommissioned = retired('zaimu02');
    // retire zaimu02
    expect(rows(diff([b], [retiredBoth]).changes)).toEqual([['destroyed', 'server', 'zaimu02', true]]);
    // it stays retired: nothing to do
    expect(diff([retiredBoth], [retiredBoth]).changes).toEqual([]);
    // un-decommissioned: created anew, no data destroyed, no error
    const back = diff([retiredBoth], [b]);
    expect(rows(back.changes)).toEqual([['added', 'server', 'zaimu02', false]]);
    expect(back.changes[0]!.detail).toContain('un-decommissioned');
    expect(back.errors).toEqual([]);
    // a retired server removed from the declaration: no data (already destroyed), no error
    const removed = hvSystem();
    removed.servers.pop();
    const live = diff([b], [removed]);
    expect(rows(live.changes)).toEqual([['destroyed', 'server', 'zaimu02', true]]); // zaimu02 has no backup volume
    const withBv = hvSystem();
    withBv.servers.shift();
    expect(rows(diff([b], [withBv]).changes)).toEqual([
      ['destroyed', 'server', 'zaimu01', true],
      ['destroyed', 'backup-volume', 'zaimu01 バックアップ領域', true],
    ]);
    const gone = diff([retiredBoth], [removed]);
    expect(rows(gone.changes)).toEqual([['destroyed', 'server', 'zaimu02', false]]);
    expect(gone.errors).toEqual([]);
    // a new server declared already retired: nothing to build
    const extra = hvSystem();
    extra.servers.push({ ...extra.servers[1]!, name: 'zaimu03', decommissioned: retired('zaimu03') });
    expect(diff([b], [extra]).changes).toEqual([]);
    const extraLive = hvSystem();
    extraLive.servers.push({ ...extraLive.servers[1]!, name: 'zaimu03' });
    expect(rows(diff([b], [extraLive]).changes)).toEqual([['added', 'server', 'zaimu03', false]]);
  });

  test('resources, guest OS, OS licence and Oracle are changes in place (no data destroyed)', () => {
    const b = hvSystem();
    const cases: [string, (s: TestServer) => void, RegExp][] = [
      ['sockets', (s) => (s.cpu = { sockets: 4, coresPerSocket: 1 }), /CPU 2×1 → 4×1/],
      ['cores', (s) => (s.cpu = { sockets: 2, coresPerSocket: 2 }), /CPU 2×1 → 2×2/],
      ['memory', (s) => (s.memoryGb = 12), /メモリ 8 → 12 GB/],
      ['guest OS', (s) => (s.guestOs = 'windows_server_2016'), /ゲストOS windows_server_2019 → windows_server_2016/],
      ['licence', (s) => (s.osLicense = 'department'), /OSライセンス/],
    ];
    for (const [what, edit, detail] of cases) {
      const h = hvSystem();
      edit(h.servers[1]!);
      const d = diff([b], [h]);
      expect([what, rows(d.changes)]).toEqual([what, [['changed', 'server', 'zaimu02', false]]]);
      expect(d.changes[0]!.detail).toMatch(detail);
    }
    const ora = hvSystem();
    (ora.servers[1] as unknown as Record<string, unknown>)['oracleDatabase'] = {
      edition: 'SE2',
      license: 'department',
    };
    expect(rows(diff([b], [ora]).changes)).toEqual([['changed', 'server', 'zaimu02', false]]);
    expect(diff([ora], [ora]).changes).toEqual([]);
  });

  test('a changed source ref (same kind) recreates the VM', () => {
    const b = webSystem();
    const h = webSystem();
    h.servers[1]!.source = { kind: 'template', template: 'ws2019' };
    h.servers[1]!.guestOs = 'windows_server_2019';
    expect(rows(diffManifests(manifest([b]), manifest([h])).changes)).toEqual([['replaced', 'server', 'web02', true]]);
  });
});

describe('data-loss guard: disks and backup volumes', () => {
  const edit = (f: (s: TestServer) => void) => {
    const h = hvSystem();
    f(h.servers[0]!);
    return diff([hvSystem()], [h]);
  };
  test('disks: added and grown keep data; shrunk, re-provisioned (thin/thick) and moved destroy it; removed is an error', () => {
    expect(rows(edit((s) => s.disks.push({ sizeGb: 10 })).changes)).toEqual([
      ['added', 'disk', 'zaimu01 データディスク1', false],
    ]);
    expect(rows(edit((s) => (s.disks[0]!.sizeGb = 81)).changes)).toEqual([
      ['changed', 'disk', 'zaimu01 システムディスク', false],
    ]);
    const shrunk = edit((s) => (s.disks[0]!.sizeGb = 79));
    expect(rows(shrunk.changes)).toEqual([['destroyed', 'disk', 'zaimu01 システムディスク', true]]);
    expect(shrunk.errors).toEqual([
      expect.stringMatching(/^zaimu\/zaimu01 システムディスク: disk shrunk from 80 GB to 79 GB/),
    ]);
    expect(edit((s) => (s.disks[0]!.sizeGb = 81)).errors).toEqual([]);
    expect(edit((s) => (s.disks[0]!.sizeGb = 80)).changes).toEqual([]);
    expect(rows(edit((s) => (s.disks[0]!.thin = false)).changes)).toEqual([
      ['replaced', 'disk', 'zaimu01 システムディスク', true],
    ]);
    const w = webSystem();
    w.servers[0]!.disks[0]!.datastore = 'kiban-sys-ds02';
    w.servers[0]!.disks[1]!.sizeGb = 90;
    expect(rows(diffManifests(manifest([webSystem()]), manifest([w])).changes)).toEqual([
      ['replaced', 'disk', 'web01 システムディスク', true],
      ['destroyed', 'disk', 'web01 データディスク1', true],
    ]);
    const two = hvSystem();
    two.servers[0]!.disks.push({ sizeGb: 10 }, { sizeGb: 20 });
    const one = hvSystem();
    one.servers[0]!.disks.push({ sizeGb: 10 });
    const removed = diffManifests(manifest([two]), manifest([one]));
    expect(rows(removed.changes)).toEqual([['destroyed', 'disk', 'zaimu01 データディスク2', true]]);
    expect(removed.errors).toEqual([
      expect.stringMatching(/^zaimu\/zaimu01 データディスク2: disk present in BASE \(20 GB on /),
    ]);
  });
  test('backup volumes: added and grown keep data; shrunk and moved destroy it; removed is an error', () => {
    expect(rows(edit((s) => (s.backupVolume = { sizeGb: 101 })).changes)).toEqual([
      ['changed', 'backup-volume', 'zaimu01 バックアップ領域', false],
    ]);
    const shrunk = edit((s) => (s.backupVolume = { sizeGb: 99 }));
    expect(rows(shrunk.changes)).toEqual([['destroyed', 'backup-volume', 'zaimu01 バックアップ領域', true]]);
    expect(shrunk.errors).toEqual([
      expect.stringMatching(/^zaimu\/zaimu01 バックアップ領域: backup volume shrunk from 100 GB to 99 GB/),
    ]);
    expect(edit((s) => (s.backupVolume = { sizeGb: 101 })).errors).toEqual([]);
    expect(edit((s) => (s.backupVolume = { sizeGb: 100 })).changes).toEqual([]);
    const gone = edit((s) => (s.backupVolume = undefined));
    expect(rows(gone.changes)).toEqual([['destroyed', 'backup-volume', 'zaimu01 バックアップ領域', true]]);
    expect(gone.errors).toEqual([
      expect.stringMatching(/^zaimu\/zaimu01 バックアップ領域: backup volume present in BASE \(100 GB on /),
    ]);
    const added = hvSystem();
    added.servers[1]!.backupVolume = { sizeGb: 5 };
    expect(rows(diff([hvSystem()], [added]).changes)).toEqual([
      ['added', 'backup-volume', 'zaimu02 バックアップ領域', false],
    ]);
    const b = webSystem();
    b.servers[0]!.backupVolume = { sizeGb: 200, datastore: 'kiban-bk-ds01' };
    const moved = diffManifests(manifest([b]), manifest([b])).changes;
    expect(moved).toEqual([]);
  });
});

describe('data-loss guard: NICs', () => {
  test('added, removed (IP returned) and changed NICs destroy no data', () => {
    const b = hvSystem();
    const added = hvSystem();
    added.servers[1]!.nics.push({ network: 'internet', ipv4: '10.110.1.60' });
    expect(rows(diff([b], [added]).changes)).toEqual([['added', 'nic', 'zaimu02 NIC1', false]]);
    expect(rows(diff([added], [b]).changes)).toEqual([['destroyed', 'nic', 'zaimu02 NIC1', false]]);
    const cases: [(s: TestServer) => void, RegExp][] = [
      [(s) => (s.nics[0]!.network = 'internet'), /ネットワーク lgwan → internet/],
      [(s) => (s.nics[0]!.ipv4 = '10.120.1.51'), /IP 10\.120\.1\.50 → 10\.120\.1\.51/],
      [(s) => (s.nics[0]!.fqdn = 'zaimu.pref.example.jp'), /FQDN/],
    ];
    for (const [f, detail] of cases) {
      const h = hvSystem();
      f(h.servers[0]!);
      const d = diff([b], [h]);
      expect(rows(d.changes)).toEqual([['changed', 'nic', 'zaimu01 NIC0', false]]);
      expect(d.changes[0]!.detail).toMatch(detail);
      expect(d.changes[0]!.detail.split('→')).toHaveLength(2);
    }
  });
});

describe('data-loss guard: systems', () => {
  test('a new system: vSphere gets an account and permission, Hyper-V does not; retired servers are not built', () => {
    const h = hvSystem('shinki');
    h.servers[1]!.decommissioned = retired('shinki02');
    expect(rows(diff([], [h]).changes)).toEqual([
      ['added', 'system', 'shinki', false],
      ['added', 'server', 'shinki01', false],
      ['added', 'backup-volume', 'shinki01 バックアップ領域', false],
    ]);
    const v = hvSystem('shinki', 'vsphere');
    v.servers[0]!.decommissioned = retired('shinki01');
    expect(rows(diff([], [v]).changes)).toEqual([
      ['added', 'system', 'shinki', false],
      ['added', 'permission', expect.any(String), false],
      ['added', 'server', 'shinki02', false],
    ]);
  });
  test('a system deleted without decommissioning destroys its live servers (each an error); a decommissioned one is just removed', () => {
    const b = hvSystem();
    b.servers[1]!.decommissioned = retired('zaimu02');
    const d = diff([b], []);
    expect(rows(d.changes)).toEqual([
      ['destroyed', 'system', 'zaimu', true],
      ['destroyed', 'server', 'zaimu01', true],
      ['destroyed', 'backup-volume', 'zaimu01 バックアップ領域', true],
    ]);
    expect(d.errors).toEqual([expect.stringMatching(/^zaimu\/zaimu01: server present in BASE is absent in HEAD/)]);
    const all = hvSystem();
    all.servers.forEach((s) => (s.decommissioned = retired(s.name)));
    const r = diff([all], []);
    expect(rows(r.changes)).toEqual([['destroyed', 'system', 'zaimu', false]]);
    expect(r.errors).toEqual([]);
    const sysRetired = hvSystem();
    sysRetired.phase = 'decommissioned';
    sysRetired.decommission = { confirmSystemId: 'zaimu', form3Date: '2026-11-01', approvedBy: '科学・情報政策室長' };
    expect(rows(diff([sysRetired], []).changes)).toEqual([['destroyed', 'system', 'zaimu', false]]);
    // a retired system keeps its declaration: its servers were destroyed once, nothing more
    expect(diff([sysRetired], [sysRetired]).changes).toEqual([]);
  });
  test('a server removed from a decommissioned system is no error', () => {
    const b = hvSystem();
    b.phase = 'decommissioned';
    b.decommission = { confirmSystemId: 'zaimu', form3Date: '2026-11-01', approvedBy: '科学・情報政策室長' };
    const h: SystemProps = JSON.parse(JSON.stringify(b));
    h.servers.pop();
    const d = diff([b], [h]);
    expect(rows(d.changes)).toEqual([['destroyed', 'server', 'zaimu02', false]]);
    expect(d.errors).toEqual([]);
  });
  test('system-level changes: phase, department, host pool, backup wishes, contacts and account; none destroys data', () => {
    const b = hvSystem('zaimu', 'vsphere');
    const h = hvSystem('zaimu', 'vsphere');
    h.phase = 'virtualization';
    h.department = 'hoken';
    h.backup = { osImage: true, restoreTest: true };
    h.contacts.primary.phone = '019-629-5999';
    const d = diff([b], [h]);
    expect(d.changes.map((c) => [c.op, c.object, c.destroysData, c.detail.split(' ')[0]])).toEqual([
      ['changed', 'system', false, '工程'],
      ['changed', 'system', false, '所管部局'],
      ['changed', 'system', false, 'バックアップの希望'],
      ['changed', 'system', false, '連絡先の変更'],
    ]);
    const renamed = hvSystem('zaimu', 'vsphere');
    renamed.department = 'hoken';
    const acct = diff([b], [renamed]).changes;
    expect(acct.map((c) => [c.op, c.object])).toEqual(expect.arrayContaining([['changed', 'system']]));
  });
});

describe('data-loss guard: dedicated VLANs', () => {
  const v = (o: Partial<DedicatedVlanProps> = {}): DedicatedVlanProps => ({ ...KOKUHO_VLAN, ...o });
  const d = (b: DedicatedVlanProps[], h: DedicatedVlanProps[]) => diff([], [], b, h).changes;
  test('a VLAN ID change recreates the port group (connected NICs drop for a moment); no data is destroyed', () => {
    const c = d([v()], [v({ vlanId: 232 })]);
    expect(rows(c)).toEqual([['replaced', 'vlan', 'dv-mynumber-kokuho-v232', false]]);
    expect(c[0]!.systemId).toBe('platform');
    expect(c[0]!.detail).toContain('VLAN 231 → 232');
  });
  test('subnet and gateway changes are changes; added and removed VLANs; unchanged ones are silent', () => {
    expect(rows(d([v()], [v({ subnet: '10.231.1.0/24', gateway: '10.231.1.1' })]))).toEqual([
      ['changed', 'vlan', 'dv-mynumber-kokuho-v231', false],
    ]);
    expect(rows(d([v()], [v({ gateway: '10.231.0.254' })]))).toEqual([
      ['changed', 'vlan', 'dv-mynumber-kokuho-v231', false],
    ]);
    expect(rows(d([v()], [v({ gateway: undefined })]))).toEqual([
      ['changed', 'vlan', 'dv-mynumber-kokuho-v231', false],
    ]);
    expect(rows(d([], [v()]))).toEqual([['added', 'vlan', 'dv-mynumber-kokuho-v231', false]]);
    expect(rows(d([v()], []))).toEqual([['destroyed', 'vlan', 'dv-mynumber-kokuho-v231', false]]);
    expect(d([v()], [v({ descriptionJa: '説明だけ変更' })])).toEqual([]);
    // standard networks are never listed as VLAN changes
    expect(d([], [])).toEqual([]);
  });
  test('two VLANs are reported in key order', () => {
    const a = v({ name: 'aaa-net', vlanId: 300, subnet: '10.250.0.0/24', gateway: undefined });
    expect(d([], [v(), a]).map((c) => c.target)).toEqual(['dv-aaa-net-v300', 'dv-mynumber-kokuho-v231']);
  });
});

/** An estate like estateOf with a RHEL pool of `units` (valid until `validUntil`). */
function licensed(systems: SystemProps[], units: number, validUntil?: string): EstateManifest {
  const estate = new Estate(new Construct(undefined as unknown as Construct, ''), 'Estate', {
    platform: examplePlatform(),
    clock: fixedClock(NOW),
  });
  new SharedRhelLicense(estate, 'RhelPool', { units, ...(validUntil ? { validUntil } : {}) });
  for (const s of systems)
    new IndividualBusinessSystem(estate, `sys-${s.systemId}`, s as unknown as IndividualBusinessSystemProps);
  return buildEstateManifest(estate);
}
const licenceRows = (md: string) =>
  md
    .slice(md.indexOf('Shared licences (before → after)'))
    .split('\n')
    .filter((l) => l.startsWith('| RHEL') || l.startsWith('| Red Hat') || /^\| [^-|][^|]*\| \d+ → \d+ \|/.test(l));

describe('the licence before/after verdict of the diff', () => {
  // webSystem: two RHEL 7 servers on the 6 two-socket hosts of Kiban-Cluster01: 6 subscriptions needed.
  const render = (b: EstateManifest, h: EstateManifest) => {
    const d = diffManifests(b, h);
    const md = renderDiffMarkdown(b, h, d.changes, d.errors);
    expectWellFormedMarkdown(md);
    return licenceRows(md);
  };
  test('held exactly what is needed is OK; one short is 不足 (short)', () => {
    const web = webSystem();
    web.servers[1]!.memoryGb = 12;
    expect(render(licensed([webSystem()], 6), licensed([web], 6))).toEqual([]); // licences unchanged: no row
    const ok = render(licensed([webSystem()], 5), licensed([webSystem()], 6));
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatch(/\| 5 → 6 \| 6 → 6 \| 2 → 2 \| OK \|$/);
    const short = render(licensed([webSystem()], 7), licensed([webSystem()], 5));
    expect(short[0]).toMatch(/\| 7 → 5 \| 6 → 6 \| 2 → 2 \| 不足 \(short\) \|$/);
  });
  test('a row appears when the servers using the pool change, even with the same counts', () => {
    const more = webSystem();
    more.servers.push({ ...more.servers[1]!, name: 'web03', nics: [{ network: 'internet', ipv4: '10.110.2.23' }] });
    const rowsOf = render(licensed([webSystem()], 6), licensed([more], 6));
    expect(rowsOf).toHaveLength(1);
    expect(rowsOf[0]).toMatch(/\| 6 → 6 \| 6 → 6 \| 2 → 3 \| OK \|$/);
  });
  test('several pools of one kind add up, as R05 counts them (one verdict)', () => {
    const two = (units: number[]) => {
      const estate = new Estate(new Construct(undefined as unknown as Construct, ''), 'Estate', {
        platform: examplePlatform(),
        clock: fixedClock(NOW),
      });
      units.forEach((u, i) => new SharedRhelLicense(estate, `Rhel${i}`, { units: u }));
      new IndividualBusinessSystem(estate, 'sys-kanko-web', webSystem() as unknown as IndividualBusinessSystemProps);
      return buildEstateManifest(estate);
    };
    expect(render(two([5]), two([3, 3]))[0]).toMatch(/\| 5 → 6 \| 6 → 6 \| 2 → 2 \| OK \|$/);
  });
  test('a new pool kind shows 0 before', () => {
    const rowsOf = render(licensed([], 3), licensed([webSystem()], 6));
    expect(rowsOf[0]).toMatch(/\| 3 → 6 \| 0 → 6 \| 0 → 2 \| OK \|$/);
  });
});

/** Two synth output folders with the given manifests, Terraform JSON and Hyper-V scripts. */
function folders(
  base: EstateManifest,
  head: EstateManifest,
  extra: {
    tf?: Record<string, { base?: object; head?: object }>;
    ps?: Record<string, { base?: string; head?: string }>;
  } = {},
) {
  const dir = tmpDir();
  for (const side of ['base', 'head'] as const) {
    fs.mkdirSync(path.join(dir, side), { recursive: true });
    fs.writeFileSync(path.join(dir, side, 'estate.json'), manifestJson(side === 'base' ? base : head));
    for (const [id, t] of Object.entries(extra.tf ?? {})) {
      if (!t[side]) continue;
      fs.mkdirSync(path.join(dir, side, 'stacks', id), { recursive: true });
      fs.writeFileSync(path.join(dir, side, 'stacks', id, 'cdk.tf.json'), JSON.stringify(t[side]));
    }
    for (const [file, t] of Object.entries(extra.ps ?? {})) {
      if (t[side] === undefined) continue;
      fs.mkdirSync(path.dirname(path.join(dir, side, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, side, file), t[side]!);
    }
  }
  const r = diffOutputs(path.join(dir, 'base'), path.join(dir, 'head'));
  expectWellFormedMarkdown(r.markdown);
  return r;
}

describe('data-loss guard: Terraform replacement triggers and Hyper-V steps', () => {
  const m = manifest([webSystem()]);
  const vm = (o: Record<string, unknown> = {}, disks: object[] = [{ label: 'disk0', datastore_id: 'a' }]) => ({
    name: 'web01',
    clone: { template_uuid: 't' },
    disk: disks,
    ...o,
  });
  const tf = (vms: Record<string, object>, vdisks: Record<string, object> = {}) => ({
    resource: { vsphere_virtual_machine: vms, vsphere_virtual_disk: vdisks },
  });
  test('a VM resource removed from Terraform destroys data; one only in HEAD is not a replacement', () => {
    const r = folders(m, m, {
      tf: {
        'kanko-web': {
          base: tf({ web01: vm(), extra: vm({ name: 'extra01' }) }),
          head: tf({ web01: vm(), new01: vm({ name: 'new01' }) }),
        },
      },
    });
    expect(rows(r.changes)).toEqual([['destroyed', 'terraform', 'vsphere_virtual_machine.extra', true]]);
  });
  test('clone, ovf_deploy, disk label and disk datastore changes force replacement; the same values do not', () => {
    const base = tf({
      web01: vm({ ovf_deploy: { remote_ovf_url: 'a' } }, [
        { label: 'disk0', datastore_id: 'a' },
        { label: 'disk1', datastore_id: 'a' },
      ]),
    });
    expect(folders(m, m, { tf: { 'kanko-web': { base, head: base } } }).changes).toEqual([]);
    const head = tf({ web01: vm({ ovf_deploy: { remote_ovf_url: 'b' } }, [{ label: 'disk0', datastore_id: 'b' }]) });
    expect(rows(folders(m, m, { tf: { 'kanko-web': { base, head } } }).changes)).toEqual([
      ['replaced', 'terraform', 'vsphere_virtual_machine.web01', true],
      ['replaced', 'terraform', 'vsphere_virtual_machine.web01 disk[0]', true],
    ]);
    // a single disk object (not an array) is read too
    const one = tf({ web01: vm({}, { label: 'disk0', datastore_id: 'a' } as unknown as object[]) });
    const oneB = tf({ web01: vm({}, { label: 'disk9', datastore_id: 'a' } as unknown as object[]) });
    expect(rows(folders(m, m, { tf: { 'kanko-web': { base: one, head: oneB } } }).changes)).toEqual([
      ['replaced', 'terraform', 'vsphere_virtual_machine.web01 disk[0]', true],
    ]);
  });
  test('a server the manifest already reports as replaced or destroyed is not repeated from Terraform', () => {
    const h = webSystem();
    h.servers[0]!.source = { kind: 'template', template: 'ws2016' };
    h.servers[0]!.guestOs = 'windows_server_2016';
    const r = folders(m, manifest([h]), {
      tf: { 'kanko-web': { base: tf({ web01: vm() }), head: tf({ web01: vm({ clone: { template_uuid: 'u' } }) }) } },
    });
    expect(rows(r.changes)).toEqual([['replaced', 'server', 'web01', true]]);
    // without the manifest change, the Terraform one is reported
    expect(
      rows(
        folders(m, m, {
          tf: {
            'kanko-web': { base: tf({ web01: vm() }), head: tf({ web01: vm({ clone: { template_uuid: 'u' } }) }) },
          },
        }).changes,
      ),
    ).toEqual([['replaced', 'terraform', 'vsphere_virtual_machine.web01', true]]);
  });
  test('backup virtual disks: vmdk_path, datastore and type changes force replacement; removal is left to the manifest', () => {
    const vd = (o: Record<string, unknown> = {}) => ({
      vmdk_path: 'p.vmdk',
      datastore: 'kiban-bk-ds01',
      type: 'thin',
      size: 200,
      ...o,
    });
    const run = (b: object, h: object) =>
      rows(
        folders(m, m, {
          tf: { 'kanko-web': { base: tf({}, { bk: b }), head: tf({}, h === undefined ? {} : { bk: h }) } },
        }).changes,
      );
    expect(run(vd(), vd({ size: 300 }))).toEqual([]);
    for (const attr of ['vmdk_path', 'datastore', 'type']) {
      expect([attr, run(vd(), vd({ [attr]: 'other' }))]).toEqual([
        attr,
        [['replaced', 'terraform', 'vsphere_virtual_disk.bk', true]],
      ]);
    }
    expect(
      rows(folders(m, m, { tf: { 'kanko-web': { base: tf({}, { bk: vd() }), head: tf({}, {}) } } }).changes),
    ).toEqual([]);
  });
  test('Terraform is compared only when both folders have it', () => {
    expect(folders(m, m, { tf: { 'kanko-web': { base: tf({ web01: vm() }) } } }).changes).toEqual([]);
    expect(folders(m, m, { tf: { 'kanko-web': { head: tf({ web01: vm() }) } } }).changes).toEqual([]);
  });
  test('Hyper-V scripts: a new script is added, a vanished one destroyed; repeated lines are counted; comments and blanks ignored', () => {
    const file = 'hyperv/kanko-web/apply.ps1';
    const run = (b?: string, h?: string) =>
      folders(m, m, { ps: { [file]: { base: b, head: h } } }).changes.map((c) => [
        c.op,
        c.object,
        c.target,
        c.destroysData,
        c.detail.split(':')[0],
      ]);
    expect(run(undefined, 'New-VM a\n')).toEqual([['added', 'hyperv-step', file, false, '+1 行']]);
    expect(run('New-VM a\n', undefined)).toEqual([['destroyed', 'hyperv-step', file, false, '-1 行']]);
    expect(run('New-VM a\n# x\n\n  \nStart-VM a\n', 'New-VM a\r\n  Start-VM a  \n# y\n')).toEqual([]);
    expect(run('Start-VM a\n', 'Start-VM a\nStart-VM a\n')).toEqual([['changed', 'hyperv-step', file, false, '+1 行']]);
    expect(run('Start-VM a\nStart-VM a\nStop-VM a\n', 'Start-VM a\n')).toEqual([
      ['changed', 'hyperv-step', file, false, '-2 行'],
    ]);
    expect(run('A\n', 'B\n')).toEqual([
      ['changed', 'hyperv-step', file, false, '+1 行'],
      ['changed', 'hyperv-step', file, false, '-1 行'],
    ]);
    const rm = 'hyperv/kanko-web/remove.ps1';
    expect(folders(m, m, { ps: { [rm]: { head: 'Remove-VM a\n' } } }).changes.map((c) => c.target)).toEqual([rm]);
  });
});

describe('the diff Markdown', () => {
  const destroySection = (md: string) =>
    md.slice(md.indexOf('Destroys or recreates data'), md.indexOf('Changes per system'));
  test('destroying changes are in the destroy table and flagged ⚠️ per system; others are not', () => {
    const h = hvSystem();
    h.servers[0]!.disks[0]!.sizeGb = 70;
    h.servers[1]!.memoryGb = 12;
    const b = manifest([hvSystem()]);
    const hm = manifest([h], [KOKUHO_VLAN]);
    const d = diffManifests(b, hm);
    const md = renderDiffMarkdown(b, hm, d.changes, d.errors);
    expectWellFormedMarkdown(md);
    expect(destroySection(md)).toContain('| zaimu | 削除 destroyed | ディスク | zaimu01 システムディスク |');
    expect(destroySection(md)).not.toContain('zaimu02');
    expect(md).toContain('| ⚠️ 削除 destroyed | ディスク | zaimu01 システムディスク |');
    expect(md).toContain('| 変更 changed | サーバ | zaimu02 |');
    // systems sorted, the platform last
    expect(md.indexOf('#### `zaimu`')).toBeGreaterThan(0);
    expect(md.indexOf('#### `platform`')).toBeGreaterThan(md.indexOf('#### `zaimu`'));
    expect(md).toContain('1 systems changed: 1 added, 1 changed, 0 replaced, 1 destroyed');
    expect(md).toContain('Errors (must be fixed)'); // a shrunk disk is an error (issue 10)
  });
  test('systems appear in id order with the platform after them, whatever the order of the changes', () => {
    const b = manifest([]);
    const hm = manifest([hvSystem('bbb'), hvSystem('aaa')], [KOKUHO_VLAN]);
    const d = diffManifests(b, hm);
    const md = renderDiffMarkdown(b, hm, [...d.changes].reverse(), d.errors);
    const order = [...md.matchAll(/^#### `([^`]+)`/gm)].map((x) => x[1]);
    expect(order).toEqual(['aaa', 'bbb', 'platform']);
  });
  test('summarized tables count per system and flag data loss; a comment too long even then is cut at a line', () => {
    const b = manifest([hvSystem('aaa'), hvSystem('bbb')]);
    const h1 = hvSystem('aaa');
    h1.servers[0]!.disks[0]!.sizeGb = 70;
    const h2 = hvSystem('bbb');
    h2.servers[0]!.memoryGb = 12;
    const hm = manifest([h1, h2]);
    const d = diffManifests(b, hm);
    const full = renderDiffMarkdown(b, hm, d.changes, d.errors);
    const summary = renderDiffMarkdown(b, hm, d.changes, d.errors, full.length - 1);
    expect(summary.length).toBeLessThan(full.length);
    expect(summary).toContain('Summarized because the change is large');
    expect(summary).toContain('| aaa | 財務会計システム | 0 | 0 | 0 | 1 | ⚠️ あり |');
    expect(summary).toContain('| bbb | 財務会計システム | 0 | 1 | 0 | 0 | なし |');
    expect(renderDiffMarkdown(b, hm, d.changes, d.errors, full.length)).toBe(full);
    const cut = renderDiffMarkdown(b, hm, d.changes, d.errors, 700);
    expect(cut.length).toBeLessThanOrEqual(700);
    expect(cut.endsWith('\n\n…（長すぎるため省略 / truncated）\n')).toBe(true);
    expect(cut.startsWith('## 統合基盤 変更レビュー / kiban estate diff\n')).toBe(true);
    const body = cut.slice(0, cut.indexOf('\n\n…（長すぎるため省略'));
    expect(summary.startsWith(`${body}\n`)).toBe(true); // cut after a whole line of the summarized comment
    expect(body.length).toBeGreaterThan(300);
  });
  test('errors are listed and capped with a count of the rest', () => {
    const b = manifest(Array.from({ length: 7 }, (_, i) => hvSystem(`sys${i}`)));
    const hm = manifest([]);
    const d = diffManifests(b, hm);
    expect(d.errors).toHaveLength(14);
    const full = renderDiffMarkdown(b, hm, d.changes, d.errors);
    expect(full.match(/^- sys\d\/sys\d0\d: server present/gm)).toHaveLength(14);
    const capped = renderDiffMarkdown(b, hm, d.changes, d.errors, 4000);
    expect(capped.match(/^- sys\d\/sys\d0\d: server present/gm)!.length).toBeLessThan(14);
    expect(capped).toMatch(/…and \d+ more/);
  });
});

/** A deep copy of a manifest to edit fields the constructs derive (account, port group, datastores). */
const edited = (m: EstateManifest, f: (x: { -readonly [K in keyof EstateManifest]: any }) => void): EstateManifest => {
  const c = JSON.parse(JSON.stringify(m));
  f(c);
  return c;
};

describe('data-loss guard: derived fields edited in the manifest', () => {
  const m = manifest([webSystem()], [KOKUHO_VLAN]);
  test('a backup volume moved to another datastore is recreated (destroysData)', () => {
    const h = edited(m, (x) => (x.systems[0].servers[0].backupVolume.datastore = 'kiban-bk-ds02'));
    expect(rows(diffManifests(m, h).changes)).toEqual([['replaced', 'backup-volume', 'web01 バックアップ領域', true]]);
  });
  test('a new account re-assigns the permission; a port group rename recreates it; a host pool move is a change', () => {
    const h = edited(m, (x) => {
      x.systems[0].account = 'other-account';
      x.systems[0].hostPool = 'Kiban-Cluster02';
      x.networks.find((n: { dedicated: boolean }) => n.dedicated).portGroup = 'dv-renamed';
    });
    expect(diffManifests(m, h).changes.map((c) => [c.systemId, c.op, c.object, c.target, c.destroysData])).toEqual([
      ['kanko-web', 'changed', 'system', 'kanko-web', false],
      ['kanko-web', 'replaced', 'permission', 'other-account', false],
      ['platform', 'replaced', 'vlan', 'dv-renamed', false],
    ]);
  });
  test('a hypervisor change recreates the servers and reports the new host pool', () => {
    const h = edited(m, (x) => {
      x.systems[0].hypervisor = 'hyperv';
      x.systems[0].hostPool = 'KIBAN-HVCL01';
    });
    expect(rows(diffManifests(m, h).changes)).toEqual([
      ['changed', 'system', 'kanko-web', false],
      ['replaced', 'server', 'web01', true],
      ['replaced', 'server', 'web02', true],
    ]);
  });
});

describe('data-loss guard: more Terraform and Hyper-V cases', () => {
  const m = manifest([webSystem()]);
  const tf = (vms: Record<string, object>) => ({ resource: { vsphere_virtual_machine: vms } });
  test('a decommissioned server whose VM leaves Terraform is reported once (as the server)', () => {
    const h = webSystem();
    h.servers[1]!.decommissioned = retired('web02');
    const r = folders(m, manifest([h]), {
      tf: { 'kanko-web': { base: tf({ web02: { name: 'web02' } }), head: tf({}) } },
    });
    expect(rows(r.changes)).toEqual([['destroyed', 'server', 'web02', true]]);
  });
  test('a VM without a name attribute is matched by its key; VMs without disks compare as none', () => {
    const r = folders(m, m, { tf: { 'kanko-web': { base: tf({ web02: {} }), head: { resource: {} } } } });
    expect(rows(r.changes)).toEqual([['destroyed', 'terraform', 'vsphere_virtual_machine.web02', true]]);
    expect(
      folders(m, m, {
        tf: {
          'kanko-web': { base: tf({ web02: { name: 'web02' } }), head: tf({ web02: { name: 'web02', disk: [] } }) },
        },
      }).changes,
    ).toEqual([]);
    expect(
      folders(m, m, {
        tf: {
          'kanko-web': { base: tf({ web02: { name: 'web02', disk: 'x' } }), head: tf({ web02: { name: 'web02' } }) },
        },
      }).changes,
    ).toEqual([]);
  });
  test('Hyper-V step details show at most five distinct lines, each cut at 100 characters', () => {
    const file = 'hyperv/kanko-web/apply.ps1';
    const long = `Set-VM -Notes '${'x'.repeat(100)}'`;
    const exact = 'y'.repeat(100);
    const head = ['A1', 'A2', 'A2', 'A3', 'A4', 'A5', 'A6', long, exact].join('\n');
    const [c] = folders(m, m, { ps: { [file]: { base: '', head } } }).changes;
    expect(c!.detail).toBe('+9 行: A1 / A2 / A3 / A4 / A5');
    const [d] = folders(m, m, { ps: { [file]: { base: '', head: [long, exact].join('\n') } } }).changes;
    expect(d!.detail).toBe(`+2 行: ${long.slice(0, 100)}… / ${exact}`);
  });
});

describe('the diff Markdown: sections on both sides', () => {
  const md = (b: EstateManifest, h: EstateManifest) => {
    const d = diffManifests(b, h);
    const out = renderDiffMarkdown(b, h, d.changes, d.errors);
    expectWellFormedMarkdown(out);
    return out;
  };
  test('no change: no system sections, "No changes", nothing summarized or capped, no capacity rows', () => {
    const m = manifest([webSystem()]);
    const out = md(m, m);
    expect(out).toContain('変更はありません。 / No changes.');
    expect(out).not.toContain('####');
    expect(out).not.toContain('Summarized');
    expect(out).not.toContain('more');
    expect(out).toContain('0 systems changed: 0 added, 0 changed, 0 replaced, 0 destroyed');
    expect(out).not.toMatch(/\| Kiban-Cluster01 \|/);
  });
  test('a change: its system section, no "No changes"; capacity rows only for pools that changed, with before → after and use', () => {
    const h = webSystem();
    h.servers[0]!.memoryGb = 16;
    const out = md(manifest([webSystem()]), manifest([h]));
    expect(out).not.toContain('No changes.');
    expect(out).toContain('#### `kanko-web` 観光情報公開Webシステム');
    const cap = out.slice(out.indexOf('Platform capacity'), out.indexOf('Shared licences'));
    expect(
      cap.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 種別') && !l.startsWith('| ---')),
    ).toEqual(['| クラスタ | Kiban-Cluster01 | メモリGB | 16 → 24 | 3072 → 3072 | 0.5% → 0.8% |']);
  });
  test('a new pool of capacity counts from 0; errors are listed in full when few', () => {
    const b = manifest([]);
    const h = webSystem();
    const out = md(manifest([h]), b);
    expect(out).toContain('Errors (must be fixed)');
    expect(out.match(/^- kanko-web\/web0\d: /gm)).toHaveLength(2);
    expect(out).not.toContain('…and');
    const grown = md(b, manifest([webSystem()]));
    expect(grown).toMatch(/\| クラスタ \| Kiban-Cluster01 \| vCPU \| 0 → 4 \|/);
  });
});

describe('diffOutputs: the folders', () => {
  test('one folder missing: one error naming it; an unreadable estate.json names its side', () => {
    const m = manifest([webSystem()]);
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'base'));
    fs.writeFileSync(path.join(dir, 'base', 'estate.json'), manifestJson(m));
    const r = diffOutputs(path.join(dir, 'base'), path.join(dir, 'head'));
    expect(r.errors).toEqual([expect.stringMatching(/^HEAD: .*head.estate\.json not found/)]);
    expect(r.changes).toEqual([]);
    expect(r.markdown).toContain('HEAD: ');
    fs.mkdirSync(path.join(dir, 'head'));
    fs.writeFileSync(path.join(dir, 'head', 'estate.json'), '{ not json');
    const bad = diffOutputs(path.join(dir, 'head'), path.join(dir, 'base'));
    expect(bad.errors).toEqual([expect.stringMatching(/^BASE: /)]);
    expect(bad.changes).toEqual([]);
  });
});
