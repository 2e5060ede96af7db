import { it } from "vitest";

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const SKIPPED_ON_PGLITE =
  "needs PostgreSQL (TEST_DATABASE_URL): PGlite runs one statement at a time, so nothing races there";

/**
 * A test that proves a race is handled (row locks, SKIP LOCKED, conditional updates): it runs on
 * PostgreSQL only. On PGlite every transaction runs alone, so it would pass with the lock removed;
 * there it is reported as skipped, with the reason beside its name.
 */
export function itOnPostgres(name: string, test: () => Promise<void>, timeout?: number) {
  it(
    name,
    async (context) => {
      context.skip(!onPostgres, SKIPPED_ON_PGLITE);
      await test();
    },
    timeout,
  );
}
