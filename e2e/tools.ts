import * as fs from 'fs';
import * as path from 'path';
import { PROVIDER_VERSION, TOOLS_DIR, ToolsStatus } from '../tools/tools';

export interface E2eTools {
  readonly terraform: string;
  readonly vcsim: string;
  readonly cliConfig: string;
}

/**
 * The tools `npm run tools` built, or why the e2e suite cannot run. Only a missing vSphere provider
 * (`skip`) lets the suite report itself SKIPPED and pass; anything else is a failure.
 */
export function loadTools(toolsDir = TOOLS_DIR): { tools: E2eTools } | { unavailable: string; skip: boolean } {
  const file = path.join(toolsDir, 'tools.json');
  if (!fs.existsSync(file)) return { unavailable: `${file} not found: run \`npm run tools\` first`, skip: false };
  const s = JSON.parse(fs.readFileSync(file, 'utf8')) as ToolsStatus;
  if (!s.provider.ok || !s.provider.path || !fs.existsSync(s.provider.path))
    return {
      unavailable: `vSphere provider ${PROVIDER_VERSION} unavailable: ${s.provider.reason ?? 'missing from the cache'}`,
      skip: true,
    };
  if (!s.terraform.ok || !s.terraform.path)
    return { unavailable: `Terraform CLI unavailable: ${s.terraform.reason ?? 'unknown'}`, skip: false };
  if (!s.vcsim.ok || !s.vcsim.path)
    return { unavailable: `vcsim unavailable: ${s.vcsim.reason ?? 'unknown'}`, skip: false };
  return { tools: { terraform: s.terraform.path, vcsim: s.vcsim.path, cliConfig: s.cliConfig } };
}
