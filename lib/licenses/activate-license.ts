import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Activation } from "@/lib/generated/prisma/client";
import { licenseUsability } from "./license-usability";
import type { LicenseApiCode, LicenseView } from "./license-view";
import { licenseView, lockLicenseByKey } from "./load-license-for-seats";

export type ActivationResult = {
  code: LicenseApiCode;
  activation: Activation | null;
  license: LicenseView | null;
};

/**
 * Claims a seat of a license for a machine. Activating the same machine again returns its
 * activation unchanged (but for its last-seen time, label and platform); a machine that was
 * deactivated gets its old activation back if a seat is free.
 */
export async function activateLicense(options: {
  key: string;
  fingerprint: string;
  label?: string;
  platform?: string;
  actor: Actor;
}): Promise<ActivationResult> {
  return db.$transaction(async (tx) => {
    const license = await lockLicenseByKey(tx, options.key);
    if (!license) return { code: "NOT_FOUND", activation: null, license: null };
    const usability = licenseUsability(license);
    if (usability !== "VALID")
      return { code: usability, activation: null, license: await licenseView(tx, license) };

    const existing = await tx.activation.findUnique({
      where: { licenseId_fingerprint: { licenseId: license.id, fingerprint: options.fingerprint } },
    });
    const details = {
      label: options.label ?? existing?.label ?? null,
      platform: options.platform ?? existing?.platform ?? null,
    };
    if (existing && !existing.deactivatedAt) {
      const activation = await tx.activation.update({
        where: { id: existing.id },
        data: { ...details, lastSeenAt: new Date() },
      });
      return { code: "ALREADY_ACTIVATED", activation, license: await licenseView(tx, license) };
    }

    const used = await tx.activation.count({
      where: { licenseId: license.id, deactivatedAt: null },
    });
    if (used >= license.seatLimit) {
      return {
        code: "SEAT_LIMIT_REACHED",
        activation: null,
        license: await licenseView(tx, license),
      };
    }
    const now = new Date();
    const activation = existing
      ? await tx.activation.update({
          where: { id: existing.id },
          data: { ...details, deactivatedAt: null, lastSeenAt: now },
        })
      : await tx.activation.create({
          data: {
            licenseId: license.id,
            fingerprint: options.fingerprint,
            ...details,
            firstSeenAt: now,
            lastSeenAt: now,
          },
        });
    await recordAudit(tx, {
      actor: options.actor,
      action: "activation.created",
      entityType: "Activation",
      entityId: activation.id,
      after: {
        licenseId: license.id,
        fingerprint: activation.fingerprint,
        label: activation.label,
        platform: activation.platform,
      },
    });
    return { code: "ACTIVATED", activation, license: await licenseView(tx, license) };
  });
}
