import { z } from 'zod';
import { dedicatedVlanSchema } from '../model/dedicated-vlan';
import { systemSchema } from '../model/system';
import { fieldRule } from '../model/zod-issues';

/** A platform-level file of dedicated VLANs (systems/_platform/vlans.yaml). */
export const dedicatedVlansFileSchema = z.strictObject({
  /** Dedicated networks (専用ネットワーク, R24) the platform admin assigned. */
  dedicatedVlans: z.array(dedicatedVlanSchema).min(1),
});

type Json = Record<string, unknown>;

/**
 * JSON Schema of a zod schema for editors: input side (defaults optional), the `z.custom`
 * DedicatedVlan branch of a NIC's network dropped (in YAML a network is a key or a VLAN name),
 * and every property described with its Japanese label and rule ID.
 */
function toJsonSchema(schema: z.ZodType, id: string, titleJa: string): Json {
  const out = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; options?: Array<{ _zod: { def: { type: string } } }> } } })._zod.def;
      if (def.type === 'union' && def.options?.some((o) => o._zod.def.type === 'custom')) {
        const js = ctx.jsonSchema as Json;
        const key = Array.isArray(js.anyOf) ? 'anyOf' : 'oneOf';
        const branches = js[key] as unknown[];
        js[key] = branches.filter((_, i) => def.options![i]!._zod.def.type !== 'custom');
      }
    },
  }) as Json;
  describe(out, []);
  return { $schema: out.$schema, $id: id, title: titleJa, ...out };
}

/** Adds `description` (Japanese label, rule ID) to every property, from the model's field table. */
function describe(node: unknown, path: string[]): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Json;
  if (n.properties && typeof n.properties === 'object') {
    for (const [k, v] of Object.entries(n.properties as Json)) {
      const p = [...path, k];
      const r = fieldRule(p);
      // only where the field has its own entry (not inherited from the parent's)
      if (r.ruleId !== 'SCHEMA' && r.labelJa !== fieldRule(path).labelJa && v && typeof v === 'object' && !('description' in (v as Json))) (v as Json).description = `${r.labelJa}（${r.ruleId}）`;
      describe(v, p);
    }
  }
  if (n.items) describe(n.items, [...path, '0']);
  for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(n[key])) for (const b of n[key] as unknown[]) describe(b, path);
}

/** The JSON Schema of a system declaration file (schemas/system.schema.json). */
export function systemJsonSchema(): Json {
  return toJsonSchema(systemSchema, 'https://kiban.pref.example.jp/schemas/system.schema.json', '個別業務システム宣言（統合基盤）');
}

/** The JSON Schema of a dedicated-VLAN file (schemas/dedicated-vlans.schema.json). */
export function dedicatedVlansJsonSchema(): Json {
  return toJsonSchema(dedicatedVlansFileSchema, 'https://kiban.pref.example.jp/schemas/dedicated-vlans.schema.json', '専用ネットワーク宣言（統合基盤）');
}

/** The schema files kept in the repository, by path relative to the repository root. */
export function schemaFiles(): Record<string, string> {
  return {
    'schemas/system.schema.json': `${JSON.stringify(systemJsonSchema(), null, 2)}\n`,
    'schemas/dedicated-vlans.schema.json': `${JSON.stringify(dedicatedVlansJsonSchema(), null, 2)}\n`,
  };
}
