import { Estate, fixedClock, parsePlatform, providerSupportsVcenter, vsphereProviderFacts } from '../../lib/model';
import { examplePlatform as defaultPlatform } from '../fixtures/estate';
import { runRulePack } from '../../lib/rules';
import { r12ProviderSupportsVcenter } from '../../lib/rules/r12-provider-supports-vcenter';
import { AS_OF, decommissioned, makeEstate, srv, statuses, sys, violations } from './helpers';

describe('R12-ProviderSupportsVcenter', () => {
  test('the platform data records the vCenter version (the embedded platform: 6.5); a malformed one is refused', () => {
    expect(defaultPlatform().vsphere.vcenterVersion).toBe('6.5');
    const p = defaultPlatform();
    expect(() => parsePlatform({ ...p, vsphere: { ...p.vsphere, vcenterVersion: 'eight' } })).toThrow(/vcenterVersion/);
    expect(parsePlatform({ ...p, vsphere: { ...p.vsphere, vcenterVersion: '8.0.3' } }).vsphere.vcenterVersion).toBe(
      '8.0.3',
    );
  });

  test('provider 2.15.0 supports vSphere 7 and 8, as data', () => {
    expect(vsphereProviderFacts()).toMatchObject({
      provider: 'vmware/vsphere',
      version: '2.15.0',
      supportedVsphereMajors: ['7', '8'],
    });
    expect(['6.5', '6.7', '7.0', '7.0.3', '8.0', '8.0.3', '9.0'].map((v) => providerSupportsVcenter(v))).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(providerSupportsVcenter('9.0', { ...vsphereProviderFacts(), supportedVsphereMajors: ['8', '9'] })).toBe(
      true,
    );
  });

  test('warns on vCenter 6.5, naming both versions in English and Japanese; compliant on 8.0.3', () => {
    const old = makeEstate((p) => (p.vsphere.vcenterVersion = '6.5'));
    sys(old, 'a', [srv('a01')]);
    const [v] = violations(r12ProviderSupportsVcenter, old);
    expect(v).toMatchObject({ path: 'Estate', value: '{"vcenterVersion":"6.5","provider":"vmware/vsphere 2.15.0"}' });
    expect(v!.message).toContain('vCenter 6.5');
    expect(v!.message).toContain('7.x, 8.x');
    expect(v!.messageJa).toContain('サポート対象外');
    expect(runRulePack(old).warnings.map((f) => f.rule)).toContain('R12-ProviderSupportsVcenter');
    const cur = makeEstate((p) => (p.vsphere.vcenterVersion = '8.0.3'));
    sys(cur, 'a', [srv('a01')]);
    expect(statuses(r12ProviderSupportsVcenter, cur)).toEqual(['compliant Estate']);
  });

  test('warns when the platform data does not record the vCenter version', () => {
    const e = makeEstate((p) => delete (p.vsphere as { vcenterVersion?: string }).vcenterVersion);
    sys(e, 'a', [srv('a01')]);
    expect(violations(r12ProviderSupportsVcenter, e).map((v) => v.fix)).toEqual([
      'record it in vsphere.vcenterVersion of the platform data',
    ]);
  });

  test('not applicable without a running vSphere server', () => {
    const e = makeEstate((p) => (p.vsphere.vcenterVersion = '6.5'));
    sys(e, 'h', [srv('h01')], { hypervisor: 'hyperv' });
    expect(statuses(r12ProviderSupportsVcenter, e)).toEqual(['not-applicable Estate']);
  });
});

describe('R12 applicability and the reported path', () => {
  test('only decommissioned vSphere servers: not applicable, even on an unsupported vCenter', () => {
    const e = makeEstate((p) => (p.vsphere.vcenterVersion = '6.5'));
    sys(e, 'old', [srv('old01')], decommissioned('old'));
    expect(statuses(r12ProviderSupportsVcenter, e)).toEqual(['not-applicable Estate']);
  });

  test('the missing version is the reported value', () => {
    const e = makeEstate((p) => delete (p.vsphere as { vcenterVersion?: string }).vcenterVersion);
    sys(e, 'a', [srv('a01')]);
    expect(violations(r12ProviderSupportsVcenter, e).map((v) => [v.path, v.value])).toEqual([
      ['Estate', '{"vcenterVersion":null}'],
    ]);
  });

  test('an Estate at the root of its construct tree (empty path) is reported as Estate', () => {
    const platform = defaultPlatform();
    platform.vsphere.vcenterVersion = '6.5';
    const e = new Estate(undefined as never, '', { platform, clock: fixedClock(AS_OF) });
    expect(e.node.path).toBe('');
    sys(e, 'a', [srv('a01')]);
    expect(violations(r12ProviderSupportsVcenter, e).map((v) => v.path)).toEqual(['Estate']);
  });
});
