import * as fs from 'fs';
import * as path from 'path';
import { PLAN_JSON } from '../lib/review/plan-review';

/** Where the plan-review unit tests find the plans the harness produced. */
export const PLAN_FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'plans');

const KEEP = ['name', 'uuid', 'vmdk_path', 'virtual_machine_uuid', 'memory', 'num_cpus', 'size'];

function trimValues(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => KEEP.includes(k)));
}

/**
 * Writes a small plan fixture from a harness output folder (KIBAN_E2E_WRITE_FIXTURES=1 npm run e2e):
 * `<name>/estate.json` and `<name>/stacks/<stack>/plan.json`, the plan cut down to what plan-review
 * reads (addresses, types, actions and the attributes naming servers). With `baseDir`, also
 * `<name>-base-estate/` with the same plan and BASE's estate.json (the server not decommissioned there).
 */
export function writePlanFixture(name: string, outDir: string, stack: string, baseDir?: string): void {
  const plan = JSON.parse(fs.readFileSync(path.join(outDir, 'stacks', stack, PLAN_JSON), 'utf8')) as {
    format_version: string;
    terraform_version: string;
    resource_changes?: Record<string, unknown>[];
  };
  const small = {
    format_version: plan.format_version,
    terraform_version: plan.terraform_version,
    resource_changes: (plan.resource_changes ?? []).map((rc) => {
      const c = rc.change as { actions: string[]; before: unknown; after: unknown };
      return {
        address: rc.address,
        mode: rc.mode,
        type: rc.type,
        name: rc.name,
        change: { actions: c.actions, before: trimValues(c.before), after: trimValues(c.after) },
      };
    }),
  };
  const write = (dir: string, estateFrom: string) => {
    fs.mkdirSync(path.join(dir, 'stacks', stack), { recursive: true });
    fs.copyFileSync(path.join(estateFrom, 'estate.json'), path.join(dir, 'estate.json'));
    fs.writeFileSync(path.join(dir, 'stacks', stack, PLAN_JSON), `${JSON.stringify(small, null, 1)}\n`);
  };
  write(path.join(PLAN_FIXTURES, name), outDir);
  if (baseDir) write(path.join(PLAN_FIXTURES, `${name}-base-estate`), baseDir);
}
