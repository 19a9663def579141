import { z } from 'zod';
import { dedicatedVlansSchema } from '../model/dedicated-vlan';
import { freeTextSchema } from '../model/names';
import { platformSchema } from '../model/platform';
import { sharedLicensePoolSchema } from '../model/shared-license';
import { systemSchema } from '../model/system';
import { fieldRule } from '../model/zod-issues';

/** The shared licence pools of R05 an estate holds, by kind (construct ids in {@link SHARED_LICENSE_IDS}). */
export const sharedLicensesSchema = z.strictObject({
  /** Oracle Database SE2 processor licences (R05, R21). */
  oracleSe2: sharedLicensePoolSchema.optional(),
  /** RHEL for Virtual Datacenters subscriptions (R05). */
  rhel: sharedLicensePoolSchema.optional(),
  /** Windows Server Datacenter host licences (R05). */
  windowsDatacenter: sharedLicensePoolSchema.optional(),
});

/** Construct id of each shared licence pool of the platform files. */
export const SHARED_LICENSE_IDS = {
  oracleSe2: 'OracleSe2Pool',
  rhel: 'RhelPool',
  windowsDatacenter: 'WindowsDcPool',
} as const;

/**
 * The evaluation time an estate pins (an explicit, visible setting): the date rules use it instead
 * of the real clock, e.g. an example estate whose snapshots carry fixed dates. `--now` overrides it.
 */
export const clockSettingSchema = z.strictObject({
  /** ISO 8601 instant with offset, e.g. `2026-11-22T09:00:00+09:00`. */
  fixedAt: z.iso.datetime({ offset: true }),
  /** Why this estate is evaluated at a fixed time (shown in the output). */
  reasonJa: freeTextSchema(200),
});

/**
 * One file of an estate's platform data (`<estate>/platform/*.yaml`): any of the top-level keys of
 * the platform (lib/model/platform.ts, the single definition), plus the dedicated VLANs, the shared
 * licence pools and the clock setting. Each key lives in exactly one file; together the files hold
 * every required platform key.
 */
export const platformFileSchema = platformSchema.partial().extend({
  /** Dedicated networks (専用ネットワーク, R24) the platform admin assigned. */
  dedicatedVlans: dedicatedVlansSchema.optional(),
  /** Shared licence pools (R05). */
  sharedLicenses: sharedLicensesSchema.optional(),
  /** Pinned evaluation time of the date rules. @default the real clock */
  clock: clockSettingSchema.optional(),
});

/** The top-level keys of a platform file. */
export const PLATFORM_FILE_KEYS: readonly string[] = Object.keys(platformFileSchema.shape);
/** The platform keys every estate must hold (in some platform file). */
export const REQUIRED_PLATFORM_KEYS: readonly string[] = Object.entries(platformSchema.shape)
  .filter(([, v]) => !(v as z.ZodType).safeParse(undefined).success)
  .map(([k]) => k);

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
      const s = ctx.zodSchema;
      if (s instanceof z.ZodUnion && s.options.some((o) => o instanceof z.ZodCustom)) {
        const js = ctx.jsonSchema as Json;
        const key = Array.isArray(js.anyOf) ? 'anyOf' : 'oneOf';
        const branches = js[key] as unknown[];
        js[key] = branches.filter((_, i) => !(s.options[i] instanceof z.ZodCustom));
      }
    },
  }) as Json;
  describe(schema, out, []);
  return { $schema: out.$schema, $id: id, title: titleJa, ...out };
}

/** Adds `description` (Japanese label, rule ID) to every property, from the fields' entries on the schema. */
function describe(schema: z.ZodType, node: unknown, path: string[]): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Json;
  if (n.properties && typeof n.properties === 'object') {
    for (const [k, v] of Object.entries(n.properties as Json)) {
      const p = [...path, k];
      const r = fieldRule(schema, p);
      // only where the field has its own entry (not inherited from the parent's)
      if (
        r.ruleId !== 'SCHEMA' &&
        r.labelJa !== fieldRule(schema, path).labelJa &&
        v &&
        typeof v === 'object' &&
        !('description' in (v as Json))
      )
        (v as Json).description = `${r.labelJa}（${r.ruleId}）`;
      describe(schema, v, p);
    }
  }
  if (n.items) describe(schema, n.items, [...path, '0']);
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(n[key])) for (const b of n[key] as unknown[]) describe(schema, b, path);
}

/** The JSON Schema of a system declaration file (schemas/system.schema.json). */
export function systemJsonSchema(): Json {
  return toJsonSchema(
    systemSchema,
    'https://kiban.pref.example.jp/schemas/system.schema.json',
    '個別業務システム宣言（統合基盤）',
  );
}

/** The JSON Schema of a platform file of an estate (schemas/platform.schema.json). */
export function platformJsonSchema(): Json {
  return toJsonSchema(
    platformFileSchema,
    'https://kiban.pref.example.jp/schemas/platform.schema.json',
    '統合基盤の構成データ（プラットフォーム・専用ネットワーク・共用ライセンス）',
  );
}

/** The schema files kept in the repository, by path relative to the repository root. */
export function schemaFiles(): Record<string, string> {
  return {
    'schemas/system.schema.json': `${JSON.stringify(systemJsonSchema(), null, 2)}\n`,
    'schemas/platform.schema.json': `${JSON.stringify(platformJsonSchema(), null, 2)}\n`,
  };
}
