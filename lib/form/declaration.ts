/**
 * From the form's value to the declaration file and back: the keys in the order of the schema (the
 * order of the zod schemas, as the guide's examples are written), empty and default values left out
 * (except the choices the application form asks for explicitly), the schema modeline first.
 * Pure: runs in the browser and in Node.
 */
import { stringify } from 'yaml';

type Json = Record<string, unknown>;

/** Fields written even when they hold the default: the application form asks for them. */
const ALWAYS = new Set(['backup.osImage', 'backup.restoreTest']);

function isObject(x: unknown): x is Json {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function isEmpty(x: unknown): boolean {
  return (
    x === undefined ||
    x === null ||
    x === '' ||
    (Array.isArray(x) && x.length === 0) ||
    (isObject(x) && Object.keys(x).length === 0)
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The branch of a oneOf/anyOf that fits `value` (a `kind` const decides; else the first object branch). */
function branchOf(schema: Json, value: unknown): Json | undefined {
  const branches = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (!branches) return undefined;
  if (isObject(value)) {
    const byConst = branches.find((b) => {
      const props = b.properties as Json | undefined;
      return props && Object.entries(props).some(([k, p]) => isObject(p) && 'const' in p && value[k] === p.const);
    });
    if (byConst) return byConst;
    return branches.find((b) => b.type === 'object');
  }
  return undefined;
}

function clean(value: unknown, schema: Json | undefined, path: string[]): unknown {
  if (schema && (schema.oneOf || schema.anyOf)) {
    const b = branchOf(schema, value);
    return b ? clean(value, b, path) : value;
  }
  if (Array.isArray(value)) {
    const items = schema?.items as Json | undefined;
    return value.map((v) => clean(v, items, [...path, '*'])).filter((v) => v !== undefined);
  }
  if (isObject(value)) {
    const props = (schema?.properties as Json | undefined) ?? {};
    const required = new Set((schema?.required as string[] | undefined) ?? []);
    const keys = [
      ...Object.keys(props).filter((k) => k in value),
      ...Object.keys(value)
        .filter((k) => !(k in props))
        .sort(),
    ];
    const out: Json = {};
    for (const k of keys) {
      const sub = props[k] as Json | undefined;
      const v = clean(value[k], sub, [...path, k]);
      const where = [...path, k].join('.');
      if (!required.has(k)) {
        if (isEmpty(v) && !(isObject(sub) && 'const' in sub)) continue;
        if (sub && 'default' in sub && sameJson(v, sub.default) && !ALWAYS.has(where)) continue;
      }
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  return value;
}

/** The declaration data of a form value: schema order, no empty or default values. */
export function declarationData(value: unknown, schema: Json): Json {
  const v = clean(value, schema, []);
  return isObject(v) ? v : {};
}

/** The modeline every declaration starts with (parse.ts warns without it). */
export function modeline(schemaHref: string): string {
  return `# yaml-language-server: $schema=${schemaHref}`;
}

/** The declaration file's text: the modeline, then the data as block YAML. */
export function declarationYaml(value: unknown, schema: Json, schemaHref: string): string {
  const data = declarationData(value, schema);
  return `${modeline(schemaHref)}\n${stringify(data, { lineWidth: 0, version: '1.2' })}`;
}

/** Where the declaration belongs in the estate: systems/<department>/<systemId>.yaml. */
export function declarationPath(data: unknown): string {
  const d = isObject(data) ? data : {};
  const part = (x: unknown, fallback: string) =>
    typeof x === 'string' && /^[a-z][a-z0-9-]{0,31}$/.test(x) ? x : fallback;
  return `systems/${part(d.department, '_')}/${part(d.systemId, 'new-system')}.yaml`;
}

function leaves(x: unknown, prefix: string, out: Map<string, string>): void {
  if (Array.isArray(x)) x.forEach((v, i) => leaves(v, prefix ? `${prefix}.${i}` : String(i), out));
  else if (isObject(x)) for (const [k, v] of Object.entries(x)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, JSON.stringify(x));
}

/**
 * The values of a loaded declaration that the form's value does not keep (a key the form has no
 * field for, a changed value), as dotted paths: the page warns before they are lost.
 */
export function lostFields(loaded: unknown, kept: unknown, schema: Json): string[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  leaves(declarationData(loaded, schema), '', a);
  leaves(declarationData(kept, schema), '', b);
  return [...a].filter(([k, v]) => b.get(k) !== v).map(([k]) => k);
}
