import { defineConfig } from 'vitest/config';

// Three tiers: unit (no database), integration (a real migrated database: PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set) and e2e (the built app in Chromium). scripts/test.mjs runs them all.
// Test files that run the CLI on its own embedded (PGlite) data directory whatever the
// tier's database: the PostgreSQL tier (TEST_DATABASE_URL set) skips them, as it would test the same twice.
const EMBEDDED_ONLY = [
  'src/cli/cli.test.ts',
  'src/cli/commands/points-commands.test.ts',
  'src/cli/commands/import-expenses.test.ts',
  'src/cli/commands/report.test.ts',
];
// Test files that need only one database engine and are long: the PGlite tier (no TEST_DATABASE_URL) skips
// them. The full 20,000-employee demo checks what the generator writes, the same rows through the same SQL
// on either engine; on PGlite its load alone takes a minute.
const SERVER_ONLY = ['src/server/modules/demo/demo.full.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts', 'scripts/**/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.test.ts'],
          exclude: [
            'src/**/*.unit.test.ts',
            ...(process.env.TEST_DATABASE_URL ? EMBEDDED_ONLY : SERVER_ONLY),
          ],
          globalSetup: ['test/integration-global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite opens in-process; two workers fit this 2-core machine.
          maxWorkers: 2,
          // Each file opens its own database (src/server/test/db.ts) and shares nothing else, so a worker
          // keeps its module graph between files instead of importing the app again for each (~40% of
          // the tier's time).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
