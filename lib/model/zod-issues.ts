import { z } from 'zod';
import { DeclarationIssue, issue } from './errors';

/**
 * Which platform rule a field belongs to, and its Japanese label.
 * Keys are dotted paths with array indexes replaced by `*`; the longest matching suffix wins.
 */
const FIELD_RULES: ReadonlyArray<readonly [string, string, string]> = [
  ['department', 'R01', '所管部局'],
  ['systemId', 'R03', 'システムID'],
  ['systemName', 'R03', 'システム名'],
  ['contacts', 'R08', '連絡先'],
  ['hypervisor', 'R21', '仮想化ソフト'],
  ['phase', 'R36', '工程'],
  ['decommission', 'R07', '利用停止'],
  ['backup.osImage', 'R10', 'OSイメージバックアップ'],
  ['backup.osImageOptOutReasonJa', 'R10', 'OSイメージバックアップを希望しない理由'],
  ['backupVolume.sizeGb', 'R10a', 'バックアップ領域の容量'],
  ['backupVolume.datastore', 'R10a', 'バックアップ用データストア'],
  ['snapshots.*.name', 'R11', 'スナップショット名'],
  ['snapshots.*.expiresAt', 'R11', 'スナップショットの期限'],
  ['backup.restoreTest', 'R10b', 'バックアップ復旧テスト'],
  ['backupVolume', 'R10a', 'バックアップ領域'],
  ['sizeGb', 'R27', 'ディスク容量'],
  ['servers', 'R27', '仮想サーバ'],
  ['name', 'R27', '名前'],
  ['cpu', 'R27', 'CPU'],
  ['cpu.sockets', 'R27', '仮想ソケット数'],
  ['cpu.coresPerSocket', 'R27', 'ソケットあたりのコア数'],
  ['memoryGb', 'R27', 'メモリ容量'],
  ['disks', 'R27', 'ディスク'],
  ['nics', 'R27', 'NIC'],
  ['nics.*.network', 'R24', 'ネットワーク'],
  ['nics.*.ipv4', 'R29', 'IPアドレス'],
  ['nics.*.fqdn', 'R32', 'FQDN'],
  ['guestOs', 'R22', 'ゲストOS'],
  ['source', 'R20', '構築・移行方法'],
  ['source.customization', 'R28', 'OSカスタマイズ'],
  ['source.scsiType', 'R20', 'SCSIコントローラの種類（移行元と同じ）'],
  ['source.firmware', 'R20', 'ファームウェア（移行元と同じ）'],
  ['keptDisks', 'R07', '削除後のバックアップ領域の扱い'],
  ['vmwareTools', 'R33', 'VMware Tools'],
  ['devices', 'R26', '周辺機器'],
  ['snapshots', 'R11', 'スナップショット'],
  ['oracleDatabase', 'R21', 'Oracle Database'],
  ['osLicense', 'R05', 'OSライセンス'],
  ['vlanId', 'R24', 'VLAN ID'],
  ['subnet', 'R24', 'サブネット'],
  ['ipAdministrator', 'R29', 'IPアドレス管理者'],
  ['processorLicenses', 'R05', 'プロセッサライセンス数'],
  ['subscriptions', 'R05', 'サブスクリプション数'],
  ['hostLicenses', 'R05', 'ホストライセンス数'],
  ['acknowledgements', 'R03', '承認'],
];

const RULE_BY_FIELD = new Map(FIELD_RULES.map(([k, r, ja]) => [k, { ruleId: r, labelJa: ja }]));

/** Finds the rule and Japanese label of a field path (longest matching suffix). */
export function fieldRule(path: readonly PropertyKey[]): { ruleId: string; labelJa: string } {
  const parts = path.map((p) => (typeof p === 'number' ? '*' : String(p)));
  // Longest suffix of the full path first; then the same for the parent path, and so on.
  for (let end = parts.length; end > 0; end--) {
    for (let start = 0; start < end; start++) {
      const hit = RULE_BY_FIELD.get(parts.slice(start, end).join('.'));
      if (hit) return hit;
    }
  }
  return { ruleId: 'SCHEMA', labelJa: parts.join('.') || '宣言' };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key as string];
  }
  return cur;
}

function japanese(i: z.core.$ZodIssue, label: string): string {
  switch (i.code) {
    case 'invalid_type':
      return `${label}の型が正しくありません（期待: ${i.expected}）`;
    case 'unrecognized_keys':
      return `${label}に未知の項目があります: ${i.keys.join(', ')}（綴りを確認してください）`;
    case 'too_small':
      return `${label}が小さすぎます（最小: ${String(i.minimum)}）`;
    case 'too_big':
      return `${label}が大きすぎます（最大: ${String(i.maximum)}）`;
    case 'invalid_format':
      return `${label}の形式が正しくありません（${i.format}）`;
    case 'invalid_value':
      return `${label}は次のいずれかでなければなりません: ${i.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      return `${label}がどの形式にも一致しません`;
    case 'not_multiple_of':
      return `${label}は${String(i.divisor)}の倍数でなければなりません`;
    default:
      return `${label}が正しくありません: ${i.message}`;
  }
}

function fixFor(i: z.core.$ZodIssue): { fix: string; fixJa: string } {
  switch (i.code) {
    case 'unrecognized_keys':
      return { fix: `remove or correct the key(s) ${i.keys.join(', ')}`, fixJa: `項目 ${i.keys.join(', ')} を削除するか綴りを直してください` };
    case 'invalid_value':
      return { fix: `use one of: ${i.values.map((v) => String(v)).join(', ')}`, fixJa: `次のいずれかを指定してください: ${i.values.map((v) => String(v)).join(', ')}` };
    case 'too_small':
      return { fix: `use a value of at least ${String(i.minimum)}`, fixJa: `${String(i.minimum)}以上の値を指定してください` };
    case 'too_big':
      return { fix: `use a value of at most ${String(i.maximum)}`, fixJa: `${String(i.maximum)}以下の値を指定してください` };
    default:
      return { fix: 'correct the value as the message says (see the platform rules digest)', fixJa: 'メッセージに従って値を修正してください（統合基盤のルールを参照）' };
  }
}

/** Converts a zod error into declaration issues located at `location`, all at once. */
export function zodToIssues(error: z.ZodError, input: unknown, location: string, fieldPrefix = ''): DeclarationIssue[] {
  return error.issues.map((i) => {
    const path = i.path;
    const { ruleId, labelJa } = fieldRule(path);
    const field = [fieldPrefix, ...path.map(String)].filter((s) => s !== '').join('.') || '(root)';
    const value = i.code === 'unrecognized_keys' ? i.keys.map((k) => `${k}=${JSON.stringify(valueAt(input, [...path, k]))}`).join(', ') : valueAt(input, path);
    return issue({
      code: 'KIBAN_INVALID_FIELD',
      ruleId,
      location,
      field,
      value,
      message: i.message,
      messageJa: japanese(i, labelJa),
      ...fixFor(i),
    });
  });
}
