// `npm run --silent db:diff -- [OLD.prisma] NEW.prisma`: prints the SQL that turns the OLD schema
// into NEW (from an empty database when OLD is left out), for a new
// prisma/migrations/<UTC timestamp>_<name>/migration.sql. See README, "Database migrations".
//   DB_TOOLS_DATABASE_URL   a PostgreSQL the schema engine connects to; no data in it is read or
//                           changed (default: the local server)
import path from "node:path";
import { migrationSql } from "./prisma-schema-diff";

const schemas = process.argv.slice(2);
const to = schemas.at(-1);
if (!to || schemas.length > 2) {
  console.error("usage: npm run --silent db:diff -- [OLD.prisma] NEW.prisma > migration.sql");
  process.exit(2);
}
const from = schemas.length === 2 ? schemas[0] : undefined;

process.stdout.write(
  migrationSql({
    from: from && path.resolve(from),
    to: path.resolve(to),
    databaseUrl:
      process.env.DB_TOOLS_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  }),
);
