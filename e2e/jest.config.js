/** @type {import('jest').Config} The end-to-end suite (npm run e2e): real Terraform against vcsim and PostgreSQL. */
module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  testTimeout: 15 * 60 * 1000,
  maxWorkers: 1,
};
