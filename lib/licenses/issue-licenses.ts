import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import type { License, Product, Tier } from "@/lib/generated/prisma/client";
import { buildLicenseCertificate } from "./license-certificate";
import { generateLicenseKey, hashLicenseKey } from "./license-key";
import { sealLicenseSecret } from "./license-secrets";

const DAY_MS = 86_400_000;

/** A license just issued, with its key and certificate in clear (stored encrypted). */
export type IssuedLicense = Omit<License, "keyCiphertext" | "certificateCiphertext"> & {
  key: string;
  certificate: string;
};

/**
 * Creates `quantity` licenses for a paid purchase, each with its key and signed certificate, both
 * stored encrypted; returns them with key and certificate in clear for the caller to hand over.
 */
export async function issueLicenses(
  tx: Tx,
  options: {
    purchaseId: string | null;
    product: Product;
    tier: Tier;
    customerEmail: string;
    quantity: number;
    actor: Actor;
    issuedAt?: Date;
  },
): Promise<IssuedLicense[]> {
  const { product, tier } = options;
  const issuedAt = options.issuedAt ?? new Date();
  const expiresAt =
    tier.durationDays === null ? null : new Date(issuedAt.getTime() + tier.durationDays * DAY_MS);
  const licenses: IssuedLicense[] = [];
  for (let unit = 0; unit < options.quantity; unit += 1) {
    const key = generateLicenseKey(product.keyPrefix);
    const certificate = buildLicenseCertificate({
      key,
      product,
      tier,
      seatLimit: tier.seatLimit,
      issuedAt,
      expiresAt,
    });
    const {
      keyCiphertext: _key,
      certificateCiphertext: _certificate,
      ...license
    } = await tx.license.create({
      data: {
        keyCiphertext: sealLicenseSecret(key),
        keyHash: hashLicenseKey(key),
        purchaseId: options.purchaseId,
        productId: product.id,
        tierId: tier.id,
        customerEmail: options.customerEmail,
        issuedAt,
        expiresAt,
        seatLimit: tier.seatLimit,
        certificateCiphertext: sealLicenseSecret(certificate),
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "license.issued",
      entityType: "License",
      entityId: license.id,
      after: {
        status: license.status,
        tier: tier.kind,
        seatLimit: license.seatLimit,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    licenses.push({ ...license, key, certificate });
  }
  return licenses;
}
