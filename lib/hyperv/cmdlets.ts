import reference from './hyperv-ws2016-cmdlets.json';
import clusterReference from './failoverclusters-ws2016-cmdlets.json';

/**
 * What the emitter may call: the Hyper-V module's cmdlets as documented for the target host
 * (hyperv-ws2016-cmdlets.json, with parameter sets), the few FailoverClusters cmdlets it needs
 * (failoverclusters-ws2016-cmdlets.json, transcribed from Microsoft's Windows Server 2016 pages; see
 * its `source` and `notes`), and a small explicit allow-list of other cmdlets.
 */

interface CmdletParam {
  readonly sets: readonly string[];
  readonly required: readonly string[];
  readonly aliases?: readonly string[];
}
interface CmdletRef {
  readonly parameterSets: Readonly<Record<string, readonly string[]>>;
  readonly parameters: Readonly<Record<string, CmdletParam>>;
}

const HYPERV = (reference as unknown as { cmdlets: Record<string, CmdletRef> }).cmdlets;
const CLUSTER = (clusterReference as unknown as { cmdlets: Record<string, CmdletRef> }).cmdlets;
const CMDLETS: Record<string, CmdletRef> = { ...HYPERV, ...CLUSTER };
const COMMON = new Set(
  Object.keys((reference as unknown as { commonParameters: Record<string, unknown> }).commonParameters).map((p) =>
    p.toLowerCase(),
  ),
);

/** Non-Hyper-V cmdlets the emitter uses, with the parameters it may pass to each. */
export const ALLOWED_OTHER_CMDLETS: Readonly<Record<string, readonly string[]>> = {
  'Set-StrictMode': ['Version'],
  'Write-Host': ['Object'],
  'Write-Verbose': ['Message'],
  'Write-Warning': ['Message'],
  'Test-Path': ['LiteralPath'],
  'Join-Path': ['Path', 'ChildPath'],
  'Split-Path': ['LiteralPath', 'Parent'],
  'Copy-Item': ['LiteralPath', 'Destination'],
  'New-Item': ['ItemType', 'Path', 'Force'],
  'Remove-Item': ['LiteralPath', 'Recurse', 'Force'],
  'Set-Content': ['LiteralPath', 'Value', 'Encoding'],
  'Get-ChildItem': ['LiteralPath', 'Filter', 'Recurse', 'File'],
  'Get-Date': ['Date'],
  // Storage module (Windows Server 2016): the Windows partition of a mounted template gets an explicit drive letter.
  'Get-Partition': ['DiskNumber', 'PartitionNumber'],
  'Add-PartitionAccessPath': ['DiskNumber', 'PartitionNumber', 'AssignDriveLetter'],
  'Remove-PartitionAccessPath': ['DiskNumber', 'PartitionNumber', 'AccessPath'],
  'Get-CimInstance': ['ClassName'],
};

export function isHyperVCmdlet(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(HYPERV, name);
}

export function isFailoverClusterCmdlet(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CLUSTER, name);
}

/**
 * Checks one call: the cmdlet exists (Hyper-V reference or allow-list) and the parameters given
 * are all of one parameter set, with that set's mandatory parameters present. Returns the problem,
 * or undefined when the call is valid. `pipedInput` relaxes the mandatory check (pipeline binding).
 */
export function checkCall(name: string, params: readonly string[], pipedInput = false): string | undefined {
  // Pure on its arguments, and a script set repeats a few dozen distinct calls thousands of times (issue 14).
  const key = `${name}\0${pipedInput ? 1 : 0}\0${params.join('\0')}`;
  if (checked.has(key)) return checked.get(key);
  const problem = checkCallUncached(name, params, pipedInput);
  checked.set(key, problem);
  return problem;
}

/** Verdicts of checkCall by call (cmdlet, piped input, parameter names). */
const checked = new Map<string, string | undefined>();

function checkCallUncached(name: string, params: readonly string[], pipedInput: boolean): string | undefined {
  const given = params.filter((p) => !COMMON.has(p.toLowerCase()));
  const other = ALLOWED_OTHER_CMDLETS[name];
  if (other !== undefined) {
    const bad = given.filter((p) => !other.includes(p));
    return bad.length > 0 ? `${name}: parameter(s) ${bad.join(', ')} not in the allow-list` : undefined;
  }
  const ref = CMDLETS[name];
  if (ref === undefined) return `${name}: not a cmdlet of the Hyper-V or FailoverClusters module nor allow-listed`;
  const canonical = (p: string): string | undefined => {
    for (const [k, v] of Object.entries(ref.parameters)) {
      if (k.toLowerCase() === p.toLowerCase() || (v.aliases ?? []).some((a) => a.toLowerCase() === p.toLowerCase()))
        return k;
    }
    return undefined;
  };
  const names: string[] = [];
  for (const p of given) {
    const c = canonical(p);
    if (c === undefined) return `${name}: no parameter -${p}`;
    names.push(c);
  }
  const problems: string[] = [];
  for (const [set, members] of Object.entries(ref.parameterSets)) {
    const missing = names.filter((n) => !members.includes(n));
    if (missing.length > 0) {
      problems.push(`${set}: ${missing.join(', ')} not in set`);
      continue;
    }
    const mandatory = Object.entries(ref.parameters)
      .filter(([, v]) => v.required.includes(set))
      .map(([k]) => k)
      .filter((k) => !names.includes(k));
    if (mandatory.length > 0 && !pipedInput) {
      problems.push(`${set}: mandatory ${mandatory.join(', ')} missing`);
      continue;
    }
    return undefined;
  }
  return `${name} ${names.map((n) => `-${n}`).join(' ')}: no parameter set fits (${problems.join('; ')})`;
}
