import { DedicatedVlan, Estate } from '../../../lib/model';

/** TypeScript twin of the dedicatedVlans of examples/estate/platform/networks.yaml (construct id as the intake gives it: `vlan-<name>`). */
export function declarePlatformVlans(estate: Estate): DedicatedVlan[] {
  return [
    new DedicatedVlan(estate, 'vlan-mynumber-kokuho', {
      name: 'mynumber-kokuho',
      descriptionJa: '国民健康保険システム専用ネットワーク（個人番号利用事務系）',
      vlanId: 231,
      subnet: '10.231.0.0/24',
      gateway: '10.231.0.1',
      zone: 'myNumber',
      department: 'hoken',
      ipAdministrator: { party: 'department', nameJa: '保健福祉部 健康国保課' },
    }),
  ];
}
