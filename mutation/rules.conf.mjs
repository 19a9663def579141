import { areaConfig } from './stryker.base.mjs';

/** The rule pack: every lib/rules/r*.ts against test/rules. Target 90%, no rule file under 80%. */
export default areaConfig('rules', ['lib/rules/r*.ts'], ['<rootDir>/test/rules/**/*.test.ts'], 90);
