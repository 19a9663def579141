import { areaConfig } from './stryker.base.mjs';

/** The data-loss guard: the configuration diff (split by concept, issue 13) and the plan review, against test/review. Target 85%. */
export default areaConfig(
  'review',
  [
    'lib/review/change.ts',
    'lib/review/compare.ts',
    'lib/review/output-diff.ts',
    'lib/review/diff-markdown.ts',
    'lib/review/load-output.ts',
    'lib/review/diff.ts',
    'lib/review/plan-review.ts',
  ],
  ['<rootDir>/test/review/**/*.test.ts'],
  85,
);
