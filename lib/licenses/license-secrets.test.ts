import { describe, expect, it } from "vitest";
import { findLicenses } from "@/lib/admin/find-licenses";
import { db } from "@/lib/db";
import { createLicense } from "@/test/factories";
import { hashLicenseKey } from "./license-key";
import { openLicenseSecret, revealLicense, sealLicenseSecret } from "./license-secrets";
import { sealClearLicenseSecrets } from "./seal-clear-license-secrets";
import { validateLicense } from "./validate-license";

/** Everything the database holds about a license, as a dump would show it. */
async function dumpOf(licenseId: string) {
  return JSON.stringify(await db.$queryRaw`SELECT * FROM "License" WHERE id = ${licenseId}`);
}

describe("license keys at rest", () => {
  it("are stored encrypted with their certificate: a dump holds no usable key", async () => {
    const { license } = await createLicense();
    const dump = await dumpOf(license.id);
    expect(dump).not.toContain(license.key);
    expect(dump).not.toContain(license.certificate.split(".")[0]);

    const stored = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect(stored.keyCiphertext).toMatch(/^v1:[\w-]+$/);
    expect(stored.keyHash).toBe(hashLicenseKey(license.key));
    expect(revealLicense(stored)).toMatchObject({
      key: license.key,
      certificate: license.certificate,
    });
    expect(await validateLicense({ key: license.key })).toMatchObject({ valid: true });
    // Admins find a license by its whole key, through the hash.
    const found = await findLicenses({ query: ` ${license.key.toLowerCase()} ` });
    expect(found.map((row) => [row.id, row.key])).toEqual([[license.id, license.key]]);
  });

  it("are sealed authenticated: a changed ciphertext does not open", () => {
    const sealed = sealLicenseSecret("PXM-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE");
    expect(sealLicenseSecret("PXM-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE")).not.toBe(sealed);
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === "A" ? "B" : "A"}${sealed.at(-1)}`;
    expect(() => openLicenseSecret(flipped)).toThrow();
  });

  it("written in clear before encryption are sealed at startup, once, and still validate", async () => {
    const { license } = await createLicense();
    // A row as the migration leaves it: the old clear key and certificate, renamed columns.
    await db.license.update({
      where: { id: license.id },
      data: { keyCiphertext: license.key, certificateCiphertext: license.certificate },
    });
    expect(await dumpOf(license.id)).toContain(license.key);

    expect(await sealClearLicenseSecrets({ batchSize: 2 })).toBeGreaterThanOrEqual(1);
    expect(await dumpOf(license.id)).not.toContain(license.key);
    const stored = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect(revealLicense(stored)).toMatchObject({
      key: license.key,
      certificate: license.certificate,
    });
    expect(await validateLicense({ key: license.key })).toMatchObject({ valid: true });

    const before = stored.keyCiphertext;
    expect(await sealClearLicenseSecrets()).toBe(0);
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).keyCiphertext).toBe(
      before,
    );
  });
});
