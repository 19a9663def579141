import * as fs from 'fs';
import * as path from 'path';
import { EstateManifest, ManifestServer, parseEstateManifest } from './manifest';
import { code, doc, table, text } from '../model/markdown';

/**
 * `kiban plan-review DIR`: the pull-request comment part "what Terraform will do / Terraform が行う変更",
 * read from the plans Terraform itself made (`terraform show -json`), per system: creates, in-place
 * updates, replacements and destroys. A VM or disk that a plan deletes or recreates goes into the
 * data-loss section and fails the review unless its server was decommissioned with confirmation
 * (R07: the declaration keeps it, marked decommissioned, and `confirm` repeats its name).
 *
 * DIR is a synth output folder (its `estate.json`) with each stack's plan saved next to it as
 * `stacks/<stack>/plan.json` (`terraform show -json tfplan > plan.json`).
 */

/** First line of every plan review (a report file starting with it may be overwritten). */
export const PLAN_REVIEW_HEADER = '### Terraform が行う変更 / What Terraform will do';

/** The file name of a stack's plan in JSON, beside its cdk.tf.json. */
export const PLAN_JSON = 'plan.json';

/** What a plan does to one resource (Terraform's `actions`, folded). */
export type PlanAction = 'create' | 'update' | 'replace' | 'delete' | 'forget';

interface ResourceChangeJson {
  readonly address?: unknown;
  readonly mode?: unknown;
  readonly type?: unknown;
  readonly change?: { readonly actions?: unknown; readonly before?: unknown; readonly after?: unknown };
}

export interface PlannedChange {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly action: PlanAction;
  /** The server a VM, backup disk or snapshot belongs to, when known. */
  readonly server?: string;
  /** True for a VM or a disk that the change deletes or recreates. */
  readonly destroysData: boolean;
  /** For data-loss changes: the server was decommissioned with confirmation (R07). */
  readonly decommissioned?: boolean;
}

export interface PlanReviewResult {
  readonly markdown: string;
  readonly changes: PlannedChange[];
  /** Problems that fail the command (a VM or disk lost without decommissioning, unreadable plans). */
  readonly errors: string[];
}

/** Resource types whose delete or replacement loses data: VMs and virtual disks. */
const DATA_TYPES = new Set(['vsphere_virtual_machine', 'vsphere_virtual_disk']);

const ACTION_JA: Record<PlanAction, string> = {
  create: '作成 create',
  update: '変更 update in-place',
  replace: '再作成 replace',
  delete: '削除 destroy',
  forget: '管理対象から外す（削除しない）forget: kept, removed from the state',
};

const TYPE_JA: Record<string, string> = {
  vsphere_virtual_machine: '仮想マシン',
  vsphere_virtual_disk: 'ディスク（バックアップ領域）',
  vsphere_virtual_machine_snapshot: 'スナップショット',
  vsphere_folder: 'フォルダ',
  vsphere_tag: 'タグ',
  vsphere_tag_category: 'タグカテゴリ',
  vsphere_role: 'ロール',
  vsphere_entity_permissions: '権限',
  vsphere_distributed_port_group: 'ポートグループ',
};

/** Folds Terraform's action list into one action; undefined for no-op / read. */
export function foldActions(actions: readonly string[]): PlanAction | undefined {
  const a = [...actions].sort().join(',');
  switch (a) {
    case 'create':
      return 'create';
    case 'update':
      return 'update';
    case 'delete':
      return 'delete';
    case 'create,delete':
      return 'replace';
    case 'forget':
      return 'forget';
    default:
      return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The server a resource belongs to, from its attributes (VM name, backup VMDK path, snapshot's VM). */
function serverOf(
  type: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  vmNames: ReadonlyMap<string, string>,
): string | undefined {
  const v = before ?? after;
  if (!v) return undefined;
  if (type === 'vsphere_virtual_machine') return str(v.name);
  if (type === 'vsphere_virtual_disk') {
    const m = /\/([^/]+)-backup\.vmdk$/.exec(str(v.vmdk_path) ?? '');
    return m?.[1];
  }
  if (type === 'vsphere_virtual_machine_snapshot') return vmNames.get(str(v.virtual_machine_uuid) ?? '');
  return undefined;
}

/** The planned changes of one stack's `terraform show -json` document. */
export function changesOfPlan(
  stack: string,
  plan: unknown,
  servers: ReadonlyMap<string, ManifestServer>,
): PlannedChange[] {
  const rcs = (obj(plan)?.resource_changes ?? []) as ResourceChangeJson[];
  if (!Array.isArray(rcs)) throw new Error('resource_changes is not a list');
  const vmNames = new Map<string, string>();
  for (const rc of rcs) {
    if (rc.type !== 'vsphere_virtual_machine') continue;
    const v = obj(rc.change?.before) ?? obj(rc.change?.after);
    if (v && str(v.uuid) && str(v.name)) vmNames.set(str(v.uuid)!, str(v.name)!);
  }
  const out: PlannedChange[] = [];
  for (const rc of rcs) {
    if (rc.mode !== 'managed' || typeof rc.address !== 'string' || typeof rc.type !== 'string') continue;
    const actions = Array.isArray(rc.change?.actions)
      ? (rc.change!.actions as unknown[]).filter((x): x is string => typeof x === 'string')
      : [];
    const action = foldActions(actions);
    if (!action) continue;
    const server = serverOf(rc.type, obj(rc.change?.before), obj(rc.change?.after), vmNames);
    const destroysData = DATA_TYPES.has(rc.type) && (action === 'delete' || action === 'replace');
    out.push({
      stack,
      address: rc.address,
      type: rc.type,
      action,
      ...(server !== undefined ? { server } : {}),
      destroysData,
      // Only a delete is what decommissioning asks for; a replacement always loses data unasked.
      ...(destroysData
        ? {
            decommissioned:
              action === 'delete' && server !== undefined && servers.get(`${stack}/${server}`)?.decommissioned === true,
          }
        : {}),
    });
  }
  return out;
}

function loadManifest(dir: string, errors: string[]): EstateManifest | undefined {
  const file = path.join(dir, 'estate.json');
  if (!fs.existsSync(file)) {
    errors.push(`${file} not found — not a kiban synth output folder / kiban synth の出力フォルダではありません`);
    return undefined;
  }
  try {
    return parseEstateManifest(fs.readFileSync(file, 'utf8'), file);
  } catch (e) {
    errors.push((e as Error).message);
    return undefined;
  }
}

/** Reads `DIR/stacks/<stack>/plan.json` of every stack that has one and reviews them together. */
export function reviewPlans(dir: string, options: { readonly stack?: string } = {}): PlanReviewResult {
  const errors: string[] = [];
  const manifest = loadManifest(dir, errors);
  const stacksDir = path.join(dir, 'stacks');
  const stacks = fs.existsSync(stacksDir)
    ? fs
        .readdirSync(stacksDir)
        .filter(
          (s) =>
            (options.stack === undefined || s === options.stack) && fs.existsSync(path.join(stacksDir, s, PLAN_JSON)),
        )
        .sort()
    : [];
  if (stacks.length === 0)
    errors.push(
      `no ${PLAN_JSON} under ${stacksDir}: save each plan with \`terraform show -json tfplan > ${PLAN_JSON}\` in its stack folder / 計画ファイルがありません`,
    );
  const servers = new Map<string, ManifestServer>();
  for (const s of manifest?.systems ?? []) for (const v of s.servers) servers.set(`${s.systemId}/${v.name}`, v);
  const changes: PlannedChange[] = [];
  for (const stack of stacks) {
    const file = path.join(stacksDir, stack, PLAN_JSON);
    try {
      changes.push(...changesOfPlan(stack, JSON.parse(fs.readFileSync(file, 'utf8')), servers));
    } catch (e) {
      errors.push(`${file}: not a \`terraform show -json\` plan (${(e as Error).message}) / 計画を読み取れません`);
    }
  }
  for (const c of changes) {
    if (c.destroysData && !c.decommissioned) {
      errors.push(
        `${c.stack}/${c.address}: the plan ${c.action === 'replace' ? 'recreates' : 'destroys'} ${c.server ? `server ${c.server}'s ` : 'a '}${c.type === 'vsphere_virtual_machine' ? 'VM' : 'disk'} but it is not decommissioned with confirmation — data would be lost (R07) / ` +
          `${c.server ? `サーバ ${c.server} の` : ''}${TYPE_JA[c.type]}が${c.action === 'replace' ? '再作成' : '削除'}されますが、利用停止の手続き（確認付き）がありません。データが失われます（R07）`,
      );
    }
  }
  const names = new Map((manifest?.systems ?? []).map((s) => [s.systemId, s.systemName] as const));
  return { markdown: renderPlanReview(stacks, changes, errors, names), changes, errors };
}

/** The Markdown of a plan review (Japanese and English; every value neutralized). */
export function renderPlanReview(
  stacks: readonly string[],
  changes: readonly PlannedChange[],
  errors: readonly string[],
  names: ReadonlyMap<string, string>,
): string {
  const blocks: string[] = [PLAN_REVIEW_HEADER];
  const count = (xs: readonly PlannedChange[], a: PlanAction) => xs.filter((c) => c.action === a).length;
  blocks.push(
    table(
      [
        'スタック stack',
        'システム system',
        '作成 create',
        '変更 update',
        '再作成 replace',
        '削除 destroy',
        '管理外へ forget',
      ],
      stacks.map((s) => {
        const xs = changes.filter((c) => c.stack === s);
        return [
          s,
          s === 'platform' ? '統合基盤共通 (platform)' : names.get(s),
          count(xs, 'create'),
          count(xs, 'update'),
          count(xs, 'replace'),
          count(xs, 'delete'),
          count(xs, 'forget'),
        ];
      }),
    ),
  );
  const loss = changes.filter((c) => c.destroysData);
  blocks.push(
    '#### ⚠️ データが削除・再作成される変更 / Changes that destroy or recreate data',
    loss.length === 0
      ? 'なし — 仮想マシンとディスクの削除・再作成はありません (none: no VM or disk is destroyed or recreated)'
      : table(
          ['スタック stack', 'サーバ server', '対象 resource', '操作 action', '判定 verdict'],
          loss.map((c) => [
            c.stack,
            c.server,
            `${TYPE_JA[c.type] ?? c.type} ${c.address}`,
            ACTION_JA[c.action],
            c.decommissioned
              ? '✅ 利用停止（確認済み）decommissioned and confirmed'
              : '❌ 利用停止の手続きなし — not decommissioned',
          ]),
        ),
  );
  for (const s of stacks) {
    const xs = changes.filter((c) => c.stack === s);
    if (xs.length === 0) continue;
    blocks.push(
      `#### ${code(s)} ${text(s === 'platform' ? '統合基盤共通 (platform)' : (names.get(s) ?? ''))}`,
      table(
        ['操作 action', '種別 type', '対象 resource', 'サーバ server'],
        xs.map((c) => [
          `${c.destroysData ? '⚠️ ' : ''}${ACTION_JA[c.action]}`,
          TYPE_JA[c.type] ?? c.type,
          c.address,
          c.server,
        ]),
      ),
    );
  }
  if (errors.length > 0) blocks.push('#### ❌ エラー / Errors', errors.map((e) => `- ${text(e)}`).join('\n'));
  return doc(blocks);
}
