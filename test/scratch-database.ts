import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/dev/embedded-postgres";
import { applyMigrations } from "@/lib/db/apply-migrations";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/**
 * An empty database of its own: a new database on the server in TEST_DATABASE_URL, or a new
 * in-memory PGlite when that is unset.
 */
export async function createScratchDatabase(prefix = "keyfront_test"): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A scratch database with the real migrations applied. */
export async function createMigratedScratchDatabase(prefix?: string): Promise<ScratchDatabase> {
  const database = await createScratchDatabase(prefix);
  await applyMigrations({ databaseUrl: database.url });
  return database;
}

/**
 * Gives one test file a migrated database of its own, for code that reads or changes every row of
 * a table (the outbox worker, the store overview): on the shared database it would see the rows
 * other files write at the same time. Call it in `vi.hoisted`, so @/lib/db connects to it.
 */
export async function useOwnDatabase(prefix: string): Promise<ScratchDatabase> {
  const database = await createMigratedScratchDatabase(prefix);
  process.env.DATABASE_URL = database.url;
  return database;
}
