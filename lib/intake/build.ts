import * as path from 'path';
import { DedicatedVlan, DedicatedVlanProps } from '../model/dedicated-vlan';
import { DeclarationError, DeclarationIssue } from '../model/errors';
import { Estate } from '../model/estate';
import {
  SharedLicenseProps,
  SharedOracleLicense,
  SharedRhelLicense,
  SharedWindowsDatacenterLicense,
} from '../model/shared-license';
import { IndividualBusinessSystem, IndividualBusinessSystemProps, systemSchema } from '../model/system';
import { IntakeIssue, intakeIssue, relocate } from './issues';
import { ParsedDeclarationFile } from './parse';
import { SHARED_LICENSE_IDS } from './schema';
import { schemaIssues } from './schema-issues';

export { schemaIssues };

/** Splits a dotted field path of the model (`servers.0.nics.1.network`) into segments. */
export function fieldPath(field: string): Array<string | number> {
  if (field === '' || field === '(root)') return [];
  return field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Maps a model issue (construct path + field) back to the file, under a field prefix. */
function fromModel(parsed: ParsedDeclarationFile, i: DeclarationIssue, prefix: Array<string | number>): IntakeIssue {
  const p = [...prefix, ...fieldPath(i.field)];
  return relocate(i, parsed.file, parsed.positionOf(p), p.length === 0 ? '(root)' : p.join('.'));
}

function internal(parsed: ParsedDeclarationFile, e: unknown, at: Array<string | number>): IntakeIssue {
  const msg = (e as Error)?.message ?? String(e);
  return intakeIssue({
    file: parsed.file,
    pos: parsed.positionOf(at),
    code: 'KIBAN_INTAKE_FAILED',
    ruleId: 'SCHEMA',
    field: at.join('.') || '(root)',
    value: undefined,
    message: `the declaration could not be built: ${msg.split('\n')[0]}`,
    messageJa: `宣言を構築できませんでした: ${msg.split('\n')[0]}`,
    fix: 'correct the declaration; report this message to the platform admin if it persists',
    fixJa: '宣言を修正してください。解消しない場合はこのメッセージを統合基盤管理者に連絡してください',
  });
}

/** Checks of the folder layout systems/<department>/<systemId>.yaml. */
function layoutIssues(parsed: ParsedDeclarationFile, data: { department: string; systemId: string }): IntakeIssue[] {
  const parts = path.resolve(parsed.file).split(path.sep);
  const folder = parts[parts.length - 2];
  if (parts[parts.length - 3] !== 'systems' || folder === undefined) return [];
  const out: IntakeIssue[] = [];
  if (folder !== data.department) {
    out.push(
      intakeIssue({
        file: parsed.file,
        pos: parsed.positionOf(['department']),
        code: 'KIBAN_FOLDER_DEPARTMENT',
        ruleId: 'R01',
        field: 'department',
        value: data.department,
        message: `the file is in the folder of department "${folder}" but declares department "${data.department}"`,
        messageJa: `ファイルは部局「${folder}」のフォルダにありますが、所管部局が「${data.department}」になっています`,
        fix: `move the file to systems/${data.department}/ or correct the department`,
        fixJa: `ファイルを systems/${data.department}/ に移すか、所管部局を直してください`,
      }),
    );
  }
  const stem = path.basename(parsed.file).replace(/\.ya?ml$/i, '');
  if (stem !== data.systemId) {
    out.push(
      intakeIssue({
        file: parsed.file,
        pos: parsed.positionOf(['systemId']),
        severity: 'warning',
        code: 'KIBAN_FILE_NAME',
        ruleId: 'R03',
        field: 'systemId',
        value: data.systemId,
        message: `name the file after the system id: ${data.systemId}.yaml`,
        messageJa: `ファイル名はシステムIDに合わせてください: ${data.systemId}.yaml`,
        fix: `rename the file to ${data.systemId}.yaml`,
        fixJa: `ファイル名を ${data.systemId}.yaml に変更してください`,
      }),
    );
  }
  return out;
}

/** The construct id a YAML-declared system gets: `<department>-<systemId>`. */
export const systemConstructId = (department: string, systemId: string): string => `${department}-${systemId}`;
/** The construct id a YAML-declared dedicated VLAN gets. */
export const vlanConstructId = (name: string): string => `vlan-${name}`;

/** Where a construct was declared: a file and the field path of its entry. */
export interface Origin {
  readonly file: string;
  readonly at: ReadonlyArray<string | number>;
}

export interface BuildResult {
  readonly issues: IntakeIssue[];
  readonly systems: IndividualBusinessSystem[];
  readonly vlans: DedicatedVlan[];
  /** System id per file, for reports. */
  readonly systemIds: Map<string, string>;
  /** Construct path → where it was declared (systems, their servers, dedicated VLANs, licence pools). */
  readonly origins: Map<string, Origin>;
}

const LICENSE_CLASSES = {
  oracleSe2: SharedOracleLicense,
  rhel: SharedRhelLicense,
  windowsDatacenter: SharedWindowsDatacenterLicense,
} as const;

/**
 * Builds parsed files into `estate`: from platform files (already checked against the platform
 * file schema) the shared licence pools, then the dedicated VLANs; then systems, in the given order.
 * Every problem (schema, construct-level references, layout) is returned located at file:line:column.
 */
export function buildInto(estate: Estate, files: readonly ParsedDeclarationFile[]): BuildResult {
  const issues: IntakeIssue[] = [];
  const systems: IndividualBusinessSystem[] = [];
  const vlans: DedicatedVlan[] = [];
  const systemIds = new Map<string, string>();
  const origins = new Map<string, Origin>();
  const platformFiles = files.filter((f) => f.kind === 'platform');
  const guard = (f: ParsedDeclarationFile, at: Array<string | number>, build: () => void): void => {
    try {
      build();
    } catch (e) {
      if (e instanceof DeclarationError) issues.push(...e.issues.map((di) => fromModel(f, di, at)));
      else issues.push(internal(f, e, at));
    }
  };
  for (const f of platformFiles) {
    const pools: Partial<Record<keyof typeof LICENSE_CLASSES, SharedLicenseProps>> =
      (f.data as { sharedLicenses?: Partial<Record<keyof typeof LICENSE_CLASSES, SharedLicenseProps>> })
        .sharedLicenses ?? {};
    for (const key of Object.keys(LICENSE_CLASSES) as Array<keyof typeof LICENSE_CLASSES>) {
      const props = pools[key];
      if (props === undefined) continue;
      guard(f, ['sharedLicenses', key], () => {
        const pool = new LICENSE_CLASSES[key](estate, SHARED_LICENSE_IDS[key], props);
        origins.set(pool.node.path, { file: f.file, at: ['sharedLicenses', key] });
      });
    }
  }
  for (const f of platformFiles) {
    const list = (f.data as { dedicatedVlans?: DedicatedVlanProps[] }).dedicatedVlans ?? [];
    list.forEach((props, i) =>
      guard(f, ['dedicatedVlans', i], () => {
        const vlan = new DedicatedVlan(estate, vlanConstructId(props.name), props);
        vlans.push(vlan);
        origins.set(vlan.node.path, { file: f.file, at: ['dedicatedVlans', i] });
      }),
    );
  }
  for (const f of files) {
    if (f.kind !== 'system') continue;
    // The system schema depends on nothing but the tool (whose fingerprint keys the cache): its verdict on
    // an unchanged declaration is kept.
    const bad = schemaIssues(f, systemSchema, estate.platform, 'system');
    issues.push(...bad);
    if (bad.length > 0) continue;
    const props = f.data as IndividualBusinessSystemProps;
    systemIds.set(f.file, props.systemId);
    // an unregistered department is one error (R01), not also a folder mismatch
    const layout = estate.platform.departments.some((d) => d.code === props.department) ? layoutIssues(f, props) : [];
    issues.push(...layout);
    guard(f, [], () => {
      const system = new IndividualBusinessSystem(estate, systemConstructId(props.department, props.systemId), props);
      systems.push(system);
      origins.set(system.node.path, { file: f.file, at: [] });
      (props.servers ?? []).forEach((s, i) =>
        origins.set(`${system.node.path}/${s.name}`, { file: f.file, at: ['servers', i] }),
      );
    });
  }
  return { issues, systems, vlans, systemIds, origins };
}
