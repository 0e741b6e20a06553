/** Two layers: fast unit specs beside the code, integration/e2e specs under test/ against real services. */
const shared = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/plain-summary.reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/src', '<rootDir>/tools'],
      testRegex: '.*\\.spec\\.ts$',
      setupFiles: ['<rootDir>/test/support/silence-nest-logger.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      rootDir: 'test',
      setupFiles: ['<rootDir>/support/silence-nest-logger.ts'],
      testRegex: '.*\\.e2e-spec\\.ts$',
      // PostgreSQL and Redis for the integration tests: configured, shared, or private (see the README).
      globalSetup: '<rootDir>/support/global-setup.ts',
      globalTeardown: '<rootDir>/support/global-teardown.ts',
    },
  ],
};
