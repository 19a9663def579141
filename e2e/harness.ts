/**
 * The end-to-end harness: a throwaway PostgreSQL cluster and the vCenter simulator on loopback,
 * the synthesized stacks, and Terraform run against both (init with the pg backend, plan, show -json, apply).
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import { Estate } from '../lib/model/estate';
import { hypervStage } from '../lib/hyperv/stage';
import { reviewStage } from '../lib/review/stage';
import { diffOutputs } from '../lib/review/diff';
import { rulesStage } from '../lib/rules/stage';
import { synthesize } from '../lib/synth/pipeline';
import { vsphereStage } from '../lib/vsphere/stage';
import { App } from 'cdktf';
import { emitVsphere, systemsOf } from '../lib/vsphere/emit';
import { findGuestOs, vsphereSupport } from '../lib/model/guest-os';
import { PLATFORM_STACK } from '../lib/vsphere/names';
import { seedFor } from './seed';
import { E2eTools } from './tools';

const log = (s: string) => process.stderr.write(`[e2e] ${s}\n`);

/** A free loopback TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** PostgreSQL server binaries (initdb, pg_ctl, psql): Debian's /usr/lib/postgresql/<version>/bin, else the folder initdb on PATH links to. */
export function findPostgresBin(): string | undefined {
  const complete = (dir: string) => ['initdb', 'pg_ctl', 'psql'].every((c) => fs.existsSync(path.join(dir, c)));
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs
      .readdirSync(base)
      .filter((v) => complete(path.join(base, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !fs.existsSync(path.join(dir, 'initdb'))) continue;
    const real = path.dirname(fs.realpathSync(path.join(dir, 'initdb')));
    if (complete(real)) return real;
  }
  return undefined;
}

/** The role Terraform's pg backend connects as, with only the grants README "Applying the output" documents. */
export const STATE_ROLE = 'kiban_terraform';
export const STATE_DATABASE = 'kiban_state';

/**
 * The grants the state role needs, run by the database owner in the state database (documented in
 * README "Applying the output"): connect, create one schema per stack, and create the backend's
 * shared sequence `public.global_states_id_seq` (PostgreSQL 15 revoked CREATE on schema public from PUBLIC).
 */
export function stateRoleGrants(database: string, role: string): string[] {
  return [
    `REVOKE ALL ON DATABASE ${database} FROM PUBLIC`,
    `GRANT CONNECT, CREATE ON DATABASE ${database} TO ${role}`,
    `GRANT USAGE, CREATE ON SCHEMA public TO ${role}`,
  ];
}

export interface Postgres {
  readonly connStr: string;
  stop(): void;
}

/**
 * Starts a throwaway PostgreSQL cluster (initdb in a temp folder, loopback port only) and creates
 * the state database and a role with only the documented grants ({@link stateRoleGrants}).
 */
export async function startPostgres(): Promise<Postgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (install the Debian package postgresql)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-e2e-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  // initdb refuses to run as root: run the server as the postgres system user then.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot
      ? (['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] as const)
      : ([path.join(bin, cmd), args] as const);
    const r = spawnSync(full[0], [...full[1]], { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.error?.message ?? ''}${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  if (asRoot) spawnSync('chown', ['postgres', dir]);
  const psqlArgs = (db: string) => [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-d',
    db,
    '-v',
    'ON_ERROR_STOP=1',
  ];
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  run('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`,
    'start',
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stop);
    try {
      run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  // A run that dies half-way still stops its server (vcsim stops by itself when its stdin closes).
  process.once('exit', stop);
  try {
    run('psql', [...psqlArgs('postgres'), '-qc', `CREATE ROLE ${STATE_ROLE} LOGIN PASSWORD 'e2e-only'`]);
    run('psql', [...psqlArgs('postgres'), '-qc', `CREATE DATABASE ${STATE_DATABASE}`]);
    for (const g of stateRoleGrants(STATE_DATABASE, STATE_ROLE)) run('psql', [...psqlArgs(STATE_DATABASE), '-qc', g]);
  } catch (e) {
    stop();
    throw e;
  }
  return { connStr: `postgres://${STATE_ROLE}:e2e-only@127.0.0.1:${port}/${STATE_DATABASE}?sslmode=disable`, stop };
}

export interface Vcsim {
  /** `host:port` for TF_VAR_vsphere_server. */
  readonly server: string;
  /** PEM file of the simulator's TLS certificate (trusted through SSL_CERT_FILE). */
  readonly certFile: string;
  /** Destroys a seeded template and creates it again with a new UUID (optionally another firmware and SCSI controller); returns the new UUID. */
  rebuild(vm: string, hardware?: { readonly firmware: string; readonly scsiType: string }): Promise<string>;
  uuid(vm: string): Promise<string>;
  /** Creates a VM in a folder, as the management terminal's OVF import script would (V2V from OVF, step 1). */
  importVm(vm: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/** Starts tools/vcsim on a loopback port with the inventory of `seed` (a JSON file). */
export async function startVcsim(binary: string, seedFile: string): Promise<Vcsim> {
  const child: ChildProcess = spawn(binary, ['-seed', seedFile, '-listen', '127.0.0.1:0'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  lines.on('line', (l) => waiting.shift()?.(l));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve);
      void exited.then(() => reject(new Error(`vcsim exited: ${stderr.trim()}`)));
    });
  const ready = await next();
  const m = /^KIBAN_VCSIM_READY (\S+) (\S+)$/.exec(ready);
  if (!m) throw new Error(`vcsim: unexpected output ${ready}`);
  const url = new URL(m[1]!);
  const ask = async (cmd: string) => {
    const answer = next();
    child.stdin!.write(`${cmd}\n`);
    const a = await answer;
    if (!a.startsWith('ok ')) throw new Error(`vcsim ${cmd}: ${a}`);
    return a.slice(3);
  };
  return {
    server: url.host,
    certFile: m[2]!,
    rebuild: (vm, hw) => ask(hw ? `rebuild ${vm} ${hw.firmware} ${hw.scsiType}` : `rebuild ${vm}`),
    uuid: (vm) => ask(`uuid ${vm}`),
    importVm: (vm) => ask(`import ${JSON.stringify(vm)}`),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One resource change of `terraform show -json` (the fields the harness and plan-review read). */
export interface PlanResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly change: {
    readonly actions: string[];
    readonly before: unknown;
    readonly after: unknown;
    readonly replace_paths?: unknown[];
  };
}

export interface PlanJson {
  readonly format_version: string;
  readonly resource_changes?: PlanResourceChange[];
  readonly [k: string]: unknown;
}

/** `terraform show -json` of a state (the fields the scenarios read). */
export interface StateJson {
  readonly values?: {
    readonly root_module?: {
      readonly resources?: {
        readonly address: string;
        readonly mode: 'managed' | 'data';
        readonly type: string;
        readonly values: Record<string, unknown>;
      }[];
    };
  };
}

export interface TerraformRun {
  readonly stack: string;
  readonly plan: PlanJson;
  readonly seconds: number;
}

/** The environment Terraform runs with: CLI config, state connection, simulator credentials as TF_VAR_. */
export function terraformEnv(
  tools: E2eTools,
  pg: Postgres,
  vc: Vcsim,
  windowsServers: readonly string[],
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_CLI_CONFIG_FILE: tools.cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    PG_CONN_STR: pg.connStr,
    SSL_CERT_FILE: vc.certFile,
    TF_VAR_vsphere_server: vc.server,
    TF_VAR_vsphere_user: 'user',
    TF_VAR_vsphere_password: 'pass',
  };
  for (const s of windowsServers)
    env[`TF_VAR_windows_admin_password_${s.replace(/[^a-zA-Z0-9_]/g, '_')}`] = 'E2e-only-Passw0rd';
  return env;
}

/** Runs Terraform in stack folders. */
export class Terraform {
  constructor(
    private readonly bin: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  private run(dir: string, args: string[]): string {
    const t0 = Date.now();
    const r = spawnSync(this.bin, args, {
      cwd: dir,
      env: this.env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 5 * 60 * 1000,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    log(
      `terraform ${args[0]} ${path.basename(path.dirname(path.dirname(dir)))}/${path.basename(dir)}: ${r.status === 0 ? 'ok' : `exit ${r.status}`} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
    if (r.status !== 0)
      throw new Error(
        `terraform ${args[0]} in ${dir} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${r.stderr}\n${(r.stdout ?? '').slice(-4000)}`,
      );
    return r.stdout;
  }

  init(dir: string): void {
    // The connection string comes from PG_CONN_STR (or -backend-config="conn_str=…"), never from the output.
    this.run(dir, ['init', '-input=false', '-no-color', '-reconfigure']);
  }

  /** plan -out, then the plan as `terraform show -json`, also saved as plan.json (what `kiban plan-review` reads). */
  plan(dir: string): PlanJson {
    this.run(dir, ['plan', '-input=false', '-no-color', '-out=tfplan']);
    const json = this.run(dir, ['show', '-json', '-no-color', 'tfplan']);
    fs.writeFileSync(path.join(dir, 'plan.json'), json);
    return JSON.parse(json) as PlanJson;
  }

  /** The applied state of a stack, as `terraform show -json`. */
  state(dir: string): StateJson {
    return JSON.parse(this.run(dir, ['show', '-json', '-no-color'])) as StateJson;
  }

  apply(dir: string): void {
    // One operation at a time: concurrent clones with Windows customization can hang vcsim.
    this.run(dir, ['apply', '-input=false', '-no-color', '-auto-approve', '-parallelism=1', 'tfplan']);
  }
}

/** Resource changes that do something (not no-op / read). */
export function effectiveChanges(plan: PlanJson): PlanResourceChange[] {
  return (plan.resource_changes ?? []).filter(
    (c) =>
      c.mode === 'managed' &&
      !(c.change.actions.length === 1 && (c.change.actions[0] === 'no-op' || c.change.actions[0] === 'read')),
  );
}

/** Synthesizes an estate through the product pipeline (quiet) into `outdir`. */
export function synthEstate(estate: Estate, outdir: string): void {
  synthesize(estate, {
    outdir,
    stages: [rulesStage({ write: () => undefined }), vsphereStage(), hypervStage(), reviewStage()],
  });
}

/** Stack ids of an estate: the platform stack first (system stacks look its objects up by name). */
export function stackIds(estate: Estate): string[] {
  return [
    PLATFORM_STACK,
    ...systemsOf(estate)
      .filter((s) => s.spec.hypervisor === 'vsphere')
      .map((s) => s.systemId),
  ];
}

/**
 * V2V from OVF, step 1 (what the generated `v2v/<system>/<server>-import-ovf.ps1` does on the
 * management terminal with govc): the VM appears in its department folder, so the system stack's
 * import block can adopt it. Run after the platform stack created the folders.
 */
export async function importOvfs(estate: Estate, vc: Vcsim): Promise<string[]> {
  const stacks = emitVsphere(new App(), estate);
  const done: string[] = [];
  for (const stack of stacks.systems.values()) {
    for (const plan of stack.ovfImports) {
      const server = systemsOf(estate)
        .flatMap((s) => s.servers)
        .find((v) => v.spec.name === plan.server)!;
      const os = findGuestOs(server.spec.guestOs)!;
      await vc.importVm({
        name: plan.server,
        folder: plan.importFolder,
        guestId: vsphereSupport(os, estate.platform.vsphere.esxiVersion).guestId,
        firmware: plan.firmware,
        scsiType: plan.scsiType,
        diskGb: server.spec.disks[0]!.sizeGb,
        datastore: plan.datastore,
        network: plan.network,
        template: false,
      });
      done.push(`${plan.systemId}/${plan.server}`);
    }
  }
  return done;
}

export function windowsServersOf(estate: Estate): string[] {
  return systemsOf(estate).flatMap((s) => s.servers.map((v) => v.spec.name));
}

/** Review-then-plan outcome: refused by the product (kiban diff) before Terraform ran, or the plans. */
export type ReviewedPlan = { readonly refused: string[] } | { readonly plans: Map<string, PlanJson> };

export interface Harness {
  readonly work: string;
  /** init + plan (+ show -json) in each stack of an output folder. */
  plan(out: string, stacks: readonly string[]): Map<string, PlanJson>;
  /** The product's order: `kiban diff BASE HEAD` first; only if it reports no error, Terraform plans. */
  reviewThenPlan(base: string, head: string, stacks: readonly string[]): ReviewedPlan;
  readonly pg: Postgres;
  readonly vcsim: Vcsim;
  readonly terraform: Terraform;
  /** Synthesizes `estate` into a fresh folder under the work folder, runs init in the given stacks, returns the output folder. */
  synth(estate: Estate, name: string): string;
  stop(): Promise<void>;
}

/** Starts PostgreSQL and the simulator seeded for `estate`. */
export async function startHarness(tools: E2eTools, estate: Estate): Promise<Harness> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-e2e-'));
  const stacksOf = (name: string) => path.join(work, name, 'stacks');
  // Local OVF paths are relative to a stack folder: the media folder sits beside the output folders.
  const seedFile = path.join(work, 'seed.json');
  fs.writeFileSync(seedFile, JSON.stringify(seedFor(estate, stacksOf('out')), null, 2));
  const t0 = Date.now();
  const pg = await startPostgres();
  let vc: Vcsim;
  try {
    vc = await startVcsim(tools.vcsim, seedFile);
  } catch (e) {
    pg.stop();
    throw e;
  }
  log(`PostgreSQL and vcsim (${vc.server}) up in ${((Date.now() - t0) / 1000).toFixed(1)} s; work folder ${work}`);
  const terraform = new Terraform(tools.terraform, terraformEnv(tools, pg, vc, windowsServersOf(estate)));
  const h: Harness = {
    work,
    pg,
    vcsim: vc,
    terraform,
    plan(out, stacks) {
      const plans = new Map<string, PlanJson>();
      for (const id of stacks) {
        const dir = path.join(out, 'stacks', id);
        terraform.init(dir);
        plans.set(id, terraform.plan(dir));
      }
      return plans;
    },
    reviewThenPlan(base, head, stacks) {
      const review = diffOutputs(base, head);
      if (review.errors.length > 0) return { refused: review.errors };
      return { plans: h.plan(head, stacks) };
    },
    synth(e, name) {
      // Every variant lives at the same depth (<work>/<name>/stacks/<id>), so relative OVF paths resolve alike.
      const out = path.join(work, name);
      synthEstate(e, out);
      return out;
    },
    async stop() {
      await vc.stop();
      pg.stop();
      if (!process.env.KIBAN_E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
    },
  };
  return h;
}
