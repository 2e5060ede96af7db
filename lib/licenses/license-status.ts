import type { LicenseStatus } from "@/lib/generated/prisma/enums";

export type LicenseCode = "VALID" | "REVOKED" | "SUSPENDED" | "EXPIRED";

/**
 * Why a license may or may not be used right now. Revocation and suspension win over expiry, so a
 * revoked key says REVOKED even after it would have expired.
 */
export function licenseStatus(
  license: { status: LicenseStatus; expiresAt: Date | null },
  now = new Date(),
): LicenseCode {
  if (license.status === "REVOKED") return "REVOKED";
  if (license.status === "SUSPENDED") return "SUSPENDED";
  if (license.expiresAt && license.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "VALID";
}
