/**
 * The verdict in the browser: `kiban validate`'s own code (lib/intake validateSources: the whole
 * estate loaded, the whole rule pack run) over the estate embedded in the page, with the clerk's
 * declaration in place of (or in addition to) the estate's file of the same path. The review
 * document preview and the print view come from the same estate, through lib/review.
 */
import { checkEstate } from '../../intake/estate';
import { IntakeIssue } from '../../intake/issues';
import { parseDeclarationFile } from '../../intake/parse';
import { validateSources } from '../../intake/validate';
import { Finding } from '../../model/finding';
import { renderSystemReview } from '../../review/document';
import { EstateManifest, ManifestSystem, buildEstateManifest } from '../../review/manifest';
import { runRulePack } from '../../rules/engine';
import { mount } from './fs';

export interface Verdict {
  /** True when `kiban validate` would accept the declaration (no error anywhere in the estate). */
  readonly ok: boolean;
  /** Problems of the clerk's file. */
  readonly errors: IntakeIssue[];
  readonly warnings: IntakeIssue[];
  /** Errors of other files of the estate (they fail validate too). */
  readonly otherErrors: IntakeIssue[];
  /** The review document (Markdown) of the system, when it could be built. */
  readonly reviewMarkdown: string | undefined;
  /** The system as the manifest normalizes it (print view), when it could be built. */
  readonly system: ManifestSystem | undefined;
  readonly manifest: EstateManifest | undefined;
}

let root = '/estate';
let now: string | undefined;

/** Mounts the embedded estate at `estateRoot`. */
export function mountEstate(estateRoot: string, files: Readonly<Record<string, string>>, fixedNow?: string): void {
  root = estateRoot;
  now = fixedNow;
  const abs: Record<string, string> = {};
  for (const [p, text] of Object.entries(files)) abs[`${estateRoot}/${p}`] = text;
  mount(abs);
}

/** The file's absolute path in the page's file system. */
export function estatePath(relative: string): string {
  return `${root}/${relative}`;
}

/** Checks the clerk's declaration (`relative`: systems/<department>/<systemId>.yaml) against the estate. */
export function verdictOf(relative: string, text: string): Verdict {
  const file = estatePath(relative);
  const opts = { estate: root, ...(now !== undefined ? { now } : {}) };
  const report = validateSources([{ path: file, text }], opts);
  const mine = report.files.find((f) => f.file === file);
  const errors = mine?.errors ?? [];
  const warnings = mine?.warnings ?? [];
  const otherErrors = report.errors.filter((i) => i.file !== file);
  let reviewMarkdown: string | undefined;
  let system: ManifestSystem | undefined;
  let manifest: EstateManifest | undefined;
  try {
    const parsed = parseDeclarationFile({ path: file, text });
    const checked = checkEstate(root, { files: [parsed], ...(now !== undefined ? { now } : {}) });
    const id = (parsed.data as { systemId?: unknown } | undefined)?.systemId;
    const dept = (parsed.data as { department?: unknown } | undefined)?.department;
    if (checked.estate && typeof id === 'string') {
      const findings: Finding[] = runRulePack(checked.estate).findings;
      manifest = buildEstateManifest(checked.estate);
      system = manifest.systems.find((s) => s.systemId === id && s.department === dept);
      if (system) reviewMarkdown = renderSystemReview(manifest, system, findings);
    }
  } catch {
    // The preview is a convenience; the verdict above is what counts.
  }
  return { ok: report.ok, errors, warnings, otherErrors, reviewMarkdown, system, manifest };
}
