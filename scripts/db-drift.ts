// `npm run db:drift [-- SCHEMA MIGRATIONS_DIR]`: do prisma/migrations (or MIGRATIONS_DIR) build
// exactly what prisma/schema.prisma (or SCHEMA) describes?
// Applies the migrations with our own runner (lib/db/apply-migrations.ts, as `npm run db:migrate`
// does) to one scratch database and the schema's from-empty SQL to another, then compares their
// `pg_dump --schema-only`. Prints "no drift" and exits 0 when they match; otherwise prints the
// differing lines and exits 1. CI runs it (.ci/run). Needs pg_dump.
//   DB_TOOLS_DATABASE_URL   the PostgreSQL server to create the two scratch databases on
//                           (default: the local server); both are dropped at the end
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations, readMigrations } from "@/lib/db/apply-migrations";
import { migrationSql } from "./prisma-schema-diff";

const serverUrl =
  process.env.DB_TOOLS_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const [schemaFile, migrationsDir] = [
  path.resolve(process.argv[2] ?? "prisma/schema.prisma"),
  path.resolve(process.argv[3] ?? "prisma/migrations"),
];

function databaseUrl(name: string) {
  return Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
}

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The database's schema as pg_dump writes it, without comments, settings and Prisma's history. */
function schemaDump(url: string) {
  return execFileSync(
    "pg_dump",
    [
      "--schema-only",
      "--no-owner",
      "--no-privileges",
      "--exclude-table=public._prisma_migrations",
      url,
    ],
    { encoding: "utf8" },
  )
    .split("\n")
    .filter(
      (line) =>
        line.trim() !== "" &&
        !line.startsWith("--") &&
        !/^(SET |SELECT pg_catalog\.|\\restrict|\\unrestrict)/.test(line),
    )
    .join("\n");
}

const suffix = `${process.pid}_${Date.now()}`;
const fromMigrations = `keyfront_drift_migrations_${suffix}`;
const fromSchema = `keyfront_drift_schema_${suffix}`;
const workDir = mkdtempSync(path.join(tmpdir(), "keyfront-drift-"));
let drift = false;
try {
  await run(serverUrl, `CREATE DATABASE "${fromMigrations}"`);
  await run(serverUrl, `CREATE DATABASE "${fromSchema}"`);
  await applyMigrations({
    databaseUrl: databaseUrl(fromMigrations),
    migrations: readMigrations(migrationsDir),
  });
  await run(
    databaseUrl(fromSchema),
    `BEGIN;\n${migrationSql({ to: schemaFile, databaseUrl: serverUrl })}\nCOMMIT;`,
  );

  const schemaSays = path.join(workDir, "schema.sql");
  const migrationsBuild = path.join(workDir, "migrations.sql");
  writeFileSync(schemaSays, schemaDump(databaseUrl(fromSchema)));
  writeFileSync(migrationsBuild, schemaDump(databaseUrl(fromMigrations)));
  const diff = spawnSync("diff", ["-u", schemaSays, migrationsBuild], { encoding: "utf8" });
  drift = diff.status !== 0;
  console.log(
    drift
      ? `db:drift: the migrations differ from the schema (- the schema says, + the migrations build):\n${diff.stdout}${diff.stderr}`
      : "no drift",
  );
} finally {
  for (const name of [fromMigrations, fromSchema])
    await run(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
}
process.exitCode = drift ? 1 : 0;
