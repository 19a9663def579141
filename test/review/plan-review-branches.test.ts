import { changesOfPlan, foldActions } from '../../lib/review/plan-review';
import type { ManifestServer } from '../../lib/review/manifest';

/** Dense branch pins for lib/review/plan-review.ts (issue 19: surviving mutants). */

const NONE = new Map<string, ManifestServer>();
const rc = (
  type: string,
  actions: unknown,
  before?: unknown,
  after?: unknown,
  extra: Record<string, unknown> = {},
) => ({
  address: `${type}.x`,
  mode: 'managed',
  type,
  change: { actions, before, after },
  ...extra,
});
const one = (r: unknown, servers: ReadonlyMap<string, ManifestServer> = NONE) =>
  changesOfPlan('s', { resource_changes: [r] }, servers);

describe('foldActions: each of Terraform action lists', () => {
  test.each([
    [['create'], 'create'],
    [['update'], 'update'],
    [['delete'], 'delete'],
    [['delete', 'create'], 'replace'],
    [['create', 'delete'], 'replace'],
    [['forget'], 'forget'],
    [['no-op'], undefined],
    [['read'], undefined],
    [[], undefined],
    [['create', 'update'], undefined],
  ])('%j → %s', (actions, expected) => {
    expect(foldActions(actions as string[])).toBe(expected);
  });
  test('does not reorder the caller’s list', () => {
    const a = ['delete', 'create'];
    foldActions(a);
    expect(a).toEqual(['delete', 'create']);
  });
});

describe('changesOfPlan: verdicts per action on a VM', () => {
  const vm = { name: 'a', uuid: 'u1' };
  test.each([
    [['create'], 'create', false],
    [['update'], 'update', false],
    [['delete'], 'delete', true],
    [['create', 'delete'], 'replace', true],
    [['forget'], 'forget', false],
  ])('%j → %s, destroysData %s', (actions, action, destroys) => {
    const [c] = one(rc('vsphere_virtual_machine', actions, vm, vm));
    expect(c).toEqual({
      stack: 's',
      address: 'vsphere_virtual_machine.x',
      type: 'vsphere_virtual_machine',
      action,
      server: 'a',
      destroysData: destroys,
      ...(destroys ? { decommissioned: false } : {}),
    });
  });
  test.each([[['no-op']], [['read']], [[]]])('%j is left out', (actions) => {
    expect(one(rc('vsphere_virtual_machine', actions, vm, vm))).toEqual([]);
  });
  test('a create has no before: the server comes from after', () => {
    expect(one(rc('vsphere_virtual_machine', ['create'], null, vm))[0]!.server).toBe('a');
  });
  test('before wins over after', () => {
    expect(one(rc('vsphere_virtual_machine', ['update'], { name: 'old' }, { name: 'new' }))[0]!.server).toBe('old');
  });
  test('non-string actions are ignored; non-list actions are none', () => {
    expect(one(rc('vsphere_virtual_machine', ['create', 7], vm, vm))[0]!.action).toBe('create');
    expect(one(rc('vsphere_virtual_machine', 'create', vm, vm))).toEqual([]);
  });
  test('a non-string VM name gives no server (key absent)', () => {
    const [c] = one(rc('vsphere_virtual_machine', ['update'], { name: 5 }, undefined));
    expect(c).not.toHaveProperty('server');
  });
});

describe('changesOfPlan: object guard of the JSON values', () => {
  test.each([[null], ['str'], [3], [['name', 'a']]])('before %j is not an object: after is used', (before) => {
    expect(one(rc('vsphere_virtual_machine', ['update'], before, { name: 'b' }))[0]!.server).toBe('b');
  });
  test('an array with a name property is not an object', () => {
    const arr = Object.assign([], { name: 'arr' });
    expect(one(rc('vsphere_virtual_machine', ['update'], arr, { name: 'b' }))[0]!.server).toBe('b');
  });
  test('neither before nor after an object: no server', () => {
    expect(one(rc('vsphere_virtual_machine', ['update'], null, 'x'))[0]).not.toHaveProperty('server');
  });
  test.each([[null], ['plan'], [3], [[1, 2]], [{}]])('plan %j has no changes', (plan) => {
    expect(changesOfPlan('s', plan, NONE)).toEqual([]);
  });
  test('resource_changes is not a list: refused with that message', () => {
    expect(() => changesOfPlan('s', { resource_changes: { a: 1 } }, NONE)).toThrow(
      new Error('resource_changes is not a list'),
    );
    expect(() => changesOfPlan('s', { resource_changes: 'x' }, NONE)).toThrow('resource_changes is not a list');
  });
  test('resource_changes null counts as none', () => {
    expect(changesOfPlan('s', { resource_changes: null }, NONE)).toEqual([]);
  });
  test('an array plan is not read for resource_changes', () => {
    const arr = Object.assign([], { resource_changes: [rc('vsphere_folder', ['create'])] });
    expect(changesOfPlan('s', arr, NONE)).toEqual([]);
  });
});

describe('changesOfPlan: skipped entries', () => {
  test.each([[{ mode: 'data' }], [{ mode: undefined }], [{ address: 3 }], [{ type: 3 }]])('%j is left out', (extra) => {
    expect(one(rc('vsphere_folder', ['create'], null, {}, extra))).toEqual([]);
  });
  test('a managed folder create is kept, without server and without decommissioned', () => {
    expect(one(rc('vsphere_folder', ['create'], null, { path: 'p' }))).toEqual([
      { stack: 's', address: 'vsphere_folder.x', type: 'vsphere_folder', action: 'create', destroysData: false },
    ]);
  });
  test('a deleted folder or tag is no data loss', () => {
    expect(one(rc('vsphere_folder', ['delete'], { path: 'p' }))[0]!.destroysData).toBe(false);
    expect(one(rc('vsphere_tag', ['create', 'delete'], { name: 't' }))[0]).toMatchObject({
      action: 'replace',
      destroysData: false,
    });
    expect(one(rc('vsphere_tag', ['delete'], { name: 't' }))[0]).not.toHaveProperty('server');
  });
});

describe('changesOfPlan: backup disks', () => {
  const disk = (p: unknown) => rc('vsphere_virtual_disk', ['delete'], { vmdk_path: p });
  test.each([
    ['kiban/a/a01-backup.vmdk', 'a01'],
    ['/a01-backup.vmdk', 'a01'],
    ['x/y/web-1-backup.vmdk', 'web-1'],
  ])('%s belongs to %s', (p, server) => {
    expect(one(disk(p))[0]).toMatchObject({ server, destroysData: true, decommissioned: false });
  });
  test.each([
    ['a01-backup.vmdk'],
    ['kiban/a01-backup.vmdkx'],
    ['kiban/a01.backup.vmdk'],
    ['kiban/a01-backupXvmdk'],
    ['kiban/a01-data.vmdk'],
    ['kiban/-backup.vmdk'],
    [7],
  ])('%s has no server', (p) => {
    const [c] = one(disk(p));
    expect(c).not.toHaveProperty('server');
    expect(c).toMatchObject({ destroysData: true, decommissioned: false });
  });
  test('a decommissioned server’s disk delete is confirmed; a replacement never is', () => {
    const servers = new Map([['s/a01', { decommissioned: true } as ManifestServer]]);
    expect(one(disk('k/a01-backup.vmdk'), servers)[0]!.decommissioned).toBe(true);
    expect(
      one(rc('vsphere_virtual_disk', ['create', 'delete'], { vmdk_path: 'k/a01-backup.vmdk' }), servers)[0]!
        .decommissioned,
    ).toBe(false);
    expect(
      one(disk('k/a01-backup.vmdk'), new Map([['s/a01', { decommissioned: false } as ManifestServer]]))[0]!
        .decommissioned,
    ).toBe(false);
    expect(
      one(disk('k/a01-backup.vmdk'), new Map([['t/a01', { decommissioned: true } as ManifestServer]]))[0]!
        .decommissioned,
    ).toBe(false);
    expect(
      one(disk('k/a01.vmdk'), new Map([['s/undefined', { decommissioned: true } as ManifestServer]]))[0]!
        .decommissioned,
    ).toBe(false);
  });
});

describe('changesOfPlan: snapshots → VM name', () => {
  const vm = (uuid: unknown, name: unknown, where: 'before' | 'after' = 'before') =>
    rc(
      'vsphere_virtual_machine',
      ['update'],
      where === 'before' ? { uuid, name } : null,
      where === 'after' ? { uuid, name } : null,
      {
        address: `vm.${String(name)}`,
      },
    );
  const snap = (uuid: unknown) => ({
    ...rc('vsphere_virtual_machine_snapshot', ['delete'], { virtual_machine_uuid: uuid }),
    address: 'snap',
  });
  const snapOf = (...rcs: unknown[]) =>
    changesOfPlan('s', { resource_changes: rcs }, NONE).find((c) => c.address === 'snap')!;
  test('found by uuid among the plan’s VMs, before or after the snapshot, from before or after', () => {
    expect(snapOf(vm('u1', 'a'), snap('u1')).server).toBe('a');
    expect(snapOf(snap('u2'), vm('u1', 'a'), vm('u2', 'b', 'after')).server).toBe('b');
  });
  test('a snapshot is no data loss', () => {
    expect(snapOf(vm('u1', 'a'), snap('u1'))).toMatchObject({ destroysData: false, action: 'delete' });
  });
  test.each([
    [[vm('u1', 'a'), snap('u9')]],
    [[vm('u1', 'a'), snap(undefined)]],
    [[vm(3, 'a'), snap(3)]],
    [[vm('u1', 4), snap('u1')]],
    [[vm('', 'a'), snap(undefined)]],
    [[vm('u1', ''), snap('u1')]],
    [[{ ...vm('u1', 'a'), type: 'vsphere_folder' }, snap('u1')]],
  ])('no server when the VM is not known: %#', (rcs) => {
    expect(snapOf(...rcs)).not.toHaveProperty('server');
  });
  test('a data-mode VM still names its snapshot', () => {
    expect(snapOf({ ...vm('u1', 'a'), mode: 'data' }, snap('u1')).server).toBe('a');
  });
  test('a VM entry without change is skipped in the lookup', () => {
    expect(snapOf({ type: 'vsphere_virtual_machine', mode: 'managed', address: 'v' }, snap('u1'))).not.toHaveProperty(
      'server',
    );
  });
});
