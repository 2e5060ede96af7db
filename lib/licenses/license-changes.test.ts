import { describe, expect, it } from "vitest";
import { POST as validate } from "@/app/api/v1/licenses/validate/route";
import { db } from "@/lib/db";
import { verifyLicenseCertificate } from "@/sdk/verify-license-certificate";
import { createLicense, uniqueSuffix } from "@/test/factories";
import { changeLicenseStatus } from "./change-license-status";
import { publicKeyFormats } from "./license-certificate";
import { openLicenseSecret } from "./license-secrets";
import { updateLicenseTerms } from "./update-license-terms";

const admin = { type: "ADMIN", id: "admin-1", label: "owner@keyfront.test" } as const;

async function validation(key: string) {
  const response = await validate(
    new Request("http://localhost/api/v1/licenses/validate", {
      method: "POST",
      headers: { "x-forwarded-for": `10.50.${uniqueSuffix().slice(0, 2)}.1` },
      body: JSON.stringify({ key }),
    }),
  );
  return (await response.json()) as { valid: boolean; code: string };
}

describe("license changes by an admin", () => {
  it("revokes with a reason, suspends and reinstates, each seen by the next validation and audited", async () => {
    const { license } = await createLicense();
    await expect(
      changeLicenseStatus({ licenseId: license.id, change: "revoke", reason: " ", actor: admin }),
    ).rejects.toThrow("Say why");
    await changeLicenseStatus({
      licenseId: license.id,
      change: "revoke",
      reason: "Chargeback fraud",
      actor: admin,
    });
    expect(await validation(license.key)).toMatchObject({ valid: false, code: "REVOKED" });
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).statusReason).toBe(
      "Chargeback fraud",
    );
    await changeLicenseStatus({ licenseId: license.id, change: "reinstate", actor: admin });
    expect(await validation(license.key)).toMatchObject({ valid: true, code: "VALID" });
    await changeLicenseStatus({ licenseId: license.id, change: "suspend", actor: admin });
    expect(await validation(license.key)).toMatchObject({ code: "SUSPENDED" });
    const audit = await db.auditLog.findMany({
      where: { entityId: license.id, actorType: "ADMIN" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => [row.action, row.actorLabel])).toEqual([
      ["license.revoked", "owner@keyfront.test"],
      ["license.reinstated", "owner@keyfront.test"],
      ["license.suspended", "owner@keyfront.test"],
    ]);
  });

  it("changes expiry and seats without touching the status, and signs the certificate again", async () => {
    const { license } = await createLicense();
    await changeLicenseStatus({
      licenseId: license.id,
      change: "revoke",
      reason: "Refunded by hand",
      actor: admin,
    });
    const expiresAt = new Date("2031-01-01T23:59:59.999Z");
    await updateLicenseTerms({ licenseId: license.id, expiresAt, seatLimit: 9, actor: admin });
    const updated = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect([updated.status, updated.seatLimit, updated.expiresAt?.toISOString()]).toEqual([
      "REVOKED",
      9,
      expiresAt.toISOString(),
    ]);
    const check = await verifyLicenseCertificate(
      openLicenseSecret(updated.certificateCiphertext),
      publicKeyFormats().raw!,
      {
        now: new Date("2030-01-01"),
      },
    );
    expect(check.valid && [check.payload.seats, check.payload.expiresAt]).toEqual([
      9,
      expiresAt.toISOString(),
    ]);
  });
});
