import { exampleEstate } from '../fixtures/estate';
import { Finding } from '../../lib/model';
import {
  buildEstateManifest,
  flowSteps,
  manifestJson,
  renderLedgers,
  renderSystemReview,
  routedRequests,
  licenseLines,
  capacityLines,
  renderAtlantisYaml,
} from '../../lib/review';
import { parse } from 'yaml';
import { KOKUHO_VLAN, estateOf, expectWellFormedMarkdown, lgwanSystem, webSystem } from './helpers';

describe('estate manifest', () => {
  test('is deterministic, sorted and flags decommissioned servers', () => {
    const a = manifestJson(buildEstateManifest(exampleEstate()));
    const b = manifestJson(buildEstateManifest(exampleEstate()));
    expect(a).toBe(b);
    const m = buildEstateManifest(exampleEstate());
    const ids = m.systems.map((s) => s.systemId);
    expect(ids).toEqual([...ids].sort());
    const old = m.systems.find((s) => s.systemId === 'koho-old')!;
    expect(old.decommissioned).toBe(true);
    expect(old.servers.every((s) => s.decommissioned)).toBe(true);
    const kokuho = m.systems.find((s) => s.systemId === 'kokuho')!.servers[0]!;
    expect(kokuho.backupVolume).toEqual({ sizeGb: 500, datastore: 'kiban-bk-ds01' });
    expect(kokuho.nics[0]).toMatchObject({
      network: 'vlan:mynumber-kokuho',
      vlanId: 231,
      ipAssignedBy: 'department',
      firewallChange: true,
    });
    expect(kokuho.disks.map((d) => [d.index, d.sizeGb, d.datastore])).toEqual([
      [0, 80, 'kiban-sys-ds01'],
      [1, 500, 'kiban-sys-ds01'],
    ]);
    const zeimu = m.systems.find((s) => s.systemId === 'zeimu-db')!;
    expect(zeimu.hostPool).toBe('KIBAN-HVCL01');
    expect(zeimu.servers[0]!.oracle).toMatchObject({ edition: 'SE2', license: 'shared' });
  });
});

describe('per-system review document', () => {
  const m = buildEstateManifest(exampleEstate());

  test.each(m.systems.map((s) => [s.systemId]))('%s is well-formed Markdown with every section', (id) => {
    const sys = m.systems.find((s) => s.systemId === id)!;
    const md = renderSystemReview(m, sys, []);
    expect(expectWellFormedMarkdown(md)).toBeGreaterThanOrEqual(9);
    for (const h of [
      '申請者・システム概要',
      '連絡先',
      'リソース・OS・ライセンス',
      'IP アドレス割当',
      'FQDN 登録',
      'バックアップの希望',
      '構築・移行方法',
      '作業手順チェックリスト',
      '指摘事項',
    ])
      expect(md).toContain(h);
    expect(md).toContain(sys.systemName);
  });

  test('IP assigner (R29), FQDN and firewall requests (R32) per network', () => {
    const web = renderSystemReview(
      m,
      m.systems.find((s) => s.systemId === 'kanko-web')!,
      [],
    );
    expect(web).toMatch(
      /\| kankoweb01 \| 0 \| インターネット公開ネットワーク（DMZ） .*\| 統合基盤管理者 → 岩手県行政NET運用保守業者 \|/,
    );
    expect(web).toMatch(
      /FQDN の DNS 登録 \| kankoweb01 kanko\.pref\.example\.jp \| 統合基盤管理者 → 岩手県行政NET運用保守業者/,
    );
    expect(web).not.toMatch(/F\/W の設定変更（/); // DMZ needs no firewall change
    const inet = renderSystemReview(
      m,
      m.systems.find((s) => s.systemId === 'kigyo-shien')!,
      [],
    );
    expect(inet).toContain('統合基盤管理者 → 統合基盤運用保守業者');
    expect(inet).toMatch(/F\/W の設定変更/);
    const kokuho = renderSystemReview(
      m,
      m.systems.find((s) => s.systemId === 'kokuho')!,
      [],
    );
    expect(kokuho).toContain('個別業務システム管理者（保健福祉部 健康国保課）');
  });

  test('backup wishes (R10, R10a, R10b) and migration method (R20, R34)', () => {
    const kokuho = renderSystemReview(
      m,
      m.systems.find((s) => s.systemId === 'kokuho')!,
      [],
    );
    expect(kokuho).toMatch(/OSイメージバックアップ（週1回3世代・毎日2世代, R10） \| 希望する/);
    expect(kokuho).toMatch(/バックアップ復旧テスト（R10b） \| 希望する/);
    expect(kokuho).toMatch(/バックアップ領域 kokuhodb01（R10a） \| 500 GB（kiban-bk-ds01）/);
    const ovf = renderSystemReview(
      m,
      m.systems.find((s) => s.systemId === 'chikusan')!,
      [],
    );
    expect(ovf).toContain('V2V（VMware：OVFテンプレート）');
    expect(ovf).toContain('媒体は必ず手渡し');
  });

  test('the step checklist follows the manual with who does each step', () => {
    const sys = m.systems.find((s) => s.systemId === 'chikusan')!; // V2V, phase virtualization
    const steps = flowSteps(sys);
    expect(steps.map((s) => s.section)).toEqual(
      expect.arrayContaining(['2.1.1', '2.3.3', '2.4.5', '2.4.6', '2.6.4', '2.6.6']),
    );
    expect(steps.find((s) => s.section === '2.4.2')!.notApplicable).toBe('V2V のみ');
    expect(steps.find((s) => s.section === '2.4.6')!.whoJa).toContain('統合基盤管理者（統合基盤運用保守業者の協力）');
    // Generated checkboxes pass the one Markdown neutralizer too (`\[x\]` renders as [x]).
    const md = renderSystemReview(m, sys, []);
    expect(md).toMatch(
      /\| 2\.1\.1 \| OS・ミドルウェア等互換性確認 \| 検討 \| 個別業務システム管理者 \| R22 \| \\\[x\\\] 完了 \|/,
    );
    expect(md).toMatch(/\| 2\.4\.5 \| .* \| \\\[ \\\] 実施中 \|/);
    expect(md).toMatch(/\| 2\.6\.6 \| 本番切替 .* \| \\\[ \\\] 未着手 \|/);
  });

  test('findings of the system and acknowledgements are listed; pipes are escaped', () => {
    const sys = m.systems.find((s) => s.systemId === 'kanko-web')!;
    const f: Finding = {
      ruleId: 'R22',
      rule: 'R22-GuestOsSupport',
      level: 'warning',
      path: `${sys.path}/kankoweb01`,
      systemId: 'kanko-web',
      value: 'rhel_7',
      message: 'unconfirmed',
      messageJa: 'サポート未確認 | 要確認',
      why: '',
      whyJa: '',
      fix: '',
      fixJa: '互換性ガイドを確認',
      acknowledged: { reasonJa: '稼働実績あり', approvedBy: '統合基盤担当', date: '2026-11-20' },
    };
    const other: Finding = { ...f, systemId: 'bunsho', path: 'Estate/somu-bunsho', messageJa: '別システム' };
    const md = renderSystemReview(m, sys, [f, other]);
    expectWellFormedMarkdown(md);
    expect(md).toContain('サポート未確認 \\| 要確認');
    expect(md).toContain('承認済み: 稼働実績あり');
    expect(md).not.toContain('別システム');
  });
});

describe('ledgers', () => {
  test('capacity, licences per pool and department, VLAN/IP registry and routed requests', () => {
    const m = buildEstateManifest(exampleEstate());
    const md = renderLedgers(m);
    expectWellFormedMarkdown(md);
    const cap = capacityLines(m);
    // decommissioned kohoold01 (1 vCPU) is not allocated: 24 vCPU on the vSphere cluster
    expect(cap.find((l) => l.key === 'pool:Kiban-Cluster01:vcpu')!.allocated).toBe(24);
    expect(cap.find((l) => l.key === 'ds:kiban-bk-ds01')!.allocated).toBe(500);
    const lic = licenseLines(m);
    expect(lic.find((l) => l.kind === 'oracle-se2')).toMatchObject({ held: 4, required: 4, servers: 1 });
    expect(lic.find((l) => l.kind === 'rhel-vdc')!.byDepartment.get('hoken')).toBe(1);
    const req = routedRequests(m);
    expect(req).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          systemId: 'kanko-web',
          ruleId: 'R32',
          actorJa: '岩手県行政NET運用保守業者',
          kindJa: 'FQDN の DNS 登録',
        }),
        expect.objectContaining({
          systemId: 'hozen-kansoku',
          ruleId: 'R29',
          actorJa: '統合基盤運用保守業者',
          kindJa: 'IPアドレス割当（未割当）',
        }),
        expect.objectContaining({ systemId: 'kokuho', ruleId: 'R10', actorJa: '統合基盤運用保守業者' }),
        expect.objectContaining({ systemId: 'kokuho', ruleId: 'R29', actorJa: '保健福祉部 健康国保課' }),
      ]),
    );
    expect(req.some((r) => r.systemId === 'koho-old')).toBe(false);
    expect(md).toContain('| vlan:mynumber-kokuho |');
    expect(md).toContain('| dmz | 172.16.140.21 | kanko-web | kankoweb01 |');
  });

  test('works on a small estate with a dedicated VLAN', () => {
    const kok = lgwanSystem('kokuho');
    kok.department = 'hoken';
    kok.servers[0]!.nics = [{ network: 'mynumber-kokuho', ipv4: '10.231.0.11' }];
    const m = buildEstateManifest(estateOf([webSystem(), kok], [KOKUHO_VLAN]));
    expectWellFormedMarkdown(renderLedgers(m));
  });
});

describe('atlantis.yaml', () => {
  test('one project per stack: platform plus each vSphere system', () => {
    const y = parse(renderAtlantisYaml(buildEstateManifest(exampleEstate()))) as {
      version: number;
      parallel_apply: boolean;
      projects: { name: string; dir: string }[];
    };
    expect(y.version).toBe(3);
    expect(y.parallel_apply).toBe(true);
    expect(y.projects.map((p) => p.name)).toEqual([
      'platform',
      'bunsho',
      'chikusan',
      'doro-kanri',
      'hozen-kansoku',
      'kanko-web',
      'kigyo-shien',
      'koho-old',
      'kokuho',
    ]);
    expect(y.projects[1]!.dir).toBe('stacks/bunsho');
  });

  test('a custom workflow with the pg backend runs plan-review after plan; the platform applies first', () => {
    const text = renderAtlantisYaml(buildEstateManifest(exampleEstate()));
    const y = parse(text) as {
      projects: { name: string; workflow: string; execution_order_group: number }[];
      workflows: Record<string, { plan: { steps: unknown[] } }>;
    };
    expect(new Set(y.projects.map((p) => p.workflow))).toEqual(new Set(['kiban']));
    expect(y.projects.find((p) => p.name === 'platform')!.execution_order_group).toBe(0);
    for (const p of y.projects.filter((x) => x.name !== 'platform')) expect(p.execution_order_group).toBe(1);
    const steps = JSON.stringify(y.workflows.kiban!.plan.steps);
    expect(steps.indexOf('"plan"')).toBeLessThan(steps.indexOf('plan-review'));
    expect(steps).toContain('terraform show -json');
    expect(steps).not.toMatch(/conn_str|postgres:\/\//);
    expect(text).toContain('Atlantis does not plan again after an apply');
  });
});

describe('boundaries', () => {
  test('lib/review never imports cdktf (it reads synthesized Terraform JSON as data)', () => {
    const fs = require('fs') as typeof import('fs');
    const dir = `${__dirname}/../../lib/review`;
    for (const f of fs.readdirSync(dir)) {
      const src = fs.readFileSync(`${dir}/${f}`, 'utf8');
      expect([
        f,
        /from ['"](cdktf|@cdktf\/|\.\.\/vsphere|\.\.\/synth\/pipeline|\.\.\/synth\/stages)/.test(src),
      ]).toEqual([f, false]);
    }
  });
});
