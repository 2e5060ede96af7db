import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { itOnPostgres } from "@/test/on-postgres";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";
import { applyMigrations, readMigrations, type Migration } from "./apply-migrations";

let scratch: ScratchDatabase | undefined;
afterEach(async () => {
  await scratch?.drop();
  scratch = undefined;
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  it("applies every migration once and records it the way Prisma does", async () => {
    scratch = await createScratchDatabase();
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    expect(await applyMigrations({ databaseUrl: scratch.url })).toEqual(
      migrations.map((m) => m.name),
    );
    expect(await applyMigrations({ databaseUrl: scratch.url })).toEqual([]);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date;
      applied_steps_count: number;
    }>(
      scratch.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toHaveLength(migrations.length);
    const first = rows[0]!;
    const file = readFileSync(`prisma/migrations/${first.migration_name}/migration.sql`);
    expect(first.checksum).toBe(createHash("sha256").update(file).digest("hex"));
    expect(first.finished_at).toBeInstanceOf(Date);
    expect(first.applied_steps_count).toBe(1);

    const tables = await query<{ table_name: string }>(
      scratch.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "Purchase",
        "License",
        "Activation",
        "DownloadToken",
        "WebhookEvent",
        "EmailMessage",
        "AuditLog",
      ]),
    );
  });

  itOnPostgres(
    "lets two instances starting together apply each migration exactly once",
    async () => {
      scratch = await createScratchDatabase();
      const [a, b] = await Promise.all([
        applyMigrations({ databaseUrl: scratch.url }),
        applyMigrations({ databaseUrl: scratch.url }),
      ]);
      expect([...a, ...b].sort()).toEqual(readMigrations().map((m) => m.name));
      const [{ count }] = (await query<{ count: string }>(
        scratch.url,
        `SELECT count(*) FROM "_prisma_migrations"`,
      )) as [{ count: string }];
      expect(Number(count)).toBe(readMigrations().length);
    },
  );

  it("rolls a failing migration back whole and records nothing for it", async () => {
    scratch = await createScratchDatabase();
    const sql = (text: string): Migration => ({
      name: "",
      sql: text,
      checksum: createHash("sha256").update(text).digest("hex"),
    });
    const good = { ...sql(`CREATE TABLE "kept" (id int)`), name: "20260101000000_good" };
    const bad = {
      ...sql(`CREATE TABLE "half" (id int); SELECT no_such_function();`),
      name: "20260102000000_bad",
    };

    await expect(
      applyMigrations({ databaseUrl: scratch.url, migrations: [good, bad] }),
    ).rejects.toThrow(/20260102000000_bad failed/);
    const tables = await query<{ table_name: string }>(
      scratch.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(["_prisma_migrations", "kept"]);
    const names = await query<{ migration_name: string }>(
      scratch.url,
      `SELECT migration_name FROM "_prisma_migrations"`,
    );
    expect(names.map((n) => n.migration_name)).toEqual(["20260101000000_good"]);
  });

  it("warns when an applied migration's file was edited afterwards", async () => {
    scratch = await createScratchDatabase();
    const original: Migration = {
      name: "20260101000000_t",
      sql: "CREATE TABLE t (id int)",
      checksum: "a".repeat(64),
    };
    await applyMigrations({ databaseUrl: scratch.url, migrations: [original] });
    const lines: string[] = [];
    await applyMigrations({
      databaseUrl: scratch.url,
      migrations: [{ ...original, checksum: "b".repeat(64) }],
      log: (line) => lines.push(line),
    });
    expect(lines).toEqual([
      "warning: 20260101000000_t was edited after it was applied (checksum differs)",
    ]);
  });
});
