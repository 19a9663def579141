import type { StateBackendKind } from './backend';
import * as fs from 'fs';
import * as path from 'path';
import { DedicatedVlan } from '../model/dedicated-vlan';
import { Estate } from '../model/estate';
import { IndividualBusinessSystem } from '../model/system';
import { factsJson, systemFacts, vlanFacts } from '../model/input-facts';
import { PLATFORM_STACK } from './names';
import { sha256, toolFingerprint } from '../model/tool';

/**
 * What each vSphere stack's output is a function of, hashed: the key incremental synth compares
 * to decide whether a stack of an earlier output can be copied instead of re-synthesized.
 *
 * - a system stack (system-stack.ts) reads its system's declaration (spec, servers, resolved NICs,
 *   backup volumes), the dedicated VLANs its NICs use, the platform data and the guest-OS facts;
 * - the platform stack (platform-stack.ts) reads the platform data and every dedicated VLAN of the estate;
 * - both depend on the tool: package.json's version, the lockfile (cdktf and the provider bindings)
 *   and every source file of lib/ (the emitters, the model that resolves declarations, the guest-OS facts).
 *
 * The clock is not an input: no stack reads it (date rules run in the rules stage, which always runs).
 * Keys are conservative: any change of the platform data re-synthesizes every stack.
 */

/** Bumped when the key material changes shape. */
// 2: the output hash is lib/model/reuse-index.ts's hashUnitFiles (each file's SHA-256), as for the other stages.
const KEY_FORMAT = 2;

export { toolFingerprint };

/** The input keys of every vSphere stack of `estate` (platform stack and one per vSphere system), by stack id. */
export function stackInputKeys(
  estate: Estate,
  systems: readonly IndividualBusinessSystem[],
  backend: StateBackendKind = 'pg',
): Map<string, string> {
  const base = `${KEY_FORMAT}\0${toolFingerprint()}\0${backend}\0${sha256(factsJson(estate.platform))}\0`;
  const keys = new Map<string, string>();
  const vlans = estate.node.findAll().filter((c): c is DedicatedVlan => c instanceof DedicatedVlan);
  keys.set(PLATFORM_STACK, sha256(`${base}platform\0${factsJson(vlans.map(vlanFacts))}`));
  for (const s of systems) keys.set(s.systemId, sha256(`${base}system\0${factsJson(systemFacts(s))}`));
  return keys;
}

/** The index incremental synth reads back: each stack's input key and a hash of its output files. */
export interface StackIndex {
  readonly format: number;
  readonly stacks: Readonly<Record<string, { readonly inputs: string; readonly output: string }>>;
}

/** Where the index lives in the output folder. */
export const STACK_INDEX_FILE = 'stack-inputs.json';

export function renderStackIndex(stacks: ReadonlyMap<string, { inputs: string; output: string }>): string {
  const sorted: Record<string, { inputs: string; output: string }> = {};
  for (const id of [...stacks.keys()].sort()) sorted[id] = stacks.get(id)!;
  return `${JSON.stringify({ format: KEY_FORMAT, stacks: sorted }, null, 2)}\n`;
}

/** Reads an earlier output's index; undefined when absent or not readable (then everything is synthesized). */
export function readStackIndex(dir: string): StackIndex | undefined {
  try {
    const j = JSON.parse(fs.readFileSync(path.join(dir, STACK_INDEX_FILE), 'utf8')) as StackIndex;
    if (j.format !== KEY_FORMAT || typeof j.stacks !== 'object' || j.stacks === null) return undefined;
    return j;
  } catch {
    return undefined;
  }
}
