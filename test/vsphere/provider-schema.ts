import * as fs from 'fs';

/**
 * The vSphere provider's schema as recorded in the @cdktf/provider-vsphere .jsii assembly: for each
 * resource / data source type, its attributes and nested blocks, which are required, and their
 * Terraform names (taken from the registry links in the docs).
 */
interface JsiiType {
  kind: string;
  properties?: JsiiProp[];
  interfaces?: string[];
}
interface JsiiProp {
  name: string;
  optional?: boolean;
  docs?: { remarks?: string; summary?: string };
  type: unknown;
}
export interface BlockSchema {
  attrs: Map<string, { required: boolean; nested?: BlockSchema }>;
}

const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'connection', 'provisioner']);

function loadAssembly(): Record<string, JsiiType> {
  const file = require.resolve('@cdktf/provider-vsphere/.jsii');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { types: Record<string, JsiiType> }).types;
}

function nestedFqn(t: unknown): string | undefined {
  if (!t || typeof t !== 'object') return undefined;
  const o = t as { fqn?: string; union?: { types: unknown[] }; collection?: { elementtype: unknown } };
  if (o.fqn && o.fqn.startsWith('@cdktf/provider-vsphere.')) return o.fqn;
  if (o.collection) return nestedFqn(o.collection.elementtype);
  if (o.union)
    for (const u of o.union.types) {
      const f = nestedFqn(u);
      if (f) return f;
    }
  return undefined;
}

function tfAttr(p: JsiiProp): string {
  const m = `${p.docs?.summary ?? ''} ${p.docs?.remarks ?? ''}`.match(/#([a-z0-9_]+) /);
  if (!m) throw new Error(`no Terraform name for ${p.name}`);
  return m[1]!;
}

export function loadProviderSchema(): Map<string, BlockSchema> {
  const types = loadAssembly();
  const cache = new Map<string, BlockSchema>();
  const block = (fqn: string): BlockSchema => {
    const hit = cache.get(fqn);
    if (hit) return hit;
    const b: BlockSchema = { attrs: new Map() };
    cache.set(fqn, b);
    for (const p of types[fqn]?.properties ?? []) {
      const nested = nestedFqn(p.type);
      b.attrs.set(tfAttr(p), {
        required: !p.optional,
        nested: nested && types[nested]?.kind === 'interface' ? block(nested) : undefined,
      });
    }
    return b;
  };
  const out = new Map<string, BlockSchema>();
  for (const [fqn, t] of Object.entries(types)) {
    if (
      t.kind !== 'interface' ||
      !fqn.endsWith('Config') ||
      !(t.interfaces ?? []).includes('cdktf.TerraformMetaArguments')
    )
      continue;
    const first = `${t.properties?.[0]?.docs?.summary ?? ''} ${t.properties?.[0]?.docs?.remarks ?? ''}`.match(
      /docs\/(resources|data-sources)\/([a-z0-9_]+)#/,
    );
    if (!first) continue;
    out.set(`${first[1] === 'resources' ? 'resource' : 'data'}.vsphere_${first[2]}`, block(fqn));
  }
  return out;
}

/** Problems of one synthesized block against the schema (unknown attributes, missing required ones). */
export function checkBlock(schema: BlockSchema, value: Record<string, unknown>, where: string, top = true): string[] {
  const problems: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (top && META.has(k)) continue;
    const a = schema.attrs.get(k);
    if (!a) {
      problems.push(`${where}: unknown attribute ${k}`);
      continue;
    }
    if (a.nested && v !== null && typeof v === 'object') {
      const items = Array.isArray(v) ? v : [v];
      items.forEach((item, i) =>
        problems.push(...checkBlock(a.nested!, item as Record<string, unknown>, `${where}.${k}[${i}]`, false)),
      );
    }
  }
  for (const [k, a] of schema.attrs) if (a.required && !(k in value)) problems.push(`${where}: missing required ${k}`);
  return problems;
}
