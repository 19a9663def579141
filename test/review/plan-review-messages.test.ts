import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reviewPlans } from '../../lib/review/plan-review';

/** reviewPlans' refusals and data-loss messages per branch (issue 19). */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'plans');

function withPlan(plan: unknown, check: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-plan-msg-'));
  try {
    fs.cpSync(path.join(FIXTURES, 'update-memory-cpu'), dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'stacks', 'e2e-linux', 'plan.json'),
      typeof plan === 'string' ? plan : JSON.stringify(plan),
    );
    check(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const rc = (type: string, actions: string[], before: unknown) => ({
  address: `${type}.x`,
  mode: 'managed',
  type,
  change: { actions, before, after: null },
});

describe('reviewPlans messages', () => {
  test('resource_changes not a list: the file is refused with the reason', () => {
    withPlan({ resource_changes: {} }, (dir) => {
      const r = reviewPlans(dir);
      expect(r.errors).toEqual([
        `${path.join(dir, 'stacks', 'e2e-linux', 'plan.json')}: not a \`terraform show -json\` plan (resource_changes is not a list) / 計画を読み取れません`,
      ]);
      expect(r.markdown).toContain('#### ❌ エラー / Errors');
    });
  });
  test('unparsable JSON is refused', () => {
    withPlan('{', (dir) => {
      expect(reviewPlans(dir).errors[0]).toMatch(
        /plan\.json: not a `terraform show -json` plan \(.+\) \/ 計画を読み取れません$/,
      );
    });
  });
  test('a replaced disk without server: recreates a disk', () => {
    withPlan(
      { resource_changes: [rc('vsphere_virtual_disk', ['delete', 'create'], { vmdk_path: 'x.vmdk' })] },
      (dir) => {
        const r = reviewPlans(dir);
        expect(r.errors).toEqual([
          'e2e-linux/vsphere_virtual_disk.x: the plan recreates a disk but it is not decommissioned with confirmation — data would be lost (R07) / ディスク（バックアップ領域）が再作成されますが、利用停止の手続き（確認付き）がありません。データが失われます（R07）',
        ]);
        expect(r.markdown).toContain('再作成 replace');
        expect(r.markdown).toContain('⚠️ 再作成 replace');
        expect(r.markdown).toContain('❌ 利用停止の手続きなし — not decommissioned');
      },
    );
  });
  test('a deleted backup disk of a server: destroys server X’s disk', () => {
    withPlan(
      { resource_changes: [rc('vsphere_virtual_disk', ['delete'], { vmdk_path: 'k/e2elnx01-backup.vmdk' })] },
      (dir) => {
        expect(reviewPlans(dir).errors).toEqual([
          "e2e-linux/vsphere_virtual_disk.x: the plan destroys server e2elnx01's disk but it is not decommissioned with confirmation — data would be lost (R07) / サーバ e2elnx01 のディスク（バックアップ領域）が削除されますが、利用停止の手続き（確認付き）がありません。データが失われます（R07）",
        ]);
      },
    );
  });
  test('a deleted folder is listed but is no error', () => {
    withPlan({ resource_changes: [rc('vsphere_folder', ['delete'], { path: 'p' })] }, (dir) => {
      const r = reviewPlans(dir);
      expect(r.errors).toEqual([]);
      expect(r.markdown).toContain('| 削除 destroy | フォルダ | vsphere_folder.x |');
      expect(r.markdown).not.toContain('⚠️ 削除');
    });
  });
  test('a missing estate.json is named', () => {
    withPlan({ resource_changes: [] }, (dir) => {
      fs.rmSync(path.join(dir, 'estate.json'));
      expect(reviewPlans(dir).errors).toContain(
        `${path.join(dir, 'estate.json')} not found — not a kiban synth output folder / kiban synth の出力フォルダではありません`,
      );
    });
  });
});
