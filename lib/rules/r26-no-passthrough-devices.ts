import { Rule, notApplicable, nonCompliant, compliant, show } from './types';

/** R26: no USB, serial, parallel, SCSI or PCI passthrough devices on either hypervisor. */
export const r26NoPassthroughDevices: Rule = {
  id: 'R26',
  name: 'R26-NoPassthroughDevices',
  level: 'error',
  acknowledgeable: 'yes',
  summary: 'No server requests a USB, serial, parallel, SCSI or PCI passthrough device.',
  why: 'Peripheral devices tie a VM to one host and are not allowed; a business need must be discussed with the platform admin (管理要領 2.1.6).',
  whyJa:
    '周辺機器はVMを特定のホストに固定するため使用できない。業務上必要な場合は統合基盤管理者と協議する（管理要領 2.1.6）。',
  check(ctx) {
    return ctx.servers.map((e) => {
      if (!e.active) return notApplicable(e.path);
      const devices = e.server.spec.devices;
      if (devices.length === 0) return compliant(e.path);
      return nonCompliant({
        path: e.path,
        systemId: e.systemId,
        server: e.name,
        value: show(devices.join(', ')),
        message: `server ${e.name} requests passthrough device(s): ${devices.join(', ')}`,
        messageJa: `仮想サーバ ${e.name} が周辺機器（${devices.join('、')}）の接続を要求しています`,
        fix: 'remove the devices (use network-attached equivalents), or agree the business need with the platform admin and add an acknowledgement for R26',
        fixJa:
          '周辺機器を削除する（ネットワーク接続の機器で代替する）か、業務上の必要性を統合基盤管理者と協議のうえ R26 の承認を追加してください',
      });
    });
  },
};
