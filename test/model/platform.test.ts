import { DeclarationError, Estate, DedicatedVlan, IndividualBusinessSystem, parsePlatform } from '../../lib/model';
import { runRulePack } from '../../lib/rules';
import { examplePlatform } from '../fixtures/estate';

const defaultPlatform = examplePlatform;

describe('platform data', () => {
  test("the example estate's platform is the seeds' platform: ESXi 6.5, Hyper-V on Windows Server 2016, four standard networks", () => {
    const p = defaultPlatform();
    expect(p.vsphere.esxiVersion).toBe('6.5');
    expect(p.hyperv.windowsServerVersion).toBe('2016');
    expect(Object.keys(p.networks)).toEqual(['internet', 'lgwan', 'myNumber', 'dmz']);
    expect(p.networks.internet.ipAssignedBy).toBe('om-vendor');
    expect(p.networks.dmz.ipAssignedBy).toBe('admin-net-vendor');
    expect(p.vsphere.datastores.some((d) => d.kind === 'backup')).toBe(true);
  });

  test('versions are data: a platform on ESXi 8.0 validates, a typo does not', () => {
    const p = defaultPlatform();
    expect(parsePlatform({ ...p, vsphere: { ...p.vsphere, esxiVersion: '8.0' } }).vsphere.esxiVersion).toBe('8.0');
    expect(() => parsePlatform({ ...p, vsphere: { ...p.vsphere, esxiVersoin: '8.0' } })).toThrow(DeclarationError);
    let caught: unknown;
    try {
      parsePlatform(
        { ...p, networks: { ...p.networks, dmz: { ...p.networks.dmz, subnet: '172.16.140.0/33' } } },
        'platform.json',
      );
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DeclarationError);
    expect((caught as DeclarationError).issues[0]).toMatchObject({
      location: 'platform.json',
      field: 'networks.dmz.subnet',
      ruleId: 'R24',
    });
  });
});

test('the library embeds no platform: an Estate without platform data is refused', () => {
  expect(() => Estate.create(undefined as never)).toThrow(/needs its platform data/);
  expect(() => Estate.create({} as never)).toThrow(/the library embeds none/);
});

describe('DedicatedVlan, BackupVolume', () => {
  const vlan = {
    name: 'kokuho',
    descriptionJa: '専用',
    vlanId: 231,
    subnet: '10.231.0.0/24',
    department: 'hoken',
    ipAdministrator: { party: 'department' as const, nameJa: '課' },
  };
  test('a valid VLAN; a bad VLAN ID is reported with R24; the department is left to the rule pack (R01)', () => {
    const e = Estate.create({ platform: examplePlatform() });
    expect(new DedicatedVlan(e, 'v', vlan).portGroupName).toBe('dv-kokuho-v231');
    expect(
      () => new DedicatedVlan(Estate.create({ platform: examplePlatform() }), 'v', { ...vlan, vlanId: 5000 }),
    ).toThrow(/\[R24\] Estate\/v: vlanId/);
    const unregistered = Estate.create({ platform: examplePlatform() });
    new DedicatedVlan(unregistered, 'v', { ...vlan, department: 'x-unknown' });
    expect(
      runRulePack(unregistered)
        .errors.filter((f) => f.ruleId === 'R01')
        .map((f) => [f.rule, f.path, f.field]),
    ).toEqual([['R01-DepartmentRegistered', 'Estate/v', 'department']]);
    expect(() => new DedicatedVlan(e, 'v2', vlan)).toThrow(/KIBAN_DUPLICATE_VLAN|already exists/);
  });

  test('a NIC carries its network resolved once: subnet, gateway, DNS, zone, port group, Hyper-V switch, who assigns the IP (R24, R29)', () => {
    const e = Estate.create({ platform: examplePlatform() });
    new DedicatedVlan(e, 'v', { ...vlan, gateway: '10.231.0.1', zone: 'myNumber' });
    const p = e.platform;
    const sys = new IndividualBusinessSystem(e, 's', {
      department: 'somu',
      systemId: 'bunsho',
      systemName: '文書',
      hypervisor: 'vsphere',
      phase: 'production',
      contacts: { primary: { nameJa: '花子', phone: '019-629-5101', email: 'a@pref.example.jp' } },
      servers: [
        {
          name: 'ap01',
          cpu: { sockets: 1 },
          memoryGb: 4,
          disks: [{ sizeGb: 40 }],
          nics: [{ network: 'lgwan', ipv4: '10.120.0.5' }, { network: 'kokuho' }],
          guestOs: 'rhel_7',
          source: { kind: 'empty' },
        },
      ],
    });
    const [std, ded] = sys.servers[0]!.nics;
    const lg = p.networks.lgwan;
    expect(std!.network).toMatchObject({
      key: 'lgwan',
      zone: lg.zone,
      subnet: lg.subnet,
      gateway: lg.gateway,
      dnsServers: lg.dnsServers,
      portGroup: lg.portGroup,
      hypervSwitch: lg.hypervSwitch,
      ipAssignedBy: lg.ipAssignedBy,
      firewallChange: lg.firewallChange,
    });
    expect(ded!.network).toMatchObject({
      key: 'vlan:kokuho',
      zone: 'myNumber',
      subnet: '10.231.0.0/24',
      prefixLength: 24,
      gateway: '10.231.0.1',
      dnsServers: [],
      portGroup: 'dv-kokuho-v231',
      hypervSwitch: p.hyperv.virtualSwitches[0]!.name,
      ipAssignedBy: 'department',
      ipAdministratorJa: '課',
      firewallChange: true,
    });
    expect(sys.servers[0]!.gateway).toBe(lg.gateway);
  });

  test("a backup volume names a datastore that exists; that it is backup storage is the rule pack's (R10a)", () => {
    const props = {
      department: 'somu',
      systemId: 'bunsho',
      systemName: '文書',
      hypervisor: 'vsphere' as const,
      phase: 'production' as const,
      contacts: { primary: { nameJa: '花子', phone: '019-629-5101', email: 'a@pref.example.jp' } },
      servers: [
        {
          name: 'ap01',
          cpu: { sockets: 1 },
          memoryGb: 4,
          disks: [{ sizeGb: 40 }],
          nics: [{ network: 'lgwan' }],
          guestOs: 'rhel_7',
          source: { kind: 'empty' as const },
          backupVolume: { sizeGb: 100, datastore: 'kiban-sys-ds01' },
        },
      ],
    };
    const onSystem = Estate.create({ platform: examplePlatform() });
    new IndividualBusinessSystem(onSystem, 's', props);
    expect(
      runRulePack(onSystem)
        .errors.filter((f) => f.ruleId === 'R10a')
        .map((f) => [f.rule, f.path, f.field]),
    ).toEqual([['R10a-BackupVolumeOnBackupStorage', 'Estate/s/ap01/BackupVolume', 'backupVolume.datastore']]);
    const nowhere = { ...props.servers[0]!, backupVolume: { sizeGb: 100, datastore: 'kiban-nowhere' } };
    expect(
      () =>
        new IndividualBusinessSystem(Estate.create({ platform: examplePlatform() }), 's', {
          ...props,
          servers: [nowhere],
        }),
    ).toThrow(/\[R10a\] Estate\/s\/ap01: servers\.0\.backupVolume\.datastore/);
    const ok = new IndividualBusinessSystem(Estate.create({ platform: examplePlatform() }), 's', {
      ...props,
      servers: [{ ...props.servers[0]!, backupVolume: { sizeGb: 100 } }],
    });
    expect(ok.servers[0]!.backupVolume!.props.sizeGb).toBe(100);
  });
});
