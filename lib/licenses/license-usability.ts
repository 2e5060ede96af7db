import type { LicenseStatus } from "@/lib/generated/prisma/enums";

/** Whether a license may be used right now, and if not, why: a stored status that stops it, or expiry. */
export type LicenseUsability = "VALID" | "EXPIRED" | Exclude<LicenseStatus, "ACTIVE">;

/**
 * Whether a license may be used right now: its stored status, then its expiry. Revocation and
 * suspension win over expiry, so a revoked key says REVOKED even after it would have expired.
 */
export function licenseUsability(
  license: { status: LicenseStatus; expiresAt: Date | null },
  now = new Date(),
): LicenseUsability {
  if (license.status === "REVOKED") return "REVOKED";
  if (license.status === "SUSPENDED") return "SUSPENDED";
  if (license.expiresAt && license.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "VALID";
}
