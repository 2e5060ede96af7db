import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { LicenseStatus } from "@/lib/generated/prisma/enums";

type TransitionOptions = {
  licenseId: string;
  reason?: string | null;
  actor: Actor;
  /** Leaves the license as it is unless its status is one of these (a dispute suspends only active licenses). */
  onlyFrom?: readonly LicenseStatus[];
};

/**
 * Moves a license to `to` in the caller's transaction, its row locked, with the audit row of the
 * change; the license API sees it at the next validation. Returns whether the status changed.
 */
async function changeStatus(
  tx: Tx,
  transition: { to: LicenseStatus; action: string },
  options: TransitionOptions,
): Promise<boolean> {
  const [license] = await tx.$queryRaw<{ id: string; status: LicenseStatus }[]>`
    SELECT id, status FROM "License" WHERE id = ${options.licenseId} FOR UPDATE`;
  if (!license) throw new AppError("NOT_FOUND", "No such license.");
  if (license.status === transition.to) return false;
  if (options.onlyFrom && !options.onlyFrom.includes(license.status)) return false;
  const reason = options.reason?.trim() || null;
  await tx.license.update({
    where: { id: license.id },
    data: {
      status: transition.to,
      statusReason: transition.to === "ACTIVE" ? null : reason,
      statusChangedAt: new Date(),
      // A dispute's mark stays only on the suspension that dispute made.
      suspendedByDisputeId: null,
    },
  });
  await recordAudit(tx, {
    actor: options.actor,
    action: transition.action,
    entityType: "License",
    entityId: license.id,
    before: { status: license.status },
    after: { status: transition.to, reason },
  });
  return true;
}

/** Ends a license for good (an admin's decision, a refund); a reason is required. */
export function revokeLicense(tx: Tx, options: TransitionOptions) {
  if (!options.reason?.trim())
    throw new AppError("VALIDATION_FAILED", "Say why the license is revoked.");
  return changeStatus(tx, { to: "REVOKED", action: "license.revoked" }, options);
}

/** Stops a license until it is reinstated (an admin's decision, a dispute). */
export function suspendLicense(tx: Tx, options: TransitionOptions) {
  return changeStatus(tx, { to: "SUSPENDED", action: "license.suspended" }, options);
}

/** Makes a suspended or revoked license active again; its reason is cleared. */
export function reinstateLicense(tx: Tx, options: TransitionOptions) {
  return changeStatus(tx, { to: "ACTIVE", action: "license.reinstated" }, options);
}

const TRANSITIONS = { revoke: revokeLicense, suspend: suspendLicense, reinstate: reinstateLicense };

/** One transition by name, in its own transaction: what an admin's action asks for. */
export async function changeLicenseStatus(options: {
  licenseId: string;
  change: keyof typeof TRANSITIONS;
  reason?: string;
  actor: Actor;
}) {
  const { change, ...transition } = options;
  await db.$transaction((tx) => TRANSITIONS[change](tx, transition));
}
