// Used by tooling (npm run db:migrate, the dev launcher, test setup) as well as the app, so it
// deliberately does not import "server-only".
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// The key `prisma migrate deploy` itself locks on, so our runner and Prisma's exclude each other.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = path.resolve("prisma/migrations")): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

/**
 * Applies pending migrations the way `prisma migrate deploy` does: under Prisma's advisory lock,
 * one transaction per migration, each recorded in `_prisma_migrations` with the sha256 of its
 * file, so a machine with Prisma's native engine accepts the same history.
 */
export async function applyMigrations(options: {
  databaseUrl: string;
  migrations?: Migration[];
  log?: (line: string) => void;
}): Promise<string[]> {
  const migrations = options.migrations ?? readMigrations();
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    for (const migration of migrations) {
      await client.query("BEGIN");
      try {
        // Re-read inside the transaction: on PGlite every client shares one session, so the
        // advisory lock alone does not keep two runners apart there.
        const { rows } = await client.query<AppliedRow>(
          `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
           WHERE migration_name = $1 AND rolled_back_at IS NULL`,
          [migration.name],
        );
        const previous = rows[0];
        if (previous && !previous.finished_at) {
          throw new Error(
            `Migration ${migration.name} failed earlier and was never finished. Fix the database, ` +
              "then mark it rolled back in _prisma_migrations before applying again.",
          );
        }
        if (previous) {
          await client.query("COMMIT");
          if (previous.checksum !== migration.checksum) {
            log(`warning: ${migration.name} was edited after it was applied (checksum differs)`);
          }
          continue;
        }
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      log(`applied ${migration.name}`);
      applied.push(migration.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}
