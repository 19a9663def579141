import { PlanResourceChange } from '../../e2e/harness';
import { SIMULATOR_DIFFS, realDifferences } from '../../e2e/simulator-diffs';

const rc = (
  type: string,
  actions: string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): PlanResourceChange => ({
  address: `${type}.x`,
  mode: 'managed',
  type,
  name: 'x',
  change: { actions, before, after },
});

describe('simulator-only follow-up diffs (e2e/simulator-diffs.ts)', () => {
  test('each entry names one attribute of one resource type, with a reason', () => {
    for (const d of SIMULATOR_DIFFS) expect(d.reason.length).toBeGreaterThan(30);
    expect(SIMULATOR_DIFFS.map((d) => `${d.type}.${d.attribute}`)).toEqual([
      'vsphere_virtual_disk.size',
      'vsphere_virtual_machine.swap_placement_policy',
      'vsphere_tag_category.associable_types',
    ]);
  });

  test('the simulator artefacts are set aside', () => {
    expect(
      realDifferences(
        rc('vsphere_virtual_disk', ['update'], { size: 0, vmdk_path: 'a' }, { size: 20, vmdk_path: 'a' }),
      ),
    ).toEqual([]);
    expect(
      realDifferences(
        rc(
          'vsphere_virtual_machine',
          ['update'],
          { swap_placement_policy: '', memory: 4096 },
          { swap_placement_policy: 'inherit', memory: 4096 },
        ),
      ),
    ).toEqual([]);
    expect(
      realDifferences(
        rc(
          'vsphere_tag_category',
          ['update'],
          { associable_types: ['urn:vim25:VirtualMachine'] },
          { associable_types: ['VirtualMachine'] },
        ),
      ),
    ).toEqual([]);
  });

  test('they never hide a real diff', () => {
    // A real resize, a real policy change, a changed type list, a replacement, another attribute.
    expect(realDifferences(rc('vsphere_virtual_disk', ['update'], { size: 20 }, { size: 30 }))).toEqual([
      'vsphere_virtual_disk.x.size: 20 → 30',
    ]);
    expect(
      realDifferences(
        rc(
          'vsphere_virtual_machine',
          ['update'],
          { swap_placement_policy: 'hostLocal' },
          { swap_placement_policy: 'inherit' },
        ),
      ),
    ).toHaveLength(1);
    expect(
      realDifferences(
        rc(
          'vsphere_tag_category',
          ['update'],
          { associable_types: ['urn:vim25:VirtualMachine'] },
          { associable_types: ['VirtualMachine', 'Folder'] },
        ),
      ),
    ).toHaveLength(1);
    expect(realDifferences(rc('vsphere_virtual_disk', ['delete', 'create'], { size: 0 }, { size: 20 }))).toEqual([
      'vsphere_virtual_disk.x: delete/create',
    ]);
    expect(
      realDifferences(
        rc(
          'vsphere_virtual_machine',
          ['update'],
          { memory: 4096, swap_placement_policy: null },
          { memory: 8192, swap_placement_policy: 'inherit' },
        ),
      ),
    ).toEqual(['vsphere_virtual_machine.x.memory: 4096 → 8192']);
    expect(realDifferences(rc('vsphere_folder', ['update'], { size: 0 }, { size: 20 }))).toHaveLength(1);
  });
});
