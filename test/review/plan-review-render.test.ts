import { renderPlanReview, PlannedChange } from '../../lib/review/plan-review';

/** renderPlanReview's branches (issue 19). */
const c = (stack: string, action: PlannedChange['action'], extra: Partial<PlannedChange> = {}): PlannedChange => ({
  stack,
  address: `vsphere_folder.${action}`,
  type: 'vsphere_folder',
  action,
  destroysData: false,
  ...extra,
});

describe('renderPlanReview', () => {
  test('counts per action and stack; platform named; a stack without changes has no section; no errors no Errors heading', () => {
    const md = renderPlanReview(
      ['a', 'b', 'platform'],
      [
        c('a', 'create'),
        c('a', 'create'),
        c('a', 'update'),
        c('a', 'replace'),
        c('a', 'delete'),
        c('a', 'forget'),
        c('platform', 'update'),
      ],
      [],
      new Map([['a', 'システムA']]),
    );
    expect(md).toContain('| a | システムA | 2 | 1 | 1 | 1 | 1 |');
    expect(md).toContain('| platform | 統合基盤共通 (platform) | 0 | 1 | 0 | 0 | 0 |');
    expect(md).toContain('#### `a` システムA');
    expect(md).toContain('#### `platform` 統合基盤共通 (platform)');
    expect(md).not.toContain('#### `b`');
    expect(md).not.toContain('エラー / Errors');
    expect(md).toContain('なし — 仮想マシンとディスクの削除・再作成はありません');
    expect(md).toContain(
      '| 管理対象から外す（削除しない）forget: kept, removed from the state | フォルダ | vsphere_folder.forget |',
    );
  });
  test('data loss rows: confirmed and not, with server and unknown type', () => {
    const md = renderPlanReview(
      ['a'],
      [
        c('a', 'delete', {
          type: 'vsphere_virtual_machine',
          address: 'vm.x',
          server: 'x',
          destroysData: true,
          decommissioned: true,
        }),
        c('a', 'replace', { type: 'other_type', address: 'o.y', destroysData: true, decommissioned: false }),
      ],
      ['boom'],
      new Map(),
    );
    expect(md).toContain(
      '| a | x | 仮想マシン vm.x | 削除 destroy | ✅ 利用停止（確認済み）decommissioned and confirmed |',
    );
    expect(md).toContain('other_type o.y | 再作成 replace | ❌ 利用停止の手続きなし — not decommissioned |');
    expect(md).toContain('| ⚠️ 削除 destroy | 仮想マシン | vm.x | x |');
    expect(md).toContain('| ⚠️ 再作成 replace | other_type | o.y |');
    expect(md).toContain('#### ❌ エラー / Errors\n\n- boom');
  });
});
