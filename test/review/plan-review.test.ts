import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { changesOfPlan, foldActions, reviewPlans } from '../../lib/review/plan-review';
import { runCli } from '../../lib/cli/main';

/** Plans the e2e harness produced against the simulator (KIBAN_E2E_WRITE_FIXTURES=1 npm run e2e). */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'plans');

describe('kiban plan-review on plans Terraform made', () => {
  test('a server decommissioned with confirmation: its VM in the data-loss section, confirmed, its backup volume kept; the review passes', () => {
    const r = reviewPlans(path.join(FIXTURES, 'decommission-e2elnx02'));
    expect(r.errors).toEqual([]);
    expect(
      r.changes.filter((c) => c.destroysData).map((c) => [c.address, c.server, c.action, c.decommissioned]),
    ).toEqual([['vsphere_virtual_machine.vm_e2elnx02', 'e2elnx02', 'delete', true]]);
    expect(r.changes.find((c) => c.address === 'vsphere_virtual_disk.backup_disk_e2elnx02')).toMatchObject({
      action: 'forget',
      server: 'e2elnx02',
      destroysData: false,
    });
    expect(r.markdown).toContain('### Terraform が行う変更 / What Terraform will do');
    expect(r.markdown).toContain('#### ⚠️ データが削除・再作成される変更 / Changes that destroy or recreate data');
    expect(r.markdown).toContain('✅ 利用停止（確認済み）decommissioned and confirmed');
    expect(r.markdown).toMatch(/\| e2e-linux \| E2E Linuxテンプレートシステム \| 0 \| \d+ \| 0 \| 1 \| 1 \|/);
  });

  test('the same plan with the server not decommissioned fails, naming the server in Japanese and English', () => {
    const r = reviewPlans(path.join(FIXTURES, 'decommission-e2elnx02-base-estate'));
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^e2e-linux\/vsphere_virtual_machine\.vm_e2elnx02: the plan destroys server e2elnx02's VM but it is not decommissioned with confirmation — data would be lost \(R07\) \/ サーバ e2elnx02 の仮想マシンが削除されますが、利用停止の手続き/,
      ),
    ]);
    expect(r.markdown).toContain('❌ 利用停止の手続きなし — not decommissioned');
  });

  test('in-place updates are listed per system and pass', () => {
    const r = reviewPlans(path.join(FIXTURES, 'update-memory-cpu'));
    expect(r.errors).toEqual([]);
    expect(r.changes.find((c) => c.address === 'vsphere_virtual_machine.vm_e2elnx01')).toMatchObject({
      action: 'update',
      server: 'e2elnx01',
      destroysData: false,
    });
    expect(r.markdown).toContain('なし — 仮想マシンとディスクの削除・再作成はありません');
  });

  test('a replacement of a VM is data loss even when the server is decommissioned', () => {
    const plan = {
      resource_changes: [
        {
          address: 'vsphere_virtual_machine.vm_a',
          mode: 'managed',
          type: 'vsphere_virtual_machine',
          change: { actions: ['delete', 'create'], before: { name: 'a' }, after: { name: 'a' } },
        },
      ],
    };
    const servers = new Map([['s/a', { decommissioned: true } as never]]);
    expect(changesOfPlan('s', plan, servers)).toEqual([
      {
        stack: 's',
        address: 'vsphere_virtual_machine.vm_a',
        type: 'vsphere_virtual_machine',
        action: 'replace',
        server: 'a',
        destroysData: true,
        decommissioned: false,
      },
    ]);
    expect(foldActions(['create', 'delete'])).toBe('replace');
    expect(foldActions(['forget'])).toBe('forget');
    expect(foldActions(['no-op'])).toBeUndefined();
  });

  test('values from the plan are neutralized in the Markdown', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-plan-review-'));
    try {
      fs.cpSync(path.join(FIXTURES, 'update-memory-cpu'), dir, { recursive: true });
      const plan = {
        resource_changes: [
          {
            address: 'vsphere_tag.x<script>|',
            mode: 'managed',
            type: 'vsphere_tag',
            change: { actions: ['create'], before: null, after: {} },
          },
        ],
      };
      fs.writeFileSync(path.join(dir, 'stacks', 'e2e-linux', 'plan.json'), JSON.stringify(plan));
      const r = reviewPlans(dir);
      expect(r.markdown).not.toContain('<script>');
      expect(r.markdown).toContain('vsphere_tag.x&lt;script&gt;\\|');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the CLI exits 1 on unconfirmed data loss, 0 otherwise, and --stack limits the review', () => {
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
    };
    const bad = io();
    expect(runCli(['plan-review', path.join(FIXTURES, 'decommission-e2elnx02-base-estate')], bad.io)).toBe(1);
    expect(bad.err.join('')).toContain('not decommissioned with confirmation');
    const good = io();
    expect(runCli(['plan-review', path.join(FIXTURES, 'decommission-e2elnx02'), '--stack', 'e2e-linux'], good.io)).toBe(
      0,
    );
    const none = io();
    expect(runCli(['plan-review', path.join(FIXTURES, 'decommission-e2elnx02'), '--stack', 'platform'], none.io)).toBe(
      1,
    );
    expect(none.err.join('')).toContain('no plan.json');
  });
});
