/* The Markdown of `kiban diff`: a pull-request comment, summarized to stay under GitHub's limit. */

import { Change, ChangeObject, ChangeOp } from './change';
import { capacityLines, licenseLines, pct } from './ledgers';
import { POOL_JA } from './labels';
import { EstateManifest } from './manifest';
import { code, doc, table, text } from '../model/markdown';

/** The first line of every diff report (`kiban diff --output` only overwrites a file that starts with it). */
export const DIFF_HEADER = '## 統合基盤 変更レビュー / kiban estate diff';

/** GitHub's limit for a pull-request comment. */
export const GITHUB_COMMENT_LIMIT = 65536;
/** We aim below the limit, leaving room for a wrapper the workflow may add. */
const TARGET = 60000;

const OP_JA: Record<ChangeOp, string> = {
  added: '追加 added',
  changed: '変更 changed',
  replaced: '再作成 replaced',
  destroyed: '削除 destroyed',
};
const OBJ_JA: Record<ChangeObject, string> = {
  system: 'システム',
  server: 'サーバ',
  disk: 'ディスク',
  'backup-volume': 'バックアップ領域',
  nic: 'NIC',
  vlan: 'VLAN',
  permission: '権限',
  'hyperv-step': 'Hyper-V スクリプト',
  terraform: 'Terraform',
};
function capacitySection(base: EstateManifest, head: EstateManifest, onlyChanged: boolean): string {
  const b = new Map(capacityLines(base).map((l) => [l.key, l]));
  const rows = capacityLines(head)
    .filter((l) => !onlyChanged || b.get(l.key)?.allocated !== l.allocated || b.get(l.key)?.capacity !== l.capacity)
    .map((l) => {
      const o = b.get(l.key);
      return [
        l.kindJa,
        l.name,
        l.unit,
        `${o?.allocated ?? 0} → ${l.allocated}`,
        `${o?.capacity ?? 0} → ${l.capacity}`,
        `${pct(o?.allocated ?? 0, o?.capacity ?? 0)} → ${pct(l.allocated, l.capacity)}`,
      ];
    });
  const bl = new Map(licenseLines(base).map((l) => [l.kind, l]));
  const lic = licenseLines(head)
    .filter(
      (l) =>
        !onlyChanged ||
        bl.get(l.kind)?.required !== l.required ||
        bl.get(l.kind)?.held !== l.held ||
        bl.get(l.kind)?.servers !== l.servers,
    )
    .map((l) => {
      const o = bl.get(l.kind);
      return [
        POOL_JA[l.kind] ?? l.kind,
        `${o?.held ?? 0} → ${l.held}`,
        `${o?.required ?? 0} → ${l.required}`,
        `${o?.servers ?? 0} → ${l.servers}`,
        l.held < l.required ? '不足 (short)' : 'OK',
      ];
    });
  return doc([
    '### 基盤リソース（変更前 → 変更後） / Platform capacity (before → after)',
    table(['種別', '名前', '単位', '割当', '容量', '使用率'], rows),
    '### 共用ライセンス（変更前 → 変更後） / Shared licences (before → after)',
    table(['ライセンス', '保有数', '必要数', '利用サーバ数', '判定'], lic),
  ]).trimEnd();
}

interface RenderLimits {
  readonly detailed: boolean;
  readonly maxErrors: number;
  readonly maxDestroy: number;
  readonly maxSystems: number;
}

function renderDiff(
  base: EstateManifest,
  head: EstateManifest,
  changes: Change[],
  errors: string[],
  lim: RenderLimits,
): string {
  const destroy = changes.filter((c) => c.destroysData);
  const names = new Map([...base.systems, ...head.systems].map((s) => [s.systemId, s.systemName]));
  names.set('platform', '統合基盤（共通） / platform');
  const bySystem = new Map<string, Change[]>();
  for (const c of changes) bySystem.set(c.systemId, [...(bySystem.get(c.systemId) ?? []), c]);
  const systems = [...bySystem.keys()].sort((a, b) =>
    a === 'platform' ? 1 : b === 'platform' ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const count = (op: ChangeOp, xs: Change[]) => xs.filter((c) => c.op === op).length;
  const more = (n: number, what: string) => (n > 0 ? `…ほか ${n} 件（${what}） / …and ${n} more` : undefined);
  const blocks: (string | undefined)[] = [
    DIFF_HEADER,
    `変更のあるシステム ${systems.filter((s) => s !== 'platform').length} 件 — 追加 ${count('added', changes)}・変更 ${count('changed', changes)}・再作成 ${count('replaced', changes)}・削除 ${count('destroyed', changes)}` +
      ` / ${systems.filter((s) => s !== 'platform').length} systems changed: ${count('added', changes)} added, ${count('changed', changes)} changed, ${count('replaced', changes)} replaced, ${count('destroyed', changes)} destroyed`,
  ];
  if (!lim.detailed)
    blocks.push(
      '> 変更が多いため要約しています。詳細は synth 出力の `review/` を参照してください。 / Summarized because the change is large; see `review/` in the synth output for details.',
    );
  if (errors.length > 0) {
    blocks.push(
      `### ❌ エラー（マージ不可） / Errors (must be fixed)`,
      errors
        .slice(0, lim.maxErrors)
        .map((e) => `- ${text(e)}`)
        .join('\n'),
      more(errors.length - lim.maxErrors, 'エラー'),
    );
  }
  blocks.push('### ⚠️ データの削除・再作成 / Destroys or recreates data');
  if (destroy.length === 0)
    blocks.push(
      'この変更で削除・再作成される仮想マシンやディスクはありません。 / No VM or disk is deleted or recreated by this change.',
    );
  else {
    blocks.push(
      '**以下の変更は仮想マシンまたはディスクを削除・再作成し、データが失われます。適用前にバックアップと関係者の合意を確認してください。** / **The changes below delete or recreate a VM or a disk; data is lost. Confirm backups and agreement before applying.**',
      table(
        ['システム', '操作', '種別', '対象', '理由'],
        destroy.slice(0, lim.maxDestroy).map((c) => [c.systemId, OP_JA[c.op], OBJ_JA[c.object], c.target, c.detail]),
      ),
      more(destroy.length - lim.maxDestroy, 'データ削除・再作成'),
    );
  }
  blocks.push('### システム別の変更 / Changes per system');
  if (systems.length === 0) blocks.push('変更はありません。 / No changes.');
  if (lim.detailed) {
    for (const id of systems) {
      const xs = bySystem.get(id)!;
      blocks.push(
        `#### ${code(id)} ${text(names.get(id) ?? '')}`,
        table(
          ['操作', '種別', '対象', '内容'],
          xs.map((c) => [`${c.destroysData ? '⚠️ ' : ''}${OP_JA[c.op]}`, OBJ_JA[c.object], c.target, c.detail]),
        ),
      );
    }
  } else {
    blocks.push(
      table(
        ['システム', '名称', '追加', '変更', '再作成', '削除', 'データ削除'],
        systems.slice(0, lim.maxSystems).map((id) => {
          const xs = bySystem.get(id)!;
          return [
            id,
            names.get(id),
            count('added', xs),
            count('changed', xs),
            count('replaced', xs),
            count('destroyed', xs),
            xs.some((c) => c.destroysData) ? '⚠️ あり' : 'なし',
          ];
        }),
      ),
      more(systems.length - lim.maxSystems, 'システム'),
    );
  }
  blocks.push(capacitySection(base, head, true));
  return doc(blocks);
}

/** Renders the diff, summarizing as needed to stay under GitHub's comment limit. */
export function renderDiffMarkdown(
  base: EstateManifest,
  head: EstateManifest,
  changes: Change[],
  errors: string[],
  limit = TARGET,
): string {
  const attempts: RenderLimits[] = [
    { detailed: true, maxErrors: 200, maxDestroy: 500, maxSystems: Infinity },
    { detailed: false, maxErrors: 100, maxDestroy: 200, maxSystems: 1000 },
    { detailed: false, maxErrors: 50, maxDestroy: 100, maxSystems: 300 },
    { detailed: false, maxErrors: 20, maxDestroy: 30, maxSystems: 50 },
    { detailed: false, maxErrors: 5, maxDestroy: 5, maxSystems: 0 },
  ];
  for (const lim of attempts) {
    const md = renderDiff(base, head, changes, errors, lim);
    if (md.length <= limit) return md;
  }
  const md = renderDiff(base, head, changes, errors, attempts[attempts.length - 1]!);
  const cut = md.slice(0, limit - 200);
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n…（長すぎるため省略 / truncated）\n`;
}
