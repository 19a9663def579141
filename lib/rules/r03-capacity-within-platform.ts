import { clusterCapacity, defaultDatastore, hypervCapacity } from '../model/platform';
import { Rule, RuleResult, compliant, nonCompliant, notApplicable, show } from './types';

interface Pool {
  readonly label: string;
  readonly labelJa: string;
  readonly what: 'vCPU' | 'memory GB' | 'storage GB' | 'backup storage GB';
  readonly capacity: number;
  used: number;
  servers: number;
}

const WHAT_JA: Record<Pool['what'], string> = {
  vCPU: 'vCPU',
  'memory GB': 'メモリ(GB)',
  'storage GB': 'ストレージ(GB)',
  'backup storage GB': 'バックアップ用ストレージ(GB)',
};

/** R03: allocations stay within the platform's capacity and overcommit ratios. */
export const r03Capacity: Rule = {
  id: 'R03',
  name: 'R03-CapacityWithinPlatform',
  level: 'error',
  acknowledgeable: 'no',
  notAcknowledgeableWhy:
    "capacity is a physical limit of the platform, not a department's choice: the platform admin adds capacity or changes the overcommit ratios in the platform data",
  notAcknowledgeableWhyJa:
    '容量は統合基盤の物理的な上限であり、所管部局の判断で超過できないため（統合基盤管理者が増設するか、プラットフォーム定義の集約率を変更する）',
  summary:
    'Allocated vCPU, memory and storage per vSphere cluster, Hyper-V host pool and datastore, and backup storage, stay within capacity × the configured overcommit ratios.',
  why: 'The platform admin decides whether the requested CPU, memory and storage can be allocated (管理要領 第6条); over-allocation degrades every system on the platform.',
  whyJa:
    '申請されたCPU・メモリ・ストレージを割り当てられるかは統合基盤管理者が判断する（管理要領 第6条）。過剰な割当ては統合基盤上の全システムの性能を低下させるため。',
  check(ctx) {
    const p = ctx.platform;
    const pools = new Map<string, Pool>();
    const pool = (key: string, init: Omit<Pool, 'used' | 'servers'>) => {
      let x = pools.get(key);
      if (!x) pools.set(key, (x = { ...init, used: 0, servers: 0 }));
      return x;
    };
    for (const c of p.vsphere.clusters) {
      const cap = clusterCapacity(c);
      pool(`cpu:${c.name}`, {
        label: `vSphere cluster ${c.name}`,
        labelJa: `vSphereクラスタ ${c.name}`,
        what: 'vCPU',
        capacity: cap.vcpus,
      });
      pool(`mem:${c.name}`, {
        label: `vSphere cluster ${c.name}`,
        labelJa: `vSphereクラスタ ${c.name}`,
        what: 'memory GB',
        capacity: cap.memoryGb,
      });
    }
    for (const d of p.vsphere.datastores) {
      pool(`ds:${d.name}`, {
        label: `datastore ${d.name}`,
        labelJa: `データストア ${d.name}`,
        what: d.kind === 'backup' ? 'backup storage GB' : 'storage GB',
        capacity: d.capacityGb,
      });
    }
    const hv = p.hyperv;
    const hvCap = hypervCapacity(hv);
    pool('hv:cpu', { label: 'Hyper-V hosts', labelJa: 'Hyper-Vホスト', what: 'vCPU', capacity: hvCap.vcpus });
    pool('hv:mem', { label: 'Hyper-V hosts', labelJa: 'Hyper-Vホスト', what: 'memory GB', capacity: hvCap.memoryGb });
    pool('hv:vm', {
      label: `Hyper-V VM storage ${hv.vmStoragePath}`,
      labelJa: `Hyper-V VM用ストレージ ${hv.vmStoragePath}`,
      what: 'storage GB',
      capacity: hv.vmStorageCapacityGb,
    });
    pool('hv:bk', {
      label: `Hyper-V backup storage ${hv.backupStoragePath}`,
      labelJa: `Hyper-V バックアップ用ストレージ ${hv.backupStoragePath}`,
      what: 'backup storage GB',
      capacity: hv.backupStorageCapacityGb,
    });
    const firstSys = defaultDatastore(p, 'system');
    const firstBk = defaultDatastore(p, 'backup');
    const add = (key: string | undefined, n: number) => {
      const x = key === undefined ? undefined : pools.get(key);
      if (x) {
        x.used += n;
        x.servers += 1;
      }
    };
    for (const e of ctx.servers) {
      if (!e.active || !e.system.buildsVms) continue;
      const s = e.server.spec;
      if (e.hypervisor === 'vsphere') {
        add(`cpu:${e.system.clusterName}`, e.server.vcpus);
        add(`mem:${e.system.clusterName}`, s.memoryGb);
        for (const d of s.disks) add(`ds:${d.datastore ?? firstSys}`, d.sizeGb);
        if (s.backupVolume) add(`ds:${s.backupVolume.datastore ?? firstBk}`, s.backupVolume.sizeGb);
      } else {
        add('hv:cpu', e.server.vcpus);
        add('hv:mem', s.memoryGb);
        add(
          'hv:vm',
          s.disks.reduce((n, d) => n + d.sizeGb, 0),
        );
        if (s.backupVolume) add('hv:bk', s.backupVolume.sizeGb);
      }
    }
    const path = ctx.estate.node.path;
    const out: RuleResult[] = [];
    for (const x of pools.values()) {
      if (x.servers === 0) out.push(notApplicable(path));
      else if (x.used <= x.capacity) out.push(compliant(path));
      else {
        out.push(
          nonCompliant({
            path,
            value: show(`${x.label}: ${x.what} ${x.used} > ${x.capacity}`),
            message: `${x.label} is over-allocated: ${x.used} ${x.what} allocated to ${x.servers} server(s), capacity ${x.capacity}`,
            messageJa: `${x.labelJa} の割当てが容量を超えています: ${WHAT_JA[x.what]} ${x.used}（${x.servers} 台）、容量 ${x.capacity}`,
            fix: 'reduce the allocations, move systems to another cluster/datastore, or have the platform admin add capacity',
            fixJa: '割当てを減らすか、別のクラスタ・データストアに移すか、統合基盤管理者に増設を依頼してください',
          }),
        );
      }
    }
    return out;
  },
};
