/* `kiban diff BASE HEAD`: load both outputs, compare, render. */

import { Change } from './change';
import { diffManifests } from './compare';
import { DIFF_HEADER, renderDiffMarkdown } from './diff-markdown';
import { loadOutputManifest } from './load-output';
import { cell, doc } from '../model/markdown';

export { DIFF_HEADER };

export interface DiffResult {
  readonly markdown: string;
  /** Problems that must fail the command (e.g. a server deleted instead of decommissioned). */
  readonly errors: string[];
  readonly changes: Change[];
}

/** `kiban diff BASE HEAD`: a pull-request comment of what two synth output folders change. */
export function diffOutputs(baseDir: string, headDir: string): DiffResult {
  const errors: string[] = [];
  const base = loadOutputManifest(baseDir, errors, 'BASE');
  const head = loadOutputManifest(headDir, errors, 'HEAD');
  if (!base || !head) {
    return {
      markdown: doc([DIFF_HEADER, '### ❌ エラー / Errors', errors.map((e) => `- ${cell(e)}`).join('\n')]),
      errors,
      changes: [],
    };
  }
  const d = diffManifests(base, head, { base: baseDir, head: headDir });
  return { markdown: renderDiffMarkdown(base, head, d.changes, d.errors), errors: d.errors, changes: d.changes };
}
