import { areaConfig } from './stryker.base.mjs';

/** The data-loss guard: the configuration diff (and the plan review when present) against test/review. Target 85%. */
export default areaConfig('review', ['lib/review/diff.ts'], ['<rootDir>/test/review/**/*.test.ts'], 85);
