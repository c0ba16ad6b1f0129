/**
 * Browser tests: the built dashboard served by the API (with its own embedded
 * PostgreSQL and the demo data), driven in Debian's Chromium with playwright-core
 * and checked with axe. `e2e/support/global-setup.ts` builds both packages
 * (E2E_SKIP_BUILD=1 to skip), starts the API once and stops it afterwards.
 * See e2e/README.md.
 *
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
  // One server and one browser at a time; files run one after another.
  maxWorkers: 1,
  // Building, starting PostgreSQL and driving a browser are slow.
  testTimeout: 120_000,
  slowTestThreshold: 30,
};
