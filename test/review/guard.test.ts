import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { DedicatedVlan, DedicatedVlanProps, Estate, IndividualBusinessSystem, IndividualBusinessSystemProps, SharedRhelLicense, fixedClock } from '../../lib/model';
import { Change, EstateManifest, buildEstateManifest, diffManifests, diffOutputs, manifestJson, renderDiffMarkdown } from '../../lib/review';
import { KOKUHO_VLAN, NOW, SystemProps, TestServer, estateOf, expectWellFormedMarkdown, lgwanSystem, tmpDir, webSystem } from './helpers';

// Issue 19: the data-loss guard (lib/review/diff.ts) is what a reviewer trusts blindly. Every kind of
// change is asserted with its destroysData flag, and each branch on both sides.

const manifest = (systems: SystemProps[], vlans: DedicatedVlanProps[] = []) => buildEstateManifest(estateOf(systems, vlans));
/** [op, object, target, destroysData] of each change, in the order reported. */
const rows = (cs: readonly Change[]) => cs.map((c) => [c.op, c.object, c.target, c.destroysData]);
const diff = (b: SystemProps[], h: SystemProps[], bv: DedicatedVlanProps[] = [], hv: DedicatedVlanProps[] = []) => diffManifests(manifest(b, bv), manifest(h, hv));

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
      { name: `${id}01`, cpu: { sockets: 2, coresPerSocket: 1 }, memoryGb: 8, disks: [{ sizeGb: 80 }], nics: [{ network: 'lgwan', ipv4: '10.120.1.50' }], guestOs: 'windows_server_2019', source: { kind: 'empty' }, backupVolume: { sizeGb: 100 } },
      { name: `${id}02`, cpu: { sockets: 2, coresPerSocket: 1 }, memoryGb: 8, disks: [{ sizeGb: 80 }], nics: [{ network: 'lgwan' }], guestOs: 'windows_server_2019', source: { kind: 'empty' } },
    ],
  };
}
const retired = (name: string): TestServer['decommissioned'] => ({ confirm: name, reasonJa: '統合のため', approvedBy: '統合基盤担当', date: '2026-11-10' });

describe('data-loss guard: servers', () => {
  test('a hypervisor change recreates every VM of the system (destroysData), and nothing else is reported for them', () => {
    const h = hvSystem('zaimu', 'hyperv');
    h.servers[0]!.memoryGb = 16; // would be a resize, but the VM is recreated anyway
    const d = diff([hvSystem('zaimu', 'vsphere')], [h]);
    expect(d.errors).toEqual([]);
    const servers = d.changes.filter((c) => c.object === 'server');
    expect(rows(servers)).toEqual([['replaced', 'server', 'zaimu01', true], ['replaced', 'server', 'zaimu02', true]]);
    expect(d.changes.filter((c) => c.object === 'disk' || c.object === 'backup-volume' || c.object === 'nic')).toEqual([]);
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
    (ora.servers[1] as unknown as Record<string, unknown>)['oracleDatabase'] = { edition: 'SE2', license: 'department' };
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
    expect(rows(edit((s) => s.disks.push({ sizeGb: 10 })).changes)).toEqual([['added', 'disk', 'zaimu01 データディスク1', false]]);
    expect(rows(edit((s) => (s.disks[0]!.sizeGb = 81)).changes)).toEqual([['changed', 'disk', 'zaimu01 システムディスク', false]]);
    expect(rows(edit((s) => (s.disks[0]!.sizeGb = 79)).changes)).toEqual([['destroyed', 'disk', 'zaimu01 システムディスク', true]]);
    expect(edit((s) => (s.disks[0]!.sizeGb = 80)).changes).toEqual([]);
    expect(rows(edit((s) => (s.disks[0]!.thin = false)).changes)).toEqual([['replaced', 'disk', 'zaimu01 システムディスク', true]]);
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
    expect(removed.errors).toEqual([expect.stringMatching(/^zaimu\/zaimu01 データディスク2: disk present in BASE \(20 GB on /)]);
  });
  test('backup volumes: added and grown keep data; shrunk and moved destroy it; removed is an error', () => {
    expect(rows(edit((s) => (s.backupVolume = { sizeGb: 101 })).changes)).toEqual([['changed', 'backup-volume', 'zaimu01 バックアップ領域', false]]);
    expect(rows(edit((s) => (s.backupVolume = { sizeGb: 99 })).changes)).toEqual([['destroyed', 'backup-volume', 'zaimu01 バックアップ領域', true]]);
    expect(edit((s) => (s.backupVolume = { sizeGb: 100 })).changes).toEqual([]);
    const gone = edit((s) => (s.backupVolume = undefined));
    expect(rows(gone.changes)).toEqual([['destroyed', 'backup-volume', 'zaimu01 バックアップ領域', true]]);
    expect(gone.errors).toEqual([expect.stringMatching(/^zaimu\/zaimu01 バックアップ領域: backup volume present in BASE \(100 GB on /)]);
    const added = hvSystem();
    added.servers[1]!.backupVolume = { sizeGb: 5 };
    expect(rows(diff([hvSystem()], [added]).changes)).toEqual([['added', 'backup-volume', 'zaimu02 バックアップ領域', false]]);
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
    expect(rows(diff([], [h]).changes)).toEqual([['added', 'system', 'shinki', false], ['added', 'server', 'shinki01', false], ['added', 'backup-volume', 'shinki01 バックアップ領域', false]]);
    const v = hvSystem('shinki', 'vsphere');
    v.servers[0]!.decommissioned = retired('shinki01');
    expect(rows(diff([], [v]).changes)).toEqual([['added', 'system', 'shinki', false], ['added', 'permission', expect.any(String), false], ['added', 'server', 'shinki02', false]]);
  });
  test('a system deleted without decommissioning destroys its live servers (each an error); a decommissioned one is just removed', () => {
    const b = hvSystem();
    b.servers[1]!.decommissioned = retired('zaimu02');
    const d = diff([b], []);
    expect(rows(d.changes)).toEqual([['destroyed', 'system', 'zaimu', true], ['destroyed', 'server', 'zaimu01', true]]);
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
