import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createDbClient } from "@/lib/db/client";
import { createScratchDatabase, type ScratchDatabase } from "@/test/scratch-database";
import { seedDemoCatalog } from "./seed-demo-catalog";
import { zipArchive } from "./zip-archive";

let scratch: ScratchDatabase;
let db: Db;
const storageDir = mkdtempSync(path.join(tmpdir(), "keyfront-seed-"));

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await applyMigrations({ databaseUrl: scratch.url });
  db = createDbClient({ databaseUrl: scratch.url });
});

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

describe("seedDemoCatalog", () => {
  it("creates products with personal, commercial and premium tiers and real files, once", async () => {
    expect(await seedDemoCatalog({ db, storageDir })).toEqual({ seeded: true });

    const products = await db.product.findMany({
      include: { tiers: { orderBy: { kind: "asc" } }, assets: true },
      orderBy: { sortOrder: "asc" },
    });
    expect(products.length).toBeGreaterThanOrEqual(2);
    for (const product of products) {
      expect(product.tiers.map((tier) => tier.kind)).toEqual(["PERSONAL", "COMMERCIAL", "PREMIUM"]);
      for (const tier of product.tiers) {
        expect(tier.licenseTerms.length).toBeGreaterThan(40);
        expect(tier.features.length).toBeGreaterThan(0);
        expect(tier.seatLimit).toBeGreaterThan(0);
      }
      expect(product.assets.length).toBeGreaterThan(0);
      for (const asset of product.assets) {
        const data = readFileSync(path.join(storageDir, asset.storageKey));
        expect(asset.sizeBytes).toBe(BigInt(data.length));
        expect(asset.sha256).toBe(createHash("sha256").update(data).digest("hex"));
      }
    }

    const video = products.find((product) => product.kind === "STOCK_VIDEO")!;
    expect(video.tiers.map((tier) => [tier.priceCents, tier.currency])).toEqual([
      [299, "usd"],
      [999, "usd"],
      [1999, "usd"],
    ]);
    expect(video.tiers.map((tier) => tier.formats[0])).toEqual([
      "1080p MP4",
      "1080p MP4",
      "4K MP4",
    ]);
    const software = products.find((product) => product.kind === "SOFTWARE")!;
    expect(software.tiers.map((tier) => [tier.seatLimit, tier.durationDays])).toEqual([
      [1, null],
      [3, null],
      [10, null],
    ]);

    expect(await seedDemoCatalog({ db, storageDir })).toEqual({ seeded: false });
    expect(await db.product.count()).toBe(products.length);
    expect(await db.auditLog.count({ where: { action: "product.created" } })).toBe(products.length);
  });
});

describe("zipArchive", () => {
  it("writes archives that standard zip readers accept", () => {
    const file = path.join(storageDir, "check.zip");
    writeFileSync(
      file,
      zipArchive([
        { name: "README.txt", data: Buffer.from("hello") },
        { name: "dir/payload.bin", data: Buffer.alloc(4096, 7) },
      ]),
    );
    const listing = execFileSync("python3", ["-m", "zipfile", "-l", file], { encoding: "utf8" });
    expect(listing).toContain("README.txt");
    expect(listing).toContain("dir/payload.bin");
    const test = execFileSync(
      "python3",
      ["-c", `import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).testzip())`, file],
      {
        encoding: "utf8",
      },
    );
    expect(test.trim()).toBe("None");
  });
});
