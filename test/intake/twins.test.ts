import * as path from 'path';
import { IndividualBusinessSystem } from '../../lib/model';
import { loadDeclarations, systemConstructId, validateFiles } from '../../lib/intake';
import { declareDefaultEstate } from '../../stacks/default-estate';
import { declareExampleEstate } from '../../examples/typescript';
import { estateForm, freshEstate, plain } from './helpers';

const DIR = path.join(__dirname, '..', '..', 'examples', 'systems');

describe('YAML examples and their TypeScript twins', () => {
  const fromYaml = () => {
    const estate = freshEstate();
    const systems = loadDeclarations(DIR, estate);
    return { estate, systems };
  };
  const fromTs = () => {
    const estate = freshEstate();
    const systems = declareExampleEstate(estate);
    return { estate, systems };
  };

  test('the examples validate without errors or warnings', () => {
    const r = validateFiles([path.join(DIR, 'furusato/kanko-web.yaml'), path.join(DIR, 'hoken/kokuho.yaml'), path.join(DIR, 'somu/zeimu-db.yaml'), path.join(DIR, 'hisho/koho-old.yaml')]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.files.find((f) => f.context)?.kind).toBe('dedicated-vlans');
  });

  test('system and server specs are deep-equal (DedicatedVlan objects compared by name)', () => {
    const y = fromYaml();
    const t = fromTs();
    expect(y.systems.map((s) => s.node.path)).toEqual(t.systems.map((s) => s.node.path));
    y.systems.forEach((s, i) => {
      const u = t.systems[i]!;
      expect(plain(s.spec)).toEqual(plain(u.spec));
      expect(s.servers.map((v) => plain(v.spec))).toEqual(u.servers.map((v) => plain(v.spec)));
      expect(s.servers.map((v) => plain(v.nics))).toEqual(u.servers.map((v) => plain(v.nics)));
      expect(s.account).toBe(u.account);
    });
  });

  test('the estates have the same full JSON-able form', () => {
    expect(estateForm(fromYaml().estate)).toEqual(estateForm(fromTs().estate));
  });

  test('the YAML systems equal the same systems of stacks/default-estate.ts', () => {
    const d = freshEstate();
    declareDefaultEstate(d);
    const byId = new Map(d.node.findAll().filter(IndividualBusinessSystem.isSystem).map((s) => [s.systemId, s]));
    for (const s of fromYaml().systems) {
      const twin = byId.get(s.systemId)!;
      // construct ids there do not all follow `<department>-<systemId>` (e.g. somu-zeimu): specs only
      expect(s.node.id).toBe(systemConstructId(s.department, s.systemId));
      expect(plain(s.spec)).toEqual(plain(twin.spec));
    }
  });
});
