/**
 * The form's schema: the system declaration's JSON Schema (schemas/system.schema.json, generated
 * from the zod schemas) with presentation added for the form library (@json-editor/json-editor):
 * Japanese titles and help texts from the schema's own descriptions, the order and headings of the
 * application form (様式1), and the platform's names as choices. Nothing is checked here: the
 * verdict is the rule pack's (see lib/form/browser/verdict.ts).
 */
import { PHASES, PHASE_JA } from '../model/system';
import { HYPERVISOR_JA, SOURCE_JA } from '../review/labels';

type Json = Record<string, unknown>;

/** A choice offered for a field (value and its Japanese name). */
export interface FormChoice {
  readonly value: string;
  readonly titleJa: string;
}

/** The platform's names the form offers as choices (from the estate, at generation time). */
export interface FormChoices {
  readonly departments: readonly FormChoice[];
  readonly networks: readonly FormChoice[];
  readonly templates: readonly FormChoice[];
  readonly guestOs: readonly FormChoice[];
  readonly clusters: readonly FormChoice[];
}

/** The sections of the application form (様式1), in its order; the numbers are the form's headings. */
export const FORM_SECTIONS = [
  { key: 'applicant', titleJa: '1. 申請部局・連絡先' },
  { key: 'system', titleJa: '2. 個別業務システム' },
  { key: 'servers', titleJa: '3. 仮想サーバ（CPU・メモリ・ディスク・ネットワーク・OS・構築・移行方法）' },
  { key: 'backup', titleJa: '4. バックアップ' },
] as const;

/** Top-level order: 様式1's sections. */
const TOP_ORDER = [
  'department',
  'contacts',
  'systemId',
  'systemName',
  'descriptionJa',
  'hypervisor',
  'cluster',
  'phase',
  'account',
  'servers',
  'backup',
  'acknowledgements',
  'decommission',
];
/** A server's order: resources, networks, OS, way in, backups, the rest. */
const SERVER_ORDER = [
  'name',
  'roleJa',
  'cpu',
  'memoryGb',
  'disks',
  'nics',
  'guestOs',
  'osLicense',
  'oracleDatabase',
  'source',
  'backupVolume',
  'snapshots',
  'vmwareTools',
  'devices',
  'hyperv',
  'decommissioned',
];

/** Headings of objects and lists where the schema's label is not the form's wording. */
const HEADINGS: Record<string, string> = {
  contacts: '1. 連絡先（R08）',
  'contacts.primary': '担当者（正）',
  'contacts.secondary': '担当者（副）',
  'contacts.vendor': '委託業者',
  servers: '3. 仮想サーバ（R27）',
  backup: '4. バックアップの希望（R10, R10b）',
  acknowledgements: '承認済み事項（統合基盤管理者が記入）',
  decommission: '利用停止届（様式3, R07）',
};

const LABEL = /^(.*?)（([^（）]*)）$/;

function label(description: unknown): { title: string; help: string } | undefined {
  if (typeof description !== 'string') return undefined;
  const m = LABEL.exec(description);
  return m ? { title: m[1]!, help: `ルール: ${m[2]}` } : { title: description, help: '' };
}

function enumOf(choices: readonly FormChoice[], extra: Json = {}): Json {
  return {
    type: 'string',
    enum: choices.map((c) => c.value),
    options: { enum_titles: choices.map((c) => `${c.titleJa}（${c.value}）`) },
    ...extra,
  };
}

function order(props: Json, keys: readonly string[]): void {
  for (const [k, v] of Object.entries(props)) {
    const i = keys.indexOf(k);
    if (v && typeof v === 'object') (v as Json).propertyOrder = i < 0 ? 1000 + Object.keys(props).indexOf(k) : i + 1;
  }
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Walks the schema: titles and help texts from descriptions, headings, property order. */
function present(node: unknown, path: string[], branch = false): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Json;
  const l = label(n.description);
  const key = path.join('.');
  if (HEADINGS[key]) n.title = HEADINGS[key];
  else if (l && n.title === undefined) n.title = l.title;
  if (l) n.description = l.help;
  if (n.type === 'boolean')
    n.options = {
      ...(n.options as Json | undefined),
      enum_titles: path[0] === 'backup' ? ['希望する', '希望しない'] : ['はい', 'いいえ'],
    };
  if (n.type === 'object' && n.properties) {
    const props = n.properties as Json;
    for (const [k, v] of Object.entries(props)) {
      if (v && typeof v === 'object' && (v as Json).title === undefined && (v as Json).description === undefined)
        (v as Json).title = k;
      present(v, [...path, k]);
    }
    // A field with a default always has a value (zod fills it): in the form it is always there, not opt-in.
    // Not in a oneOf branch: the form library picks the branch of a loaded value by its required fields.
    const required = new Set([
      ...((n.required as string[] | undefined) ?? []),
      ...(branch ? [] : Object.keys(props).filter((k) => (props[k] as Json).default !== undefined)),
    ]);
    n.required = Object.keys(props).filter((k) => required.has(k));
    n.defaultProperties = Object.keys(props).filter(
      (k) => required.has(k) || (props[k] as Json).default !== undefined || SHOWN.has([...path, k].join('.')),
    );
    n.options = {
      ...(n.options as Json | undefined),
      disable_collapse: path.length > 0 && path.length < 3 ? false : true,
    };
  }
  if (n.items) present(n.items, [...path, '*']);
  for (const k of ['anyOf', 'oneOf'])
    if (Array.isArray(n[k])) for (const b of n[k] as unknown[]) present(b, path, true);
}

/** Optional fields shown from the start (the application form asks for them). */
const SHOWN = new Set([
  'descriptionJa',
  'contacts.vendor',
  'contacts.primary.sectionJa',
  'contacts.vendor.sectionJa',
  'servers.*.roleJa',
  'servers.*.nics.*.ipv4',
  'servers.*.backupVolume',
  'servers.*.oracleDatabase',
]);

/**
 * The json-editor schema of the application form: the system JSON Schema with titles, help texts,
 * order and choices. `schema` is schemas/system.schema.json as generated (never modified).
 */
export function formSchema(schema: Json, choices: FormChoices): Json {
  const s = clone(schema);
  delete s.$schema;
  delete s.$id;
  s.title = '個別業務システム統合基盤利用申請書（様式1）';
  const props = s.properties as Json;
  present(s, []);
  order(props, TOP_ORDER);
  const server = (props.servers as Json).items as Json;
  order(server.properties as Json, SERVER_ORDER);
  // The platform's names as choices (the rule pack still checks every value).
  props.department = enumOf(choices.departments, {
    title: '所管部局',
    description: 'ルール: R01（知事部局のみ）',
    propertyOrder: 1,
  });
  props.hypervisor = {
    ...(props.hypervisor as Json),
    options: { enum_titles: ['vsphere', 'hyperv'].map((h) => HYPERVISOR_JA[h as 'vsphere' | 'hyperv']) },
  };
  props.phase = {
    ...(props.phase as Json),
    default: 'application',
    options: { enum_titles: PHASES.map((p) => `${PHASE_JA[p]}（${p}）`) },
  };
  if (choices.clusters.length > 0)
    props.cluster = enumOf(choices.clusters, {
      title: 'vSphere クラスタ',
      description: '省略時は最初のクラスタ',
      propertyOrder: (props.cluster as Json).propertyOrder,
    });
  (props.servers as Json).options = { ...((props.servers as Json).options as Json | undefined) };
  server.headerTemplate = 'サーバ{{i1}}';
  server.title = '仮想サーバ';
  const sp = server.properties as Json;
  sp.guestOs = enumOf(choices.guestOs, {
    title: 'ゲストOS',
    description: 'ルール: R22（カタログのOS）',
    propertyOrder: (sp.guestOs as Json).propertyOrder,
  });
  const nic = ((sp.nics as Json).items as Json).properties as Json;
  nic.network = enumOf(choices.networks, {
    title: 'ネットワーク',
    description: 'ルール: R24（標準ネットワークまたは専用ネットワーク）',
  });
  ((sp.nics as Json).items as Json).title = 'NIC';
  ((sp.disks as Json).items as Json).title = 'ディスク';
  (sp.disks as Json).description = '1つ目はシステム領域（R27）';
  // The way in (R20): one branch per kind, titled in the manual's terms; templates from the platform.
  const source = sp.source as Json;
  source.title = '構築・移行方法';
  for (const branch of source.oneOf as Json[]) {
    const kind = ((branch.properties as Json).kind as Json).const as string;
    branch.title = SOURCE_JA[kind] ?? kind;
    ((branch.properties as Json).kind as Json).options = { hidden: true };
    ((branch.properties as Json).kind as Json).default = kind;
    const bp = branch.properties as Json;
    if (kind === 'template' && choices.templates.length > 0)
      bp.template = enumOf(choices.templates, { title: 'テンプレート', description: 'ルール: R20, R28' });
  }
  return s;
}
