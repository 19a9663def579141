import * as fs from 'fs';
import * as path from 'path';
import {
  buildEstateManifest,
  diffManifests,
  diffOutputs,
  manifestJson,
  renderDiffMarkdown,
  GITHUB_COMMENT_LIMIT,
  EstateManifest,
} from '../../lib/review';
import { runCli } from '../../lib/cli/main';
import {
  KOKUHO_VLAN,
  SystemProps,
  estateOf,
  expectWellFormedMarkdown,
  lgwanSystem,
  tmpDir,
  webSystem,
} from './helpers';

const manifest = (systems: SystemProps[], vlans = [] as (typeof KOKUHO_VLAN)[]) =>
  buildEstateManifest(estateOf(systems, vlans));

/** Writes two output folders (estate.json only, optionally Terraform JSON) and diffs them. */
function diffOf(base: EstateManifest, head: EstateManifest, tf?: { base: object; head: object; systemId: string }) {
  const dir = tmpDir();
  for (const [name, m] of [
    ['base', base],
    ['head', head],
  ] as const) {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'estate.json'), manifestJson(m));
    if (tf) {
      fs.mkdirSync(path.join(dir, name, 'stacks', tf.systemId), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'stacks', tf.systemId, 'cdk.tf.json'), JSON.stringify(tf[name]));
    }
  }
  const r = diffOutputs(path.join(dir, 'base'), path.join(dir, 'head'));
  expectWellFormedMarkdown(r.markdown);
  return r;
}

const destroySection = (md: string) =>
  md.slice(md.indexOf('Destroys or recreates data'), md.indexOf('Changes per system'));

describe('diff BASE HEAD', () => {
  const base = () => [webSystem(), lgwanSystem()];

  test('no change: empty destroy section, no errors', () => {
    const r = diffOf(manifest(base()), manifest(base()));
    expect(r.errors).toEqual([]);
    expect(r.changes).toEqual([]);
    expect(r.markdown).toContain('### ⚠️ データの削除・再作成 / Destroys or recreates data');
    expect(r.markdown).toContain('No VM or disk is deleted or recreated');
  });

  test('a new system: system, permission, servers and backup volume added; capacity before → after', () => {
    const r = diffOf(manifest(base()), manifest([...base(), lgwanSystem('shinki')]));
    expect(r.errors).toEqual([]);
    expect(r.changes.filter((c) => c.systemId === 'shinki').map((c) => [c.op, c.object])).toEqual([
      ['added', 'system'],
      ['added', 'permission'],
      ['added', 'server'],
    ]);
    expect(r.markdown).toMatch(/#### `shinki` 文書管理システム/);
    expect(r.markdown).toMatch(/\| クラスタ \| Kiban-Cluster01 \| vCPU \| 6 → 8 \|/);
    expect(r.changes.some((c) => c.destroysData)).toBe(false);
  });

  test('a resized server is a change, not a replacement', () => {
    const head = base();
    head[0]!.servers[0]!.cpu = { sockets: 2, coresPerSocket: 2 };
    head[0]!.servers[0]!.memoryGb = 16;
    head[0]!.servers[0]!.disks[1]!.sizeGb = 150;
    const r = diffOf(manifest(base()), manifest(head));
    expect(r.changes).toEqual([
      expect.objectContaining({
        op: 'changed',
        object: 'server',
        target: 'web01',
        detail: expect.stringContaining('CPU 2×1 → 2×2, メモリ 8 → 16 GB'),
        destroysData: false,
      }),
      expect.objectContaining({ op: 'changed', object: 'disk', detail: '拡張 100 → 150 GB' }),
    ]);
    expect(destroySection(r.markdown)).toContain('No VM or disk is deleted');
  });

  test('a source change recreates the VM (clone / ovf_deploy)', () => {
    const head = base();
    head[1]!.servers[0]!.source = { kind: 'template', template: 'ws2016' };
    const r = diffOf(manifest(base()), manifest(head));
    expect(r.errors).toEqual([]);
    expect(r.changes).toEqual([expect.objectContaining({ op: 'replaced', object: 'server', destroysData: true })]);
    expect(destroySection(r.markdown)).toMatch(
      /bunsho \| 再作成 replaced \| サーバ \| bunshoap01 \| 構築・移行方法の変更 ovf:.* → template:ws2016/,
    );
  });

  test('a datastore change recreates the disk', () => {
    const head = base();
    head[0]!.servers[0]!.disks[1]!.datastore = 'kiban-sys-ds02';
    const r = diffOf(manifest(base()), manifest(head));
    expect(r.changes).toEqual([
      expect.objectContaining({ op: 'replaced', object: 'disk', target: 'web01 データディスク1', destroysData: true }),
    ]);
    expect(destroySection(r.markdown)).toContain('データストアの変更 kiban-sys-ds01 → kiban-sys-ds02');
  });

  test('a shrunk disk destroys data; a removed disk is an error', () => {
    const shrunk = base();
    shrunk[0]!.servers[0]!.disks[1]!.sizeGb = 50;
    const r1 = diffOf(manifest(base()), manifest(shrunk));
    expect(r1.changes).toEqual([
      expect.objectContaining({
        op: 'destroyed',
        object: 'disk',
        destroysData: true,
        detail: expect.stringContaining('縮小 100 → 50 GB'),
      }),
    ]);
    expect(destroySection(r1.markdown)).toContain('縮小 100 → 50 GB');

    const removed = base();
    removed[0]!.servers[0]!.disks.pop();
    removed[0]!.servers[0]!.backupVolume = undefined;
    const r2 = diffOf(manifest(base()), manifest(removed));
    expect(r2.errors).toHaveLength(2);
    expect(r2.errors[0]).toMatch(/kanko-web\/web01 データディスク1: disk present in BASE/);
    expect(r2.errors[1]).toMatch(/backup volume present in BASE/);
    expect(r2.markdown).toContain('### ❌ エラー（マージ不可） / Errors (must be fixed)');
  });

  test('a new dedicated VLAN and a NIC moved onto it', () => {
    const head = base();
    head[1]!.department = 'hoken';
    const b = base();
    b[1]!.department = 'hoken';
    head[1]!.servers[0]!.nics = [{ network: 'mynumber-kokuho', ipv4: '10.231.0.20' }];
    const r = diffOf(manifest(b), manifest(head, [KOKUHO_VLAN]));
    expect(r.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          systemId: 'platform',
          op: 'added',
          object: 'vlan',
          target: 'dv-mynumber-kokuho-v231',
        }),
        expect.objectContaining({
          systemId: 'bunsho',
          op: 'changed',
          object: 'nic',
          detail: expect.stringContaining('ネットワーク lgwan → vlan:mynumber-kokuho'),
        }),
      ]),
    );
    expect(r.markdown).toContain('統合基盤（共通） / platform');
  });

  test('a decommissioned system destroys its servers (listed), without error', () => {
    const head = base();
    head[1]!.phase = 'decommissioned';
    head[1]!.decommission = { confirmSystemId: 'bunsho', form3Date: '2026-11-01', approvedBy: '科学・情報政策室長' };
    const r = diffOf(manifest(base()), manifest(head));
    expect(r.errors).toEqual([]);
    expect(r.changes.filter((c) => c.destroysData).map((c) => [c.op, c.object, c.target])).toEqual([
      ['destroyed', 'system', 'bunsho'],
      ['destroyed', 'server', 'bunshoap01'],
    ]);
    expect(r.markdown).toMatch(/\| クラスタ \| Kiban-Cluster01 \| vCPU \| 6 → 4 \|/);
    // Removing the declaration afterwards is fine.
    const r2 = diffOf(manifest(head), manifest([base()[0]!]));
    expect(r2.errors).toEqual([]);
  });

  test('a decommissioned server is destroyed without error', () => {
    const head = base();
    head[0]!.servers[1]!.decommissioned = {
      confirm: 'web02',
      reasonJa: '統合のため',
      approvedBy: '統合基盤担当',
      date: '2026-11-10',
    };
    const r = diffOf(manifest(base()), manifest(head));
    expect(r.errors).toEqual([]);
    expect(r.changes).toEqual([
      expect.objectContaining({ op: 'destroyed', object: 'server', target: 'web02', destroysData: true }),
    ]);
  });

  test('a server deleted without decommissioning is an error', () => {
    const head = base();
    head[0]!.servers.pop();
    const r = diffOf(manifest(base()), manifest(head));
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^kanko-web\/web02: server present in BASE is absent in HEAD — deleted instead of decommissioned/,
      ),
    ]);
    expect(destroySection(r.markdown)).toContain('web02');
    const gone = diffOf(manifest(base()), manifest([base()[0]!]));
    expect(gone.errors).toEqual([expect.stringMatching(/^bunsho\/bunshoap01: /)]);
  });

  test('Terraform replacement triggers: clone block, disk label and datastore', () => {
    const vm = (clone: object, disks: object[]) => ({
      resource: {
        vsphere_virtual_machine: { web01: { name: 'web01', clone, disk: disks } },
        vsphere_virtual_disk: {
          web01_backup: { vmdk_path: 'kanko-web/web01-backup.vmdk', datastore: 'kiban-bk-ds01' },
        },
      },
    });
    const m = manifest(base());
    const r = diffOf(m, m, {
      systemId: 'kanko-web',
      base: vm({ template_uuid: '${data.vsphere_virtual_machine.tmpl-rhel7.id}' }, [
        { label: 'disk0', size: 60, datastore_id: 'a' },
        { label: 'disk1', size: 100, datastore_id: 'a' },
      ]),
      head: vm({ template_uuid: '${data.vsphere_virtual_machine.tmpl-rhel8.id}' }, [
        { label: 'disk0', size: 60, datastore_id: 'a' },
        { label: 'data1', size: 100, datastore_id: 'b' },
      ]),
    });
    expect(r.changes.map((c) => [c.op, c.object, c.target])).toEqual([
      ['replaced', 'terraform', 'vsphere_virtual_machine.web01'],
      ['replaced', 'terraform', 'vsphere_virtual_machine.web01 disk[1]'],
      ['replaced', 'terraform', 'vsphere_virtual_machine.web01 disk[1]'],
    ]);
    expect(destroySection(r.markdown)).toContain('clone block changed: forces replacement');
  });

  test('Hyper-V script steps are listed when the scripts exist', () => {
    const dir = tmpDir();
    const m = manifestJson(manifest(base()));
    for (const [name, script] of [
      ['base', 'New-VM -Name a\n'],
      ['head', '# c\nNew-VM -Name a\nSet-VMProcessor -Count 4\n'],
    ] as const) {
      fs.mkdirSync(path.join(dir, name, 'hyperv', 'bunsho'), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'estate.json'), m);
      fs.writeFileSync(path.join(dir, name, 'hyperv', 'bunsho', 'apply.ps1'), script);
    }
    const r = diffOutputs(path.join(dir, 'base'), path.join(dir, 'head'));
    expect(r.changes).toEqual([
      expect.objectContaining({ object: 'hyperv-step', detail: '+1 行: Set-VMProcessor -Count 4' }),
    ]);
  });

  test('missing estate.json is an error', () => {
    const r = diffOutputs(tmpDir(), tmpDir());
    expect(r.errors).toHaveLength(2);
    expect(r.markdown).toContain('not a kiban synth output folder');
  });

  test('500 new systems stay under the GitHub comment limit by summarizing', () => {
    const many = Array.from({ length: 500 }, (_, i) => {
      const s = lgwanSystem(`sys-${String(i).padStart(3, '0')}`);
      s.servers[0]!.name = `ap${String(i).padStart(3, '0')}`;
      return s;
    });
    const b = manifest(base());
    const h = manifest([...base(), ...many]);
    const d = diffManifests(b, h);
    expect(d.changes.length).toBe(1500);
    const md = renderDiffMarkdown(b, h, d.changes, d.errors);
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(md).toContain('Summarized because the change is large');
    expect(md).toContain('500 systems changed');
    expectWellFormedMarkdown(md);
    // Deleted without decommissioning, in bulk: errors and destroy rows are capped, the verdict stays.
    const d2 = diffManifests(h, b);
    expect(d2.errors).toHaveLength(500);
    const md2 = renderDiffMarkdown(h, b, d2.changes, d2.errors);
    expect(md2.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(md2).toContain('Errors (must be fixed)');
    expect(md2).toMatch(/…and \d+ more/);
  });

  test('output is deterministic', () => {
    const head = base();
    head[0]!.servers[0]!.memoryGb = 32;
    expect(diffOf(manifest(base()), manifest(head)).markdown).toBe(diffOf(manifest(base()), manifest(head)).markdown);
  });
});

describe('data-loss rules of the diff (issue 10, item 6)', () => {
  const base = () => [webSystem(), lgwanSystem()];

  test('a shrunk disk or backup volume fails the diff and is in the data-loss section', () => {
    const shrunk = base();
    shrunk[0]!.servers[0]!.disks[1]!.sizeGb = 50;
    const r = diffOf(manifest(base()), manifest(shrunk));
    expect(r.errors).toEqual([
      expect.stringMatching(/^kanko-web\/web01 データディスク1: disk shrunk from 100 GB to 50 GB/),
    ]);
    expect(destroySection(r.markdown)).toContain('縮小 100 → 50 GB');
    const bk = base();
    bk[0]!.servers[0]!.backupVolume = { sizeGb: 100 };
    expect(diffOf(manifest(base()), manifest(bk)).errors).toEqual([
      expect.stringMatching(/web01 バックアップ領域: backup volume shrunk from 200 GB to 100 GB/),
    ]);
  });

  test('kiban diff exits 1 on a shrunk disk', () => {
    const dir = tmpDir();
    const shrunk = base();
    shrunk[0]!.servers[0]!.disks[1]!.sizeGb = 50;
    for (const [name, m] of [
      ['base', manifest(base())],
      ['head', manifest(shrunk)],
    ] as const) {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, 'estate.json'), manifestJson(m));
    }
    const err: string[] = [];
    const out: string[] = [];
    expect(
      runCli(['diff', path.join(dir, 'base'), path.join(dir, 'head')], {
        out: (s) => out.push(s),
        err: (s) => err.push(s),
      }),
    ).toBe(1);
    expect(err.join('')).toMatch(/error: kanko-web\/web01 データディスク1: disk shrunk/);
    expect(destroySection(out.join(''))).toContain('縮小 100 → 50 GB');
  });

  test('a server deleted with a backup volume lists the volume as destroyed too', () => {
    const head = base();
    head[0]!.servers.splice(0, 1);
    const r = diffOf(manifest(base()), manifest(head));
    expect(r.changes.filter((c) => c.destroysData).map((c) => [c.op, c.object, c.target])).toEqual([
      ['destroyed', 'server', 'web01'],
      ['destroyed', 'backup-volume', 'web01 バックアップ領域'],
    ]);
    expect(destroySection(r.markdown)).toContain('web01 バックアップ領域');
    const gone = diffOf(manifest(base()), manifest([base()[1]!]));
    expect(gone.changes.filter((c) => c.object === 'backup-volume').map((c) => [c.op, c.target])).toEqual([
      ['destroyed', 'web01 バックアップ領域'],
    ]);
  });
});
