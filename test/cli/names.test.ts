import { didYouMean, suggestNames } from '../../lib/review/suggest';
import { resolveImpactTarget } from '../../lib/review/impact';
import { buildEstateManifest } from '../../lib/review/manifest';
import { parsePlatform } from '../../lib/model/platform';
import { exampleEstate, examplePlatform as defaultPlatform } from '../fixtures/estate';

describe('one way to name platform objects, with suggestions for near misses', () => {
  const manifest = buildEstateManifest(exampleEstate());

  test('hosts are named as the platform data names them, everywhere', () => {
    const hosts = manifest.platform.hostPools.flatMap((p) => p.hosts.map((h) => h.name));
    expect(hosts).toEqual([...defaultPlatform().vsphere.clusters[0]!.hostNames!, 'KIBAN-HV01', 'KIBAN-HV02']);
    expect(hosts).toContain(defaultPlatform().vsphere.clusters[0]!.ovfDeployHost);
    expect(resolveImpactTarget(manifest, { kind: 'host', name: 'KIBAN-ESX03.pref.example.jp' })).toMatchObject({
      name: 'kiban-esx03.pref.example.jp',
      pool: { name: 'Kiban-Cluster01' },
    });
  });

  test('near misses get "did you mean"; the old <cluster>/esxiNN placeholder points at that host', () => {
    expect(resolveImpactTarget(manifest, { kind: 'host', name: 'Kiban-Cluster01/esxi02' }).suggestions[0]).toBe(
      'kiban-esx02.pref.example.jp',
    );
    expect(resolveImpactTarget(manifest, { kind: 'host', name: 'kiban-esx04' }).suggestions[0]).toBe(
      'kiban-esx04.pref.example.jp',
    );
    expect(resolveImpactTarget(manifest, { kind: 'cluster', name: 'kiban-cluster1' }).suggestions).toEqual([
      'Kiban-Cluster01',
    ]);
    expect(resolveImpactTarget(manifest, { kind: 'datastore', name: 'kiban-bk-ds1' }).suggestions[0]).toBe(
      'kiban-bk-ds01',
    );
    const net = resolveImpactTarget(manifest, { kind: 'network', name: 'lgwann' });
    expect(net.suggestions).toEqual(['lgwan']);
    expect(net.error).toMatch(
      /^unknown network lgwann\. Did you mean lgwan\? .* Known: internet, lgwan, myNumber, dmz/,
    );
    expect(resolveImpactTarget(manifest, { kind: 'network', name: 'zzzzzz' }).suggestions).toEqual([]);
  });

  test('a port group or VLAN ID resolves to the network key', () => {
    expect(resolveImpactTarget(manifest, { kind: 'network', name: 'pg-lgwan-v120' }).name).toBe('lgwan');
    expect(resolveImpactTarget(manifest, { kind: 'network', name: '120' }).name).toBe('lgwan');
    expect(resolveImpactTarget(manifest, { kind: 'network', name: 'MYNUMBER' }).name).toBe('myNumber');
  });

  test('suggestNames ranks by distance and stays quiet for far names', () => {
    expect(suggestNames('kiban-sys-ds1', ['kiban-bk-ds01', 'kiban-sys-ds02', 'kiban-sys-ds01']).slice(0, 2)).toEqual([
      'kiban-sys-ds01',
      'kiban-sys-ds02',
    ]);
    expect(suggestNames('x', ['kiban-sys-ds01'])).toEqual([]);
    expect(didYouMean([])).toBe('');
    expect(didYouMean(['a', 'b'])).toContain('Did you mean a, b?');
  });

  test('platform data: hostNames must name every host once and include the OVF deploy host', () => {
    const p = defaultPlatform();
    p.vsphere.clusters[0]!.hostNames = p.vsphere.clusters[0]!.hostNames!.slice(1);
    expect(() => parsePlatform(p)).toThrow(/hostNames: names 5 host\(s\) but the cluster has hosts: 6/);
    expect(() => parsePlatform(p)).toThrow(/ovfDeployHost.*kiban-esx01\.pref\.example\.jp is not one of hostNames/s);
    const q = defaultPlatform();
    q.vsphere.clusters[0]!.hostNames![1] = 'KIBAN-ESX01.pref.example.jp';
    expect(() => parsePlatform(q)).toThrow(/host kiban-esx01\.pref\.example\.jp is named twice/);
  });
});
