import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { LicenseStatus } from "@/lib/generated/prisma/client";

const TARGET: Record<"revoke" | "suspend" | "reinstate", LicenseStatus> = {
  revoke: "REVOKED",
  suspend: "SUSPENDED",
  reinstate: "ACTIVE",
};

/** Revokes, suspends or reinstates a license; the license API sees it at the next validation. */
export async function changeLicenseStatus(options: {
  licenseId: string;
  change: keyof typeof TARGET;
  reason?: string;
  actor: Actor;
}) {
  const status = TARGET[options.change];
  if (options.change === "revoke" && !options.reason?.trim())
    throw new AppError("VALIDATION_FAILED", "Say why the license is revoked.");
  await db.$transaction(async (tx) => {
    const [license] = await tx.$queryRaw<{ id: string; status: LicenseStatus }[]>`
      SELECT id, status FROM "License" WHERE id = ${options.licenseId} FOR UPDATE`;
    if (!license) throw new AppError("NOT_FOUND", "No such license.");
    if (license.status === status) return;
    const reason = options.reason?.trim() || null;
    await tx.license.update({
      where: { id: license.id },
      data: {
        status,
        statusReason: status === "ACTIVE" ? null : reason,
        statusChangedAt: new Date(),
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: `license.${options.change === "reinstate" ? "reinstated" : status.toLowerCase()}`,
      entityType: "License",
      entityId: license.id,
      before: { status: license.status },
      after: { status, reason },
    });
  });
}
