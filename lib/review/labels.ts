import { IpParty, Zone } from '../model/platform';
import { LicenseSource } from '../model/guest-os';

/** The parties of the manual, in its own terms. */
export const PARTY = {
  admin: '統合基盤管理者',
  department: '個別業務システム管理者',
  omVendor: '統合基盤運用保守業者',
  adminNetVendor: '岩手県行政NET運用保守業者',
  networkAdmin: 'ネットワーク管理者',
} as const;

/** Who assigns an IP on a network (R29), as "requester → party". */
export function ipPartyJa(party: IpParty, administratorJa?: string): string {
  switch (party) {
    case 'om-vendor':
      return `${PARTY.admin} → ${PARTY.omVendor}`;
    case 'admin-net-vendor':
      return `${PARTY.admin} → ${PARTY.adminNetVendor}`;
    case 'department':
      return `${PARTY.department}${administratorJa ? `（${administratorJa}）` : ''}`;
    case 'network-admin':
      return `${PARTY.networkAdmin}${administratorJa ? `（${administratorJa}）` : ''}`;
  }
}

/** The party that acts on an IP request (R29). */
export function ipActorJa(party: IpParty, administratorJa?: string): string {
  switch (party) {
    case 'om-vendor':
      return PARTY.omVendor;
    case 'admin-net-vendor':
      return PARTY.adminNetVendor;
    case 'department':
      return administratorJa ?? PARTY.department;
    case 'network-admin':
      return administratorJa ?? PARTY.networkAdmin;
  }
}

export const ZONE_JA: Record<Zone, string> = {
  internet: 'インターネット接続系',
  lgwan: 'LGWAN接続系',
  myNumber: '個人番号利用事務系',
  dmz: 'インターネット公開（DMZ）',
  dedicated: '専用ネットワーク',
};

export const SOURCE_JA: Record<string, string> = {
  empty: '新規構築（空の仮想マシンにOSをインストール）',
  template: '新規構築（テンプレートから作成）',
  clone: '新規構築（クローン作成）',
  ovf: 'V2V（VMware：OVFテンプレート）',
  vmdk: 'V2V（VMware：VMDKファイル）',
  'hyperv-export': 'V2V（Hyper-V：エクスポートファイル）',
};

/** Whether a way in is a V2V (R20). */
export function isV2v(kind: string): boolean {
  return kind === 'ovf' || kind === 'vmdk' || kind === 'hyperv-export';
}

export const LICENSE_JA: Record<LicenseSource, string> = {
  'shared-rhel': '統合基盤管理者の共用ライセンス（RHEL サブスクリプション）',
  'shared-windows-datacenter': '統合基盤管理者の共用ライセンス（Windows Server Datacenter）',
  'shared-unavailable': '共用ライセンスの対象外のOS（R05: 個別業務システム管理者が用意してください）',
  department: '個別業務システム管理者が用意',
};

export const POOL_JA: Record<string, string> = {
  'oracle-se2': 'Oracle Database SE2（プロセッサライセンス）',
  'rhel-vdc': 'RHEL 1-2 sockets Unlimited guests（サブスクリプション）',
  'windows-datacenter': 'Windows Server Datacenter（ホストライセンス）',
};

export const HYPERVISOR_JA: Record<'vsphere' | 'hyperv', string> = { vsphere: 'VMware vSphere', hyperv: 'Hyper-V' };

export const CONTACT_ROLE_JA: Record<'primary' | 'secondary' | 'vendor', string> = {
  primary: '担当者（正）',
  secondary: '担当者（副）',
  vendor: '委託業者',
};

export const yesNo = (b: boolean): string => (b ? '希望する' : '希望しない');
