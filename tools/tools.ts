/**
 * `npm run tools`: the real tools of the end-to-end suite, cached by version in `.tools/` (ignored by git).
 *
 * - the Terraform provider vmware/vsphere 2.15.0 (the version the bindings target), from, in order:
 *   the cache (`.tools/providers/…/2.15.0/linux_amd64/`), an already-built binary named by
 *   KIBAN_VSPHERE_PROVIDER (copied into the cache), or `go install` of the 2.15.0 commit through the
 *   Go module proxy. When none works the reason is recorded and printed, and the e2e suite reports
 *   itself SKIPPED with that reason;
 * - vcsim: our own small main (tools/vcsim, govmomi pinned in its go.mod), built with `go build`;
 * - a Terraform CLI: the machine's `terraform` if present, else `go install` of terraform v1.8.5;
 * - a Terraform CLI config (`.tools/terraformrc`) with a filesystem_mirror for
 *   registry.terraform.io/vmware/vsphere and no `direct`, so `terraform init` installs the local build offline.
 *
 * Writes `.tools/tools.json` (read by e2e/tools.ts). Exits 1 only when vcsim fails to build (our own code).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const PROVIDER_VERSION = '2.15.0';
/** The commit of the v2.15.0 tag: the module path has no /v2 suffix, so `@v2.15.0` is refused. */
export const PROVIDER_COMMIT = '0aab07b95f220f447e994d028a52ed50d4264166';
export const PROVIDER_MODULE = 'github.com/vmware/terraform-provider-vsphere';
export const TERRAFORM_FALLBACK = 'v1.8.5';
export const PROVIDER_PLATFORM = 'linux_amd64';

const root = path.resolve(__dirname, '..');
export const TOOLS_DIR = process.env.KIBAN_TOOLS_DIR ?? path.join(root, '.tools');

export interface ToolsStatus {
  readonly provider: {
    readonly ok: boolean;
    readonly path?: string;
    readonly source?: string;
    readonly reason?: string;
  };
  readonly vcsim: { readonly ok: boolean; readonly path?: string; readonly reason?: string };
  readonly terraform: {
    readonly ok: boolean;
    readonly path?: string;
    readonly version?: string;
    readonly source?: string;
    readonly reason?: string;
  };
  readonly cliConfig: string;
  readonly pluginCache: string;
  readonly seconds: number;
}

/** Where the provider lives in the filesystem mirror (Terraform's unpacked layout). */
export function providerMirrorDir(toolsDir = TOOLS_DIR): string {
  return path.join(toolsDir, 'providers');
}

export function providerBinaryPath(toolsDir = TOOLS_DIR): string {
  return path.join(
    providerMirrorDir(toolsDir),
    'registry.terraform.io',
    'vmware',
    'vsphere',
    PROVIDER_VERSION,
    PROVIDER_PLATFORM,
    `terraform-provider-vsphere_v${PROVIDER_VERSION}`,
  );
}

const log = (s: string) => process.stderr.write(`[tools] ${s}\n`);

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (dir && isExecutable(p)) return p;
  }
  return undefined;
}

function goInstall(pkg: string, bin: string): { ok: boolean; output: string } {
  fs.mkdirSync(bin, { recursive: true });
  const r = spawnSync('go', ['install', pkg], {
    env: { ...process.env, GOBIN: bin, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: r.status === 0, output: `${r.error?.message ?? ''}${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

function installCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const tmp = `${to}.tmp-${process.pid}`;
  fs.copyFileSync(from, tmp);
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, to);
}

function provider(toolsDir: string): ToolsStatus['provider'] {
  const target = providerBinaryPath(toolsDir);
  if (isExecutable(target)) return { ok: true, path: target, source: 'cache' };
  const given = process.env.KIBAN_VSPHERE_PROVIDER;
  if (given) {
    if (!isExecutable(given)) return { ok: false, reason: `KIBAN_VSPHERE_PROVIDER=${given} is not an executable file` };
    installCopy(given, target);
    return { ok: true, path: target, source: `KIBAN_VSPHERE_PROVIDER (${given})` };
  }
  if (!which('go'))
    return { ok: false, reason: 'no Go toolchain to build it, no KIBAN_VSPHERE_PROVIDER, nothing in the cache' };
  log(`building ${PROVIDER_MODULE}@${PROVIDER_COMMIT} (v${PROVIDER_VERSION}) through the Go module proxy…`);
  const bin = path.join(toolsDir, 'build', 'provider');
  const r = goInstall(`${PROVIDER_MODULE}@${PROVIDER_COMMIT}`, bin);
  const built = path.join(bin, 'terraform-provider-vsphere');
  if (r.ok && isExecutable(built)) {
    installCopy(built, target);
    return { ok: true, path: target, source: `go install ${PROVIDER_MODULE}@${PROVIDER_COMMIT}` };
  }
  const last = r.output
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-2)
    .join(' / ');
  return {
    ok: false,
    reason: `go install ${PROVIDER_MODULE}@${PROVIDER_COMMIT} failed (${last}); give an already-built provider with KIBAN_VSPHERE_PROVIDER=/path/to/terraform-provider-vsphere_v${PROVIDER_VERSION}`,
  };
}

function vcsim(toolsDir: string): ToolsStatus['vcsim'] {
  const src = path.join(root, 'tools', 'vcsim');
  const hash = crypto.createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(fs.readFileSync(path.join(src, f)));
  const target = path.join(toolsDir, `vcsim-${hash.digest('hex').slice(0, 12)}`, 'kiban-vcsim');
  if (isExecutable(target)) return { ok: true, path: target };
  if (!which('go')) return { ok: false, reason: 'no Go toolchain to build tools/vcsim' };
  log('building tools/vcsim (govmomi simulator)…');
  const r = spawnSync('go', ['build', '-o', `${target}.tmp`, '.'], {
    cwd: src,
    env: { ...process.env, CGO_ENABLED: '0' },
    encoding: 'utf8',
  });
  if (r.status !== 0) return { ok: false, reason: `go build in tools/vcsim failed: ${(r.stderr ?? '').trim()}` };
  fs.renameSync(`${target}.tmp`, target);
  return { ok: true, path: target };
}

function terraformVersion(bin: string): string | undefined {
  try {
    return (
      JSON.parse(
        execFileSync(bin, ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } }),
      ) as { terraform_version: string }
    ).terraform_version;
  } catch {
    return undefined;
  }
}

function terraform(toolsDir: string): ToolsStatus['terraform'] {
  const machine = which('terraform');
  if (machine) {
    const version = terraformVersion(machine);
    if (version) return { ok: true, path: machine, version, source: 'machine' };
  }
  const bin = path.join(toolsDir, `terraform-${TERRAFORM_FALLBACK}`);
  const target = path.join(bin, 'terraform');
  if (!isExecutable(target)) {
    if (!which('go')) return { ok: false, reason: 'no terraform on PATH and no Go toolchain to build one' };
    log(`building terraform ${TERRAFORM_FALLBACK} through the Go module proxy…`);
    const r = goInstall(`github.com/hashicorp/terraform@${TERRAFORM_FALLBACK}`, bin);
    if (!r.ok)
      return {
        ok: false,
        reason: `go install github.com/hashicorp/terraform@${TERRAFORM_FALLBACK} failed: ${r.output.split('\n').slice(-2).join(' / ')}`,
      };
  }
  return {
    ok: true,
    path: target,
    version: terraformVersion(target) ?? TERRAFORM_FALLBACK,
    source: `go install (${TERRAFORM_FALLBACK})`,
  };
}

/** The Terraform CLI config: the local provider build only, never the registry (no `direct`). */
export function renderCliConfig(mirror: string, pluginCache: string): string {
  return [
    '# Generated by `npm run tools`: installs vmware/vsphere from the local build only (offline).',
    `plugin_cache_dir = ${JSON.stringify(pluginCache)}`,
    'disable_checkpoint = true',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirror)}`,
    '    include = ["registry.terraform.io/vmware/vsphere"]',
    '  }',
    '}',
    '',
  ].join('\n');
}

export function buildTools(toolsDir = TOOLS_DIR): ToolsStatus {
  const t0 = Date.now();
  fs.mkdirSync(toolsDir, { recursive: true });
  const pluginCache = path.join(toolsDir, 'plugin-cache');
  fs.mkdirSync(pluginCache, { recursive: true });
  const cliConfig = path.join(toolsDir, 'terraformrc');
  fs.writeFileSync(cliConfig, renderCliConfig(providerMirrorDir(toolsDir), pluginCache));
  const status: ToolsStatus = {
    provider: provider(toolsDir),
    vcsim: vcsim(toolsDir),
    terraform: terraform(toolsDir),
    cliConfig,
    pluginCache,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
  };
  fs.writeFileSync(path.join(toolsDir, 'tools.json'), `${JSON.stringify(status, null, 2)}\n`);
  return status;
}

if (require.main === module) {
  const s = buildTools();
  log(
    `provider vmware/vsphere ${PROVIDER_VERSION}: ${s.provider.ok ? `${s.provider.path} (${s.provider.source})` : `UNAVAILABLE: ${s.provider.reason}`}`,
  );
  log(`vcsim: ${s.vcsim.ok ? s.vcsim.path : `FAILED: ${s.vcsim.reason}`}`);
  log(
    `terraform: ${s.terraform.ok ? `${s.terraform.path} ${s.terraform.version} (${s.terraform.source})` : `UNAVAILABLE: ${s.terraform.reason}`}`,
  );
  log(`CLI config: ${s.cliConfig}; ${s.seconds} s`);
  process.exitCode = s.vcsim.ok ? 0 : 1;
}
