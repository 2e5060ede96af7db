import { applyMigrations } from "@/lib/db/apply-migrations";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    "db:migrate: set DATABASE_URL (npm run dev applies migrations to its embedded database itself).",
  );
  process.exit(1);
}

const applied = await applyMigrations({
  databaseUrl,
  log: (line) => console.log(`db:migrate: ${line}`),
});
console.log(applied.length ? `db:migrate: ${applied.length} applied` : "db:migrate: up to date");
