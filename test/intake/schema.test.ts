import * as fs from 'fs';
import * as path from 'path';
import { declarationFiles, platformJsonSchema, schemaFiles, systemJsonSchema } from '../../lib/intake';
import { platformSchema, systemSchema, virtualServerSchema } from '../../lib/model';

const ROOT = path.join(__dirname, '..', '..');

describe('JSON Schema of the declarations', () => {
  test.each(Object.entries(schemaFiles()))('%s is fresh (regenerate with npm run schema)', (rel, text) => {
    expect(fs.readFileSync(path.join(ROOT, rel), 'utf8')).toBe(text);
  });

  test('generated from the zod schemas: same properties, strict objects, no custom (DedicatedVlan) branch', () => {
    const s = systemJsonSchema() as any;
    expect(Object.keys(s.properties).sort()).toEqual(Object.keys(systemSchema.shape).sort());
    expect(s.additionalProperties).toBe(false);
    const server = s.properties.servers.items;
    expect(Object.keys(server.properties).sort()).toEqual(Object.keys(virtualServerSchema.shape).sort());
    const network = server.properties.nics.items.properties.network;
    expect(network.anyOf).toHaveLength(2);
    expect(network.anyOf.every((b: any) => b.type === 'string')).toBe(true);
    expect([...s.required].sort()).toEqual(['contacts', 'department', 'hypervisor', 'phase', 'systemId', 'systemName']);
    expect(s.properties.department.description).toMatch(/所管部局（R01）/);
    const emptyBranches: unknown[] = [];
    const walk = (n: any): void => {
      if (n === null || typeof n !== 'object') return;
      for (const k of ['anyOf', 'oneOf'])
        if (Array.isArray(n[k])) for (const b of n[k]) if (Object.keys(b).length === 0) emptyBranches.push(b);
      Object.values(n).forEach(walk);
    };
    walk(s);
    expect(emptyBranches).toEqual([]);
    const v = platformJsonSchema() as any;
    expect(v.properties.dedicatedVlans.items.required).toEqual(
      expect.arrayContaining(['name', 'vlanId', 'subnet', 'department']),
    );
    // the platform's own keys come from the one Platform zod schema; every key optional in one file
    expect(Object.keys(v.properties).sort()).toEqual(
      [...Object.keys(platformSchema.shape), 'dedicatedVlans', 'sharedLicenses', 'clock'].sort(),
    );
    expect(v.required ?? []).toEqual([]);
    expect(v.additionalProperties).toBe(false);
    expect(Object.keys(v.properties.sharedLicenses.properties)).toEqual(['oracleSe2', 'rhel', 'windowsDatacenter']);
  });

  test('every YAML of the example estate references its schema on its first line, with a path that exists', () => {
    const dir = path.join(ROOT, 'examples', 'estate');
    const files = declarationFiles(dir);
    expect(files.length).toBeGreaterThanOrEqual(16);
    for (const f of files) {
      const first = fs.readFileSync(f, 'utf8').split('\n', 1)[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m).not.toBeNull();
      expect(fs.existsSync(path.resolve(path.dirname(f), m![1]!))).toBe(true);
    }
  });
});
