/**
 * Rule pack benchmark: builds a 1,000-system estate (2,500 servers, 200 dedicated VLANs) and prints
 * how long the platform rule pack takes on it. Run: npx ts-node --transpile-only bench/rules.ts
 */
import { Construct } from 'constructs';
import { performance } from 'perf_hooks';
import {
  DedicatedVlan,
  Estate,
  IndividualBusinessSystem,
  SharedRhelLicense,
  SharedWindowsDatacenterLicense,
  VirtualServerProps,
  fixedClock,
} from '../lib/model';
import { examplePlatform } from './generate';
import { runRulePack } from '../lib/rules';

const SYSTEMS = 1000;
const VLANS = 200;

function build(): Estate {
  const platform = examplePlatform();
  platform.vsphere.clusters[0]!.hosts = 64;
  delete platform.vsphere.clusters[0]!.hostNames; // 64 hosts: the <cluster>/esxiNN placeholders
  platform.vsphere.datastores.forEach((d) => (d.capacityGb = 10_000_000));
  platform.networks.internet.subnet = '10.96.0.0/12'; // room for 2,500 addresses
  const estate = new Estate(new Construct(undefined as never, ''), 'Estate', {
    platform,
    clock: fixedClock('2026-11-22T09:00:00+09:00'),
  });
  new SharedRhelLicense(estate, 'Rhel', { units: 100 });
  new SharedWindowsDatacenterLicense(estate, 'Win', { units: 100 });
  const depts = platform.departments.map((d) => d.code);
  const vlans: DedicatedVlan[] = [];
  for (let v = 0; v < VLANS; v++) {
    vlans.push(
      new DedicatedVlan(estate, `Vlan${v}`, {
        name: `dv-${v}`,
        descriptionJa: `専用ネットワーク${v}`,
        vlanId: 1000 + v,
        subnet: `10.${200 + Math.floor(v / 256)}.${v % 256}.0/24`,
        department: depts[v % depts.length]!,
        ipAdministrator: { party: 'department', nameJa: '所管課' },
      }),
    );
  }
  let n = 0;
  for (let s = 0; s < SYSTEMS; s++) {
    const servers: VirtualServerProps[] = [];
    for (let k = 0; k < 2 + (s % 2); k++, n++) {
      const vlan = s % 5 === 0 ? vlans[s % VLANS] : undefined;
      servers.push({
        name: `srv${String(n).padStart(5, '0')}`,
        cpu: { sockets: 1, coresPerSocket: 2 },
        memoryGb: 8,
        disks: [{ sizeGb: 60 }],
        nics: [
          vlan
            ? {
                network: vlan,
                ipv4: `10.${200 + Math.floor((s % VLANS) / 256)}.${(s % VLANS) % 256}.${10 + k + 3 * Math.floor(s / VLANS)}`,
              }
            : { network: 'internet', ipv4: `10.100.${1 + Math.floor(n / 250)}.${1 + (n % 250)}` },
        ],
        guestOs: s % 3 === 0 ? 'windows_server_2019' : 'rhel_7',
        source: { kind: 'empty' },
        snapshots:
          s % 10 === 0
            ? [
                {
                  name: 'pre-patch',
                  purposeJa: 'パッチ前',
                  createdAt: '2026-11-21T09:00:00+09:00',
                  expiresAt: '2026-11-23T09:00:00+09:00',
                },
              ]
            : [],
      });
    }
    new IndividualBusinessSystem(estate, `sys${s}`, {
      department: depts[s % depts.length]!,
      systemId: `sys-${s}`,
      systemName: `業務システム${s}`,
      contacts: { primary: { nameJa: '担当者', phone: '019-629-0000', email: `s${s}@pref.example.jp` } },
      hypervisor: 'vsphere',
      phase: 'production',
      servers,
      acknowledgements: [
        {
          ruleId: 'R22',
          reasonJa: 'ESXi 6.5 でのサポートは未確認だが稼働実績あり',
          approvedBy: '統合基盤担当',
          date: '2026-11-20',
        },
      ],
    });
  }
  return estate;
}

function main(): void {
  const t0 = performance.now();
  const estate = build();
  const t1 = performance.now();
  runRulePack(estate); // warm-up
  const times: number[] = [];
  let report = runRulePack(estate);
  for (let i = 0; i < 9; i++) {
    const a = performance.now();
    report = runRulePack(estate);
    times.push(performance.now() - a);
  }
  times.sort((a, b) => a - b);
  console.log(
    `estate: ${SYSTEMS} systems, ${estate.node.findAll().length} constructs, built in ${(t1 - t0).toFixed(0)} ms`,
  );
  console.log(
    `rule pack: median ${times[4]!.toFixed(1)} ms, max ${times[8]!.toFixed(1)} ms (9 runs after warm-up); ${report.findings.length} findings, ${report.errors.length} errors, ${report.warnings.length} warnings`,
  );
}

export { build as buildBenchEstate };
if (require.main === module) main();
