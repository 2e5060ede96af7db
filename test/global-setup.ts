import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createMigratedScratchDatabase } from "./scratch-database";

/**
 * One fresh database per test run with the real migrations applied: PGlite in memory by default,
 * a new database on the PostgreSQL server in TEST_DATABASE_URL when set (CI sets it).
 */
export default async function setup() {
  const database = await createMigratedScratchDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyfront-test-"));

  process.env.DATABASE_URL = database.url;
  process.env.DATA_DIR = dataDir;
  process.env.KEYFRONT_MODE = "local";
  process.env.DATABASE_POOL_SIZE = "5";
  process.env.ADMIN_EMAILS = "owner@keyfront.test";
  console.log(
    process.env.TEST_DATABASE_URL
      ? "tests run on PostgreSQL (TEST_DATABASE_URL)"
      : "tests run on PGlite (in memory); race tests (itOnPostgres) are skipped: set TEST_DATABASE_URL to run them",
  );

  return async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
