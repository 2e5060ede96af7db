import "server-only";
import type { Tx } from "@/lib/db";
import { hashLicenseKey } from "./license-key";
import { normalizeKey, toLicenseView, type LicenseFacts, type LicenseView } from "./license-view";

type LockedLicense = LicenseFacts & { id: string };

/**
 * The license of a key, its row locked for the rest of the transaction: seat changes on one
 * license happen one at a time, so no race can claim more seats than the limit.
 */
export async function lockLicenseByKey(tx: Tx, key: string): Promise<LockedLicense | undefined> {
  const [row] = await tx.$queryRaw<LockedLicense[]>`
    SELECT l.id, l.status, l."expiresAt", l."seatLimit", p.slug AS product, lower(t.kind::text) AS tier, t.features
    FROM "License" l JOIN "Product" p ON p.id = l."productId" JOIN "Tier" t ON t.id = l."tierId"
    WHERE l."keyHash" = ${hashLicenseKey(normalizeKey(key))}
    FOR UPDATE OF l`;
  return row;
}

export async function licenseView(tx: Tx, license: LockedLicense): Promise<LicenseView> {
  const used = await tx.activation.count({ where: { licenseId: license.id, deactivatedAt: null } });
  return toLicenseView(license, used);
}
