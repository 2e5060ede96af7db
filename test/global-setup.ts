import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createScratchDatabase } from "./scratch-database";

/**
 * One fresh database per test run with the real migrations applied: PGlite in memory by default,
 * a new database on the PostgreSQL server in TEST_DATABASE_URL when set (CI sets it).
 */
export default async function setup() {
  const database = await createScratchDatabase();
  await applyMigrations({ databaseUrl: database.url });
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyfront-test-"));

  process.env.DATABASE_URL = database.url;
  process.env.DATA_DIR = dataDir;
  process.env.KEYFRONT_MODE = "local";
  process.env.DATABASE_POOL_SIZE = "5";
  process.env.ADMIN_EMAILS = "owner@keyfront.test";
  console.log(
    `tests run on ${process.env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "PGlite (in memory)"}`,
  );

  return async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
