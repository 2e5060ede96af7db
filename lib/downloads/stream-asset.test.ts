import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import type { Asset } from "@/lib/generated/prisma/client";
import { uniqueSuffix } from "@/test/factories";
import { assetResponse, locateAsset } from "./stream-asset";

const asset = (storageKey: string): Asset => ({
  id: `asset-${uniqueSuffix()}`,
  productId: "product",
  tierId: null,
  name: "A file",
  fileName: "file.zip",
  storageKey,
  sizeBytes: BigInt(0),
  sha256: "0".repeat(64),
  contentType: "application/zip",
  createdAt: new Date(),
});

/** Writes `content` at `file`, creating its folder. */
function write(file: string, content: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

describe("locateAsset", () => {
  it("refuses an asset whose storage path leads out of STORAGE_DIR", async () => {
    const storage = path.resolve(config().storageDir);
    const suffix = uniqueSuffix();
    // Real files beside the storage folder, so only the guard stands between them and a buyer.
    const outside = path.join(path.dirname(storage), `secret-${suffix}.txt`);
    write(outside, "not for sale");
    // A sibling folder whose name merely starts with the storage folder's.
    const sibling = path.join(`${storage}-${suffix}`, "file.zip");
    write(sibling, "not for sale either");
    write(path.join(storage, `product-${suffix}`, "file.zip"), "for sale");

    for (const storageKey of [
      `../secret-${suffix}.txt`,
      `product-${suffix}/../../secret-${suffix}.txt`,
      outside,
      `../${path.basename(storage)}-${suffix}/file.zip`,
      sibling,
    ]) {
      await expect(
        locateAsset({ asset: asset(storageKey), rangeHeader: null }),
        storageKey,
      ).rejects.toThrow(/points outside STORAGE_DIR/);
    }

    const inside = assetResponse(
      await locateAsset({ asset: asset(`product-${suffix}/file.zip`), rangeHeader: null }),
      { withBody: true },
    );
    expect([inside.status, await inside.text()]).toEqual([200, "for sale"]);
  });
});
