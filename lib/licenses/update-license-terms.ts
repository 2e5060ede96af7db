import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { buildLicenseCertificate } from "./license-certificate";
import { openLicenseSecret, sealLicenseSecret } from "./license-secrets";

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
    const certificate = buildLicenseCertificate({
      ...license,
      key: openLicenseSecret(license.keyCiphertext),
      seatLimit: options.seatLimit,
      expiresAt: options.expiresAt,
    });
    await tx.license.update({
      where: { id: license.id },
      data: {
        expiresAt: options.expiresAt,
        seatLimit: options.seatLimit,
        certificateCiphertext: sealLicenseSecret(certificate),
      },
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
