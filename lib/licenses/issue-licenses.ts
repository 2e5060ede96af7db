import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import type { Product, Tier } from "@/lib/generated/prisma/client";
import { tierSlug } from "@/lib/catalog/tier-kinds";
import { signCertificate } from "./license-certificate";
import { generateLicenseKey, hashLicenseKey } from "./license-key";

const DAY_MS = 86_400_000;

/** Creates `quantity` licenses for a paid purchase, each with its key and signed certificate. */
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
) {
  const { product, tier } = options;
  const issuedAt = options.issuedAt ?? new Date();
  const expiresAt =
    tier.durationDays === null ? null : new Date(issuedAt.getTime() + tier.durationDays * DAY_MS);
  const licenses = [];
  for (let unit = 0; unit < options.quantity; unit += 1) {
    const key = generateLicenseKey(product.keyPrefix);
    const license = await tx.license.create({
      data: {
        key,
        keyHash: hashLicenseKey(key),
        purchaseId: options.purchaseId,
        productId: product.id,
        tierId: tier.id,
        customerEmail: options.customerEmail,
        issuedAt,
        expiresAt,
        seatLimit: tier.seatLimit,
        certificate: signCertificate({
          v: 1,
          key,
          product: product.slug,
          tier: tierSlug(tier.kind),
          seats: tier.seatLimit,
          features: tier.features,
          issuedAt: issuedAt.toISOString(),
          expiresAt: expiresAt?.toISOString() ?? null,
        }),
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
    licenses.push(license);
  }
  return licenses;
}
