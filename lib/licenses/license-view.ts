import type { LicenseStatus } from "@/lib/generated/prisma/enums";
import { licenseUsability } from "./license-usability";

/** What the database says about a license, enough to answer for it. */
export type LicenseFacts = {
  status: LicenseStatus;
  expiresAt: Date | null;
  seatLimit: number;
  product: string;
  tier: string;
  features: string[];
};

/** What the license API tells software about a license. */
export type LicenseView = {
  status: LicenseStatus;
  product: string;
  tier: string;
  features: string[];
  expiresAt: string | null;
  seats: { used: number; limit: number };
};

export const MESSAGES = {
  VALID: "The license is valid.",
  NOT_FOUND: "No license has this key.",
  REVOKED: "This license has been revoked.",
  SUSPENDED: "This license is suspended.",
  EXPIRED: "This license has expired.",
  FINGERPRINT_NOT_ACTIVATED: "This machine has not been activated for this license.",
  SEAT_LIMIT_REACHED: "Every seat of this license is in use. Deactivate a machine to free one.",
  ACTIVATED: "This machine is now activated.",
  ALREADY_ACTIVATED: "This machine was already activated.",
  DEACTIVATED: "This machine is deactivated and its seat is free.",
} as const;

export type LicenseApiCode = keyof typeof MESSAGES;

export function toLicenseView(license: LicenseFacts, seatsUsed: number): LicenseView {
  return {
    status: license.status,
    product: license.product,
    tier: license.tier,
    features: license.features,
    expiresAt: license.expiresAt?.toISOString() ?? null,
    seats: { used: seatsUsed, limit: license.seatLimit },
  };
}

export const normalizeKey = (key: string) => key.trim().toUpperCase();

type LicenseState = { status: LicenseStatus; expiresAt: Date | null };

/** A license's files can be downloaded while it is usable: not revoked, suspended or expired. */
export const canDownloadFiles = (license: LicenseState, now = new Date()) =>
  licenseUsability(license, now) === "VALID";

/** A license's email can be sent again unless the license was revoked. */
export const canResendLicenseEmail = (license: Pick<LicenseState, "status">) =>
  license.status !== "REVOKED";

/** What the customer's account page shows about a license's state and may offer for it. */
export function customerLicenseState(license: LicenseState, now = new Date()) {
  return {
    code: licenseUsability(license, now),
    canDownload: canDownloadFiles(license, now),
    canResendEmail: canResendLicenseEmail(license),
  };
}
