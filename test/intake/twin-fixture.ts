import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { estateFiles, loadEstate, loadPlatform } from '../../lib/intake';
import { Estate, IndividualBusinessSystem, fixedClock } from '../../lib/model';
import { declareExampleEstate } from '../../examples/estate/typescript';
import { AS_OF, copyExampleEstate, emptyEstate } from '../fixtures/estate';

/** The YAML files of the example estate that have a TypeScript twin (examples/estate/typescript/). */
export const TWINNED = ['furusato/kanko-web.yaml', 'hisho/koho-old.yaml', 'hoken/kokuho.yaml', 'somu/zeimu-db.yaml'];

/**
 * A copy of the example estate holding only what has a TypeScript twin: the platform with its
 * dedicated VLANs (no licence pools: the twins declare none) and the twinned systems.
 */
export function twinnedEstateDir(): string {
  return copyExampleEstate((d) => {
    fs.rmSync(path.join(d, 'platform', 'licenses.yaml'));
    for (const f of estateFiles(d).systems)
      if (!TWINNED.includes(path.relative(path.join(d, 'systems'), f))) fs.rmSync(f);
  });
}

/** The twinned YAML systems, loaded from `dir`. */
export function fromYaml(dir: string, scope?: Construct): { estate: Estate; systems: IndividualBusinessSystem[] } {
  const estate = loadEstate(dir, { clock: fixedClock(AS_OF), ...(scope ? { scope } : {}) });
  return { estate, systems: estate.node.findAll().filter(IndividualBusinessSystem.isSystem) };
}

/** Their TypeScript twins, on the same platform. */
export function fromTs(dir: string, scope?: Construct): { estate: Estate; systems: IndividualBusinessSystem[] } {
  const estate = emptyEstate(loadPlatform(dir), scope);
  return { estate, systems: declareExampleEstate(estate) };
}
