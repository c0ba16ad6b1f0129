/**
 * Component and unit tests: jsdom + Testing Library, TypeScript through ts-jest.
 * The package is ESM ("type": "module") for Vite, hence a .cjs config; tests are
 * compiled to CommonJS (tsconfig.test.json) and type-checked by `tsc`, not here.
 *
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: '<rootDir>/src/test/jsdom-environment.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  moduleNameMapper: {
    '\\.css$': '<rootDir>/src/test/style-stub.cjs',
  },
  setupFiles: ['<rootDir>/src/test/setup.ts'],
  clearMocks: true,
  restoreMocks: true,
};
