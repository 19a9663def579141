/// <reference lib="dom" />
/**
 * The application form page's browser entry (bundled by lib/form/page.ts): the form is
 * @json-editor/json-editor over the form schema; every change is checked by `kiban validate`'s code
 * (./verdict.ts) and shown in Japanese with the rule ID, next to the field and in a list; the YAML
 * declaration is offered to download and copy; an existing YAML can be loaded; the review document
 * and the print view of 様式1 are previewed.
 */
import { JSONEditor } from '@json-editor/json-editor';
import MarkdownIt from 'markdown-it';
import { IntakeIssue } from '../../intake/issues';
import { parseDeclarationFile } from '../../intake/parse';
import { declarationData, declarationPath, declarationYaml, lostFields } from '../declaration';
import type { FormPageData } from '../page';
import { JA_STRINGS } from './ja';
import { renderPrintView } from './print-view';
import { Verdict, estatePath, mountEstate, verdictOf } from './verdict';

type Json = Record<string, unknown>;

const data = JSON.parse(document.getElementById('kiban-form-data')!.textContent!) as FormPageData;
mountEstate(data.estateRoot, data.files, data.now);

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// ---- layout -------------------------------------------------------------------------------------
const header = el('header', { class: 'page-header' });
header.append(el('h1', {}, '個別業務システム統合基盤利用申請書（様式1）入力フォーム'));
header.append(
  el(
    'p',
    { class: 'lead' },
    '各欄に入力すると、統合基盤のルール（R01〜）で直ちに確認します。確認は「kiban validate」と同じ内容です。入力が終わったら YAML ファイルを保存し、プルリクエストで提出してください。',
  ),
);
const toolbar = el('div', { class: 'toolbar', role: 'toolbar' });
const loadInput = el('input', {
  type: 'file',
  id: 'load-file',
  accept: '.yaml,.yml,text/yaml',
  class: 'visually-hidden',
});
const loadLabel = el('label', { for: 'load-file', class: 'button', id: 'load' }, '既存の YAML を読み込む');
const download = el('button', { type: 'button', id: 'download' }, 'YAML を保存（ダウンロード）');
const copy = el('button', { type: 'button', id: 'copy' }, 'YAML をコピー');
const print = el('button', { type: 'button', id: 'print' }, '申請書（様式1）を印刷');
const toast = el('span', { id: 'toast', role: 'status', 'aria-live': 'polite' });
toolbar.append(loadLabel, loadInput, download, copy, print, toast);
header.append(toolbar);
if (data.scriptLeftOut)
  header.append(
    el(
      'p',
      { class: 'notice' },
      'このエステートの TypeScript（index.ts）で宣言されたシステムは、このページの確認に含まれていません。',
    ),
  );

const main = el('main', { class: 'layout' });
const formHost = el('section', { id: 'form', 'aria-label': '申請内容' });
const side = el('aside', { class: 'side' });
const status = el('div', { id: 'status', role: 'status', 'aria-live': 'polite' });
const issuesList = el('ul', { id: 'issues' });
const tabs = el('div', { class: 'tabs', role: 'tablist' });
const panes: Record<string, HTMLElement> = {
  yaml: el('pre', { id: 'yaml-preview', class: 'pane' }),
  review: el('div', { id: 'review-preview', class: 'pane markdown' }),
  print: el('div', { id: 'print-preview', class: 'pane' }),
};
const tabNames: Record<string, string> = { yaml: 'YAML', review: '審査資料プレビュー', print: '申請書（様式1）' };
for (const k of Object.keys(panes)) {
  const b = el('button', { type: 'button', role: 'tab', id: `tab-${k}`, 'data-pane': k }, tabNames[k]);
  b.addEventListener('click', () => selectTab(k));
  tabs.append(b);
}
function selectTab(k: string): void {
  for (const [name, pane] of Object.entries(panes)) {
    pane.hidden = name !== k;
    document.getElementById(`tab-${name}`)!.setAttribute('aria-selected', String(name === k));
  }
}
side.append(el('h2', {}, '確認結果'), status, issuesList, tabs, ...Object.values(panes));
main.append(formHost, side);
const printView = el('article', { id: 'print-view', 'aria-hidden': 'true' });
document.body.append(header, main, printView);
selectTab('yaml');

// ---- the form -----------------------------------------------------------------------------------
const ED = JSONEditor as unknown as {
  defaults: { languages: Record<string, Record<string, string>>; language: string };
};
ED.defaults.languages.ja = JA_STRINGS;
ED.defaults.language = 'ja';

const EDITOR_OPTIONS: Json = {
  schema: data.formSchema,
  theme: 'html',
  iconlib: null,
  disable_edit_json: true,
  disable_properties: false,
  disable_array_delete_all_rows: true,
  disable_array_delete_last_row: true,
  disable_array_reorder: true,
  prompt_before_delete: false,
  show_errors: 'never',
  show_opt_in: true,
  keep_oneof_values: false,
  use_default_values: false,
  ajax: false,
  no_additional_properties: true,
  array_controls_top: false,
};

let editor: JsonEditorInstance;

/** A fresh form (a loaded file starts one: switching the way in of a filled form can lose values). */
function createEditor(startval?: unknown): Promise<void> {
  const host = el('div', { class: 'editor' });
  formHost.replaceChildren(host);
  editor = new (JSONEditor as unknown as new (host: HTMLElement, options: Json) => JsonEditorInstance)(host, {
    ...EDITOR_OPTIONS,
    ...(startval !== undefined ? { startval } : {}),
  });
  return new Promise((resolve) => {
    editor.on('ready', () => {
      check();
      editor.on('change', () => {
        document.body.dataset.verdict = 'pending';
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(check, 200);
      });
      resolve();
    });
  });
}

interface JsonEditorInstance {
  on(event: string, fn: () => void): void;
  getValue(): unknown;
  setValue(v: unknown): void;
  showValidationErrors(errors: Array<{ path: string; property: string; message: string }>): void;
  ready: boolean;
  destroy(): void;
}

// ---- checking -----------------------------------------------------------------------------------
let current = { path: 'systems/_/new-system.yaml', text: '', data: {} as Json };
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const md = new MarkdownIt({ html: false, linkify: false });

function issueText(i: IntakeIssue): string {
  return `${i.messageJa}（受け取った値: ${i.received}）`;
}

function editorPath(field: string): string {
  return field === '(root)' || field === '' ? 'root' : `root.${field}`;
}

function showVerdict(v: Verdict): void {
  const all = [...v.errors, ...v.warnings];
  status.className = v.ok ? 'ok' : 'error';
  status.textContent = v.ok
    ? `提出できます: エラーはありません${v.warnings.length > 0 ? `（警告 ${v.warnings.length} 件）` : ''}`
    : `エラー ${v.errors.length + v.otherErrors.length} 件: 直すまで提出できません${v.warnings.length > 0 ? `（警告 ${v.warnings.length} 件）` : ''}`;
  issuesList.replaceChildren();
  for (const i of [...all, ...v.otherErrors]) {
    const li = el('li', { class: `issue ${i.severity}`, 'data-rule': i.ruleId, 'data-field': i.field });
    const other = v.otherErrors.includes(i);
    li.append(el('span', { class: 'badge' }, `${i.severity === 'error' ? 'エラー' : '警告'} [${i.ruleId}]`));
    li.append(
      el('span', { class: 'field' }, other ? `${i.file.replace(`${data.estateRoot}/`, '')}: ${i.field}` : i.field),
    );
    li.append(el('span', { class: 'message' }, issueText(i)));
    li.append(el('span', { class: 'fix' }, `対処: ${i.fixJa}`));
    if (!other) li.addEventListener('click', () => focusField(i.field));
    issuesList.append(li);
  }
  editor.showValidationErrors(
    all.map((i) => ({ path: editorPath(i.field), property: i.code, message: `[${i.ruleId}] ${i.messageJa}` })),
  );
  if (v.reviewMarkdown) panes.review!.innerHTML = md.render(v.reviewMarkdown);
  else panes.review!.replaceChildren(el('p', {}, '必須項目を入力すると、審査資料のプレビューが表示されます。'));
  if (v.system && v.manifest) {
    renderPrintView(panes.print!, v.manifest, v.system);
    renderPrintView(printView, v.manifest, v.system);
  } else {
    panes.print!.replaceChildren(el('p', {}, '必須項目を入力すると、申請書（様式1）が表示されます。'));
    printView.replaceChildren();
  }
}

function focusField(field: string): void {
  const name = `root${field
    .split('.')
    .map((s) => `[${s}]`)
    .join('')}`;
  const input = formHost.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
  input?.focus();
  input?.scrollIntoView({ block: 'center' });
}

function check(): void {
  const value = editor.getValue();
  const text = declarationYaml(value, data.systemSchema, data.schemaHref);
  const decl = declarationData(value, data.systemSchema);
  current = { path: declarationPath(decl), text, data: decl };
  panes.yaml!.textContent = text;
  const v = verdictOf(current.path, text);
  showVerdict(v);
  seq += 1;
  document.body.dataset.verdict = v.ok ? 'ok' : 'error';
  document.body.dataset.checked = String(seq);
}

void createEditor();

// ---- YAML out and in ----------------------------------------------------------------------------
function say(text: string): void {
  toast.textContent = text;
}

download.addEventListener('click', () => {
  const name = current.path.split('/').pop()!;
  const a = el('a', {
    href: URL.createObjectURL(new Blob([current.text], { type: 'text/yaml;charset=utf-8' })),
    download: name,
  });
  document.body.append(a);
  a.click();
  a.remove();
  say(`${name} を保存しました。${current.path} としてプルリクエストに追加してください。`);
});

copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(current.text);
  } catch {
    const ta = el('textarea');
    ta.value = current.text;
    document.body.append(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
  say('YAML をコピーしました。');
});

print.addEventListener('click', () => window.print());

loadInput.addEventListener('change', async () => {
  const file = loadInput.files?.[0];
  if (!file) return;
  const text = await file.text();
  const parsed = parseDeclarationFile({ path: estatePath(`systems/_/${file.name}`), text });
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || parsed.data === null || typeof parsed.data !== 'object') {
    status.className = 'error';
    status.textContent = `${file.name} を読み込めません`;
    issuesList.replaceChildren(
      ...errors.map((i) =>
        el('li', { class: 'issue error', 'data-rule': i.ruleId }, `エラー [${i.ruleId}] ${i.line}行目: ${i.messageJa}`),
      ),
    );
    return;
  }
  document.body.dataset.verdict = 'pending';
  editor.destroy();
  await createEditor(parsed.data);
  const lost = lostFields(parsed.data, editor.getValue(), data.systemSchema);
  say(
    lost.length === 0
      ? `${file.name} を読み込みました。`
      : `${file.name} を読み込みました。次の項目はこのフォームでは扱えないため、保存するファイルには含まれません（元のファイルは変わりません）: ${lost.join('、')}`,
  );
  loadInput.value = '';
});

// Tests and the page's own checks read the state from here.
(window as unknown as { kibanForm: unknown }).kibanForm = {
  get yaml() {
    return current.text;
  },
  get path() {
    return current.path;
  },
  /** The verdict of a text at a path of the estate, as the page computes it (tests compare it with kiban validate). */
  check(relative: string, text: string) {
    const v = verdictOf(relative, text);
    return {
      ok: v.ok,
      errors: v.errors.map((i) => ({ ruleId: i.ruleId, field: i.field, line: i.line })),
      warnings: v.warnings.map((i) => ({ ruleId: i.ruleId, field: i.field, line: i.line })),
    };
  },
};
