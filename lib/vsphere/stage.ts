import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { SynthStage } from '../synth/context';
import { StateBackendKind } from './backend';
import { emitVsphere } from './emit';
import { ovfImportScriptPath, renderOvfImportScript } from './v2v-import';

export interface VsphereStageOptions {
  /** State backend of every stack. @default 'pg' */
  readonly backend?: StateBackendKind;
}

/**
 * The vSphere stage: one TerraformStack per vSphere system plus the shared platform stack, synthesized by cdktf into the output folder,
 * and `v2v/<systemId>/<server>-import-ovf.ps1` for each server migrated from an OVF.
 */
export function vsphereStage(options: VsphereStageOptions = {}): SynthStage {
  return {
    name: 'vsphere',
    run(ctx) {
      const app = new App({ outdir: ctx.workdir, skipValidation: false });
      const stacks = emitVsphere(app, ctx.estate, { progress: (d, t) => ctx.progress('vsphere', d, t), ...(options.backend ? { backend: options.backend } : {}) });
      app.synth();
      completeStackMetadata(ctx.workdir);
      // V2V from OVF: the one-off import scripts for the management terminal (R20, R34).
      for (const stack of stacks.systems.values()) for (const plan of stack.ovfImports) ctx.files.set(ovfImportScriptPath(plan), renderOvfImportScript(plan));
    },
  };
}

/**
 * cdktf's manifest.json names a `stackMetadataPath` (stacks/<id>/metadata.json) for every stack but
 * writes that file only for HCL output. Writes it for JSON output too, with the stack's own `//`
 * metadata (what cdktf writes for HCL), so the manifest has no dangling reference.
 */
export function completeStackMetadata(outdir: string): void {
  const manifestPath = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) return;
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string; stackMetadataPath?: string }> };
  for (const stack of Object.values(manifest.stacks)) {
    if (!stack.stackMetadataPath) continue;
    const target = path.join(outdir, stack.stackMetadataPath);
    if (fs.existsSync(target)) continue;
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), 'utf8')) as { '//'?: unknown };
    fs.writeFileSync(target, `${JSON.stringify({ '//': tf['//'] ?? {} }, null, 2)}\n`);
  }
}
