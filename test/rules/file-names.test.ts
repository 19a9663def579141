import * as fs from 'fs';
import * as path from 'path';
import { Rule } from '../../lib/rules/types';

const RULES_DIR = path.join(__dirname, '..', '..', 'lib', 'rules');
/** cdk-nag style: the file is named after the rule it holds, `R03-CapacityWithinPlatform` → `r03-capacity-within-platform.ts`. */
const fileNameOf = (ruleName: string) => `${ruleName.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
const isRule = (x: unknown): x is Rule =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Rule).check === 'function' &&
  typeof (x as Rule).name === 'string';

describe('rule files', () => {
  const files = fs.readdirSync(RULES_DIR).filter((f) => /^r\d.*\.ts$/.test(f));
  test.each(files)('%s holds exactly one rule, named like the file', (file) => {
    const rules = Object.values(require(path.join(RULES_DIR, file)) as Record<string, unknown>).filter(isRule);
    expect(rules).toHaveLength(1);
    expect(fileNameOf(rules[0]!.name)).toBe(file);
  });
});
