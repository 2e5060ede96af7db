import "server-only";
import { db } from "@/lib/db";
import type { LicenseStatus } from "@/lib/generated/prisma/enums";
import { hashLicenseKey } from "./license-key";
import { licenseStatus } from "./license-status";
import { normalizeKey, type LicenseApiCode, type LicenseView } from "./license-view";

export type ValidationResult = {
  valid: boolean;
  code: LicenseApiCode;
  license: LicenseView | null;
};

type Row = {
  status: LicenseStatus;
  expiresAt: Date | null;
  seatLimit: number;
  product: string;
  tier: string;
  features: string[];
  seats_used: number;
  fingerprint_active: boolean;
};

/**
 * Checks a key (and, given one, that this machine holds a live seat), counting the validation.
 * One round trip: the key is found by its sha256 through a unique index, so the lookup never
 * compares the secret itself and takes the same path whatever the key's content.
 */
export async function validateLicense(options: {
  key: string;
  fingerprint?: string;
}): Promise<ValidationResult> {
  const hash = hashLicenseKey(normalizeKey(options.key));
  const fingerprint = options.fingerprint ?? null;
  const [row] = await db.$queryRaw<Row[]>`
    WITH hit AS (
      UPDATE "License" SET "validationCount" = "validationCount" + 1, "lastValidatedAt" = now()
      WHERE "keyHash" = ${hash}
      RETURNING id, status, "expiresAt", "seatLimit", "productId", "tierId"
    ), seen AS (
      UPDATE "Activation" a SET "lastSeenAt" = now()
      FROM hit
      WHERE a."licenseId" = hit.id AND a.fingerprint = ${fingerprint} AND a."deactivatedAt" IS NULL
      RETURNING a.id
    )
    SELECT hit.status, hit."expiresAt", hit."seatLimit", p.slug AS product, lower(t.kind::text) AS tier, t.features,
      (SELECT count(*)::int FROM "Activation" a WHERE a."licenseId" = hit.id AND a."deactivatedAt" IS NULL) AS seats_used,
      EXISTS (SELECT 1 FROM seen) AS fingerprint_active
    FROM hit JOIN "Product" p ON p.id = hit."productId" JOIN "Tier" t ON t.id = hit."tierId"`;
  if (!row) return { valid: false, code: "NOT_FOUND", license: null };

  const license: LicenseView = {
    status: row.status,
    product: row.product,
    tier: row.tier,
    features: row.features,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    seats: { used: row.seats_used, limit: row.seatLimit },
  };
  const status = licenseStatus(row);
  if (status !== "VALID") return { valid: false, code: status, license };
  if (fingerprint !== null && !row.fingerprint_active)
    return { valid: false, code: "FINGERPRINT_NOT_ACTIVATED", license };
  return { valid: true, code: "VALID", license };
}
