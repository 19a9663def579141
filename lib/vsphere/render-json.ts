import { OvfImportPlan, ovfImportScriptPath, renderOvfImportScript } from './v2v-import';
import { CDKTF_VERSION, TfBlock, TfRef, TfStack, TfValue } from './terraform';

/**
 * The direct renderer: a stack's Terraform JSON, written without cdktf, byte for byte what cdktf
 * 0.21 writes for the same stack (`cdktf.out/stacks/<id>/cdk.tf.json`, its metadata.json and its
 * manifest.json entry), so `kiban synth` and `cdktf synth` agree
 * (test/vsphere/renderer-equivalence.test.ts). What it reproduces of cdktf:
 *
 * - the stack's `//` block: cdktf's version, the stack name, the backend type, the stack-level
 *   override (`terraform.required_version`) and no outputs;
 * - each resource and data block carries `//.metadata` with its construct path (`<stack>/<name>`)
 *   and unique id (the name: every block is a direct child of its stack, so cdktf's logical id is
 *   the construct id);
 * - a provider is a list of configurations; `required_providers` names its source and version;
 * - `import` and `removed` are lists in declaration order; every other key is sorted, with
 *   json-stable-stringify's layout (two spaces; an empty object opens and closes on two lines) and
 *   no final newline.
 */

/** Terraform JSON of a value: references become `${…}` expressions, undefined object members are left out. */
function tfJson(v: TfValue): unknown {
  if (typeof v !== 'object') return v;
  if (v instanceof TfRef) return v.expression;
  if (Array.isArray(v)) return (v as readonly TfValue[]).map(tfJson);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = tfJson(x as TfValue);
  return out;
}

/** The `//` block of a stack (what cdktf writes, with its keys in sorted order). */
function stackMetadata(stack: TfStack): Record<string, unknown> {
  return {
    metadata: {
      backend: stack.backend.type,
      overrides: { stack: ['terraform'] },
      stackName: stack.id,
      version: CDKTF_VERSION,
    },
    outputs: {},
  };
}

function blockJson(stack: TfStack, b: TfBlock): Record<string, unknown> {
  const out = tfJson(b.args) as Record<string, unknown>;
  if (b.dependsOn) out['depends_on'] = [...b.dependsOn];
  out['//'] = { metadata: { path: `${stack.id}/${b.name}`, uniqueId: b.name } };
  return out;
}

/** The Terraform JSON document of a stack, as a value. */
export function stackDocument(stack: TfStack): Record<string, unknown> {
  const doc: Record<string, unknown> = { '//': stackMetadata(stack) };
  for (const mode of ['data', 'resource'] as const) {
    const byType: Record<string, Record<string, unknown>> = {};
    for (const b of stack.blocks) {
      if (b.mode !== mode) continue;
      (byType[b.type] ??= {})[b.name] = blockJson(stack, b);
    }
    if (Object.keys(byType).length > 0) doc[mode] = byType;
  }
  if (stack.imports.length > 0) doc['import'] = stack.imports.map((i) => ({ id: i.id, to: i.to }));
  if (stack.removed.length > 0)
    doc['removed'] = stack.removed.map((r) => ({ from: r.from, lifecycle: { destroy: false } }));
  doc['provider'] = { [stack.provider.name]: [tfJson(stack.provider.args)] };
  doc['terraform'] = {
    backend: { [stack.backend.type]: tfJson(stack.backend.config) },
    required_providers: { [stack.provider.name]: { source: stack.provider.source, version: stack.provider.version } },
    required_version: stack.requiredVersion,
  };
  if (stack.variables.length > 0) {
    const vars: Record<string, unknown> = {};
    for (const v of stack.variables)
      vars[v.name] = {
        description: v.description,
        ...(v.sensitive !== undefined ? { sensitive: v.sensitive } : {}),
        type: v.type,
      };
    doc['variable'] = vars;
  }
  return doc;
}

const INDENTS: string[] = [''];
const indent = (level: number): string => (INDENTS[level] ??= '  '.repeat(level));

/**
 * JSON with sorted keys in json-stable-stringify's layout (what cdktf serializes stacks and its
 * manifest with): two-space indent, `{` + newline + indent + `}` for an empty object or array.
 * Undefined object members are left out, undefined array items become null.
 */
export function stableJson(value: unknown, level = 0): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const close = `\n${indent(level)}`;
  const inner = `\n${indent(level + 1)}`;
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) s += ',';
      s += inner + (stableJson(value[i], level + 1) ?? 'null');
    }
    return `${s}${close}]`;
  }
  const o = value as Record<string, unknown>;
  let s = '{';
  let first = true;
  for (const k of Object.keys(o).sort()) {
    const v = stableJson(o[k], level + 1);
    if (v === undefined) continue;
    s += `${first ? '' : ','}${inner}${JSON.stringify(k)}: ${v}`;
    first = false;
  }
  return `${s}${close}}`;
}

/** cdktf's manifest.json entry of a stack. */
export function manifestEntry(id: string): Record<string, unknown> {
  return {
    annotations: [],
    constructPath: id,
    dependencies: [],
    name: id,
    stackMetadataPath: `stacks/${id}/metadata.json`,
    synthesizedStackPath: `stacks/${id}/cdk.tf.json`,
    workingDirectory: `stacks/${id}`,
  };
}

/**
 * Every file of a stack (paths relative to the output folder): its Terraform JSON, its metadata.json
 * (what completeStackMetadata writes after cdktf) and the OVF import scripts of its servers.
 */
export function renderStackFiles(
  stack: TfStack & { readonly ovfImports?: readonly OvfImportPlan[] },
): Map<string, string> {
  const files = new Map<string, string>();
  const doc = stackDocument(stack);
  files.set(`stacks/${stack.id}/cdk.tf.json`, stableJson(doc)!);
  files.set(`stacks/${stack.id}/metadata.json`, `${JSON.stringify({ '//': doc['//'] }, null, 2)}\n`);
  for (const plan of stack.ovfImports ?? []) files.set(ovfImportScriptPath(plan), renderOvfImportScript(plan));
  return files;
}
