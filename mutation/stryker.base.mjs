// Shared StrykerJS settings (issue 19). One configuration per area imports this; see mutation/run.mjs.
// The machine is small and shared: concurrency 2, per-test coverage, incremental results.

/**
 * @param {string} area   folder name under reports/mutation/
 * @param {string[]} mutate files to mutate
 * @param {string[]} tests  jest testMatch globs (<rootDir>-relative) that guard them
 * @param {number} target the score the area must reach (break threshold)
 */
export function areaConfig(area, mutate, tests, target) {
  const out = `reports/mutation/${area}`;
  /** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
  return {
    packageManager: 'npm',
    testRunner: 'jest',
    checkers: ['typescript'],
    tsconfigFile: 'mutation/tsconfig.checker.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    plugins: [
      '@stryker-mutator/jest-runner',
      '@stryker-mutator/typescript-checker',
      './mutation/message-text-ignorer.mjs',
    ],
    ignorers: ['message-text'],
    mutate,
    jest: {
      projectType: 'custom',
      configFile: 'jest.config.js',
      config: { testMatch: tests },
      enableFindRelatedTests: false,
    },
    coverageAnalysis: 'perTest',
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
    incremental: true,
    incrementalFile: `${out}/incremental.json`,
    reporters: ['progress', 'clear-text', 'html', 'json'],
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
    htmlReporter: { fileName: `${out}/index.html` },
    jsonReporter: { fileName: `${out}/mutation.json` },
    tempDirName: `.stryker-tmp-${area}`,
    ignorePatterns: ['reports', 'cdktf.out', 'out', 'dist', 'coverage', 'bench', 'docs'],
    thresholds: { high: target, low: target, break: null },
    timeoutMS: 10000,
  };
}
