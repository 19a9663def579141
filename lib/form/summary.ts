/**
 * What the form page carries of the estate, fixed at generation time: the platform files as they
 * are, and a summary of every existing system, i.e. its declaration with the contacts' names,
 * sections, phones and e-mail addresses replaced by placeholders (the rules never read them), so
 * duplicates, subnets, capacity and licences are checked in the browser by the same rule pack
 * without handing every department's staff list to every clerk. A file that has errors goes in as
 * it is (its errors fail the estate, as in `kiban validate`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { yamlLib } from '../model/yaml-lib';
import { checkEstate, estateFiles, PLATFORM_FOLDER, SYSTEMS_FOLDER } from '../intake/estate';
import { EstateCheck, EstateFiles } from '../intake/estate';
import { DedicatedVlan } from '../model/dedicated-vlan';
import { findGuestOs, guestOsCatalog } from '../model/guest-os';
import { STANDARD_NETWORKS } from '../model/platform';
import { FormChoices } from './form-schema';
import { openSummaryCache } from './summary-cache';

/** The folder the estate is mounted at inside the page. */
export const PAGE_ESTATE_ROOT = '/estate';

/** The estate as the page carries it. */
export interface EstateSummary {
  /** Files by path relative to the estate folder (`platform/…`, `systems/<dept>/<file>`). */
  readonly files: Record<string, string>;
  /** Choices for the form (departments, networks, templates, guest OS, clusters). */
  readonly choices: FormChoices;
  /** The existing systems, for the page's list (department, id, name). */
  readonly systems: ReadonlyArray<{
    readonly department: string;
    readonly systemId: string;
    readonly systemName: string;
  }>;
  /** True when the estate has an index.ts: the systems it declares are not in the summary. */
  readonly scriptLeftOut: boolean;
}

const PLACEHOLDER = { nameJa: '（省略）', phone: '000-000-0000', email: 'omitted@example.invalid' };

function redactContact(c: unknown): unknown {
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return c;
  const { sectionJa: _s, ...rest } = c as Record<string, unknown>;
  return { ...rest, ...PLACEHOLDER };
}

/** A system declaration without its people: contacts replaced by placeholders. */
export function redactSystem(data: Record<string, unknown>): Record<string, unknown> {
  const contacts = data.contacts;
  if (contacts === null || typeof contacts !== 'object' || Array.isArray(contacts)) return data;
  const out: Record<string, unknown> = {};
  for (const [role, c] of Object.entries(contacts as Record<string, unknown>)) out[role] = redactContact(c);
  return { ...data, contacts: out };
}

/**
 * The estate checked without its TypeScript (the systems it declares are left out of the page). A
 * check of the same folder made by the run is used as it is when the estate has no TypeScript (the
 * same check), else its parsed files are built again without the script.
 */
function summaryCheck(dir: string, listed: EstateFiles, loaded: EstateCheck | undefined): EstateCheck {
  if (loaded === undefined || loaded.dir !== dir) return checkEstate(dir, { typescript: false });
  if (listed.script === undefined) return loaded;
  return checkEstate(dir, { typescript: false, files: loaded.files });
}

function choicesOf(checked: EstateCheck): FormChoices {
  const estate = checked.estate;
  if (!estate) return { departments: [], networks: [], templates: [], guestOs: [], clusters: [] };
  const p = estate.platform;
  const vlans = estate.node.findAll().filter((c): c is DedicatedVlan => c instanceof DedicatedVlan);
  const templates = new Map<string, string>();
  const add = (t: { key: string; guestOs: string }, where: string) => {
    const os = findGuestOs(t.guestOs)?.name ?? t.guestOs;
    templates.set(t.key, templates.has(t.key) ? `${templates.get(t.key)}・${where}` : `${os} ${where}`);
  };
  for (const t of p.vsphere.templates) add(t, 'VMware');
  for (const t of p.hyperv.templates) add(t, 'Hyper-V');
  return {
    departments: p.departments.map((d) => ({ value: d.code, titleJa: d.nameJa })),
    networks: [
      ...STANDARD_NETWORKS.map((k) => ({ value: k, titleJa: p.networks[k].nameJa })),
      ...vlans.map((v) => ({ value: v.props.name, titleJa: (v.props as { nameJa?: string }).nameJa ?? v.props.name })),
    ],
    templates: [...templates].map(([value, titleJa]) => ({ value, titleJa })),
    guestOs: [...guestOsCatalog().values()].map((g) => ({ value: g.key, titleJa: g.name })),
    clusters: p.vsphere.clusters.map((c) => ({ value: c.name, titleJa: c.name })),
  };
}

/**
 * Reads an estate folder into the page's summary. `loaded`: the check the same run already made of
 * `dir` (synth's), whose parsed files are used instead of reading them again.
 */
export function summarizeEstate(dir: string, loaded?: EstateCheck): EstateSummary {
  const listed = estateFiles(dir);
  const checked = summaryCheck(dir, listed, loaded);
  const bad = new Set(checked.issues.filter((i) => i.severity === 'error').map((i) => path.resolve(i.file)));
  const files: Record<string, string> = {};
  const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  for (const p of listed.platform) files[rel(p)] = fs.readFileSync(p, 'utf8');
  const systems: Array<{ department: string; systemId: string; systemName: string }> = [];
  const summaries = openSummaryCache(dir);
  for (const f of checked.files) {
    if (listed.platform.includes(f.file) || !listed.systems.includes(f.file)) continue;
    const data = f.data as Record<string, unknown> | undefined;
    if (bad.has(path.resolve(f.file)) || f.kind !== 'system' || !data) {
      files[rel(f.file)] = fs.readFileSync(f.file, 'utf8');
      continue;
    }
    const redacted = redactSystem(data);
    files[rel(f.file)] = summaries.get(
      redacted,
      () => `# 既存システムの要約（連絡先は省略）\n${yamlLib().stringify(redacted, { lineWidth: 0, version: '1.2' })}`,
    );
    systems.push({
      department: String(data.department),
      systemId: String(data.systemId),
      systemName: String(data.systemName),
    });
  }
  summaries.save();
  return { files, choices: choicesOf(checked), systems, scriptLeftOut: listed.script !== undefined };
}

export { PLATFORM_FOLDER, SYSTEMS_FOLDER };
