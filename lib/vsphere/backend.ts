import { TfBackend } from './terraform';

/** Where Terraform keeps a stack's state. */
export const STATE_BACKENDS = ['pg', 'local'] as const;
export type StateBackendKind = (typeof STATE_BACKENDS)[number];

/** Prefix of the PostgreSQL schema of each stack: `kiban_<stack id with "-" as "_">`. */
export const STATE_SCHEMA_PREFIX = 'kiban_';

/** The PostgreSQL schema holding the state of a stack (one schema per stack: its own lock and history). */
export function stateSchemaName(stackId: string): string {
  return `${STATE_SCHEMA_PREFIX}${stackId.replace(/-/g, '_')}`;
}

/** Name of the state file of the explicit local backend, relative to the stack folder. */
export const LOCAL_STATE_FILE = 'terraform.tfstate';

/**
 * A stack's state backend.
 *
 * - `pg` (the default): Terraform's PostgreSQL backend, one schema per stack. The connection string
 *   is never part of the output: give it at `terraform init` time with
 *   `-backend-config="conn_str=…"` or the `PG_CONN_STR` environment variable.
 * - `local`: a state file next to the stack (`terraform.tfstate`, relative to the stack folder), for
 *   a single engineer's trial runs.
 *
 * Either way the synthesized JSON holds no path of the machine that synthesized it, so the output is
 * byte-identical in any folder.
 */
export function stateBackendOf(stackId: string, kind: StateBackendKind): TfBackend {
  return kind === 'local'
    ? { type: 'local', config: { path: LOCAL_STATE_FILE } }
    : { type: 'pg', config: { schema_name: stateSchemaName(stackId) } };
}
