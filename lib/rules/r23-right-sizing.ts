import { Rule, notApplicable, outcome, show, Violation } from './types';

/** A server is "far above" typical when a size exceeds this multiple of platform.typicalAllocation. */
export const RIGHT_SIZING_FACTOR = 4;

/** R23: warn on sizes far above the platform's typical allocation. */
export const r23RightSizing: Rule = {
  id: 'R23',
  name: 'R23-RightSizing',
  level: 'warning',
  acknowledgeable: 'yes',
  summary: `vCPU, memory or total disk of a server more than ${RIGHT_SIZING_FACTOR}× the platform's typical allocation is questioned.`,
  why: 'CPU, memory and disk are sized from real usage (管理要領 2.1.3, 2.1.8); oversized VMs take capacity from other departments.',
  whyJa:
    'CPU・メモリ・ディスクは実際の使用量から見積もる（管理要領 2.1.3、2.1.8）。過大なVMは他の部局の資源を圧迫するため。',
  check(ctx) {
    const t = ctx.platform.typicalAllocation;
    const f = RIGHT_SIZING_FACTOR;
    return ctx.servers.flatMap((e) => {
      if (!e.active) return [notApplicable(e.path)];
      const disk = e.server.spec.disks.reduce((n, d) => n + d.sizeGb, 0);
      const sizes = [
        { what: 'vCPU', ja: 'vCPU', value: e.server.vcpus, typical: t.vcpu, unit: '' },
        { what: 'memory', ja: 'メモリ', value: e.server.spec.memoryGb, typical: t.memoryGb, unit: ' GB' },
        { what: 'disk', ja: 'ディスク合計', value: disk, typical: t.diskGb, unit: ' GB' },
      ];
      const v: Violation[] = sizes
        .filter((s) => s.value > s.typical * f)
        .map((s) => ({
          path: e.path,
          systemId: e.systemId,
          server: e.name,
          value: show(`${s.what} ${s.value}${s.unit}`),
          message: `server ${e.name} asks for ${s.value}${s.unit} ${s.what}, more than ${f}× the platform's typical ${s.typical}${s.unit}`,
          messageJa: `仮想サーバ ${e.name} の${s.ja}は ${s.value}${s.unit} で、統合基盤の標準的な割当て ${s.typical}${s.unit} の${f}倍を超えています`,
          fix: 'size from measured usage (resources can be added later), or acknowledge R23 with the sizing basis',
          fixJa:
            '実測の使用量から見積もってください（資源は後から追加できます）。必要な場合は見積根拠を理由に R23 の承認を追加してください',
        }));
      return outcome(e.path, v);
    });
  },
};
