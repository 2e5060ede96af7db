import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET, HEAD } from "@/app/api/downloads/[token]/route";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { fromClient } from "@/test/client-address";
import { createLicense } from "@/test/factories";
import { ATTEMPT_WINDOW_HOURS } from "./download-attempt";
import { hashDownloadToken } from "./download-token";
import { issueDownloadToken } from "./issue-download-token";

/** A license with a 40 kB file and a fresh download link for it. */
async function downloadLink() {
  const { license, product } = await createLicense();
  const data = Buffer.from(`file of ${product.slug} `.repeat(2_000));
  const storageKey = `${product.slug}/file.zip`;
  mkdirSync(path.join(config().storageDir, product.slug), { recursive: true });
  writeFileSync(path.join(config().storageDir, storageKey), data);
  const asset = await db.asset.create({
    data: {
      productId: product.id,
      name: "The file",
      fileName: "file.zip",
      storageKey,
      sizeBytes: BigInt(data.length),
      sha256: createHash("sha256").update(data).digest("hex"),
      contentType: "application/zip",
    },
  });
  const { token } = await issueDownloadToken({
    email: license.customerEmail,
    licenseId: license.id,
    assetId: asset.id,
    actor: { type: "CUSTOMER" },
  });
  const attemptsUsed = async () =>
    (await db.downloadToken.findUniqueOrThrow({ where: { tokenHash: hashDownloadToken(token) } }))
      .attemptsUsed;
  return { token, data, attemptsUsed };
}

const BUYER = "198.51.100.7";

/** One request to the download route, from `client` unless it is null (an unknown address). */
async function request(
  token: string,
  options: { method?: "GET" | "HEAD"; range?: string; client?: string | null } = {},
) {
  const client = options.client === undefined ? BUYER : options.client;
  const headers = {
    ...(client && fromClient(client)),
    ...(options.range && { range: options.range }),
  };
  const handler = options.method === "HEAD" ? HEAD : GET;
  const response = await handler(
    new Request(`http://localhost/api/downloads/${token}`, {
      method: options.method ?? "GET",
      headers,
    }),
    { params: Promise.resolve({ token }) },
  );
  return { status: response.status, headers: response.headers, body: await response.bytes() };
}

describe("download attempts", () => {
  it("HEAD requests never use an attempt, and answer the file's headers without its bytes", async () => {
    const { token, data, attemptsUsed } = await downloadLink();
    for (let probe = 0; probe < 10; probe += 1) {
      const head = await request(token, { method: "HEAD" });
      expect([head.status, head.headers.get("content-length"), head.body.length]).toEqual([
        200,
        String(data.length),
        0,
      ]);
    }
    expect(await attemptsUsed()).toBe(0);
  });

  it("a range the file cannot satisfy (416) never uses an attempt", async () => {
    const { token, data, attemptsUsed } = await downloadLink();
    for (const range of [`bytes=${data.length + 5}-`, "bytes=-0", "items=0-1"]) {
      const refused = await request(token, { range });
      expect([refused.status, refused.headers.get("content-range")], range).toEqual([
        416,
        `bytes */${data.length}`,
      ]);
    }
    expect(await attemptsUsed()).toBe(0);
  });

  it("counts the parallel ranged requests of one download manager as one attempt", async () => {
    const { token, data, attemptsUsed } = await downloadLink();
    const segment = Math.ceil(data.length / 4);
    const ranges = [0, 1, 2, 3].map((index) =>
      index === 3
        ? `bytes=${index * segment}-`
        : `bytes=${index * segment}-${(index + 1) * segment - 1}`,
    );
    const parts = await Promise.all(ranges.map((range) => request(token, { range })));
    expect(parts.map((part) => part.status)).toEqual([206, 206, 206, 206]);
    expect(Buffer.concat(parts.map((part) => part.body)).equals(data)).toBe(true);
    expect(await attemptsUsed()).toBe(1);

    // Resuming later from the same address, within the window, is still that download.
    await request(token, { range: `bytes=${segment}-` });
    expect(await attemptsUsed()).toBe(1);
  });

  it("still runs out after 5 whole downloads; a shared link's other clients count apart", async () => {
    const { token, attemptsUsed } = await downloadLink();
    for (let download = 1; download <= 5; download += 1) {
      expect((await request(token)).status).toBe(200);
      expect(await attemptsUsed()).toBe(download);
    }
    expect((await request(token)).status).toBe(410);
    expect((await request(token, { method: "HEAD" })).status).toBe(410);
    // Someone the link was shared with: their ranged request would start an attempt of its own.
    expect((await request(token, { range: "bytes=100-", client: "203.0.113.9" })).status).toBe(410);
    // The buyer may still resume their fifth download.
    expect((await request(token, { range: "bytes=200-" })).status).toBe(206);
    expect(await attemptsUsed()).toBe(5);
  });

  it("counts a ranged request from another address as an attempt of its own", async () => {
    const { token, attemptsUsed } = await downloadLink();
    await request(token, { range: "bytes=0-" });
    await request(token, { range: "bytes=100-", client: "203.0.113.9" });
    expect(await attemptsUsed()).toBe(2);
    // The link keeps one current attempt: now the other client's, so the buyer starts another.
    await request(token, { range: "bytes=200-" });
    expect(await attemptsUsed()).toBe(3);
  });

  it("counts a ranged request again once the window has passed, or from an unknown address", async () => {
    const { token, attemptsUsed } = await downloadLink();
    await request(token);
    await db.downloadToken.update({
      where: { tokenHash: hashDownloadToken(token) },
      data: { attemptStartedAt: new Date(Date.now() - (ATTEMPT_WINDOW_HOURS * 3_600 + 1) * 1000) },
    });
    await request(token, { range: "bytes=100-" });
    expect(await attemptsUsed()).toBe(2);

    // With no address to recognise (no server stamped it), nothing carries on an attempt.
    await request(token, { range: "bytes=100-", client: null });
    await request(token, { range: "bytes=100-", client: null });
    expect(await attemptsUsed()).toBe(4);
  });
});
