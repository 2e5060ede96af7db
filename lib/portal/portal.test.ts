import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/downloads/[token]/route";
import { normalizeEmail } from "@/lib/auth/auth-options";
import { limitSignInRequests, SIGN_IN_LIMITS } from "@/lib/auth/limit-sign-in-requests";
import { db } from "@/lib/db";
import { issueDownloadToken } from "@/lib/downloads/issue-download-token";
import { revokeDownloadToken } from "@/lib/downloads/revoke-download-token";
import { AppError } from "@/lib/errors/app-error";
import { createLicense, createProduct, uniqueSuffix } from "@/test/factories";
import { itOnPostgres } from "@/test/on-postgres";
import { buy } from "@/test/stripe";
import { deactivateDevice } from "./deactivate-device";
import { listCustomerLicenses } from "./list-customer-licenses";
import { findCustomerPurchase, listCustomerPurchases } from "./list-customer-purchases";
import { resendLicenseEmail } from "./resend-license-email";
import { openLicenseSecret } from "@/lib/licenses/license-secrets";

const customer = { type: "CUSTOMER" } as const;

async function withFile(options: Parameters<typeof createLicense>[0] = {}) {
  const created = await createLicense(options);
  const { config } = await import("@/lib/config");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const path = await import("node:path");
  const data = Buffer.from(`file of ${created.product.slug} `.repeat(5_000));
  const storageKey = `${created.product.slug}/file.zip`;
  mkdirSync(path.join(config().storageDir, created.product.slug), { recursive: true });
  writeFileSync(path.join(config().storageDir, storageKey), data);
  const asset = await db.asset.create({
    data: {
      productId: created.product.id,
      name: "The file",
      fileName: "the file (v1).zip",
      storageKey,
      sizeBytes: BigInt(data.length),
      sha256: createHash("sha256").update(data).digest("hex"),
      contentType: "application/zip",
    },
  });
  return { ...created, asset, data };
}

const get = (token: string, headers: Record<string, string> = {}) =>
  download(new Request(`http://localhost/api/downloads/${token}`, { headers }), {
    params: Promise.resolve({ token }),
  });

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("ownership", () => {
  it("shows a customer exactly their own licenses and purchases, in whatever case they typed the email", async () => {
    const suffix = uniqueSuffix();
    const product = await createProduct();
    const { sessionId } = await buy({
      tierId: product.tiers[1]!.id,
      email: `Owner-${suffix}@Example.com`,
    });
    await createLicense({ email: `someone-${suffix}@example.com` });
    const bought = await db.purchase.findFirstOrThrow({
      where: { sourceOrderId: sessionId },
      include: { licenses: true },
    });

    // The portal is given the session's email: the one the sign-in form normalised.
    const email = normalizeEmail(`  OWNER-${suffix}@EXAMPLE.COM `);
    expect((await listCustomerLicenses({ email })).map((license) => license.key)).toEqual(
      bought.licenses.map((license) => openLicenseSecret(license.keyCiphertext)),
    );
    expect((await listCustomerPurchases({ email })).map((purchase) => purchase.id)).toEqual([
      bought.id,
    ]);
    expect(await listCustomerPurchases({ email: `nobody-${suffix}@example.com` })).toEqual([]);
  });

  it("answers another customer's license, purchase, device or link as not found", async () => {
    const { license, asset } = await withFile();
    const stranger = `stranger-${uniqueSuffix()}@example.com`;
    await expectAppError(
      issueDownloadToken({
        email: stranger,
        licenseId: license.id,
        assetId: asset.id,
        actor: customer,
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      resendLicenseEmail({ email: stranger, licenseId: license.id, actor: customer }),
      "NOT_FOUND",
    );

    const activation = await db.activation.create({
      data: { licenseId: license.id, fingerprint: "m-1" },
    });
    await expectAppError(
      deactivateDevice({ email: stranger, activationId: activation.id, actor: customer }),
      "NOT_FOUND",
    );
    expect(
      (await db.activation.findUniqueOrThrow({ where: { id: activation.id } })).deactivatedAt,
    ).toBeNull();

    await issueDownloadToken({
      email: license.customerEmail,
      licenseId: license.id,
      assetId: asset.id,
      actor: customer,
    });
    const token = await db.downloadToken.findFirstOrThrow({ where: { licenseId: license.id } });
    await expectAppError(
      revokeDownloadToken({ email: stranger, downloadTokenId: token.id, actor: customer }),
      "NOT_FOUND",
    );

    const owner = `owner-${uniqueSuffix()}@example.com`;
    const { sessionId } = await buy({ tierId: license.tierId, email: owner });
    const purchase = await db.purchase.findFirstOrThrow({ where: { sourceOrderId: sessionId } });
    expect(await findCustomerPurchase({ email: owner, purchaseId: purchase.id })).toMatchObject({
      id: purchase.id,
    });
    expect(await findCustomerPurchase({ email: stranger, purchaseId: purchase.id })).toBeNull();
  });

  it("frees a device seat for its owner, with an audit row", async () => {
    const { license } = await createLicense();
    const activation = await db.activation.create({
      data: { licenseId: license.id, fingerprint: "m-2" },
    });
    await deactivateDevice({
      email: license.customerEmail,
      activationId: activation.id,
      actor: { type: "CUSTOMER", id: "u1", label: license.customerEmail },
    });
    expect(
      (await db.activation.findUniqueOrThrow({ where: { id: activation.id } })).deactivatedAt,
    ).toBeInstanceOf(Date);
    expect(
      await db.auditLog.count({
        where: { entityId: activation.id, action: "activation.deactivated", actorType: "CUSTOMER" },
      }),
    ).toBe(1);
  });
});

describe("download links", () => {
  it("stores only the token's hash, and streams the file with its headers", async () => {
    const { license, asset, data } = await withFile();
    const { token, expiresAt } = await issueDownloadToken({
      email: license.customerEmail,
      licenseId: license.id,
      assetId: asset.id,
      actor: customer,
    });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(await db.downloadToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(
      await db.downloadToken.count({
        where: { tokenHash: createHash("sha256").update(token).digest("hex") },
      }),
    ).toBe(1);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(47.9 * 3_600_000);

    const response = await get(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-length")).toBe(String(data.length));
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="the file (v1).zip"; filename*=UTF-8''the%20file%20(v1).zip`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(data)).toBe(true);
  });

  it("serves byte ranges so large downloads can resume", async () => {
    const { license, asset, data } = await withFile();
    const { token } = await issueDownloadToken({
      email: license.customerEmail,
      licenseId: license.id,
      assetId: asset.id,
      actor: customer,
    });
    const partial = await get(token, { range: "bytes=100-199" });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 100-199/${data.length}`);
    expect(Buffer.from(await partial.arrayBuffer()).equals(data.subarray(100, 200))).toBe(true);
    const tail = await get(token, { range: "bytes=-10" });
    expect(Buffer.from(await tail.arrayBuffer()).equals(data.subarray(data.length - 10))).toBe(
      true,
    );
    const beyond = await get(token, { range: `bytes=${data.length + 5}-` });
    expect([beyond.status, beyond.headers.get("content-range")]).toEqual([
      416,
      `bytes */${data.length}`,
    ]);
  });

  itOnPostgres(
    "lets 5 of 20 simultaneous requests through, then explains that the link is used up",
    async () => {
      const { license, asset } = await withFile();
      const { token } = await issueDownloadToken({
        email: license.customerEmail,
        licenseId: license.id,
        assetId: asset.id,
        actor: customer,
      });
      const responses = await Promise.all(Array.from({ length: 20 }, () => get(token)));
      await Promise.all(responses.map((response) => response.arrayBuffer()));
      expect(responses.filter((response) => response.status === 200)).toHaveLength(5);
      expect(responses.filter((response) => response.status === 410)).toHaveLength(15);
      const page = await (await get(token)).text();
      expect(page).toContain("used the maximum number of times");
      expect(page).toContain('href="/account"');
      expect(
        await db.auditLog.count({
          where: {
            action: "download.redeemed",
            entityId: (
              await db.downloadToken.findFirstOrThrow({ where: { licenseId: license.id } })
            ).id,
          },
        }),
      ).toBe(5);
    },
  );

  it("explains expired (410), revoked (403), unknown (404) links, and those of a revoked license (403)", async () => {
    const { license, asset } = await withFile();
    const issue = () =>
      issueDownloadToken({
        email: license.customerEmail,
        licenseId: license.id,
        assetId: asset.id,
        actor: customer,
      });
    const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

    const expired = await issue();
    await db.downloadToken.update({
      where: { tokenHash: hashOf(expired.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await get(expired.token)).status).toBe(410);

    const revoked = await issue();
    const stored = await db.downloadToken.findUniqueOrThrow({
      where: { tokenHash: hashOf(revoked.token) },
    });
    await revokeDownloadToken({
      email: license.customerEmail,
      downloadTokenId: stored.id,
      actor: customer,
    });
    expect((await get(revoked.token)).status).toBe(403);

    expect((await get("A".repeat(43))).status).toBe(404);
    expect((await get("../../etc/passwd")).status).toBe(404);

    const live = await issue();
    await db.license.update({ where: { id: license.id }, data: { status: "REVOKED" } });
    const refused = await get(live.token);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("revoked");
    await expectAppError(issue(), "LICENSE_NOT_USABLE");
  });

  it("lists live links with their attempts left", async () => {
    const { license, asset } = await withFile();
    const { token } = await issueDownloadToken({
      email: license.customerEmail,
      licenseId: license.id,
      assetId: asset.id,
      actor: customer,
    });
    await (await get(token)).arrayBuffer();
    const [listed] = (await listCustomerLicenses({ email: license.customerEmail })).filter(
      (entry) => entry.id === license.id,
    );
    expect(listed!.downloadLinks).toEqual([
      expect.objectContaining({ assetName: "The file", attemptsLeft: 4 }),
    ]);
    expect(listed!.files.map((file) => file.name)).toContain("The file");
  });
});

describe("rate limits", () => {
  it("sends the license email again at most three times an hour, and never for a revoked license", async () => {
    const { license } = await createLicense();
    for (let attempt = 0; attempt < 3; attempt += 1)
      await resendLicenseEmail({
        email: license.customerEmail,
        licenseId: license.id,
        actor: customer,
      });
    await expectAppError(
      resendLicenseEmail({ email: license.customerEmail, licenseId: license.id, actor: customer }),
      "RATE_LIMITED",
    );
    expect(
      await db.emailMessage.count({
        where: { to: license.customerEmail, template: "license-delivery" },
      }),
    ).toBe(3);

    const other = await createLicense();
    await db.license.update({ where: { id: other.license.id }, data: { status: "REVOKED" } });
    await expectAppError(
      resendLicenseEmail({
        email: other.license.customerEmail,
        licenseId: other.license.id,
        actor: customer,
      }),
      "LICENSE_NOT_USABLE",
    );
  });

  it("limits sign-in links per email and per address", async () => {
    const email = `signin-${uniqueSuffix()}@example.com`;
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perEmail; attempt += 1) {
      expect(await limitSignInRequests({ email, ip: `10.1.${attempt}.1` })).toBeNull();
    }
    expect(
      (await limitSignInRequests({ email: email.toUpperCase(), ip: "10.1.99.1" }))
        ?.retryAfterSeconds,
    ).toBeGreaterThan(0);

    const ip = `10.2.${uniqueSuffix().slice(0, 2)}.1`;
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perIp; attempt += 1) {
      expect(
        await limitSignInRequests({ email: `many-${attempt}-${uniqueSuffix()}@example.com`, ip }),
      ).toBeNull();
    }
    expect(
      await limitSignInRequests({ email: `one-more-${uniqueSuffix()}@example.com`, ip }),
    ).not.toBeNull();
  });
});
