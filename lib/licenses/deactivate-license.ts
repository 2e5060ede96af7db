import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { ActivationResult } from "./activate-license";
import { licenseView, lockLicenseByKey } from "./load-license-for-seats";

/** Frees the seat a machine holds. Allowed whatever the license's status: it only gives back. */
export async function deactivateLicense(options: {
  key: string;
  fingerprint: string;
  actor: Actor;
}): Promise<ActivationResult> {
  return db.$transaction(async (tx) => {
    const license = await lockLicenseByKey(tx, options.key);
    if (!license) return { code: "NOT_FOUND", activation: null, license: null };
    const existing = await tx.activation.findUnique({
      where: { licenseId_fingerprint: { licenseId: license.id, fingerprint: options.fingerprint } },
    });
    if (!existing || existing.deactivatedAt) {
      return {
        code: "FINGERPRINT_NOT_ACTIVATED",
        activation: null,
        license: await licenseView(tx, license),
      };
    }
    const activation = await tx.activation.update({
      where: { id: existing.id },
      data: { deactivatedAt: new Date() },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "activation.deactivated",
      entityType: "Activation",
      entityId: activation.id,
      before: { deactivatedAt: null },
      after: {
        licenseId: license.id,
        fingerprint: activation.fingerprint,
        deactivatedAt: activation.deactivatedAt!.toISOString(),
      },
    });
    return { code: "DEACTIVATED", activation, license: await licenseView(tx, license) };
  });
}
