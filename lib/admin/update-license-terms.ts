import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { tierSlug } from "@/lib/catalog/tier-kinds";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { signCertificate } from "@/lib/licenses/license-certificate";

/**
 * Extends or shortens a license and changes its seat limit. Never touches its status: a revoked
 * key stays revoked. The certificate is signed again so offline checks see the new terms.
 */
export async function updateLicenseTerms(options: {
  licenseId: string;
  expiresAt: Date | null;
  seatLimit: number;
  actor: Actor;
}) {
  await db.$transaction(async (tx) => {
    const license = await tx.license.findUnique({
      where: { id: options.licenseId },
      include: { product: true, tier: true },
    });
    if (!license) throw new AppError("NOT_FOUND", "No such license.");
    const certificate = signCertificate({
      v: 1,
      key: license.key,
      product: license.product.slug,
      tier: tierSlug(license.tier.kind),
      seats: options.seatLimit,
      features: license.tier.features,
      issuedAt: license.issuedAt.toISOString(),
      expiresAt: options.expiresAt?.toISOString() ?? null,
    });
    await tx.license.update({
      where: { id: license.id },
      data: { expiresAt: options.expiresAt, seatLimit: options.seatLimit, certificate },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "license.terms_changed",
      entityType: "License",
      entityId: license.id,
      before: { expiresAt: license.expiresAt?.toISOString() ?? null, seatLimit: license.seatLimit },
      after: { expiresAt: options.expiresAt?.toISOString() ?? null, seatLimit: options.seatLimit },
    });
  });
}
