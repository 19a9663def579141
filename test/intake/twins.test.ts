import * as path from 'path';
import { validateFiles } from '../../lib/intake';
import { fixedClock } from '../../lib/model';
import { AS_OF, copyExampleEstate } from '../fixtures/estate';
import { estateForm, plain } from './helpers';
import { TWINNED, fromTs, fromYaml, twinnedEstateDir } from './twin-fixture';

const DIR = twinnedEstateDir();

describe('YAML examples and their TypeScript twins', () => {
  test("the twinned examples validate in the example estate without errors; any warning is the rule pack's", () => {
    const whole = copyExampleEstate();
    const r = validateFiles(
      TWINNED.map((f) => path.join(whole, 'systems', f)),
      { estate: whole, clock: fixedClock(AS_OF) },
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings.every((w) => /^R\d/.test(w.code))).toBe(true);
  });

  test('system and server specs are deep-equal (DedicatedVlan objects compared by name)', () => {
    const y = fromYaml(DIR);
    const t = fromTs(DIR);
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
    expect(estateForm(fromYaml(DIR).estate)).toEqual(estateForm(fromTs(DIR).estate));
  });
});
